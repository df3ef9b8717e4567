import type { Db } from '../../db/database.js';
import { HttpProblem, problems, type FieldError } from '../../lib/problem.js';
import { staleVersionProblem, orNotFound } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { JobsService } from '../repair-orders/jobs.service.js';
import {
  LIST_LIMIT,
  findEntry,
  findOverlappingEntry,
  findOverlappingShift,
  findShift,
  listEntries,
  listShifts,
  updateEntryIfVersion,
  updateShiftIfVersion,
} from './timeclock.repository.js';
import type {
  ClockEntry,
  CorrectEntryInput,
  CorrectShiftInput,
  EntriesFilters,
  Shift,
  ShiftsFilters,
} from './timeclock.schemas.js';
import { inTransaction } from '../../db/after-commit.js';
import { toUtc, type TimeclockRecords } from './timeclock-records.js';

/** A clock entry's or a shift's times and note, under the names each one's columns give them. */
interface Span {
  start: string;
  end: string | null;
  note: string;
}

/** The request fields a span's start and end come from, named in 422 and 409 errors. */
interface SpanFields {
  start: string;
  end: string;
}
const ENTRY_FIELDS: SpanFields = { start: 'startedAt', end: 'endedAt' };
const SHIFT_FIELDS: SpanFields = { start: 'clockInAt', end: 'clockOutAt' };

/**
 * Reading and correcting clock history (owner/advisor): corrections need a reason, keep end ≥
 * start, refuse overlap with the same technician's other entries (409 naming the field), and are
 * audited with before and after.
 */
export class ClockCorrectionsService {
  constructor(
    private readonly records: TimeclockRecords,
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
  ) {}

  async listEntries(filters: EntriesFilters): Promise<{ items: ClockEntry[]; truncated: boolean }> {
    const rows = await listEntries(this.db, this.range(filters), LIST_LIMIT + 1);
    const names = await this.records.names(rows.map((r) => r.technician_id));
    const now = this.records.now();
    return {
      items: rows.slice(0, LIST_LIMIT).map((row) => this.records.toEntry(row, names, now)),
      truncated: rows.length > LIST_LIMIT,
    };
  }

  async listShifts(filters: ShiftsFilters): Promise<{ items: Shift[]; truncated: boolean }> {
    const rows = await listShifts(this.db, this.range(filters), LIST_LIMIT + 1);
    const names = await this.records.names(rows.map((r) => r.technician_id));
    return {
      items: rows.slice(0, LIST_LIMIT).map((row) => this.records.toShift(row, names)),
      truncated: rows.length > LIST_LIMIT,
    };
  }

  async correctEntry(actor: Actor, id: string, input: CorrectEntryInput): Promise<ClockEntry> {
    const result = await inTransaction(this.db, async (tx) => {
      const current = orNotFound(await findEntry(tx, id), 'clock entry', id);
      const names = await this.records.names([current.technician_id], tx);
      const now = this.records.now();
      if (current.version !== input.version)
        throw staleVersionProblem('clock entry', current.version, this.records.toEntry(current, names, now));
      const corrected = this.correctedSpan(
        ENTRY_FIELDS,
        { start: current.started_at, end: current.ended_at, note: current.note },
        { start: input.startedAt, end: input.endedAt, note: input.note, reason: input.reason },
        now,
      );
      const { start: startedAt, end: endedAt, note } = corrected;
      const overlap = await findOverlappingEntry(tx, current.technician_id, id, startedAt, endedAt);
      if (overlap !== undefined)
        throw overlapProblem('clock entry', overlap.started_at, overlap.ended_at, startedAt, ENTRY_FIELDS);
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
        entry: this.records.toEntry((await findEntry(tx, id))!, names, now),
        touched: job === undefined ? [] : [{ jobId: job.id, repairOrderId: job.repairOrderId }],
        at: now,
      };
    });
    this.records.announce(result.touched, result.at);
    return result.entry;
  }

  async correctShift(actor: Actor, id: string, input: CorrectShiftInput): Promise<Shift> {
    return inTransaction(this.db, async (tx) => {
      const current = orNotFound(await findShift(tx, id), 'shift', id);
      const names = await this.records.names([current.technician_id], tx);
      if (current.version !== input.version)
        throw staleVersionProblem('shift', current.version, this.records.toShift(current, names));
      const now = this.records.now();
      const corrected = this.correctedSpan(
        SHIFT_FIELDS,
        { start: current.clock_in_at, end: current.clock_out_at, note: current.note },
        { start: input.clockInAt, end: input.clockOutAt, note: input.note, reason: input.reason },
        now,
      );
      const { start: clockInAt, end: clockOutAt, note } = corrected;
      const overlap = await findOverlappingShift(tx, current.technician_id, id, clockInAt, clockOutAt);
      if (overlap !== undefined)
        throw overlapProblem('shift', overlap.clock_in_at, overlap.clock_out_at, clockInAt, SHIFT_FIELDS);
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
      return this.records.toShift((await findShift(tx, id))!, names);
    });
  }

  /**
   * The span a correction of an entry or a shift asks for: a field not sent keeps its value. 422
   * unless a reason is given, start and end are not in the future and the end is not before the start.
   */
  private correctedSpan(
    fields: SpanFields,
    current: Span,
    input: { start?: string; end?: string; note?: string; reason: string },
    now: string,
  ): Span {
    const start = input.start === undefined ? current.start : toUtc(input.start);
    const end = input.end === undefined ? current.end : toUtc(input.end);
    const note = input.note === undefined ? current.note : input.note.trim();
    const errors: FieldError[] = [];
    if (start > now) errors.push({ path: fields.start, message: 'cannot be in the future' });
    if (end !== null && end > now) errors.push({ path: fields.end, message: 'cannot be in the future' });
    if (end !== null && end < start)
      errors.push({ path: fields.end, message: `must not be before ${fields.start}` });
    if (input.reason.trim() === '') errors.push({ path: 'reason', message: 'is required' });
    if (errors.length > 0) throw problems.validation(errors);
    return { start, end, note };
  }

  private range<T extends { from?: string; to?: string }>(filters: T): T {
    return {
      ...filters,
      ...(filters.from === undefined ? {} : { from: toUtc(filters.from) }),
      ...(filters.to === undefined ? {} : { to: toUtc(filters.to) }),
    };
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
  fields: SpanFields,
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
