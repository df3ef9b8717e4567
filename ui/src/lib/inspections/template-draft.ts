import type { Body } from '$lib/api/client';
import type { InspectionTemplate } from './inspection';

export type TemplateBody = Body<'/api/inspection-templates', 'post'>;

/**
 * The template editor's working copy: plain strings the inputs bind to, turned into the API body
 * on save. Keys are made from the labels for new items and never change for existing ones (an
 * inspection's findings and photos refer to them).
 */
export interface ItemDraft {
  key: string;
  label: string;
  required: boolean;
  unit: string;
  yellowBelow: string;
  redBelow: string;
  cannedJobId: string;
}

export interface SectionDraft {
  key: string;
  title: string;
  items: ItemDraft[];
}

export interface TemplateDraft {
  name: string;
  sections: SectionDraft[];
}

/** Units offered in the editor (free text is accepted too). */
export const COMMON_UNITS = ['32nds', 'mm', 'V', 'CCA', '%', 'psi', '°F'] as const;

export function toDraft(template: Pick<InspectionTemplate, 'name' | 'sections'> | null): TemplateDraft {
  if (template === null) return { name: '', sections: [emptySection()] };
  return {
    name: template.name,
    sections: template.sections.map((s) => ({
      key: s.key,
      title: s.title,
      items: s.items.map((i) => ({
        key: i.key,
        label: i.label,
        required: i.required,
        unit: i.measurementUnit ?? '',
        yellowBelow: i.thresholds?.yellowBelow === undefined ? '' : String(i.thresholds.yellowBelow),
        redBelow: i.thresholds?.redBelow === undefined ? '' : String(i.thresholds.redBelow),
        cannedJobId: i.cannedJobId ?? '',
      })),
    })),
  };
}

/** "Front brake pads" → "front-brake-pads", made unique against `taken` with -2, -3, ... */
export function keyFrom(text: string, taken: ReadonlySet<string>, fallback = 'item'): string {
  const base =
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || fallback;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}

function allItemKeys(sections: readonly SectionDraft[]): Set<string> {
  return new Set(sections.flatMap((s) => s.items.map((i) => i.key)).filter((k) => k !== ''));
}

export function emptySection(): SectionDraft {
  return { key: '', title: '', items: [emptyItem()] };
}

export function emptyItem(): ItemDraft {
  return { key: '', label: '', required: false, unit: '', yellowBelow: '', redBelow: '', cannedJobId: '' };
}

/** Moves an element of a list up (-1) or down (+1); out of range is a no-op. */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export interface DraftError {
  path: string;
  message: string;
}

function numberOrUndefined(text: string): number | undefined | 'invalid' {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : 'invalid';
}

/**
 * The API body from the draft, or the errors to show next to the fields (paths as the server names
 * them: `sections.0.items.2.label`). New sections and items get keys from their titles and labels.
 */
export function toBody(
  draft: TemplateDraft,
): { ok: true; body: TemplateBody } | { ok: false; errors: DraftError[] } {
  const errors: DraftError[] = [];
  if (draft.name.trim() === '') errors.push({ path: 'name', message: 'Give the template a name' });
  if (draft.sections.length === 0) errors.push({ path: 'sections', message: 'Add at least one section' });
  const sectionKeys = new Set(draft.sections.map((s) => s.key).filter((k) => k !== ''));
  const itemKeys = allItemKeys(draft.sections);
  const sections = draft.sections.map((section, s) => {
    if (section.title.trim() === '')
      errors.push({ path: `sections.${s}.title`, message: 'Give the section a title' });
    if (section.items.length === 0)
      errors.push({ path: `sections.${s}.items`, message: 'Add at least one item' });
    let sectionKey = section.key;
    if (sectionKey === '') {
      sectionKey = keyFrom(section.title, sectionKeys, 'section');
      sectionKeys.add(sectionKey);
    }
    const items = section.items.map((item, i) => {
      const path = `sections.${s}.items.${i}`;
      if (item.label.trim() === '') errors.push({ path: `${path}.label`, message: 'What is checked?' });
      let key = item.key;
      if (key === '') {
        key = keyFrom(`${sectionKey}.${item.label}`.replace(/\./g, ' ').trim(), itemKeys);
        itemKeys.add(key);
      }
      const yellow = numberOrUndefined(item.yellowBelow);
      const red = numberOrUndefined(item.redBelow);
      if (yellow === 'invalid')
        errors.push({ path: `${path}.thresholds.yellowBelow`, message: 'Enter a number' });
      if (red === 'invalid') errors.push({ path: `${path}.thresholds.redBelow`, message: 'Enter a number' });
      if (typeof yellow === 'number' && typeof red === 'number' && red > yellow)
        errors.push({ path: `${path}.thresholds.redBelow`, message: 'must not be above the yellow limit' });
      const thresholds = {
        ...(typeof yellow === 'number' ? { yellowBelow: yellow } : {}),
        ...(typeof red === 'number' ? { redBelow: red } : {}),
      };
      return {
        key,
        label: item.label.trim(),
        required: item.required,
        measurementUnit: item.unit.trim() === '' ? null : item.unit.trim(),
        thresholds: Object.keys(thresholds).length === 0 ? null : thresholds,
        cannedJobId: item.cannedJobId === '' ? null : item.cannedJobId,
      };
    });
    return { key: sectionKey, title: section.title.trim(), items };
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, body: { name: draft.name.trim(), sections } };
}

export function errorAt(errors: readonly DraftError[], path: string): string | undefined {
  return errors.find((e) => e.path === path || e.path === `body.${path}`)?.message;
}
