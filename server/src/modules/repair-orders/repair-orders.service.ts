import { takeNextNumber } from '../../db/counters.js';
import type { Db } from '../../db/database.js';
import type { ApprovalMethod, ApprovalState, LineKind } from '../../db/tables/repair-orders.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { problems, type FieldError } from '../../lib/problem.js';
import { staleVersionProblem, orNotFound } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { BaysService } from '../bays/bays.service.js';
import type { CustomerMergeParticipant } from '../customers/customer-merge.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { TechniciansService } from '../technicians/technicians.service.js';
import type { VehiclesService } from '../vehicles/vehicles.service.js';
import { CannedJobsService } from './canned-jobs.service.js';
import type { WriteStamp } from '../../db/write-stamp.js';
import { toJsonText, type JsonText } from '../../lib/json-text.js';
import { WriteStampedCache } from './read-cache.js';
import { insertJob } from './jobs.repository.js';
import { listJobsOfRepairOrder } from './jobs-read-model.js';
import { JobsService, newJobRow, type JobCompletionParticipant } from './jobs.service.js';
import { findLinesWithRepairOrder, listLinesOfJobs, updateLineIfVersion } from './lines.repository.js';
import { LinesService } from './lines.service.js';
import {
  ensureJobNotPaid,
  ensureNotClosed,
  ensureWorkEditable,
  nowIso,
  toUtc,
  type ModuleContext,
  type PartPricer,
} from './module-context.js';
import {
  titleFromConcern,
  toJob,
  toLine,
  toRepairOrderSummary,
  toTotalsLine,
} from './repair-orders.mappers.js';
import {
  listDeferredLinesOfVehicle,
  findRepairOrder,
  findRepairOrderForAppointment,
  insertRepairOrder,
  listOpenKeyTags,
  moveRepairOrdersToCustomer,
  REPAIR_ORDER_COUNTER,
  updateRepairOrderIfVersion,
} from './repair-orders.repository.js';
import { findRepairOrderWithParties, listRepairOrders } from './repair-orders-read-model.js';
import type {
  ApprovalsInput,
  CreateJobInput,
  CreateRepairOrderInput,
  RepairOrder,
  RepairOrderListFilters,
  RepairOrderSummary,
  UpdateRepairOrderInput,
} from './repair-orders.schemas.js';
import { lineAmountCents, repairOrderTotals } from './totals.js';
import { afterCommit, inTransaction } from '../../db/after-commit.js';

/** A declined or deferred line of a vehicle's past work (see RepairOrdersService.deferredWork). */
export interface DeferredWorkItem {
  lineId: string;
  jobId: string;
  jobTitle: string;
  repairOrderId: string;
  repairOrderNumber: number;
  kind: LineKind;
  description: string;
  amountCents: number;
  state: 'declined' | 'deferred';
  reason: string | null;
  decidedBy: string | null;
  method: ApprovalMethod | null;
  decidedAt: string | null;
  repairOrderOpenedAt: string;
}

export interface CreatedRepairOrder {
  id: string;
  number: number;
}

/** Whether an appointment exists, read in the caller's transaction (AppointmentsService.exists). */
export type AppointmentLookup = (tx: Db, appointmentId: string) => Promise<boolean>;

