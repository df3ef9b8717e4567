import type { Db } from '../../db/database.js';
import type { Role } from '../../db/schema.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { HttpProblem, problems, type FieldError } from '../../lib/problem.js';
import { staleVersionProblem } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { JobsService } from '../repair-orders/jobs.service.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import type { TechniciansService } from '../technicians/technicians.service.js';
import {
  LIST_LIMIT,
  findEntry,
  findOpenShift,
  findOverlappingEntry,
  findOverlappingShift,
  findRunningEntry,
  findShift,
  insertEntry,
  insertShift,
  listEntries,
  listEntriesOfJob,
  listRunningEntriesOfJob,
  listShifts,
  updateEntryIfVersion,
  updateShiftIfVersion,
  type EntryRow,
  type ShiftRow,
} from './timeclock.repository.js';
import type {
  ClockEntry,
  ClockInput,
  CorrectEntryInput,
  CorrectShiftInput,
  EntriesFilters,
  JobClock,
  Shift,
  ShiftResult,
  ShiftsFilters,
  TechnicianClock,
} from './timeclock.schemas.js';
import { afterCommit, inTransaction } from '../../db/after-commit.js';

/** Who is asking: the audit actor and their role (a technician clocks only themself). */
export interface Clocker {
  actor: Actor;
  role: Role;
}

interface ResolvedTechnician {
  id: string;
  name: string;
}

/** Technician names by id, read once per request. */
type Names = Map<string, string>;

const CLOSED_JOB_STATUSES = new Set(['Completed', 'Paid']);

function secondsBetween(start: string, end: string): number {
  return Math.max(0, Math.floor((Date.parse(end) - Date.parse(start)) / 1000));
}

function toUtc(value: string): string {
  return new Date(value).toISOString();
}

/**
 * The technician time clock (issue 6). Two clocks: the job clock (production: who worked on which
 * job, when; several technicians may share a job, a technician is on one job at a time) and shifts
 * (attendance: when a technician was in the shop and available).
 *
 * Rules:
 * - Clocking onto a job stops the technician's running job clock at the same instant, in the
 *   same transaction (the unique index on open entries backs this up).
 * - A technician who is not on shift is clocked in for the day automatically when they clock on a
 *   job: shops differ in whether they use shifts at all, and a forgotten clock-in must not lose
 *   production time. Clocking out of the shift stops the running job clock.
 * - Clocking on a Pending job starts it (Pending → In_Progress through the repair-orders service,
 *   audited, with its events) right after the clock commits; completing a job stops every clock
 *   on it inside the completion's transaction (see `stopClocksOfCompletedJob`).
 * - Corrections (owner/advisor) need a reason, keep end ≥ start, refuse overlap with the same
 *   technician's other entries (409 naming the field), and are audited with before and after.
 */
