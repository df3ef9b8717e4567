import type { Readable } from 'node:stream';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/event-bus.js';
import type { DomainEvents } from '../../events/domain-events.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { HttpProblem, problems, type FieldError } from '../../lib/problem.js';
import { staleVersionProblem } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import type { RepairOrder } from '../repair-orders/repair-orders.schemas.js';
import type { TechniciansService } from '../technicians/technicians.service.js';
import { DEFAULT_TEMPLATE_NAME, DEFAULT_TEMPLATE_SECTIONS } from './default-template.js';
import {
  countTemplates,
  deleteInspectionMedia,
  deleteMediaFile,
  deleteTemplate,
  findFinding,
  findInspection,
  findInspectionMedia,
  findMediaFile,
  findTemplate,
  findTemplateByName,
  insertFindings,
  insertInspection,
  insertInspectionMedia,
  insertMediaFileIfNew,
  insertTemplateIfNameFree,
  listFindings,
  listInspectionsOfRepairOrder,
  listMediaOfInspections,
  listRecentInspections,
  listTemplates,
  mediaBelongsToRepairOrder,
  mediaHashInUse,
  nextMediaSortOrder,
  templateInUse,
  touchInspection,
  updateFindingIfVersion,
  updateInspectionIfVersion,
  updateTemplateIfVersion,
  type InspectionRow,
} from './inspections.repository.js';
import {
  findItem,
  itemsOf,
  parseSections,
  toCustomerInspection,
  toFinding,
  toInspection,
  toMedia,
  toTemplate,
} from './inspections.mappers.js';
import type {
  CreateTemplateInput,
  CustomerInspection,
  Finding,
  Inspection,
  InspectionMedia,
  InspectionSummary,
  InspectionTemplate,
  RecommendJobResult,
  StartInspectionInput,
  TemplateSection,
  UpdateFindingInput,
  UpdateTemplateInput,
} from './inspections.schemas.js';
import {
  HASH_PATTERN,
  sniffVideo,
  type MediaStore,
  type PreparedFile,
  type ReceivedFile,
  type StoredFile,
} from './media-store.js';

type InspectionChange = DomainEvents['inspectionChanged']['change'];

/** A file to serve: where it is on disk and what it is. */
export interface OpenedMedia {
  path: string;
  mime: string;
  byteSize: number;
}

/** An upload as the route hands it over: bytes in memory, or a stream (videos). */
export type UploadBody =
  | { type: 'buffer'; data: Buffer; contentType: string }
  | { type: 'stream'; stream: Readable; contentType: string; declaredLength: number | undefined };

function mediaNotFound(): HttpProblem {
  return problems.notFound('No such photo or video.');
}

/**
 * Digital vehicle inspections: templates (sections → items), inspections of a repair order with a
 * rating, measurement and note per item, photos and videos per item, and the one-tap "recommend a
 * job" from a yellow or red finding. Also the media store's gatekeeper: files are served to staff,
 * or through a customer's approval link only when they belong to that link's repair order.
 */
