import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import { JOB_STATUSES, type JobStatus } from '../../db/schema.js';
import type { RepairOrdersTable, ServiceJobsTable } from '../../db/tables/repair-orders.js';
import type { DomainEvents } from '../../events/domain-events.js';
import { newId } from '../../lib/ids.js';
import { HttpProblem, problems, type FieldError } from '../../lib/problem.js';
import { staleVersionProblem, orNotFound } from '../../lib/versioning.js';
import type { Actor } from '../audit/audit.service.js';
import type { VersionedSettings } from '../settings/settings.service.js';
import { findCannedJob } from './canned-jobs.repository.js';
import { workGate, type WorkGate } from './approval-gate.js';
import { allowedNext, transition, type TransitionResult } from '../../../contracts/job-status.js';
import {
  deleteJob,
  findJobRow,
  findJobsByIds,
  insertJob,
  nextJobSortOrder,
  updateJobIfVersion,
} from './jobs.repository.js';
import { findJobWithNames, listBoard, type BoardRow } from './jobs-read-model.js';
import { checkLines } from './line-rules.js';
import { countApprovedLines, listApprovedStockedPartLines, listLinesOfJobs } from './lines.repository.js';
import { insertLineDrafts } from './lines.service.js';
import {
  checkAssignments,
  checkSchedule,
  ensureNotClosed,
  ensureWorkEditable,
  nowIso,
  partPricerOf,
  requireRepairOrderOfJob,
  toUtc,
  type ModuleContext,
} from './module-context.js';
import { toJsonText, type JsonText } from '../../lib/json-text.js';
import { WriteStampedCache } from './read-cache.js';
import {
  parseCannedLines,
  titleFromConcern,
  toJob,
  toVehicleOfRow,
  vehicleSummary,
} from './repair-orders.mappers.js';
import { findRepairOrder } from './repair-orders.repository.js';
import type {
  BoardItem,
  CreateJobInput,
  Job,
  JobBoardFilters,
  JobStatusInput,
  UpdateJobInput,
} from './repair-orders.schemas.js';
import { afterCommit, inTransaction } from '../../db/after-commit.js';

type JobRow = Selectable<ServiceJobsTable>;
type RepairOrderRow = Selectable<RepairOrdersTable>;
type StatusChange = DomainEvents['jobStatusChanged'];

/** A new Pending job row on a repair order. */
export function newJobRow(
  ro: Pick<RepairOrderRow, 'id' | 'vehicle_id'>,
  fields: { title: string; concern: string; sortOrder: number; cannedJobId?: string | null },
  at: string,
) {
  return {
    id: newId(),
    repair_order_id: ro.id,
    vehicle_id: ro.vehicle_id,
    status: 'Pending' as const,
    title: fields.title,
    concern: fields.concern,
    sort_order: fields.sortOrder,
    canned_job_id: fields.cannedJobId ?? null,
    technician_id: null,
    bay_id: null,
    scheduled_start: null,
    estimated_end: null,
    actual_start: null,
    actual_end: null,
    blocked_reason: null,
    status_changed_at: at,
    created_at: at,
    updated_at: at,
  };
}

function refusalProblem(job: JobRow, to: JobStatus, result: Extract<TransitionResult, { ok: false }>) {
  const allowedText = result.allowed.length === 0 ? 'none' : result.allowed.join(', ');
  switch (result.refusal) {
    case 'reason-required':
      return problems.validation([
        { path: 'reason', message: 'is required to block a job (what is it waiting for?)' },
      ]);
    case 'billing-only':
      return problems.conflict(
        `Paid is set only by billing, when the invoice is paid. A ${job.status} job can move to: ${allowedText}.`,
        'paid-by-billing',
        { from: job.status, to, allowed: result.allowed },
      );
    case 'illegal':
      return problems.conflict(
        `A ${job.status} job cannot move to ${to}. Allowed next: ${allowedText}.`,
        'illegal-transition',
        { from: job.status, to, allowed: result.allowed },
      );
  }
}