export class TimeclockService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly technicians: TechniciansService,
    private readonly repairOrders: RepairOrdersService,
    private readonly jobs: JobsService,
  ) {}

  // job clock

  async jobClock(jobId: string): Promise<JobClock> {
    return this.readJobClock(this.db, jobId);
  }

  async clockOn(who: Clocker, jobId: string, input: ClockInput): Promise<JobClock> {
    const result = await inTransaction(this.db, async (tx) => {
      const technician = await this.resolveTechnician(tx, who, input.technicianId);
      const job = await this.jobs.read(tx, jobId);
      if (job === undefined) throw problems.notFound(`No job with id ${jobId}.`);
      const ro = await this.repairOrders.find(tx, job.repairOrderId);
      if (ro === undefined || ro.status !== 'open')
        throw problems.conflict(
          `Repair order ${job.repairOrderNumber} is ${ro?.status ?? 'missing'}: only an open repair order's jobs take clock time.`,
          'repair-order-not-open',
          { repairOrderStatus: ro?.status ?? null },
        );
      if (CLOSED_JOB_STATUSES.has(job.status))
        throw problems.conflict(`This job is ${job.status}: nobody can clock on it any more.`, 'job-closed', {
          jobStatus: job.status,
        });
      // Clocking on a Pending job starts it: when work may not start yet (nothing approved and no
      // diagnosis allowance left), the clock is refused with the same answer the board gives.
      if (job.status === 'Pending') {
        const gate = await this.jobs.workGateOf(tx, job);
        if (!gate.start)
          throw problems.conflict(gate.reason ?? 'This job cannot be started yet.', 'approval-required', {
            gate: gate.state,
          });
      }
      const running = await findRunningEntry(tx, technician.id);
      if (running?.job_id === jobId)
        throw problems.conflict(
          `${technician.name} is already clocked on this job (since ${running.started_at}).`,
          'already-clocked-on',
        );
      const at = this.now();
      const touched: { jobId: string; repairOrderId: string }[] = [
        { jobId, repairOrderId: job.repairOrderId },
      ];
      if (running !== undefined) {
        await this.stopEntry(tx, who.actor, running, at, 'switched-job');
        const other = await this.jobs.read(tx, running.job_id);
        if (other !== undefined) touched.push({ jobId: other.id, repairOrderId: other.repairOrderId });
      }
      if ((await findOpenShift(tx, technician.id)) === undefined)
        await this.startShift(tx, who.actor, technician, at, true);
      const id = newId();
      await insertEntry(tx, {
        id,
        job_id: jobId,
        technician_id: technician.id,
        started_at: at,
        ended_at: null,
        started_by: who.actor.userId,
        ended_by: null,
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(tx, who.actor, {
        action: 'timeclock.clocked_on',
        entityType: 'job_clock_entry',
        entityId: id,
        data: { jobId, repairOrderId: job.repairOrderId, technicianId: technician.id, at },
      });
      return { job, touched, at };
    });
    this.announce(result.touched, result.at);
    if (result.job.status === 'Pending') await this.startJob(who.actor, jobId, result.job.version);
    return this.readJobClock(this.db, jobId);
  }

  async clockOff(who: Clocker, jobId: string, input: ClockInput): Promise<JobClock> {
    const result = await inTransaction(this.db, async (tx) => {
      const technician = await this.resolveTechnician(tx, who, input.technicianId);
      const job = await this.jobs.read(tx, jobId);
      if (job === undefined) throw problems.notFound(`No job with id ${jobId}.`);
      const running = await findRunningEntry(tx, technician.id);
      if (running === undefined || running.job_id !== jobId)
        throw problems.conflict(`${technician.name} is not clocked on this job.`, 'not-clocked-on');
      const at = this.now();
      await this.stopEntry(tx, who.actor, running, at, 'clocked-off');
      return { touched: [{ jobId, repairOrderId: job.repairOrderId }], at };
    });
    this.announce(result.touched, result.at);
    return this.readJobClock(this.db, jobId);
  }

  /**
   * The job-completion participant (app.ts registers it): inside the status change's transaction,
   * every clock still running on the job stops at the completion time; screens hear of it once
   * the completion commits.
   */
  async stopClocksOfCompletedJob(
    tx: Db,
    actor: Actor,
    completion: { jobId: string; repairOrderId: string | null },
  ): Promise<void> {
    const { jobId, repairOrderId } = completion;
    const running = await listRunningEntriesOfJob(tx, jobId);
    if (running.length === 0) return;
    const at = this.now();
    for (const entry of running) await this.stopEntry(tx, actor, entry, at, 'job-completed');
    if (repairOrderId !== null) afterCommit(tx, () => this.announce([{ jobId, repairOrderId }], at));
  }

  // the technician's own view

  async status(who: Clocker): Promise<TechnicianClock> {
    const technician = await this.technicians.findByUser(this.db, who.actor.userId ?? '');
    if (technician === undefined || !technician.active)
      return { technician: null, running: null, shift: null, now: this.now() };
    return this.statusOf(technician);
  }

  async statusOfTechnician(technicianId: string): Promise<TechnicianClock> {
    const technician = await this.technicians.get(this.db, technicianId);
    if (technician === undefined) throw problems.notFound(`No technician with id ${technicianId}.`);
    return this.statusOf(technician);
  }

  // shifts

  async clockIn(who: Clocker, input: ClockInput): Promise<ShiftResult> {
    return inTransaction(this.db, async (tx) => {
      const technician = await this.resolveTechnician(tx, who, input.technicianId);
      const open = await findOpenShift(tx, technician.id);
      if (open !== undefined)
        throw problems.conflict(
          `${technician.name} is already clocked in (since ${open.clock_in_at}).`,
          'already-clocked-in',
        );
      const id = await this.startShift(tx, who.actor, technician, this.now(), false);
      const names: Names = new Map([[technician.id, technician.name]]);
      return { shift: this.toShift((await findShift(tx, id))!, names), stoppedEntry: null };
    });
  }

  async clockOut(who: Clocker, input: ClockInput): Promise<ShiftResult> {
    const result = await inTransaction(this.db, async (tx) => {
      const technician = await this.resolveTechnician(tx, who, input.technicianId);
      const open = await findOpenShift(tx, technician.id);
      if (open === undefined)
        throw problems.conflict(`${technician.name} is not clocked in.`, 'not-clocked-in');
      const at = this.now();
      const names: Names = new Map([[technician.id, technician.name]]);
      const running = await findRunningEntry(tx, technician.id);
      const touched: { jobId: string; repairOrderId: string }[] = [];
      let stoppedEntry: ClockEntry | null = null;
      if (running !== undefined) {
        await this.stopEntry(tx, who.actor, running, at, 'clocked-out');
        stoppedEntry = this.toEntry((await findEntry(tx, running.id))!, names, at);
        const job = await this.jobs.read(tx, running.job_id);
        if (job !== undefined) touched.push({ jobId: job.id, repairOrderId: job.repairOrderId });
      }
      const ok = await updateShiftIfVersion(tx, open.id, open.version, {
        clock_out_at: at,
        clocked_out_by: who.actor.userId,
        updated_at: at,
      });
      if (!ok) throw staleVersionProblem('shift', open.version + 1);
      await this.audit.record(tx, who.actor, {
        action: 'timeclock.shift_clocked_out',
        entityType: 'technician_shift',
        entityId: open.id,
        data: { technicianId: technician.id, at, seconds: secondsBetween(open.clock_in_at, at) },
      });
      const shift = this.toShift((await findShift(tx, open.id))!, names);
      return { value: { shift, stoppedEntry }, touched, at };
    });
    this.announce(result.touched, result.at);
    return result.value;
  }

  // review and corrections (owner, advisor)

  async listEntries(filters: EntriesFilters): Promise<{ items: ClockEntry[]; truncated: boolean }> {
    const rows = await listEntries(this.db, this.range(filters), LIST_LIMIT + 1);
    const names = await this.names(rows.map((r) => r.technician_id));
    const now = this.now();
    return {
      items: rows.slice(0, LIST_LIMIT).map((row) => this.toEntry(row, names, now)),
      truncated: rows.length > LIST_LIMIT,
    };
  }

  async listShifts(filters: ShiftsFilters): Promise<{ items: Shift[]; truncated: boolean }> {
    const rows = await listShifts(this.db, this.range(filters), LIST_LIMIT + 1);
    const names = await this.names(rows.map((r) => r.technician_id));
    return {
      items: rows.slice(0, LIST_LIMIT).map((row) => this.toShift(row, names)),
      truncated: rows.length > LIST_LIMIT,
    };
  }

  async correctEntry(actor: Actor, id: string, input: CorrectEntryInput): Promise<ClockEntry> {
    const result = await inTransaction(this.db, async (tx) => {
      const current = await findEntry(tx, id);
      if (current === undefined) throw problems.notFound(`No clock entry with id ${id}.`);
      const names = await this.names([current.technician_id], tx);
      const now = this.now();
      if (current.version !== input.version)
        throw staleVersionProblem('clock entry', current.version, this.toEntry(current, names, now));
      const startedAt = input.startedAt === undefined ? current.started_at : toUtc(input.startedAt);
      const endedAt = input.endedAt === undefined ? current.ended_at : toUtc(input.endedAt);
      const note = input.note === undefined ? current.note : input.note.trim();
      const errors = this.checkTimes(
        { path: 'startedAt', value: startedAt },
        { path: 'endedAt', value: endedAt },
        now,
      );
      if (input.reason.trim() === '') errors.push({ path: 'reason', message: 'is required' });
      if (errors.length > 0) throw problems.validation(errors);
      const overlap = await findOverlappingEntry(tx, current.technician_id, id, startedAt, endedAt);
      if (overlap !== undefined)
        throw overlapProblem('clock entry', overlap.started_at, overlap.ended_at, startedAt, {
          start: 'startedAt',
          end: 'endedAt',
        });
      const ok = await updateEntryIfVersion(tx, id, current.version, {
        started_at: startedAt,
        ended_at: endedAt,
        note,
        ...(current.ended_at === null && endedAt !== null ? { ended_by: actor.userId } : {}),
        updated_at: now,
      });
      if (!ok) throw staleVersionProblem('clock entry', current.version + 1);
      await this.audit.record(tx, actor, {
        action: 'timeclock.entry_corrected',
        entityType: 'job_clock_entry',
        entityId: id,
        data: {
          jobId: current.job_id,
          technicianId: current.technician_id,
          reason: input.reason.trim(),
          before: { startedAt: current.started_at, endedAt: current.ended_at, note: current.note },
          after: { startedAt, endedAt, note },
        },
      });
      const job = await this.jobs.read(tx, current.job_id);
      return {
        entry: this.toEntry((await findEntry(tx, id))!, names, now),
        touched: job === undefined ? [] : [{ jobId: job.id, repairOrderId: job.repairOrderId }],
        at: now,
      };
    });
    this.announce(result.touched, result.at);
    return result.entry;
  }

  async correctShift(actor: Actor, id: string, input: CorrectShiftInput): Promise<Shift> {
    return inTransaction(this.db, async (tx) => {
      const current = await findShift(tx, id);
      if (current === undefined) throw problems.notFound(`No shift with id ${id}.`);
      const names = await this.names([current.technician_id], tx);
      if (current.version !== input.version)
        throw staleVersionProblem('shift', current.version, this.toShift(current, names));
      const now = this.now();
      const clockInAt = input.clockInAt === undefined ? current.clock_in_at : toUtc(input.clockInAt);
      const clockOutAt = input.clockOutAt === undefined ? current.clock_out_at : toUtc(input.clockOutAt);
      const note = input.note === undefined ? current.note : input.note.trim();
      const errors = this.checkTimes(
        { path: 'clockInAt', value: clockInAt },
        { path: 'clockOutAt', value: clockOutAt },
        now,
      );
      if (input.reason.trim() === '') errors.push({ path: 'reason', message: 'is required' });
      if (errors.length > 0) throw problems.validation(errors);
      const overlap = await findOverlappingShift(tx, current.technician_id, id, clockInAt, clockOutAt);
      if (overlap !== undefined)
        throw overlapProblem('shift', overlap.clock_in_at, overlap.clock_out_at, clockInAt, {
          start: 'clockInAt',
          end: 'clockOutAt',
        });
      const ok = await updateShiftIfVersion(tx, id, current.version, {
        clock_in_at: clockInAt,
        clock_out_at: clockOutAt,
        note,
        ...(current.clock_out_at === null && clockOutAt !== null ? { clocked_out_by: actor.userId } : {}),
        updated_at: now,
      });
      if (!ok) throw staleVersionProblem('shift', current.version + 1);
      await this.audit.record(tx, actor, {
        action: 'timeclock.shift_corrected',
        entityType: 'technician_shift',
        entityId: id,
        data: {
          technicianId: current.technician_id,
          reason: input.reason.trim(),
          before: { clockInAt: current.clock_in_at, clockOutAt: current.clock_out_at, note: current.note },
          after: { clockInAt, clockOutAt, note },
        },
      });
      return this.toShift((await findShift(tx, id))!, names);
    });
  }

  // helpers

  /**
   * Whose clock: a technician's own (found by their account; naming someone else is refused),
   * or, for owner and advisor, the active technician they name.
   */
  private async resolveTechnician(
    db: Db,
    who: Clocker,
    technicianId: string | undefined,
  ): Promise<ResolvedTechnician> {
    if (who.role === 'technician') {
      const own = await this.technicians.findByUser(db, who.actor.userId ?? '');
      if (own === undefined || !own.active)
        throw problems.validation([
          {
            path: 'technicianId',
            message: 'your account is not linked to an active technician: ask the owner to link it',
          },
        ]);
      if (technicianId !== undefined && technicianId !== own.id)
        throw problems.forbidden('A technician clocks only themself.', 'clock-only-yourself');
      return { id: own.id, name: own.name };
    }
    if (technicianId === undefined)
      throw problems.validation([{ path: 'technicianId', message: 'is required: which technician?' }]);
    const technician = await this.technicians.get(db, technicianId);
    if (technician === undefined || !technician.active)
      throw problems.validation([{ path: 'technicianId', message: 'no active technician has this id' }]);
    return { id: technician.id, name: technician.name };
  }

  private async stopEntry(
    tx: Db,
    actor: Actor,
    entry: EntryRow,
    at: string,
    why: 'clocked-off' | 'switched-job' | 'clocked-out' | 'job-completed',
  ): Promise<void> {
    const ok = await updateEntryIfVersion(tx, entry.id, entry.version, {
      ended_at: at,
      ended_by: actor.userId,
      updated_at: at,
    });
    if (!ok) throw staleVersionProblem('clock entry', entry.version + 1);
    await this.audit.record(tx, actor, {
      action: 'timeclock.clocked_off',
      entityType: 'job_clock_entry',
      entityId: entry.id,
      data: {
        jobId: entry.job_id,
        technicianId: entry.technician_id,
        at,
        why,
        seconds: secondsBetween(entry.started_at, at),
      },
    });
  }

  private async startShift(
    tx: Db,
    actor: Actor,
    technician: ResolvedTechnician,
    at: string,
    automatic: boolean,
  ): Promise<string> {
    const id = newId();
    await insertShift(tx, {
      id,
      technician_id: technician.id,
      clock_in_at: at,
      clock_out_at: null,
      clocked_in_by: actor.userId,
      clocked_out_by: null,
      ...(automatic ? { note: 'Clocked in automatically by clocking on a job' } : {}),
      created_at: at,
      updated_at: at,
    });
    await this.audit.record(tx, actor, {
      action: 'timeclock.shift_clocked_in',
      entityType: 'technician_shift',
      entityId: id,
      data: { technicianId: technician.id, at, automatic },
    });
    return id;
  }

  /**
   * Pending → In_Progress through the repair-orders service (its audit and events). It runs after
   * the clock committed: that service has no variant taking our transaction. A job moved meanwhile
   * by someone else (stale version) is read again once; a job no longer Pending is left as it is.
   */
  private async startJob(actor: Actor, jobId: string, version: number): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await this.jobs.changeStatus(actor, jobId, { status: 'In_Progress', version });
        return;
      } catch (error) {
        if (!(error instanceof HttpProblem) || error.status !== 409) throw error;
        const job = await this.jobs.read(this.db, jobId);
        if (job?.status !== 'Pending') return;
        version = job.version;
      }
    }
  }

  private async statusOf(technician: { id: string; name: string }): Promise<TechnicianClock> {
    const now = this.now();
    const names: Names = new Map([[technician.id, technician.name]]);
    const [running, shift] = await Promise.all([
      findRunningEntry(this.db, technician.id),
      findOpenShift(this.db, technician.id),
    ]);
    let runningView: TechnicianClock['running'] = null;
    if (running !== undefined) {
      const job = await this.jobs.read(this.db, running.job_id);
      runningView = {
        entry: this.toEntry(running, names, now),
        jobTitle: job?.title ?? '',
        repairOrderId: job?.repairOrderId ?? running.job_id,
        repairOrderNumber: job?.repairOrderNumber ?? 0,
      };
    }
    return {
      technician: { id: technician.id, name: technician.name },
      running: runningView,
      shift: shift === undefined ? null : this.toShift(shift, names, now),
      now,
    };
  }

  private async readJobClock(db: Db, jobId: string): Promise<JobClock> {
    const job = await this.jobs.read(db, jobId);
    if (job === undefined) throw problems.notFound(`No job with id ${jobId}.`);
    const rows = await listEntriesOfJob(db, jobId);
    const names = await this.names(
      rows.map((r) => r.technician_id),
      db,
    );
    const now = this.now();
    const entries = rows.map((row) => this.toEntry(row, names, now));
    return {
      jobId,
      repairOrderId: job.repairOrderId,
      jobStatus: job.status,
      entries,
      onNow: entries
        .filter((e) => e.running)
        .map((e) => ({
          entryId: e.id,
          technicianId: e.technicianId,
          technicianName: e.technicianName,
          startedAt: e.startedAt,
        })),
      totalSeconds: entries.reduce((sum, e) => sum + e.seconds, 0),
      now,
    };
  }

  private async names(ids: readonly string[], db: Db = this.db): Promise<Names> {
    const names: Names = new Map();
    for (const id of new Set(ids)) names.set(id, (await this.technicians.get(db, id))?.name ?? '');
    return names;
  }

  private toEntry(row: EntryRow, names: Names, now: string): ClockEntry {
    return {
      id: row.id,
      jobId: row.job_id,
      technicianId: row.technician_id,
      technicianName: names.get(row.technician_id) ?? '',
      startedAt: row.started_at,
      endedAt: row.ended_at,
      running: row.ended_at === null,
      seconds: secondsBetween(row.started_at, row.ended_at ?? now),
      note: row.note,
      version: row.version,
    };
  }

  private toShift(row: ShiftRow, names: Names, now: string = this.now()): Shift {
    return {
      id: row.id,
      technicianId: row.technician_id,
      technicianName: names.get(row.technician_id) ?? '',
      clockInAt: row.clock_in_at,
      clockOutAt: row.clock_out_at,
      open: row.clock_out_at === null,
      seconds: secondsBetween(row.clock_in_at, row.clock_out_at ?? now),
      note: row.note,
      version: row.version,
    };
  }

  /** Start/end of a corrected entry or shift: not in the future, end not before start. */
  private checkTimes(
    start: { path: string; value: string },
    end: { path: string; value: string | null },
    now: string,
  ): FieldError[] {
    const errors: FieldError[] = [];
    if (start.value > now) errors.push({ path: start.path, message: 'cannot be in the future' });
    if (end.value !== null && end.value > now)
      errors.push({ path: end.path, message: 'cannot be in the future' });
    if (end.value !== null && end.value < start.value)
      errors.push({ path: end.path, message: `must not be before ${start.path}` });
    return errors;
  }

  private range<T extends { from?: string; to?: string }>(filters: T): T {
    return {
      ...filters,
      ...(filters.from === undefined ? {} : { from: toUtc(filters.from) }),
      ...(filters.to === undefined ? {} : { to: toUtc(filters.to) }),
    };
  }

  private announce(touched: readonly { jobId: string; repairOrderId: string }[], at: string): void {
    for (const { jobId, repairOrderId } of touched)
      this.events.emit('jobClockChanged', { jobId, repairOrderId, at });
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

/**
 * 409 for a corrected time that shares time with another entry of the same technician. It names
 * the field: the start when the new start falls inside the other one, else the end.
 */
function overlapProblem(
  what: string,
  otherStart: string,
  otherEnd: string | null,
  start: string,
  fields: { start: string; end: string },
): HttpProblem {
  const startInside = otherStart <= start && (otherEnd === null || start < otherEnd);
  const path = startInside ? fields.start : fields.end;
  const message = `overlaps the technician's ${what} from ${otherStart} to ${otherEnd ?? 'now (still running)'}`;
  return new HttpProblem({
    status: 409,
    title: 'Conflict',
    slug: 'clock-overlap',
    detail: `${path}: ${message}`,
    errors: [{ path, message }],
  });
}
