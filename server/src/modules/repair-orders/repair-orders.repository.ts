import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { RepairOrdersTable } from '../../db/tables/repair-orders.js';
import { moveToCustomer, updateIfVersion, type UpdateIfVersion } from '../../db/versioned-rows.js';

/** The counters row that numbers repair orders; the seed uses the same name. */
export const REPAIR_ORDER_COUNTER = 'repair_order';

export async function insertRepairOrder(db: Db, row: Insertable<RepairOrdersTable>): Promise<void> {
  await db.insertInto('repair_orders').values(row).execute();
}

export function findRepairOrder(db: Db, id: string) {
  return db.selectFrom('repair_orders').selectAll().where('id', '=', id).executeTakeFirst();
}

export const updateRepairOrderIfVersion: UpdateIfVersion<'repair_orders'> = (db, ...args) =>
  updateIfVersion(db.updateTable('repair_orders'), ...args);

export function findRepairOrderForAppointment(db: Db, appointmentId: string) {
  return db
    .selectFrom('repair_orders')
    .select(['id', 'number'])
    .where('appointment_id', '=', appointmentId)
    .executeTakeFirst();
}

/** The key tags on repair orders whose car may still be in the shop (not closed or void). */
export async function listOpenKeyTags(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('repair_orders')
    .select('key_tag')
    .where('status', 'not in', ['closed', 'void'])
    .where('key_tag', 'is not', null)
    .execute();
  return rows.flatMap((row) => (row.key_tag === null ? [] : [row.key_tag]));
}

export async function moveRepairOrdersToCustomer(
  db: Db,
  fromCustomerId: string,
  toCustomerId: string,
  at: string,
): Promise<number> {
  return moveToCustomer(db.updateTable('repair_orders'), fromCustomerId, toCustomerId, at);
}

/**
 * A stamp that changes whenever anything is written to the database: rows changed through this
 * connection (every module writes through it), plus commits by any other connection.
 */

/**
 * Declined and deferred lines on a vehicle's repair orders (not void), newest decision first: the
 * vehicle's deferred work. Uses line_items' job index through service_jobs.vehicle_id.
 */
export function listDeferredLinesOfVehicle(db: Db, vehicleId: string) {
  return db
    .selectFrom('line_items as l')
    .innerJoin('service_jobs as j', 'j.id', 'l.job_id')
    .innerJoin('repair_orders as ro', 'ro.id', 'j.repair_order_id')
    .selectAll('l')
    .select([
      'j.title as job_title',
      'ro.id as repair_order_id',
      'ro.number as repair_order_number',
      'ro.opened_at as opened_at',
    ])
    .where('ro.vehicle_id', '=', vehicleId)
    .where('ro.status', '!=', 'void')
    .where('l.approval_state', 'in', ['declined', 'deferred'])
    .orderBy(sql`coalesce(l.approval_at, ro.opened_at)`, 'desc')
    .orderBy('ro.number', 'desc')
    .orderBy('l.sort_order')
    .limit(500)
    .execute();
}