export class InspectionsService {
  /** Writes and deletes of media files run one at a time: a delete never races an upload of the same bytes. */
  #fileLock: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly repairOrders: RepairOrdersService,
    private readonly technicians: TechniciansService,
    private readonly media: MediaStore,
  ) {}

  // ---------------------------------------------------------------- templates

  async listTemplates(includeInactive: boolean): Promise<InspectionTemplate[]> {
    await this.ensureDefaultTemplate();
    return (await listTemplates(this.db, includeInactive)).map(toTemplate);
  }

  async getTemplate(id: string): Promise<InspectionTemplate> {
    const row = await findTemplate(this.db, id);
    if (row === undefined) throw problems.notFound(`No inspection template with id ${id}.`);
    return toTemplate(row);
  }

  async createTemplate(actor: Actor, input: CreateTemplateInput): Promise<InspectionTemplate> {
    const sections = await this.checkSections(input.sections);
    const name = input.name.trim();
    return this.db.transaction().execute(async (tx) => {
      await this.ensureNameFree(tx, name, null);
      const at = this.now();
      const id = newId();
      await insertTemplateIfNameFree(tx, {
        id,
        name,
        sections: JSON.stringify(sections),
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(tx, actor, {
        action: 'inspection_template.created',
        entityType: 'inspection_template',
        entityId: id,
        data: { name, items: itemsOf(sections).length },
      });
      return toTemplate((await findTemplate(tx, id))!);
    });
  }

  async updateTemplate(actor: Actor, id: string, input: UpdateTemplateInput): Promise<InspectionTemplate> {
    const sections = input.sections === undefined ? undefined : await this.checkSections(input.sections);
    return this.db.transaction().execute(async (tx) => {
      const current = await findTemplate(tx, id);
      if (current === undefined) throw problems.notFound(`No inspection template with id ${id}.`);
      if (current.version !== input.version)
        throw staleVersionProblem('inspection template', current.version, toTemplate(current));
      const name = input.name?.trim();
      if (name !== undefined) await this.ensureNameFree(tx, name, id);
      const ok = await updateTemplateIfVersion(tx, id, input.version, {
        ...(name === undefined ? {} : { name }),
        ...(sections === undefined ? {} : { sections: JSON.stringify(sections) }),
        ...(input.active === undefined ? {} : { active: input.active ? 1 : 0 }),
        updated_at: this.now(),
      });
      if (!ok) throw staleVersionProblem('inspection template', current.version + 1);
      await this.audit.record(tx, actor, {
        action: 'inspection_template.updated',
        entityType: 'inspection_template',
        entityId: id,
        data: { fields: Object.keys(input).filter((k) => k !== 'version') },
      });
      return toTemplate((await findTemplate(tx, id))!);
    });
  }

  /** Deletes an unused template; one that inspections came from is archived instead. */
  async removeTemplate(actor: Actor, id: string, version: number | undefined): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const current = await findTemplate(tx, id);
      if (current === undefined) throw problems.notFound(`No inspection template with id ${id}.`);
      if (version !== undefined && current.version !== version)
        throw staleVersionProblem('inspection template', current.version, toTemplate(current));
      const inUse = await templateInUse(tx, id);
      if (inUse)
        await updateTemplateIfVersion(tx, id, current.version, { active: 0, updated_at: this.now() });
      else await deleteTemplate(tx, id);
      await this.audit.record(tx, actor, {
        action: inUse ? 'inspection_template.archived' : 'inspection_template.deleted',
        entityType: 'inspection_template',
        entityId: id,
        data: { name: current.name },
      });
    });
  }

  // ---------------------------------------------------------------- inspections

  async get(id: string): Promise<Inspection> {
    const inspection = await this.read(this.db, id);
    if (inspection === undefined) throw problems.notFound(`No inspection with id ${id}.`);
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
    if (input.templateId === undefined) await this.ensureDefaultTemplate();
    const result = await this.db.transaction().execute(async (tx) => {
      const template = await this.pickTemplate(tx, input.templateId);
      const errors: FieldError[] = [];
      if (input.technicianId !== undefined && !(await this.technicians.isActive(tx, input.technicianId)))
        errors.push({ path: 'technicianId', message: 'no active technician has this id' });
      if (errors.length > 0) throw problems.validation(errors);
      const existing = (await listInspectionsOfRepairOrder(tx, repairOrderId)).find(
        (row) => row.template_id === template.id && row.status === 'in_progress',
      );
      if (existing !== undefined) return { id: existing.id, created: false };
      const at = this.now();
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
    if (result.created) this.announce(result.id, repairOrderId, 'started');
    return { inspection: await this.get(result.id), created: result.created };
  }

  /** Rates one item (green/yellow/red), records its measurement and note. Versioned per finding. */
  async updateFinding(
    actor: Actor,
    id: string,
    itemKey: string,
    input: UpdateFindingInput,
  ): Promise<Finding> {
    const before = await this.requireInspection(this.db, id);
    ensureRepairOrderOpen(await this.repairOrders.get(before.repair_order_id));
    const finding = await this.db.transaction().execute(async (tx) => {
      const inspection = await this.requireInspection(tx, id);
      ensureInProgress(inspection);
      const current = await findFinding(tx, id, itemKey);
      if (current === undefined)
        throw problems.notFound(`Inspection ${inspection.name} has no item "${itemKey}".`);
      if (current.version !== input.version)
        throw staleVersionProblem('finding', current.version, toFinding(current));
      const item = findItem(parseSections(inspection.sections), itemKey);
      const at = this.now();
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
    this.announce(id, finding.repairOrderId, 'updated');
    return finding.finding;
  }

  /** Completes the inspection; refused (409) naming every required item still without a rating. */
  async complete(actor: Actor, id: string, version: number): Promise<Inspection> {
    const repairOrderId = await this.db.transaction().execute(async (tx) => {
      const current = await this.requireInspection(tx, id);
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
      const at = this.now();
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
    this.announce(id, repairOrderId, 'completed');
    return this.get(id);
  }

  async reopen(actor: Actor, id: string, version: number): Promise<Inspection> {
    const ro = await this.repairOrders.get((await this.requireInspection(this.db, id)).repair_order_id);
    ensureRepairOrderOpen(ro);
    await this.db.transaction().execute(async (tx) => {
      const current = await this.requireInspection(tx, id);
      if (current.version !== version)
        throw staleVersionProblem('inspection', current.version, await this.read(tx, id));
      if (current.status !== 'completed')
        throw problems.conflict('This inspection is still in progress.', 'inspection-in-progress');
      const ok = await updateInspectionIfVersion(tx, id, version, {
        status: 'in_progress',
        completed_at: null,
        updated_at: this.now(),
      });
      if (!ok) throw staleVersionProblem('inspection', current.version + 1);
      await this.audit.record(tx, actor, {
        action: 'inspection.reopened',
        entityType: 'inspection',
        entityId: id,
        data: { repairOrderId: current.repair_order_id },
      });
    });
    this.announce(id, ro.id, 'reopened');
    return this.get(id);
  }

  /**
   * "Recommend job" on a yellow or red finding: one transaction makes the job on the repair order
   * (from the item's canned job when it has an active one, so its lines arrive as recommended;
   * else titled from the item with the finding as the concern) and links the finding to it. Once
   * only: a finding that already has its job gets 409 naming that job.
   */
  async recommendJob(actor: Actor, id: string, itemKey: string): Promise<RecommendJobResult> {
    const before = await this.requireInspection(this.db, id);
    const item = findItem(parseSections(before.sections), itemKey);
    if (item === undefined) throw problems.notFound(`Inspection ${before.name} has no item "${itemKey}".`);
    const cannedJobId = await this.activeCannedJob(item.cannedJobId ?? null);
    const { result, publish, repairOrderId } = await this.db.transaction().execute(async (tx) => {
      const inspection = await this.requireInspection(tx, id);
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
      const { job, publish } = await this.repairOrders.addJobInTransaction(
        tx,
        actor,
        inspection.repair_order_id,
        cannedJobId === null ? { title: item.label, concern } : { cannedJobId, concern },
      );
      const at = this.now();
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
      return { result, publish, repairOrderId: inspection.repair_order_id };
    });
    publish();
    this.announce(id, repairOrderId, 'updated');
    return result;
  }

  // ---------------------------------------------------------------- media

  /**
   * Attaches a photo or video to an item (or to the whole inspection). Images are re-encoded (see
   * MediaStore); a refused upload stores nothing: no file, no row.
   */
  async addMedia(
    actor: Actor,
    id: string,
    target: { itemKey?: string | undefined; caption?: string | undefined },
    body: UploadBody,
  ): Promise<InspectionMedia> {
    const itemKey = target.itemKey ?? null;
    let inspection: InspectionRow;
    try {
      inspection = await this.requireInspection(this.db, id);
      ensureInProgress(inspection);
      if (itemKey !== null && findItem(parseSections(inspection.sections), itemKey) === undefined)
        throw problems.validation([{ path: 'query.itemKey', message: 'is not an item of this inspection' }]);
      ensureRepairOrderOpen(await this.repairOrders.get(inspection.repair_order_id));
    } catch (error) {
      if (body.type === 'stream') body.stream.resume(); // let the refused video drain
      throw error;
    }

    // Decode/receive outside the lock (several tablets upload at once); only writing the files
    // under their hashes and the rows is serialized against deletes.
    let kind: 'image' | 'video';
    let files: StoredFile[];
    let prepared: PreparedFile[] = [];
    let received: ReceivedFile | null = null;
    if (body.type === 'stream') {
      received = await this.media.receiveVideo(body.stream, body.declaredLength);
      files = [received];
      kind = 'video';
    } else {
      const result = await this.prepare(body.data, body.contentType);
      prepared = result.files;
      files = result.files;
      kind = result.kind;
    }
    const mediaId = await this.withFileLock(async () => {
      const created: string[] = [];
      try {
        created.push(...(await this.media.write(prepared)));
        if (received !== null && (await this.media.commitReceived(received))) created.push(received.hash);
        return await this.db.transaction().execute(async (tx) => {
          const current = await this.requireInspection(tx, id);
          ensureInProgress(current);
          const at = this.now();
          for (const file of files)
            await insertMediaFileIfNew(tx, {
              hash: file.hash,
              kind: file.kind,
              mime: file.mime,
              byte_size: file.byteSize,
              width: file.width,
              height: file.height,
              created_at: at,
              updated_at: at,
            });
          const mediaId = newId();
          await insertInspectionMedia(tx, {
            id: mediaId,
            inspection_id: id,
            item_key: itemKey,
            media_hash: files[0]!.hash,
            thumbnail_hash: files[1]?.hash ?? null,
            kind,
            caption: target.caption?.trim() ?? '',
            uploaded_by: actor.userId,
            sort_order: await nextMediaSortOrder(tx, id),
            created_at: at,
            updated_at: at,
          });
          await touchInspection(tx, id, at);
          await this.audit.record(tx, actor, {
            action: 'inspection.media_added',
            entityType: 'inspection',
            entityId: id,
            data: {
              repairOrderId: current.repair_order_id,
              mediaId,
              itemKey,
              kind,
              hash: files[0]!.hash,
              byteSize: files[0]!.byteSize,
            },
          });
          return mediaId;
        });
      } catch (error) {
        if (received !== null) await this.media.discardReceived(received);
        await this.media.remove(created);
        throw error;
      }
    });
    this.announce(id, inspection.repair_order_id, 'media_added');
    const media = (await listMediaOfInspections(this.db, [id])).find((m) => m.id === mediaId)!;
    return toMedia(media);
  }

  async removeMedia(actor: Actor, id: string, mediaId: string): Promise<void> {
    const repairOrderId = await this.withFileLock(async () => {
      const { repairOrderId, orphans } = await this.db.transaction().execute(async (tx) => {
        const inspection = await this.requireInspection(tx, id);
        const media = await findInspectionMedia(tx, mediaId);
        if (media === undefined || media.inspection_id !== id)
          throw problems.notFound(`Inspection ${inspection.name} has no photo or video ${mediaId}.`);
        ensureInProgress(inspection);
        await deleteInspectionMedia(tx, mediaId);
        const orphans: string[] = [];
        for (const hash of [media.media_hash, media.thumbnail_hash]) {
          if (hash === null || (await mediaHashInUse(tx, hash))) continue;
          await deleteMediaFile(tx, hash);
          orphans.push(hash);
        }
        await touchInspection(tx, id, this.now());
        await this.audit.record(tx, actor, {
          action: 'inspection.media_removed',
          entityType: 'inspection',
          entityId: id,
          data: {
            repairOrderId: inspection.repair_order_id,
            mediaId,
            itemKey: media.item_key,
            hash: media.media_hash,
          },
        });
        return { repairOrderId: inspection.repair_order_id, orphans };
      });
      await this.media.remove(orphans);
      return repairOrderId;
    });
    this.announce(id, repairOrderId, 'media_removed');
  }

  /** Any stored file, for signed-in staff. */
  async openMedia(hash: string): Promise<OpenedMedia> {
    if (!HASH_PATTERN.test(hash)) throw mediaNotFound();
    return this.opened(hash);
  }

  /**
   * A photo/video or thumbnail of an inspection of THAT repair order, for the customer's approval
   * link; anything else (another order's photo, a signature, an unknown hash) is 404.
   */
  async openMediaOfRepairOrder(repairOrderId: string, hash: string): Promise<OpenedMedia> {
    if (!HASH_PATTERN.test(hash)) throw mediaNotFound();
    if (!(await mediaBelongsToRepairOrder(this.db, repairOrderId, hash))) throw mediaNotFound();
    return this.opened(hash);
  }

  /**
   * Stores a customer's drawn signature (PNG, decoded and re-encoded, at most 1200×600) and
   * returns its hash; a non-image is a 400. Best called before the caller's transaction (decoding
   * takes a few ms); pass that transaction as `db` to write the row inside it instead.
   */
  async storeSignature(png: Buffer, db: Db = this.db): Promise<string> {
    const file = await this.media.prepareSignature(png);
    await this.withFileLock(async () => {
      const created = await this.media.write([file]);
      try {
        const at = this.now();
        await insertMediaFileIfNew(db, {
          hash: file.hash,
          kind: 'signature',
          mime: file.mime,
          byte_size: file.byteSize,
          width: file.width,
          height: file.height,
          created_at: at,
          updated_at: at,
        });
      } catch (error) {
        await this.media.remove(created);
        throw error;
      }
    });
    return file.hash;
  }

  // ---------------------------------------------------------------- for the approvals module

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

  private async prepare(
    data: Buffer,
    contentType: string,
  ): Promise<{ kind: 'image' | 'video'; files: PreparedFile[] }> {
    const claimsVideo = contentType.startsWith('video/');
    const looksVideo =
      contentType === 'application/octet-stream' && sniffVideo(data.subarray(0, 64)) !== null;
    if (claimsVideo || looksVideo) return { kind: 'video', files: [this.media.prepareVideo(data)] };
    const { image, thumbnail } = await this.media.prepareImage(data);
    return { kind: 'image', files: [image, thumbnail] };
  }

  private async opened(hash: string): Promise<OpenedMedia> {
    const row = await findMediaFile(this.db, hash);
    if (row === undefined || (await this.media.sizeOnDisk(hash)) === null) throw mediaNotFound();
    return { path: this.media.pathOf(hash), mime: row.mime, byteSize: row.byte_size };
  }

  private async requireInspection(db: Db, id: string): Promise<InspectionRow> {
    const row = await findInspection(db, id);
    if (row === undefined) throw problems.notFound(`No inspection with id ${id}.`);
    return row;
  }

  private async pickTemplate(tx: Db, templateId: string | undefined) {
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

  /** The first time a shop looks at inspections it gets the multi-point template. */
  private async ensureDefaultTemplate(): Promise<void> {
    if ((await countTemplates(this.db)) > 0) return;
    await this.db.transaction().execute(async (tx) => {
      if ((await countTemplates(tx)) > 0) return;
      const at = this.now();
      const id = newId();
      await insertTemplateIfNameFree(tx, {
        id,
        name: DEFAULT_TEMPLATE_NAME,
        sections: JSON.stringify(DEFAULT_TEMPLATE_SECTIONS),
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(
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

  /** The canned job's id when it exists and is active, else null (the job is then made by title). */
  private async activeCannedJob(id: string | null): Promise<string | null> {
    if (id === null) return null;
    try {
      return (await this.repairOrders.cannedJobs.get(id)).active ? id : null;
    } catch (error) {
      if (error instanceof HttpProblem && error.status === 404) return null;
      throw error;
    }
  }

  private async ensureNameFree(tx: Db, name: string, exceptId: string | null): Promise<void> {
    const existing = await findTemplateByName(tx, name);
    if (existing !== undefined && existing.id !== exceptId)
      throw problems.conflict(`There is already an inspection template called ${name}.`, 'duplicate', {
        errors: [{ path: 'name', message: 'is already used by another template' }],
      });
  }

  private async withFileLock<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#fileLock.then(work, work);
    this.#fileLock = run.catch(() => undefined);
    return run;
  }

  private announce(inspectionId: string, repairOrderId: string, change: InspectionChange): void {
    this.events.emit('inspectionChanged', { inspectionId, repairOrderId, change, at: this.now() });
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

function ensureInProgress(inspection: InspectionRow): void {
  if (inspection.status === 'in_progress') return;
  throw problems.conflict(
    'This inspection is completed: reopen it to change ratings or photos.',
    'inspection-completed',
  );
}

/** Inspections are work on the car: only an estimate or an open repair order takes them. */
function ensureRepairOrderOpen(ro: Pick<RepairOrder, 'number' | 'status'>): void {
  if (ro.status === 'estimate' || ro.status === 'open') return;
  throw problems.conflict(
    `Repair order ${ro.number} is ${ro.status}: its inspections can no longer change.`,
    'repair-order-locked',
    { repairOrderStatus: ro.status },
  );
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