/** Repair orders, their service jobs (status machine), line items, approvals, totals, canned jobs. */
export class RepairOrdersService implements CustomerMergeParticipant {
  readonly name = 'repair orders';
  /** Service jobs: 3C's, assignment, status machine, the job board. */
  readonly jobs: JobsService;
  /** Line items on jobs. */
  readonly lines: LinesService;
  /** Job templates. */
  readonly cannedJobs: CannedJobsService;
  readonly #ctx: ModuleContext;
  #appointmentLookup: AppointmentLookup | null = null;
  /** Open repair orders are read again and again by the counter and the floor. */
  readonly #cache: WriteStampedCache<RepairOrder | undefined>;
  /** The same as the JSON text GET /api/repair-orders/:id sends, so it is serialized once per change. */
  readonly #jsonCache: WriteStampedCache<JsonText | undefined>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly customers: CustomersService,
    private readonly vehicles: VehiclesService,
    private readonly settings: SettingsService,
    technicians: TechniciansService,
    bays: BaysService,
    writeStamp: WriteStamp,
  ) {
    this.#ctx = { db, clock, audit, events, settings, technicians, bays, writeStamp, partPricer: null };
    this.#cache = new WriteStampedCache(writeStamp, 256);
    this.#jsonCache = new WriteStampedCache(writeStamp, 256);
    this.jobs = new JobsService(this.#ctx);
    this.lines = new LinesService(this.#ctx);
    this.cannedJobs = new CannedJobsService(this.#ctx);
  }

  /** Opens a repair order; returns its id and human number. Appointments call this on arrival. */
  async create(actor: Actor, input: CreateRepairOrderInput): Promise<CreatedRepairOrder> {
    return inTransaction(this.db, (tx) => this.createInTransaction(tx, actor, input));
  }

  /**
   * The same, inside the caller's transaction (an appointment's arrival marks the appointment in
   * the same commit). repairOrderChanged goes out once that transaction commits.
   */
  async createInTransaction(
    tx: Db,
    actor: Actor,
    input: CreateRepairOrderInput,
  ): Promise<CreatedRepairOrder> {
    await this.checkNewRepairOrder(tx, input);
    const at = nowIso(this.clock);
    const settings = await this.settings.get(tx);
    const number = await takeNextNumber(tx, REPAIR_ORDER_COUNTER, settings.repairOrderStartNumber, at);
    const ro = {
      id: newId(),
      number,
      customer_id: input.customerId,
      vehicle_id: input.vehicleId,
      status: 'open' as const,
      concerns: JSON.stringify(input.concerns),
      odometer_in: input.odometerIn ?? null,
      promised_at: input.promisedAt === undefined ? null : toUtc(input.promisedAt),
      waiter: input.waiter === true ? 1 : 0,
      key_tag: input.keyTag?.trim() ?? null,
      appointment_id: input.appointmentId ?? null,
      advisor_user_id: actor.userId,
      notes: input.notes ?? '',
      opened_at: at,
      closed_at: null,
      created_at: at,
      updated_at: at,
    };
    await insertRepairOrder(tx, ro);
    for (const [index, concern] of input.concerns.entries()) {
      await insertJob(tx, newJobRow(ro, { title: titleFromConcern(concern), concern, sortOrder: index }, at));
    }
    if (input.odometerIn !== undefined) {
      await this.vehicles.recordOdometer(tx, actor, {
        vehicleId: input.vehicleId,
        reading: input.odometerIn,
        source: 'check-in',
        repairOrderId: ro.id,
      });
    }
    await this.audit.record(tx, actor, {
      action: 'repair_order.created',
      entityType: 'repair_order',
      entityId: ro.id,
      data: {
        number,
        customerId: ro.customer_id,
        vehicleId: ro.vehicle_id,
        jobs: input.concerns.length,
        appointmentId: ro.appointment_id,
      },
    });
    afterCommit(tx, () =>
      this.events.emit('repairOrderChanged', { repairOrderId: ro.id, number, change: 'created', at }),
    );
    return { id: ro.id, number };
  }

  /** Check-in through the API: creates, then answers with the whole repair order. */
  async open(actor: Actor, input: CreateRepairOrderInput): Promise<RepairOrder> {
    const { id } = await this.create(actor, input);
    return this.get(id);
  }

  async get(id: string): Promise<RepairOrder> {
    const ro = orNotFound(await this.#cache.get(id, () => this.read(this.db, id)), 'repair order', id);
    return ro;
  }

  /** `get` as JSON text, serialized once per change of the database. */
  async getJson(id: string): Promise<JsonText> {
    const json = await this.#jsonCache.get(id, async () => {
      const ro = await this.#cache.get(id, () => this.read(this.db, id));
      return ro === undefined ? undefined : toJsonText(ro);
    });
    if (json === undefined) throw problems.notFound(`No repair order with id ${id}.`);
    return json;
  }

  async list(
    filters: RepairOrderListFilters,
  ): Promise<{ items: RepairOrderSummary[]; nextBefore: number | null }> {
    const rows = await listRepairOrders(this.db, filters);
    const items = rows.map(toRepairOrderSummary);
    const last = items.at(-1);
    return { items, nextBefore: items.length === filters.limit && last ? last.number : null };
  }

  async update(actor: Actor, id: string, input: UpdateRepairOrderInput): Promise<RepairOrder> {
    const ro = await inTransaction(this.db, async (tx) => {
      const current = orNotFound(await findRepairOrder(tx, id), 'repair order', id);
      if (current.version !== input.version)
        throw staleVersionProblem('repair order', current.version, await this.read(tx, id));
      ensureNotClosed(current);
      checkOdometerOut(current.odometer_in, input.odometerOut);
      const changes = {
        ...(input.concerns === undefined ? {} : { concerns: JSON.stringify(input.concerns) }),
        ...(input.odometerOut === undefined ? {} : { odometer_out: input.odometerOut }),
        ...(input.promisedAt === undefined ? {} : { promised_at: toUtc(input.promisedAt) }),
        ...(input.waiter === undefined ? {} : { waiter: input.waiter ? 1 : 0 }),
        ...(input.keyTag === undefined ? {} : { key_tag: input.keyTag?.trim() ?? null }),
        ...(input.notes === undefined ? {} : { notes: input.notes }),
      };
      const ok = await updateRepairOrderIfVersion(tx, id, input.version, {
        ...changes,
        updated_at: nowIso(this.clock),
      });
      if (!ok) throw staleVersionProblem('repair order', current.version + 1);
      if (typeof input.odometerOut === 'number')
        await this.vehicles.recordOdometer(tx, actor, {
          vehicleId: current.vehicle_id,
          reading: input.odometerOut,
          source: 'manual',
          repairOrderId: id,
        });
      await this.audit.recordUpdate(tx, actor, 'repair_order', id, input, { number: current.number });
      return (await this.read(tx, id))!;
    });
    this.events.emit('repairOrderChanged', {
      repairOrderId: ro.id,
      number: ro.number,
      change: 'updated',
      at: ro.updatedAt,
    });
    return ro;
  }

  /**
   * The customer's decisions on recommended work, recorded all at once: who decided, how, and
   * who took it down. Each decision is audited with the amount it concerned.
   */
  async recordApprovals(actor: Actor, id: string, input: ApprovalsInput): Promise<RepairOrder> {
    return inTransaction(this.db, (tx) => this.recordApprovalsInTransaction(tx, actor, id, input));
  }

  /**
   * The same, inside the caller's transaction (a customer's answer through an approval link is
   * recorded with the link's own rows in one commit). approvalRecorded goes out per job and
   * decision once that transaction commits.
   */
  async recordApprovalsInTransaction(
    tx: Db,
    actor: Actor,
    id: string,
    input: ApprovalsInput,
  ): Promise<RepairOrder> {
    const current = orNotFound(await findRepairOrder(tx, id), 'repair order', id);
    const lines = await this.checkDecisions(tx, id, input);
    ensureWorkEditable(current);
    const at = nowIso(this.clock);
    const groups = new Map<string, { jobId: string; state: ApprovalState; lineIds: string[] }>();
    for (const decision of input.decisions) {
      const line = lines.get(decision.lineId)!;
      const reason = decision.state === 'approved' ? null : (decision.reason?.trim() ?? null);
      const ok = await updateLineIfVersion(tx, line.id, line.version, {
        approval_state: decision.state,
        approval_method: input.method,
        approval_by: input.approvedBy.trim(),
        approval_recorded_by: actor.userId,
        approval_at: at,
        deferred_reason: reason,
        updated_at: at,
      });
      if (!ok) throw staleVersionProblem('line item', line.version + 1);
      await this.audit.record(tx, actor, {
        action: 'line.approval_recorded',
        entityType: 'line',
        entityId: line.id,
        data: {
          repairOrderId: id,
          jobId: line.job_id,
          from: line.approval_state,
          to: decision.state,
          method: input.method,
          approvedBy: input.approvedBy.trim(),
          reason,
          amountCents: lineAmountCents(line.quantity_milli, line.unit_price_cents),
        },
      });
      const key = `${line.job_id} ${decision.state}`;
      const group = groups.get(key) ?? { jobId: line.job_id, state: decision.state, lineIds: [] };
      group.lineIds.push(line.id);
      groups.set(key, group);
    }
    const ro = (await this.read(tx, id))!;
    afterCommit(tx, () => {
      for (const group of groups.values()) {
        this.events.emit('approvalRecorded', {
          repairOrderId: id,
          jobId: group.jobId,
          lineIds: group.lineIds,
          state: group.state,
          method: input.method,
          at: ro.updatedAt,
        });
      }
    });
    return ro;
  }

  /**
   * One repair order read with the caller's connection or transaction (no cache): for modules
   * that snapshot a repair order inside their own transaction (approval links).
   */
  async find(db: Db, id: string): Promise<RepairOrder | undefined> {
    return this.read(db, id);
  }

  /** The key tags in use (on repair orders not closed or void), read in the caller's transaction. */
  openKeyTags(db: Db): Promise<string[]> {
    return listOpenKeyTags(db);
  }

  /**
   * Declined and deferred lines on the vehicle's repair orders (void ones left out), newest first:
   * the work the customer said no or not yet to, for follow-up.
   */
  async deferredWork(vehicleId: string): Promise<DeferredWorkItem[]> {
    const rows = await listDeferredLinesOfVehicle(this.db, vehicleId);
    return rows.map((row) => ({
      lineId: row.id,
      jobId: row.job_id,
      jobTitle: row.job_title,
      repairOrderId: row.repair_order_id,
      repairOrderNumber: row.repair_order_number,
      kind: row.kind,
      description: row.description,
      amountCents: lineAmountCents(row.quantity_milli, row.unit_price_cents),
      state: row.approval_state as 'declined' | 'deferred',
      reason: row.deferred_reason,
      decidedBy: row.approval_by,
      method: row.approval_method,
      decidedAt: row.approval_at,
      repairOrderOpenedAt: row.opened_at,
    }));
  }

  /**
   * Adds a job inside the caller's transaction (an inspection finding → a recommended job, in the
   * commit that links the finding to it); jobChanged goes out once that transaction commits.
   */
  addJobInTransaction(tx: Db, actor: Actor, repairOrderId: string, input: CreateJobInput) {
    return this.jobs.addInTransaction(tx, actor, repairOrderId, input);
  }

  /** app.ts: the inventory module issues a job's approved parts when it is completed. */
  addJobCompletionParticipant(participant: JobCompletionParticipant): void {
    this.jobs.addCompletionParticipant(participant);
  }

  /** app.ts: the inventory module prices stock parts added without a price (see PartPricer). */
  setPartPricer(pricer: PartPricer): void {
    this.#ctx.partPricer = pricer;
  }

  /**
   * The appointments module answers whether an appointment exists (appointments.module.ts): it is
   * built after this module, since it opens repair orders on arrival, so it hands this in.
   */
  setAppointmentLookup(lookup: AppointmentLookup): void {
    this.#appointmentLookup = lookup;
  }

  private appointmentExists(tx: Db, id: string): Promise<boolean> {
    if (this.#appointmentLookup === null)
      throw new Error('repair-orders: setAppointmentLookup was not called (appointments.module.ts)');
    return this.#appointmentLookup(tx, id);
  }

  /** For billing: marks Completed jobs Paid in the caller's transaction (announced after commit). */
  markPaid(tx: Db, actor: Actor, jobIds: readonly string[]) {
    return this.jobs.markPaid(tx, actor, jobIds);
  }

  /**
   * For billing: moves a repair order between open, invoiced and closed in the caller's
   * transaction (issuing an invoice locks the work, full payment closes it, voiding the invoice
   * reopens it). Audited; repairOrderChanged goes out once that transaction commits.
   */
  async setStatusInTransaction(
    tx: Db,
    actor: Actor,
    id: string,
    to: 'open' | 'invoiced' | 'closed',
  ): Promise<void> {
    const current = orNotFound(await findRepairOrder(tx, id), 'repair order', id);
    const allowedFrom: Record<typeof to, readonly string[]> = {
      invoiced: ['estimate', 'open'],
      closed: ['invoiced'],
      open: ['invoiced', 'closed'],
    };
    if (!allowedFrom[to].includes(current.status))
      throw problems.conflict(
        `Repair order ${current.number} is ${current.status} and cannot become ${to}.`,
        'repair-order-status',
        { repairOrderStatus: current.status },
      );
    const at = nowIso(this.clock);
    const ok = await updateRepairOrderIfVersion(tx, id, current.version, {
      status: to,
      closed_at: to === 'closed' ? at : null,
      updated_at: at,
    });
    if (!ok) throw staleVersionProblem('repair order', current.version + 1);
    await this.audit.record(tx, actor, {
      action: 'repair_order.status_changed',
      entityType: 'repair_order',
      entityId: id,
      data: { number: current.number, from: current.status, to },
    });
    const change = to === 'closed' ? 'closed' : to === 'open' ? 'reopened' : 'updated';
    afterCommit(tx, () =>
      this.events.emit('repairOrderChanged', { repairOrderId: id, number: current.number, change, at }),
    );
  }

  async moveCustomerRecords(tx: Db, fromCustomerId: string, toCustomerId: string): Promise<number> {
    return moveRepairOrdersToCustomer(tx, fromCustomerId, toCustomerId, nowIso(this.clock));
  }

  private async read(db: Db, id: string): Promise<RepairOrder | undefined> {
    const row = await findRepairOrderWithParties(db, id);
    if (row === undefined) return undefined;
    const jobRows = await listJobsOfRepairOrder(db, id);
    const lineRows = await listLinesOfJobs(
      db,
      jobRows.map((job) => job.id),
    );
    const settings = await this.settings.get(db);
    const linesByJob = new Map<string, typeof lineRows>();
    for (const line of lineRows) linesByJob.set(line.job_id, [...(linesByJob.get(line.job_id) ?? []), line]);
    return {
      ...toRepairOrderSummary(row),
      jobs: jobRows.map((job) => toJob(job, linesByJob.get(job.id) ?? [])),
      totals: repairOrderTotals(lineRows.map(toTotalsLine), settings),
    };
  }

  /** Every decision names a line of this repair order, once, on a job not yet paid. */
  private async checkDecisions(tx: Db, repairOrderId: string, input: ApprovalsInput) {
    const ids = [...new Set(input.decisions.map((d) => d.lineId))];
    const lines = new Map((await findLinesWithRepairOrder(tx, ids)).map((line) => [line.id, line]));
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    input.decisions.forEach((decision, i) => {
      const line = lines.get(decision.lineId);
      if (line === undefined || line.repair_order_id !== repairOrderId)
        errors.push({ path: `decisions.${i}.lineId`, message: 'is not a line of this repair order' });
      else if (seen.has(decision.lineId))
        errors.push({ path: `decisions.${i}.lineId`, message: 'appears in more than one decision' });
      seen.add(decision.lineId);
    });
    if (errors.length > 0) throw problems.validation(errors);
    for (const decision of input.decisions) {
      const line = lines.get(decision.lineId)!;
      if (decision.version !== undefined && decision.version !== line.version)
        throw staleVersionProblem('line item', line.version, toLine(line));
      ensureJobNotPaid({ id: line.job_id, status: line.job_status });
    }
    return lines;
  }

  private async checkNewRepairOrder(tx: Db, input: CreateRepairOrderInput): Promise<void> {
    const errors: FieldError[] = [];
    const customerKnown = await this.customers.exists(tx, input.customerId);
    if (!customerKnown) errors.push({ path: 'customerId', message: 'no customer has this id' });
    const ownerId = await this.vehicles.getOwnerId(tx, input.vehicleId);
    if (ownerId === undefined) errors.push({ path: 'vehicleId', message: 'no vehicle has this id' });
    else if (customerKnown && ownerId !== input.customerId)
      errors.push({ path: 'vehicleId', message: 'belongs to another customer' });
    if (input.appointmentId !== undefined && !(await this.appointmentExists(tx, input.appointmentId)))
      errors.push({ path: 'appointmentId', message: 'no appointment has this id' });
    if (errors.length > 0) throw problems.validation(errors);
    if (input.appointmentId !== undefined) {
      const existing = await findRepairOrderForAppointment(tx, input.appointmentId);
      if (existing !== undefined)
        throw problems.conflict(
          `This appointment already has repair order ${existing.number}.`,
          'appointment-has-repair-order',
          { repairOrderId: existing.id, repairOrderNumber: existing.number },
        );
    }
  }
}

/** A car does not lose miles in the shop: the reading out is never below the reading in. */
function checkOdometerOut(odometerIn: number | null, odometerOut: number | null | undefined): void {
  if (odometerIn !== null && typeof odometerOut === 'number' && odometerOut < odometerIn)
    throw problems.validation([{ path: 'odometerOut', message: `is below the odometer in (${odometerIn})` }]);
}
