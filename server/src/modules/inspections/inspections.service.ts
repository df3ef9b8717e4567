import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { problems, type FieldError } from '../../lib/problem.js';
import { staleVersionProblem, orNotFound } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { CannedJobsService } from '../repair-orders/canned-jobs.service.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import type { RepairOrder } from '../repair-orders/repair-orders.schemas.js';
import type { TechniciansService } from '../technicians/technicians.service.js';
import { InspectionMediaService, type OpenedMedia } from './inspection-media.service.js';
import { InspectionTemplatesService } from './inspection-templates.service.js';
import {
  findFinding,
  findInspection,
  insertFindings,
  insertInspection,
  listFindings,
  listInspectionsOfRepairOrder,
  listMediaOfInspections,
  listRecentInspections,
  touchInspection,
  updateFindingIfVersion,
  updateInspectionIfVersion,
  type InspectionRow,
} from './inspections.repository.js';
import {
  findItem,
  itemsOf,
  parseSections,
  toCustomerInspection,
  toFinding,
  toInspection,
} from './inspections.mappers.js';
import type {
  CustomerInspection,
  Finding,
  Inspection,
  InspectionSummary,
  RecommendJobResult,
  StartInspectionInput,
  UpdateFindingInput,
} from './inspections.schemas.js';
import type { MediaStore } from './media-store.js';
import {
  announce,
  ensureInProgress,
  ensureRepairOrderOpen,
  nowIso,
  requireInspection,
  type ModuleContext,
} from './module-context.js';
import { inTransaction } from '../../db/after-commit.js';

/**
 * Digital vehicle inspections of a repair order: a rating, measurement and note per item, and the
 * one-tap "recommend a job" from a yellow or red finding. Templates are in `templates`; photos,
 * videos, signatures and serving stored files are in `media`.
 */
