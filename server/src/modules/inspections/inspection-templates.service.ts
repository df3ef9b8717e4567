import type { Db } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { HttpProblem, problems, type FieldError } from '../../lib/problem.js';
import { rowAtVersion, staleVersionProblem, orNotFound } from '../../lib/versioning.js';
import type { Actor } from '../audit/audit.service.js';
import {
  DEFAULT_TEMPLATE_NAME,
  DEFAULT_TEMPLATE_SECTIONS,
  STARTER_JOB_FOR_ITEM,
} from './default-template.js';
import { itemsOf, toTemplate } from './inspections.mappers.js';
import {
  countTemplates,
  deleteTemplate,
  findTemplate,
  findTemplateByName,
  insertTemplateIfNameFree,
  listTemplates,
  templateInUse,
  updateTemplateIfVersion,
} from './inspections.repository.js';
import type {
  CreateTemplateInput,
  InspectionTemplate,
  TemplateSection,
  UpdateTemplateInput,
} from './inspections.schemas.js';
import { nowIso, type ModuleContext } from './module-context.js';
import { inTransaction } from '../../db/after-commit.js';

/**
 * Inspection templates: sections → items, each item optionally with a measurement unit,
 * thresholds and a canned job. The first time a shop looks at them it gets the multi-point one.
 */
export class InspectionTemplatesService {
  constructor(private readonly ctx: ModuleContext) {}

  async list(includeInactive: boolean): Promise<InspectionTemplate[]> {
    await this.ensureDefault();
    return (await listTemplates(this.ctx.db, includeInactive)).map(toTemplate);
  }

  async get(id: string): Promise<InspectionTemplate> {
    const row = orNotFound(await findTemplate(this.ctx.db, id), 'inspection template', id);
    return toTemplate(row);
  }

  async create(actor: Actor, input: CreateTemplateInput): Promise<InspectionTemplate> {
    const sections = await this.checkSections(input.sections);
    const name = input.name.trim();
    return inTransaction(this.ctx.db, async (tx) => {
      await ensureNameFree(tx, name, null);
      const at = nowIso(this.ctx.clock);
      const id = newId();
      await insertTemplateIfNameFree(tx, {
        id,
        name,
        sections: JSON.stringify(sections),
        created_at: at,
        updated_at: at,
      });
      await this.ctx.audit.record(tx, actor, {
        action: 'inspection_template.created',
        entityType: 'inspection_template',
        entityId: id,
        data: { name, items: itemsOf(sections).length },
      });
      return toTemplate((await findTemplate(tx, id))!);
    });
  }

  async update(actor: Actor, id: string, input: UpdateTemplateInput): Promise<InspectionTemplate> {
    const sections = input.sections === undefined ? undefined : await this.checkSections(input.sections);
    return inTransaction(this.ctx.db, async (tx) => {
      const current = rowAtVersion(
        await findTemplate(tx, id),
        'inspection template',
        id,
        input.version,
        toTemplate,
      );
      const name = input.name?.trim();
      if (name !== undefined) await ensureNameFree(tx, name, id);
      const ok = await updateTemplateIfVersion(tx, id, input.version, {
        ...(name === undefined ? {} : { name }),
        ...(sections === undefined ? {} : { sections: JSON.stringify(sections) }),
        ...(input.active === undefined ? {} : { active: input.active ? 1 : 0 }),
        updated_at: nowIso(this.ctx.clock),
      });
      if (!ok) throw staleVersionProblem('inspection template', current.version + 1);
      await this.ctx.audit.recordUpdate(tx, actor, 'inspection_template', id, input);
      return toTemplate((await findTemplate(tx, id))!);
    });
  }

  /** Deletes an unused template; one that inspections came from is archived instead. */
  async remove(actor: Actor, id: string, version: number | undefined): Promise<void> {
    await inTransaction(this.ctx.db, async (tx) => {
      const current = rowAtVersion(
        await findTemplate(tx, id),
        'inspection template',
        id,
        version,
        toTemplate,
      );
      const inUse = await templateInUse(tx, id);
      if (inUse)
        await updateTemplateIfVersion(tx, id, current.version, {
          active: 0,
          updated_at: nowIso(this.ctx.clock),
        });
      else await deleteTemplate(tx, id);
      await this.ctx.audit.record(tx, actor, {
        action: inUse ? 'inspection_template.archived' : 'inspection_template.deleted',
        entityType: 'inspection_template',
        entityId: id,
        data: { name: current.name },
      });
    });
  }

