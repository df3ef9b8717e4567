import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ServiceJobsTable } from '../../db/tables/repair-orders.js';
import { updateIfVersion, type UpdateIfVersion } from '../../db/versioned-rows.js';

export async function insertJob(db: Db, row: Insertable<ServiceJobsTable>): Promise<void> {
  await db.insertInto('service_jobs').values(row).execute();
}

export function findJobRow(db: Db, id: string) {
  return db.selectFrom('service_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function nextJobSortOrder(db: Db, repairOrderId: string): Promise<number> {
  const row = await db
    .selectFrom('service_jobs')
    .select((eb) => eb.fn.max('sort_order').as('max'))
    .where('repair_order_id', '=', repairOrderId)
    .executeTakeFirst();
  return row?.max == null ? 0 : Number(row.max) + 1;
}

export const updateJobIfVersion: UpdateIfVersion<'service_jobs'> = (db, ...args) =>
  updateIfVersion(db.updateTable('service_jobs'), ...args);

export async function deleteJob(db: Db, id: string): Promise<void> {
  await db.deleteFrom('service_jobs').where('id', '=', id).execute();
}

export function findJobsByIds(db: Db, ids: readonly string[]) {
  return db.selectFrom('service_jobs').selectAll().where('id', 'in', ids).execute();
}