/**
 * Another module that acts, inside the status-change transaction, when a job is completed (the
 * inventory module issues the job's approved parts). Throwing refuses the completion.
 */
export type JobCompletionParticipant = (
  tx: Db,
  actor: Actor,
  completion: {
    jobId: string;
    repairOrderId: string | null;
    stockOverrideReason: string | null;
    /** The job's approved part lines that point at stock, read in the same transaction. */
    stockedPartLines: StockedPartLine[];
  },
) => Promise<void>;

export type StockedPartLine = Awaited<ReturnType<typeof listApprovedStockedPartLines>>[number];

/** Service jobs: the 3C's, who and where, times, and the status machine. */
export class JobsService {
  readonly #completionParticipants: JobCompletionParticipant[] = [];
  /** One entry per filter combination the screens use: a handful. */
  readonly #boardCache: WriteStampedCache<BoardRow[]>;
  /** The board as the JSON text GET /api/jobs sends, per filter and minute (overdue flips by the minute). */
  readonly #boardJsonCache: WriteStampedCache<JsonText>;

  constructor(private readonly ctx: ModuleContext) {
    this.#boardCache = new WriteStampedCache(ctx.writeStamp, 64);
    this.#boardJsonCache = new WriteStampedCache(ctx.writeStamp, 64);
  }

  /** app.ts registers modules that act when a job is completed (see JobCompletionParticipant). */
  addCompletionParticipant(participant: JobCompletionParticipant): void {
    this.#completionParticipants.push(participant);
  }

  async get(id: string): Promise<Job> {
    const job = orNotFound(await this.read(this.ctx.db, id), 'job', id);
    return job;
  }

  async read(db: Db, id: string): Promise<Job | undefined> {
    const row = await findJobWithNames(db, id);
    if (row === undefined) return undefined;
    return toJob(row, await listLinesOfJobs(db, [id]));
  }

  /**
   * Work follows approval (approval-gate.ts) for a job as it stands: the timeclock asks before it
   * clocks a technician onto a job it would then start, so a refused start refuses the clock too.
   */
  async workGateOf(tx: Db, job: Job): Promise<WorkGate> {
    const settings = await this.ctx.settings.get(tx);
    return workGate({
      approvedLines: await countApprovedLines(tx, job.id),
      actualStart: job.actualStart,
      nowMs: this.ctx.clock.now().getTime(),
      diagnosis: settings.diagnosisWithoutApproval,
    });
  }

  async add(actor: Actor, repairOrderId: string, input: CreateJobInput): Promise<Job> {
    return inTransaction(this.ctx.db, (tx) => this.addInTransaction(tx, actor, repairOrderId, input));
  }

  /**
   * `add` inside the caller's transaction (an inspection finding becomes a recommended job in the
   * same commit that links the finding to it). jobChanged goes out once that transaction commits.
   */
  async addInTransaction(tx: Db, actor: Actor, repairOrderId: string, input: CreateJobInput): Promise<Job> {
    const ro = orNotFound(await findRepairOrder(tx, repairOrderId), 'repair order', repairOrderId);
    const canned = await this.checkNewJob(tx, input);
    ensureWorkEditable(ro);
    const at = nowIso(this.ctx.clock);
    const concern = input.concern ?? canned?.concern ?? '';
    const row = {
      ...newJobRow(
        ro,
        {
          title: input.title ?? canned?.title ?? titleFromConcern(concern),
          concern,
          sortOrder: await nextJobSortOrder(tx, ro.id),
          cannedJobId: canned?.id ?? null,
        },
        at,
      ),
      technician_id: input.technicianId ?? null,
      bay_id: input.bayId ?? null,
      scheduled_start: input.scheduledStart === undefined ? null : toUtc(input.scheduledStart),
      estimated_end: input.estimatedEnd === undefined ? null : toUtc(input.estimatedEnd),
    };
    await insertJob(tx, row);
    if (canned !== undefined) {
      const settings = await this.ctx.settings.get(tx);
      const { drafts, partPrices } = await checkLines(
        tx,
        partPricerOf(this.ctx),
        canned.lines,
        () => 'cannedJobId',
      );
      await insertLineDrafts(this.ctx, tx, actor, row, drafts, partPrices, settings.laborRateCents);
    }
    await this.ctx.audit.record(tx, actor, {
      action: 'job.added',
      entityType: 'job',
      entityId: row.id,
      data: { repairOrderId: ro.id, title: row.title, cannedJobId: row.canned_job_id },
    });
    const job = (await this.read(tx, row.id))!;
    afterCommit(tx, () => this.announceChanged(job));
    return job;
  }

