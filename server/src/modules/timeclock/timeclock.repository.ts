import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { JobClockEntriesTable, TechnicianShiftsTable } from '../../db/tables/timeclock.js';

export type EntryRow = Selectable<JobClockEntriesTable>;
export type ShiftRow = Selectable<TechnicianShiftsTable>;

/** Lists stop here; the caller says so (truncated) so a screen can ask for narrower dates. */
export const LIST_LIMIT = 1000;

// job clock entries

export function findEntry(db: Db, id: string) {
  return db.selectFrom('job_clock_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findRunningEntry(db: Db, technicianId: string) {
  return db
    .selectFrom('job_clock_entries')
    .selectAll()
    .where('technician_id', '=', technicianId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

export function listEntriesOfJob(db: Db, jobId: string) {
  return db
    .selectFrom('job_clock_entries')
    .selectAll()
    .where('job_id', '=', jobId)
    .orderBy('started_at')
    .orderBy('id')
    .execute();
}

export function listRunningEntriesOfJob(db: Db, jobId: string) {
  return db
    .selectFrom('job_clock_entries')
    .selectAll()
    .where('job_id', '=', jobId)
    .where('ended_at', 'is', null)
    .execute();
}

export function listEntries(
  db: Db,
  filters: { from?: string; to?: string; technicianId?: string; jobId?: string },
  limit: number,
) {
  let query = db.selectFrom('job_clock_entries').selectAll();
  if (filters.from !== undefined) query = query.where('started_at', '>=', filters.from);
  if (filters.to !== undefined) query = query.where('started_at', '<', filters.to);
  if (filters.technicianId !== undefined) query = query.where('technician_id', '=', filters.technicianId);
  if (filters.jobId !== undefined) query = query.where('job_id', '=', filters.jobId);
  return query.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/**
 * The technician's other entries that share time with [start, end) (end null: still running,
 * so open-ended). Touching ends do not overlap: one job's stop is the next one's start.
 */
export function findOverlappingEntry(
  db: Db,
  technicianId: string,
  exceptId: string,
  start: string,
  end: string | null,
) {
  let query = db
    .selectFrom('job_clock_entries')
    .selectAll()
    .where('technician_id', '=', technicianId)
    .where('id', '!=', exceptId)
    .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', start)]));
  if (end !== null) query = query.where('started_at', '<', end);
  return query.orderBy('started_at').executeTakeFirst();
}

export async function insertEntry(db: Db, row: Insertable<JobClockEntriesTable>): Promise<void> {
  await db.insertInto('job_clock_entries').values(row).execute();
}

export async function updateEntryIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Omit<Updateable<JobClockEntriesTable>, 'id' | 'version'>,
): Promise<boolean> {
  const result = await db
    .updateTable('job_clock_entries')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

// shifts

export function findShift(db: Db, id: string) {
  return db.selectFrom('technician_shifts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOpenShift(db: Db, technicianId: string) {
  return db
    .selectFrom('technician_shifts')
    .selectAll()
    .where('technician_id', '=', technicianId)
    .where('clock_out_at', 'is', null)
    .executeTakeFirst();
}

export function listShifts(
  db: Db,
  filters: { from?: string; to?: string; technicianId?: string },
  limit: number,
) {
  let query = db.selectFrom('technician_shifts').selectAll();
  if (filters.from !== undefined) query = query.where('clock_in_at', '>=', filters.from);
  if (filters.to !== undefined) query = query.where('clock_in_at', '<', filters.to);
  if (filters.technicianId !== undefined) query = query.where('technician_id', '=', filters.technicianId);
  return query.orderBy('clock_in_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export function findOverlappingShift(
  db: Db,
  technicianId: string,
  exceptId: string,
  start: string,
  end: string | null,
) {
  let query = db
    .selectFrom('technician_shifts')
    .selectAll()
    .where('technician_id', '=', technicianId)
    .where('id', '!=', exceptId)
    .where((eb) => eb.or([eb('clock_out_at', 'is', null), eb('clock_out_at', '>', start)]));
  if (end !== null) query = query.where('clock_in_at', '<', end);
  return query.orderBy('clock_in_at').executeTakeFirst();
}

export async function insertShift(db: Db, row: Insertable<TechnicianShiftsTable>): Promise<void> {
  await db.insertInto('technician_shifts').values(row).execute();
}

export async function updateShiftIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Omit<Updateable<TechnicianShiftsTable>, 'id' | 'version'>,
): Promise<boolean> {
  const result = await db
    .updateTable('technician_shifts')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