  /** The first time a shop looks at inspections it gets the multi-point template. */
  async ensureDefault(): Promise<void> {
    const { db } = this.ctx;
    if ((await countTemplates(db)) > 0) return;
    await inTransaction(db, async (tx) => {
      if ((await countTemplates(tx)) > 0) return;
      const at = nowIso(this.ctx.clock);
      const id = newId();
      await insertTemplateIfNameFree(tx, {
        id,
        name: DEFAULT_TEMPLATE_NAME,
        sections: JSON.stringify(DEFAULT_TEMPLATE_SECTIONS),
        created_at: at,
        updated_at: at,
      });
      await this.ctx.audit.record(
        tx,
        { userId: null, label: 'system' },
        {
          action: 'inspection_template.created',
          entityType: 'inspection_template',
          entityId: id,
          data: { name: DEFAULT_TEMPLATE_NAME, default: true },
        },
      );
    });
  }

  /**
   * The template an inspection starts from: the one asked for (it must be active), else the
   * multi-point one, else the first active one.
   */
  async pick(tx: Db, templateId: string | undefined) {
    if (templateId !== undefined) {
      const row = await findTemplate(tx, templateId);
      if (row === undefined || row.active !== 1)
        throw problems.validation([
          { path: 'templateId', message: 'no active inspection template has this id' },
        ]);
      return row;
    }
    const active = await listTemplates(tx, false);
    const row = active.find((t) => t.name === DEFAULT_TEMPLATE_NAME) ?? active[0];
    if (row === undefined)
      throw problems.conflict(
        'There is no active inspection template: make one in Settings → Inspections.',
        'no-inspection-template',
      );
    return row;
  }

  /**
   * The canned job that prices a finding on this item: the item's own when it is active, else the
   * starter job mapped to the item's key (default-template.ts) when the shop has it, else null.
   */
  async cannedJobFor(item: { key: string; cannedJobId?: string | null }): Promise<string | null> {
    const own = await this.activeCannedJob(item.cannedJobId ?? null);
    if (own !== null) return own;
    const starter = STARTER_JOB_FOR_ITEM[item.key];
    if (starter === undefined) return null;
    return (await this.ctx.cannedJobs.findActiveByName(this.ctx.db, starter))?.id ?? null;
  }

  /** The canned job's id when it exists and is active, else null (the job is then made by title). */
  async activeCannedJob(id: string | null): Promise<string | null> {
    if (id === null) return null;
    try {
      return (await this.ctx.cannedJobs.get(id)).active ? id : null;
    } catch (error) {
      if (error instanceof HttpProblem && error.status === 404) return null;
      throw error;
    }
  }

  /** Keys unique (sections; items across the template), canned jobs known, thresholds in order. */
  private async checkSections(sections: readonly TemplateSection[]): Promise<TemplateSection[]> {
    const errors: FieldError[] = [];
    const sectionKeys = new Set<string>();
    const itemKeys = new Set<string>();
    const cannedIds = new Map<string, string>();
    sections.forEach((section, s) => {
      if (sectionKeys.has(section.key))
        errors.push({ path: `sections.${s}.key`, message: 'is used by another section' });
      sectionKeys.add(section.key);
      section.items.forEach((item, i) => {
        const path = `sections.${s}.items.${i}`;
        if (itemKeys.has(item.key)) errors.push({ path: `${path}.key`, message: 'is used by another item' });
        itemKeys.add(item.key);
        const t = item.thresholds;
        if (t?.redBelow !== undefined && t.yellowBelow !== undefined && t.redBelow > t.yellowBelow)
          errors.push({ path: `${path}.thresholds.redBelow`, message: 'must not be above yellowBelow' });
        if (item.cannedJobId != null) cannedIds.set(`${path}.cannedJobId`, item.cannedJobId);
      });
    });
    for (const [path, cannedId] of cannedIds)
      if ((await this.activeCannedJob(cannedId)) === null)
        errors.push({ path, message: 'no active canned job has this id' });
    if (errors.length > 0) throw problems.validation(errors);
    return sections.map((section) => ({
      key: section.key,
      title: section.title.trim(),
      items: section.items.map((item) => ({
        key: item.key,
        label: item.label.trim(),
        required: item.required,
        ...(item.measurementUnit == null ? {} : { measurementUnit: item.measurementUnit.trim() }),
        ...(item.thresholds == null ? {} : { thresholds: item.thresholds }),
        ...(item.cannedJobId == null ? {} : { cannedJobId: item.cannedJobId }),
      })),
    }));
  }
}

async function ensureNameFree(tx: Db, name: string, exceptId: string | null): Promise<void> {
  const existing = await findTemplateByName(tx, name);
  if (existing !== undefined && existing.id !== exceptId)
    throw problems.conflict(`There is already an inspection template called ${name}.`, 'duplicate', {
      errors: [{ path: 'name', message: 'is already used by another template' }],
    });
}