  async update(actor: Actor, id: string, input: UpdateJobInput): Promise<Job> {
    const job = await inTransaction(this.ctx.db, async (tx) => {
      const current = await this.requireJobRow(tx, id);
      if (current.version !== input.version)
        throw staleVersionProblem('job', current.version, await this.read(tx, id));
      const ro = await requireRepairOrderOfJob(tx, current);
      const changes = {
        ...(input.title === undefined ? {} : { title: input.title.trim() }),
        ...(input.concern === undefined ? {} : { concern: input.concern }),
        ...(input.cause === undefined ? {} : { cause: input.cause }),
        ...(input.correction === undefined ? {} : { correction: input.correction }),
        ...(input.technicianId === undefined ? {} : { technician_id: input.technicianId }),
        ...(input.bayId === undefined ? {} : { bay_id: input.bayId }),
        ...(input.scheduledStart === undefined ? {} : { scheduled_start: toUtc(input.scheduledStart) }),
        ...(input.estimatedEnd === undefined ? {} : { estimated_end: toUtc(input.estimatedEnd) }),
        ...(input.sortOrder === undefined ? {} : { sort_order: input.sortOrder }),
      };
      const errors = [
        ...(await checkAssignments(this.ctx, tx, {
          technicianId: changes.technician_id === current.technician_id ? undefined : changes.technician_id,
          bayId: changes.bay_id === current.bay_id ? undefined : changes.bay_id,
        })),
        ...checkSchedule(
          changes.scheduled_start === undefined ? current.scheduled_start : changes.scheduled_start,
          changes.estimated_end === undefined ? current.estimated_end : changes.estimated_end,
        ),
      ];
      if (errors.length > 0) throw problems.validation(errors);
      ensureNotClosed(ro);
      const ok = await updateJobIfVersion(tx, id, input.version, {
        ...changes,
        updated_at: nowIso(this.ctx.clock),
      });
      if (!ok) throw staleVersionProblem('job', current.version + 1);
      await this.ctx.audit.record(tx, actor, {
        action: 'job.updated',
        entityType: 'job',
        entityId: id,
        data: {
          repairOrderId: current.repair_order_id,
          changes: Object.fromEntries(
            Object.entries(changes)
              .filter(([key, value]) => current[key as keyof JobRow] !== value)
              .map(([key, value]) => [key, { from: current[key as keyof JobRow], to: value }]),
          ),
        },
      });
      return (await this.read(tx, id))!;
    });
    this.announceChanged(job);
    return job;
  }

  /** Only a job nobody started and nothing approved on it can go: anything else is history. */
  async remove(actor: Actor, id: string, version: number | undefined): Promise<void> {
    const job = await inTransaction(this.ctx.db, async (tx) => {
      const current = await this.requireJobRow(tx, id);
      if (version !== undefined && current.version !== version)
        throw staleVersionProblem('job', current.version, await this.read(tx, id));
      ensureWorkEditable(await requireRepairOrderOfJob(tx, current));
      if (current.status !== 'Pending')
        throw problems.conflict(
          `This job is ${current.status}: only a Pending job can be deleted.`,
          'job-not-deletable',
        );
      if ((await countApprovedLines(tx, id)) > 0)
        throw problems.conflict(
          'This job has approved lines: decline or defer them instead of deleting the job.',
          'job-not-deletable',
        );
      await deleteJob(tx, id);
      await this.ctx.audit.record(tx, actor, {
        action: 'job.deleted',
        entityType: 'job',
        entityId: id,
        data: { repairOrderId: current.repair_order_id, title: current.title },
      });
      return current;
    });
    this.ctx.events.emit('jobChanged', {
      jobId: job.id,
      repairOrderId: job.repair_order_id!,
      at: nowIso(this.ctx.clock),
    });
  }

