import type { Ok } from '$lib/api/client';

/** Shapes from the server's OpenAPI (never copied by hand). */
export type Inspection = Ok<'/api/inspections/{id}', 'get'>;
export type InspectionSummary = Ok<'/api/inspections', 'get'>['items'][number];
export type InspectionTemplate = Ok<'/api/inspection-templates', 'get'>['items'][number];
export type Section = Inspection['sections'][number];
export type Item = Section['items'][number];
export type Finding = Inspection['findings'][number];
export type Media = Inspection['media'][number];
export type Rating = 'green' | 'yellow' | 'red';

/** What one save of a finding changes (the version is added by whoever sends it). */
export interface FindingPatch {
  rating?: Rating | null;
  measurement?: number | null;
  note?: string;
}

export const RATINGS: readonly Rating[] = ['green', 'yellow', 'red'];
export const RATING_LABELS: Record<Rating, string> = { green: 'OK', yellow: 'Soon', red: 'Now' };
export const RATING_WORDS: Record<Rating, string> = {
  green: 'OK',
  yellow: 'needs attention soon',
  red: 'needs attention now',
};

/** How a unit reads next to a number: tread depth is "4/32″", the others their own symbol. */
export function unitLabel(unit: string | null | undefined): string {
  if (unit === null || unit === undefined) return '';
  if (unit === '32nds') return '/32″';
  return unit;
}

export function formatMeasurement(m: { value: number; unit: string | null } | null): string {
  if (m === null) return '';
  const unit = unitLabel(m.unit);
  return unit.startsWith('/') ? `${m.value}${unit}` : `${m.value} ${unit}`.trim();
}

/**
 * What a technician typed in a measurement box: '' clears it; a decimal comma is accepted (many
 * tablets are set to a European locale); anything else is `invalid`.
 */
export function parseMeasurement(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return 'invalid';
  const value = Number(trimmed);
  return Math.abs(value) <= 100_000 ? value : 'invalid';
}

/** The rating a measurement suggests from the item's thresholds (lower is worse), or null. */
export function suggestRating(item: Pick<Item, 'thresholds'>, value: number | null): Rating | null {
  const t = item.thresholds;
  if (value === null || t === null || t === undefined) return null;
  if (t.redBelow !== undefined && value < t.redBelow) return 'red';
  if (t.yellowBelow !== undefined && value < t.yellowBelow) return 'yellow';
  if (t.redBelow === undefined && t.yellowBelow === undefined) return null;
  return 'green';
}

export function findingsByKey(inspection: Pick<Inspection, 'findings'>): Map<string, Finding> {
  return new Map(inspection.findings.map((f) => [f.itemKey, f]));
}

export function mediaOfItem(inspection: Pick<Inspection, 'media'>, itemKey: string | null): Media[] {
  return inspection.media.filter((m) => m.itemKey === itemKey);
}

/** Required items still without a rating: what stops "Complete". */
export function missingRequired(inspection: Pick<Inspection, 'sections' | 'findings'>): Item[] {
  const byKey = findingsByKey(inspection);
  return inspection.sections
    .flatMap((s) => s.items)
    .filter((item) => item.required && (byKey.get(item.key)?.rating ?? null) === null);
}

export interface Progress {
  rated: number;
  total: number;
  percent: number;
}

export function progressOf(inspection: Pick<Inspection, 'sections' | 'findings'>): Progress {
  const byKey = findingsByKey(inspection);
  const items = inspection.sections.flatMap((s) => s.items);
  const rated = items.filter((item) => (byKey.get(item.key)?.rating ?? null) !== null).length;
  return {
    rated,
    total: items.length,
    percent: items.length === 0 ? 0 : Math.round((rated / items.length) * 100),
  };
}

/** Yellow and red findings, worst first, with their item: what the advisor turns into jobs. */
export function attentionItems(
  inspection: Pick<Inspection, 'sections' | 'findings'>,
): { item: Item; finding: Finding; section: Section }[] {
  const byKey = findingsByKey(inspection);
  const out: { item: Item; finding: Finding; section: Section }[] = [];
  for (const section of inspection.sections)
    for (const item of section.items) {
      const finding = byKey.get(item.key);
      if (finding?.rating === 'red' || finding?.rating === 'yellow') out.push({ item, finding, section });
    }
  return out.sort((a, b) =>
    a.finding.rating === b.finding.rating ? 0 : a.finding.rating === 'red' ? -1 : 1,
  );
}

export function mediaUrl(hash: string): string {
  return `/api/media/${hash}`;
}

/** Upload progress as a whole percent (0 when the size is unknown). */
export function percentOf(loaded: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((loaded / total) * 100)));
}

/** The Content-Type to send for a picked file: its own, else from the extension (some Android cameras give ''). */
export function contentTypeOf(file: { type: string; name: string }): string {
  if (file.type !== '') return file.type;
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  const byExt: Record<string, string> = {
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    png: 'image/png',
    webp: 'image/webp',
    heic: 'image/heic',
    heif: 'image/heif',
    mp4: 'video/mp4',
    mov: 'video/quicktime',
    webm: 'video/webm',
  };
  return byExt[ext] ?? 'application/octet-stream';
}
