import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { LineItemsTable } from '../../db/tables/repair-orders.js';
import { updateIfVersion, type UpdateIfVersion } from '../../db/versioned-rows.js';

export async function insertLines(db: Db, rows: Insertable<LineItemsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('line_items').values(rows).execute();
}

export function findLine(db: Db, id: string) {
  return db.selectFrom('line_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listLinesOfJobs(db: Db, jobIds: readonly string[]) {
  if (jobIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('line_items')
    .selectAll()
    .where('job_id', 'in', jobIds)
    .orderBy('job_id')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** Lines by id, with the repair order each belongs to (approvals check they are the RO's own). */
export function findLinesWithRepairOrder(db: Db, ids: readonly string[]) {
  return db
    .selectFrom('line_items as l')
    .innerJoin('service_jobs as j', 'j.id', 'l.job_id')
    .selectAll('l')
    .select(['j.repair_order_id', 'j.status as job_status'])
    .where('l.id', 'in', ids)
    .execute();
}

/** A job's approved part lines that point at stock (what completing it takes off the shelf). */
export function listApprovedStockedPartLines(db: Db, jobId: string) {
  return db
    .selectFrom('line_items')
    .select(['id', 'inventory_item_id', 'quantity_milli', 'description'])
    .where('job_id', '=', jobId)
    .where('kind', '=', 'part')
    .where('approval_state', '=', 'approved')
    .where('inventory_item_id', 'is not', null)
    .orderBy('sort_order')
    .execute();
}

export async function nextLineSortOrder(db: Db, jobId: string): Promise<number> {
  const row = await db
    .selectFrom('line_items')
    .select((eb) => eb.fn.max('sort_order').as('max'))
    .where('job_id', '=', jobId)
    .executeTakeFirst();
  return row?.max == null ? 0 : Number(row.max) + 1;
}

export async function countApprovedLines(db: Db, jobId: string): Promise<number> {
  const row = await db
    .selectFrom('line_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('job_id', '=', jobId)
    .where('approval_state', '=', 'approved')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const updateLineIfVersion: UpdateIfVersion<'line_items'> = (db, ...args) =>
  updateIfVersion(db.updateTable('line_items'), ...args);

export async function deleteLine(db: Db, id: string): Promise<void> {
  await db.deleteFrom('line_items').where('id', '=', id).execute();
}