  async changeStatus(actor: Actor, id: string, input: JobStatusInput): Promise<Job> {
    return inTransaction(this.ctx.db, async (tx) => {
      const current = await this.requireJobRow(tx, id);
      if (current.version !== input.version)
        throw staleVersionProblem('job', current.version, await this.read(tx, id));
      const ro = await requireRepairOrderOfJob(tx, current);
      ensureNotClosed(ro);
      const notes = await this.checkWorkAllowed(tx, actor, current, input);
      await this.applyTransition(
        tx,
        actor,
        notes === null ? current : { ...current, ...notes },
        input.status,
        input.reason,
        'api',
      );
      if (input.status === 'Completed')
        if (this.#completionParticipants.length > 0) {
          const stockedPartLines = await listApprovedStockedPartLines(tx, id);
          for (const participant of this.#completionParticipants)
            await participant(tx, actor, {
              jobId: id,
              repairOrderId: current.repair_order_id,
              stockOverrideReason: input.stockOverrideReason?.trim() || null,
              stockedPartLines,
            });
        }
      return (await this.read(tx, id))!;
    });
  }

  /**
   * Billing marks jobs Paid inside its own transaction (the invoice's payment). Every job must be
   * Completed. Each jobStatusChanged goes out once that transaction commits.
   */
  async markPaid(tx: Db, actor: Actor, jobIds: readonly string[]): Promise<StatusChange[]> {
    const ids = [...new Set(jobIds)];
    const rows = new Map((await findJobsByIds(tx, ids)).map((row) => [row.id, row]));
    const missing = ids.filter((id) => !rows.has(id));
    if (missing.length > 0) throw problems.notFound(`No job with id ${missing.join(', ')}.`);
    const changes: StatusChange[] = [];
    for (const id of ids)
      changes.push(await this.applyTransition(tx, actor, rows.get(id)!, 'Paid', null, 'billing'));
    return changes;
  }

  async board(filters: JobBoardFilters): Promise<BoardItem[]> {
    const query = boardQuery(filters);
    const rows = await this.#boardCache.get(JSON.stringify(query), () => listBoard(this.ctx.db, query));
    const now = this.ctx.clock.now().getTime();
    const settings = await this.ctx.settings.get();
    return rows.map((row) => toBoardItem(row, now, settings));
  }

  /**
   * `{ items: board }` as JSON text, serialized once per change of the database (or minute) and
   * then sent as is. Every screen in the shop polls the board; serializing ~60 KB for each of them
   * was most of the cost of the request (measured: ~2k req/s before on the ten-year shop).
   */
  async boardJson(filters: JobBoardFilters): Promise<JsonText> {
    const minute = Math.floor(this.ctx.clock.now().getTime() / 60_000);
    const key = `${JSON.stringify(boardQuery(filters))}@${minute}`;
    return this.#boardJsonCache.get(key, async () => toJsonText({ items: await this.board(filters) }));
  }

  /**
   * Work follows approval (approval-gate.ts) and, on completion, the shop's cause-and-correction
   * rule. A cause/correction sent with the completion is written first (audited as a job update),
   * so the rule sees it; returns the job row as it then is, or null when nothing was written.
   */
  private async checkWorkAllowed(
    tx: Db,
    actor: Actor,
    current: JobRow,
    input: JobStatusInput,
  ): Promise<JobRow | null> {
    const to = input.status;
    const notesSent = input.cause !== undefined || input.correction !== undefined;
    if (notesSent && to !== 'Completed')
      throw problems.validation([
        {
          path: input.cause !== undefined ? 'cause' : 'correction',
          message: 'is sent only with status Completed',
        },
      ]);
    // An illegal move gets the status machine's own answer, naming the moves allowed.
    if (!allowedNext(current.status, 'api').includes(to)) return null;
    if (to !== 'In_Progress' && to !== 'Completed') return null;
    const settings = await this.ctx.settings.get(tx);
    const gate = workGate({
      approvedLines: await countApprovedLines(tx, current.id),
      actualStart: current.actual_start,
      nowMs: this.ctx.clock.now().getTime(),
      diagnosis: settings.diagnosisWithoutApproval,
    });
    if (!(to === 'In_Progress' ? gate.start : gate.complete))
      throw problems.conflict(gate.reason!, 'approval-required', {
        from: current.status,
        to,
        gate: gate.state,
        diagnosisWithoutApproval: settings.diagnosisWithoutApproval,
      });
    if (to !== 'Completed') return null;
    const cause = input.cause ?? current.cause;
    const correction = input.correction ?? current.correction;
    const missing = missingNotes({ cause, correction });
    if (settings.causeCorrectionOnComplete === 'required' && missing.length > 0)
      throw new HttpProblem({
        status: 422,
        title: 'Cause and correction required',
        slug: 'cause-correction-required',
        detail: `This shop completes a job only with its cause and correction written: ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} empty.`,
        errors: missing.map((path) => ({ path, message: 'is required to complete a job (shop setting)' })),
      });
    if (!notesSent) return null;
    const at = nowIso(this.ctx.clock);
    const ok = await updateJobIfVersion(tx, current.id, current.version, {
      cause,
      correction,
      updated_at: at,
    });
    if (!ok) throw staleVersionProblem('job', current.version + 1);
    await this.ctx.audit.record(tx, actor, {
      action: 'job.updated',
      entityType: 'job',
      entityId: current.id,
      data: {
        repairOrderId: current.repair_order_id,
        changes: Object.fromEntries(
          (
            [
              ['cause', current.cause, cause],
              ['correction', current.correction, correction],
            ] as const
          )
            .filter(([, from, next]) => from !== next)
            .map(([key, from, next]) => [key, { from, to: next }]),
        ),
        when: 'completing',
      },
    });
    return (await findJobRow(tx, current.id))!;
  }

  private async applyTransition(
    tx: Db,
    actor: Actor,
    current: JobRow,
    to: JobStatus,
    reason: string | null | undefined,
    channel: 'api' | 'billing',
  ): Promise<StatusChange> {
    const at = nowIso(this.ctx.clock);
    const result = transition(
      {
        status: current.status,
        blockedReason: current.blocked_reason,
        actualStart: current.actual_start,
        actualEnd: current.actual_end,
        statusChangedAt: current.status_changed_at,
      },
      to,
      { reason, at, channel },
    );
    if (!result.ok) throw refusalProblem(current, to, result);
    const { next } = result;
    const ok = await updateJobIfVersion(tx, current.id, current.version, {
      status: next.status,
      blocked_reason: next.blockedReason,
      actual_start: next.actualStart,
      actual_end: next.actualEnd,
      status_changed_at: next.statusChangedAt,
      updated_at: at,
    });
    if (!ok) throw staleVersionProblem('job', current.version + 1);
    const trimmedReason = reason?.trim() || null;
    await this.ctx.audit.record(tx, actor, {
      action: 'job.status_changed',
      entityType: 'job',
      entityId: current.id,
      data: { repairOrderId: current.repair_order_id, from: current.status, to, reason: trimmedReason },
    });
    const change: StatusChange = {
      jobId: current.id,
      repairOrderId: current.repair_order_id!,
      from: current.status,
      to,
      reason: trimmedReason,
      at,
      actorUserId: actor.userId,
    };
    // Registered before the completion participants run, so the status change is announced
    // before what they did because of it (stock issued, clocks stopped).
    afterCommit(tx, () => this.ctx.events.emit('jobStatusChanged', change));
    return change;
  }

  private async checkNewJob(tx: Db, input: CreateJobInput) {
    const errors: FieldError[] = [];
    const cannedRow =
      input.cannedJobId === undefined ? undefined : await findCannedJob(tx, input.cannedJobId);
    if (input.cannedJobId !== undefined && (cannedRow === undefined || cannedRow.active !== 1))
      errors.push({ path: 'cannedJobId', message: 'no active canned job has this id' });
    if (input.cannedJobId === undefined && input.title === undefined && (input.concern ?? '').trim() === '')
      errors.push({ path: 'title', message: 'is required when there is no concern or canned job' });
    errors.push(...(await checkAssignments(this.ctx, tx, input)));
    errors.push(...checkSchedule(input.scheduledStart ?? null, input.estimatedEnd ?? null));
    if (errors.length > 0) throw problems.validation(errors);
    if (cannedRow === undefined) return undefined;
    return {
      id: cannedRow.id,
      title: cannedRow.title,
      concern: cannedRow.concern,
      lines: parseCannedLines(cannedRow.lines).map((line) => ({
        ...line,
        quantity: line.quantityMilli / 1000,
        unitPriceCents: line.unitPriceCents ?? undefined,
        unitCostCents: line.unitCostCents ?? undefined,
      })),
    };
  }

  private async requireJobRow(tx: Db, id: string): Promise<JobRow> {
    const row = orNotFound(await findJobRow(tx, id), 'job', id);
    return row;
  }

  private announceChanged(job: Job): void {
    this.ctx.events.emit('jobChanged', {
      jobId: job.id,
      repairOrderId: job.repairOrderId,
      at: job.updatedAt,
    });
  }
}

function boardQuery(filters: JobBoardFilters) {
  return {
    statuses: filters.status ?? JOB_STATUSES.filter((s) => s !== 'Paid'),
    technicianId: filters.technicianId,
    bayId: filters.bayId,
  };
}

/** Which of the 3C's last two are still empty. */
function missingNotes(job: { cause: string; correction: string }): ('cause' | 'correction')[] {
  return (['cause', 'correction'] as const).filter((key) => job[key].trim() === '');
}

function boardGate(row: BoardRow, nowMs: number, settings: VersionedSettings): WorkGate {
  return workGate({
    approvedLines: Number(row.approved_lines ?? 0),
    actualStart: row.actual_start,
    nowMs,
    diagnosis: settings.diagnosisWithoutApproval,
  });
}

function toBoardItem(row: BoardRow, nowMs: number, settings: VersionedSettings): BoardItem {
  const vehicle = toVehicleOfRow(row);
  return {
    jobId: row.id,
    repairOrderId: row.repair_order_id,
    repairOrderNumber: row.repair_order_number,
    title: row.title,
    status: row.status,
    statusChangedAt: row.status_changed_at,
    blockedReason: row.blocked_reason,
    customer: { id: row.customer_id, name: row.customer_name },
    vehicle,
    vehicleSummary: vehicleSummary(vehicle),
    technician:
      row.technician_id === null || row.technician_name === null
        ? null
        : { id: row.technician_id, name: row.technician_name },
    bay: row.bay_id === null || row.bay_name === null ? null : { id: row.bay_id, name: row.bay_name },
    scheduledStart: row.scheduled_start,
    estimatedEnd: row.estimated_end,
    promisedAt: row.promised_at,
    waiter: row.waiter === 1,
    overdue: row.promised_at !== null && row.status !== 'Completed' && Date.parse(row.promised_at) < nowMs,
    workGate: boardGate(row, nowMs, settings),
    completion: { ask: settings.causeCorrectionOnComplete, missing: missingNotes(row) },
    version: row.version,
  };
}
