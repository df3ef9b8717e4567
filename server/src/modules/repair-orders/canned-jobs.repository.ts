import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CannedJobsTable } from '../../db/tables/repair-orders.js';
import { updateIfVersion, type UpdateIfVersion } from '../../db/versioned-rows.js';

export function listCannedJobs(db: Db, includeInactive: boolean) {
  let q = db.selectFrom('canned_jobs').selectAll();
  if (!includeInactive) q = q.where('active', '=', 1);
  return q.orderBy('name').execute();
}

export function findCannedJob(db: Db, id: string) {
  return db.selectFrom('canned_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Names are unique regardless of case (the column is COLLATE NOCASE). */
export function findCannedJobByName(db: Db, name: string) {
  return db.selectFrom('canned_jobs').select('id').where('name', '=', name).executeTakeFirst();
}

export async function insertCannedJob(db: Db, row: Insertable<CannedJobsTable>): Promise<void> {
  await db.insertInto('canned_jobs').values(row).execute();
}

export const updateCannedJobIfVersion: UpdateIfVersion<'canned_jobs'> = (db, ...args) =>
  updateIfVersion(db.updateTable('canned_jobs'), ...args);

export async function cannedJobInUse(db: Db, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('service_jobs')
    .select('id')
    .where('canned_job_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteCannedJob(db: Db, id: string): Promise<void> {
  await db.deleteFrom('canned_jobs').where('id', '=', id).execute();
}
