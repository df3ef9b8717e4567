import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import { oldestFirst } from '../../db/history-rows.js';
import type { JobClockEntriesTable, TechnicianShiftsTable } from '../../db/tables/timeclock.js';

export type EntryRow = Selectable<JobClockEntriesTable>;
export type ShiftRow = Selectable<TechnicianShiftsTable>;

/** Lists stop here; the caller says so (truncated) so a screen can ask for narrower dates. */
export const LIST_LIMIT = 1000;

// ---- spans: what job-clock entries and shifts share

/**
 * A job-clock entry and a shift are both one technician's span of time, kept in two tables that
 * differ only in names (started_at/ended_at, clock_in_at/clock_out_at). A span says which, so one
 * query serves both; the exported functions below are typed for their own table.
 */
const ENTRIES = { table: 'job_clock_entries', start: 'started_at', end: 'ended_at' } as const;
const SHIFTS = { table: 'technician_shifts', start: 'clock_in_at', end: 'clock_out_at' } as const;
type Span = typeof ENTRIES | typeof SHIFTS;

interface SpanFilters {
  from?: string;
  to?: string;
  technicianId?: string;
  jobId?: string;
}

/**
 * Kysely types a query by its table's column names, which differ between the two; the span
 * queries see both tables as rows of any column, and `spanQueries` gives them back their types.
 */
function spanDb(db: Db) {
  return db as unknown as Kysely<Record<Span['table'], Record<string, unknown>>>;
}

/** The queries of one span table, typed for it. */
function spanQueries<Table extends JobClockEntriesTable | TechnicianShiftsTable>(span: Span) {
  type Row = Selectable<Table>;
  const rows = (db: Db) => spanDb(db).selectFrom(span.table).selectAll();
  return {
    find: async (db: Db, id: string) =>
      (await rows(db).where('id', '=', id).executeTakeFirst()) as Row | undefined,

    /** The technician's running clock or open shift (at most one: a unique partial index). */
    findOpen: async (db: Db, technicianId: string) =>
      (await rows(db)
        .where('technician_id', '=', technicianId)
        .where(span.end, 'is', null)
        .executeTakeFirst()) as Row | undefined,

    /** Newest first, started in [from, to). */
    list: async (db: Db, filters: SpanFilters, limit: number) => {
      let query = rows(db);
      if (filters.from !== undefined) query = query.where(span.start, '>=', filters.from);
      if (filters.to !== undefined) query = query.where(span.start, '<', filters.to);
      if (filters.technicianId !== undefined) query = query.where('technician_id', '=', filters.technicianId);
      if (filters.jobId !== undefined) query = query.where('job_id', '=', filters.jobId);
      return (await query.orderBy(span.start, 'desc').orderBy('id', 'desc').limit(limit).execute()) as Row[];
    },

    /**
     * The technician's other span that shares time with [start, end) (end null: still running, so
     * open-ended). Touching ends do not overlap: one job's stop is the next one's start.
     */
    findOverlapping: async (
      db: Db,
      technicianId: string,
      exceptId: string,
      start: string,
      end: string | null,
    ) => {
      let query = rows(db)
        .where('technician_id', '=', technicianId)
        .where('id', '!=', exceptId)
        .where((eb) => eb.or([eb(span.end, 'is', null), eb(span.end, '>', start)]));
      if (end !== null) query = query.where(span.start, '<', end);
      return (await query.orderBy(span.start).executeTakeFirst()) as Row | undefined;
    },

    insert: async (db: Db, row: Insertable<Table>): Promise<void> => {
      await spanDb(db).insertInto(span.table).values(row).execute();
    },

    /** Updates only when the row still has `expectedVersion`; bumps the version. */
    updateIfVersion: async (
      db: Db,
      id: string,
      expectedVersion: number,
      changes: Omit<Updateable<Table>, 'id' | 'version'>,
    ): Promise<boolean> => {
      const result = await spanDb(db)
        .updateTable(span.table)
        .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
  };
}

// ---- job clock entries

export const {
  find: findEntry,
  findOpen: findRunningEntry,
  list: listEntries,
  findOverlapping: findOverlappingEntry,
  insert: insertEntry,
  updateIfVersion: updateEntryIfVersion,
} = spanQueries<JobClockEntriesTable>(ENTRIES);

export function listEntriesOfJob(db: Db, jobId: string) {
  return oldestFirst(db.selectFrom('job_clock_entries'), ['job_id', jobId], ['started_at', 'id']);
}

export function listRunningEntriesOfJob(db: Db, jobId: string) {
  return db
    .selectFrom('job_clock_entries')
    .selectAll()
    .where('job_id', '=', jobId)
    .where('ended_at', 'is', null)
    .execute();
}

// ---- shifts

export const {
  find: findShift,
  findOpen: findOpenShift,
  list: listShifts,
  findOverlapping: findOverlappingShift,
  insert: insertShift,
  updateIfVersion: updateShiftIfVersion,
} = spanQueries<TechnicianShiftsTable>(SHIFTS);