export class InspectionsService {
  /** Templates (sections → items) that inspections start from. */
  readonly templates: InspectionTemplatesService;
  /** Photos and videos of inspections, customers' signatures, and serving stored files. */
  readonly media: InspectionMediaService;
  readonly #ctx: ModuleContext;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    events: EventBus,
    private readonly repairOrders: RepairOrdersService,
    cannedJobs: CannedJobsService,
    private readonly technicians: TechniciansService,
    mediaStore: MediaStore,
  ) {
    this.#ctx = { db, clock, audit, events, repairOrders, cannedJobs, technicians, mediaStore };
    this.templates = new InspectionTemplatesService(this.#ctx);
    this.media = new InspectionMediaService(this.#ctx);
  }

  // ---------------------------------------------------------------- inspections

  async get(id: string): Promise<Inspection> {
    const inspection = orNotFound(await this.read(this.db, id), 'inspection', id);
    return inspection;
  }

  async listOfRepairOrder(repairOrderId: string): Promise<Inspection[]> {
    await this.repairOrders.get(repairOrderId); // 404 for an unknown repair order
    return this.readMany(this.db, await listInspectionsOfRepairOrder(this.db, repairOrderId));
  }

  /** Recent inspections with their repair order, vehicle and customer: the floor's "to do" list. */
  async listRecent(filters: { status?: 'in_progress' | 'completed' | undefined; limit: number }) {
    const rows = await listRecentInspections(this.db, filters);
    const inspections = await this.readMany(this.db, rows);
    const orders = new Map<string, RepairOrder>();
    for (const id of new Set(rows.map((r) => r.repair_order_id)))
      orders.set(id, await this.repairOrders.get(id));
    return inspections.map((inspection): InspectionSummary => {
      const ro = orders.get(inspection.repairOrderId)!;
      return {
        id: inspection.id,
        repairOrderId: ro.id,
        repairOrderNumber: ro.number,
        vehicleSummary: vehicleText(ro.vehicle),
        customerName: ro.customer.name,
        name: inspection.name,
        status: inspection.status,
        counts: inspection.counts,
        mediaCount: inspection.media.length,
        updatedAt: inspection.updatedAt,
      };
    });
  }

  /**
   * Starts an inspection from a template (its sections are copied, so later template edits never
   * change it). Tapping "Start" twice gives back the inspection already under way from that
   * template rather than a second one.
   */
  async start(
    actor: Actor,
    repairOrderId: string,
    input: StartInspectionInput,
  ): Promise<{ inspection: Inspection; created: boolean }> {
    const ro = await this.repairOrders.get(repairOrderId);
    ensureRepairOrderOpen(ro);
    if (input.templateId === undefined) await this.templates.ensureDefault();
    const result = await inTransaction(this.db, async (tx) => {
      const template = await this.templates.pick(tx, input.templateId);
      const errors: FieldError[] = [];
      if (input.technicianId !== undefined && !(await this.technicians.isActive(tx, input.technicianId)))
        errors.push({ path: 'technicianId', message: 'no active technician has this id' });
      if (errors.length > 0) throw problems.validation(errors);
      const existing = (await listInspectionsOfRepairOrder(tx, repairOrderId)).find(
        (row) => row.template_id === template.id && row.status === 'in_progress',
      );
      if (existing !== undefined) return { id: existing.id, created: false };
      const at = nowIso(this.clock);
      const id = newId();
      const sections = parseSections(template.sections);
      await insertInspection(tx, {
        id,
        repair_order_id: repairOrderId,
        template_id: template.id,
        name: template.name,
        sections: template.sections,
        technician_id: input.technicianId ?? null,
        started_by: actor.userId,
        completed_at: null,
        created_at: at,
        updated_at: at,
      });
      await insertFindings(
        tx,
        itemsOf(sections).map((item) => ({
          id: newId(),
          inspection_id: id,
          item_key: item.key,
          rating: null,
          measurement_value: null,
          measurement_unit: item.measurementUnit ?? null,
          recommended_job_id: null,
          created_at: at,
          updated_at: at,
        })),
      );
      await this.audit.record(tx, actor, {
        action: 'inspection.started',
        entityType: 'inspection',
        entityId: id,
        data: { repairOrderId, templateId: template.id, name: template.name },
      });
      return { id, created: true };
    });
    if (result.created) announce(this.#ctx, result.id, repairOrderId, 'started');
    return { inspection: await this.get(result.id), created: result.created };
  }

  /** Rates one item (green/yellow/red), records its measurement and note. Versioned per finding. */
  async updateFinding(
    actor: Actor,
    id: string,
    itemKey: string,
    input: UpdateFindingInput,
  ): Promise<Finding> {
    const before = await requireInspection(this.db, id);
    ensureRepairOrderOpen(await this.repairOrders.get(before.repair_order_id));
    const finding = await inTransaction(this.db, async (tx) => {
      const inspection = await requireInspection(tx, id);
      ensureInProgress(inspection);
      const current = await findFinding(tx, id, itemKey);
      if (current === undefined)
        throw problems.notFound(`Inspection ${inspection.name} has no item "${itemKey}".`);
      if (current.version !== input.version)
        throw staleVersionProblem('finding', current.version, toFinding(current));
      const item = findItem(parseSections(inspection.sections), itemKey);
      const at = nowIso(this.clock);
      const ok = await updateFindingIfVersion(tx, current.id, input.version, {
        ...(input.rating === undefined ? {} : { rating: input.rating }),
        ...(input.measurement === undefined
          ? {}
          : { measurement_value: input.measurement, measurement_unit: item?.measurementUnit ?? null }),
        ...(input.note === undefined ? {} : { note: input.note }),
        updated_at: at,
      });
      if (!ok) throw staleVersionProblem('finding', current.version + 1);
      await touchInspection(tx, id, at);
      return {
        finding: toFinding((await findFinding(tx, id, itemKey))!),
        repairOrderId: inspection.repair_order_id,
      };
    });
    void actor; // ratings are not audited one by one: the start, completion and recommendations are
    announce(this.#ctx, id, finding.repairOrderId, 'updated');
    return finding.finding;
  }

  /** Completes the inspection; refused (409) naming every required item still without a rating. */
  async complete(actor: Actor, id: string, version: number): Promise<Inspection> {
    const repairOrderId = await inTransaction(this.db, async (tx) => {
      const current = await requireInspection(tx, id);
      if (current.version !== version)
        throw staleVersionProblem('inspection', current.version, await this.read(tx, id));
      if (current.status === 'completed')
        throw problems.conflict('This inspection is already completed.', 'inspection-completed');
      const findings = new Map((await listFindings(tx, [id])).map((f) => [f.item_key, f]));
      const missing = itemsOf(parseSections(current.sections)).filter(
        (item) => item.required && findings.get(item.key)?.rating == null,
      );
      if (missing.length > 0)
        throw problems.conflict(
          `Rate the required item${missing.length === 1 ? '' : 's'} first: ${missing.map((m) => m.label).join(', ')}.`,
          'inspection-incomplete',
          {
            missingItems: missing.map((m) => ({ itemKey: m.key, label: m.label })),
            errors: missing.map((m) => ({
              path: `findings.${m.key}`,
              message: `"${m.label}" needs a rating`,
            })),
          },
        );
      const at = nowIso(this.clock);
      const ok = await updateInspectionIfVersion(tx, id, version, {
        status: 'completed',
        completed_at: at,
        updated_at: at,
      });
      if (!ok) throw staleVersionProblem('inspection', current.version + 1);
      const counts = { green: 0, yellow: 0, red: 0 };
      for (const f of findings.values()) if (f.rating !== null) counts[f.rating]++;
      await this.audit.record(tx, actor, {
        action: 'inspection.completed',
        entityType: 'inspection',
        entityId: id,
        data: { repairOrderId: current.repair_order_id, ...counts },
      });
      return current.repair_order_id;
    });
    announce(this.#ctx, id, repairOrderId, 'completed');
    return this.get(id);
  }

  async reopen(actor: Actor, id: string, version: number): Promise<Inspection> {
    const ro = await this.repairOrders.get((await requireInspection(this.db, id)).repair_order_id);
    ensureRepairOrderOpen(ro);
    await inTransaction(this.db, async (tx) => {
      const current = await requireInspection(tx, id);
      if (current.version !== version)
        throw staleVersionProblem('inspection', current.version, await this.read(tx, id));
      if (current.status !== 'completed')
        throw problems.conflict('This inspection is still in progress.', 'inspection-in-progress');
      const ok = await updateInspectionIfVersion(tx, id, version, {
        status: 'in_progress',
        completed_at: null,
        updated_at: nowIso(this.clock),
      });
      if (!ok) throw staleVersionProblem('inspection', current.version + 1);
      await this.audit.record(tx, actor, {
        action: 'inspection.reopened',
        entityType: 'inspection',
        entityId: id,
        data: { repairOrderId: current.repair_order_id },
      });
    });
    announce(this.#ctx, id, ro.id, 'reopened');
    return this.get(id);
  }

  /**
   * "Recommend job" on a yellow or red finding: one transaction makes the job on the repair order
   * (from the item's canned job when it has an active one, so its lines arrive as recommended;
   * else titled from the item with the finding as the concern) and links the finding to it. Once
   * only: a finding that already has its job gets 409 naming that job.
   */
  async recommendJob(actor: Actor, id: string, itemKey: string): Promise<RecommendJobResult> {
    const before = await requireInspection(this.db, id);
    const item = findItem(parseSections(before.sections), itemKey);
    if (item === undefined) throw problems.notFound(`Inspection ${before.name} has no item "${itemKey}".`);
    const cannedJobId = await this.templates.cannedJobFor(item);
    const { result, repairOrderId } = await inTransaction(this.db, async (tx) => {
      const inspection = await requireInspection(tx, id);
      const finding = await findFinding(tx, id, itemKey);
      if (finding === undefined)
        throw problems.notFound(`Inspection ${inspection.name} has no item "${itemKey}".`);
      if (finding.recommended_job_id !== null)
        throw problems.conflict('A job was already recommended from this finding.', 'already-recommended', {
          jobId: finding.recommended_job_id,
        });
      if (finding.rating !== 'yellow' && finding.rating !== 'red')
        throw problems.conflict(
          `Only a yellow or red finding becomes a recommended job; "${item.label}" is ${finding.rating ?? 'not rated'}.`,
          'finding-not-recommendable',
        );
      const concern = concernOf(item.label, finding);
      // The finding names the job, also when a canned job brings the lines: the canned job's own
      // title is generic ("Front brake pads") or, mapped by hand, may be a neighbouring item's.
      const title = titleOf(item.label, finding);
      const job = await this.repairOrders.addJobInTransaction(
        tx,
        actor,
        inspection.repair_order_id,
        cannedJobId === null ? { title, concern } : { cannedJobId, title, concern },
      );
      const at = nowIso(this.clock);
      const ok = await updateFindingIfVersion(tx, finding.id, finding.version, {
        recommended_job_id: job.id,
        updated_at: at,
      });
      if (!ok) throw staleVersionProblem('finding', finding.version + 1);
      await touchInspection(tx, id, at);
      await this.audit.record(tx, actor, {
        action: 'inspection.job_recommended',
        entityType: 'inspection',
        entityId: id,
        data: {
          repairOrderId: inspection.repair_order_id,
          itemKey,
          rating: finding.rating,
          jobId: job.id,
          cannedJobId,
        },
      });
      const result: RecommendJobResult = {
        finding: toFinding((await findFinding(tx, id, itemKey))!),
        jobId: job.id,
        jobTitle: job.title,
        fromCannedJob: cannedJobId !== null,
      };
      return { result, repairOrderId: inspection.repair_order_id };
    });
    announce(this.#ctx, id, repairOrderId, 'updated');
    return result;
  }

  // ---------------------------------------------------------------- for the approvals module

  /** Any stored file, for signed-in staff (see InspectionMediaService.open). */
  async openMedia(hash: string): Promise<OpenedMedia> {
    return this.media.open(hash);
  }

  /** A photo/video of an inspection of that repair order (see InspectionMediaService.openOfRepairOrder). */
  async openMediaOfRepairOrder(repairOrderId: string, hash: string): Promise<OpenedMedia> {
    return this.media.openOfRepairOrder(repairOrderId, hash);
  }

  /** Stores a customer's drawn signature (see InspectionMediaService.storeSignature). */
  async storeSignature(png: Buffer, db: Db = this.db): Promise<string> {
    return this.media.storeSignature(png, db);
  }

  /**
   * The repair order's inspections as the customer sees them: completed ones, and ones under way
   * that have at least one rated item; only rated items, with their photos and videos.
   * `db` may be the caller's transaction.
   */
  async customerView(db: Db, repairOrderId: string): Promise<CustomerInspection[]> {
    const rows = await listInspectionsOfRepairOrder(db, repairOrderId);
    const ids = rows.map((r) => r.id);
    const findings = await listFindings(db, ids);
    const media = await listMediaOfInspections(db, ids);
    return rows
      .map((row) =>
        toCustomerInspection(
          row,
          findings.filter((f) => f.inspection_id === row.id),
          media.filter((m) => m.inspection_id === row.id),
        ),
      )
      .filter((view) => view.status === 'completed' || view.sections.length > 0);
  }

  // ---------------------------------------------------------------- internals

  private async read(db: Db, id: string): Promise<Inspection | undefined> {
    const row = await findInspection(db, id);
    return row === undefined ? undefined : (await this.readMany(db, [row]))[0];
  }

  private async readMany(db: Db, rows: readonly InspectionRow[]): Promise<Inspection[]> {
    const ids = rows.map((r) => r.id);
    const findings = await listFindings(db, ids);
    const media = await listMediaOfInspections(db, ids);
    return rows.map((row) =>
      toInspection(
        row,
        findings.filter((f) => f.inspection_id === row.id),
        media.filter((m) => m.inspection_id === row.id),
      ),
    );
  }
}

/** "Front brake pads at 2 mm", "Left front tire at 3/32 in", or the item's label when not measured. */
function titleOf(
  label: string,
  finding: { measurement_value: number | null; measurement_unit: string | null },
): string {
  if (finding.measurement_value === null) return label;
  const value = finding.measurement_value;
  const measured =
    finding.measurement_unit === '32nds'
      ? `${value}/32 in`
      : `${value}${finding.measurement_unit === null ? '' : ` ${finding.measurement_unit}`}`;
  return `${label} at ${measured}`.slice(0, 200);
}

function concernOf(
  label: string,
  finding: {
    rating: string | null;
    measurement_value: number | null;
    measurement_unit: string | null;
    note: string;
  },
): string {
  const measured =
    finding.measurement_value === null
      ? ''
      : ` (${finding.measurement_value}${finding.measurement_unit === null ? '' : ` ${finding.measurement_unit}`})`;
  const urgency = finding.rating === 'red' ? 'needs attention now' : 'needs attention soon';
  const note = finding.note.trim();
  return `Inspection: ${label}${measured} ${urgency}.${note === '' ? '' : ` ${note}`}`;
}

function vehicleText(vehicle: RepairOrder['vehicle']): string {
  const v = vehicle as {
    year?: number | null;
    make?: string | null;
    model?: string | null;
    licensePlate?: string | null;
  };
  const name = [v.year, v.make, v.model].filter((part) => part != null && part !== '').join(' ');
  return [name === '' ? 'Vehicle' : name, v.licensePlate]
    .filter((part) => part != null && part !== '')
    .join(' · ');
}
