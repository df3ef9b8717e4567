import type { Db } from '../../db/database.js';
import type { RepairOrderStatus } from '../../db/tables/repair-orders.js';

/*
 * Read model (db/tables/index.ts): repair orders as the screens list them, with the customer's
 * name and the vehicle's description beside them (tables of the customers and vehicles modules).
 * It only reads; one query because the list is keyset-paged over thousands of orders.
 */

/** One repair order with the customer's name and the vehicle's description, in one query. */
function repairOrderWithParties(db: Db) {
  return db
    .selectFrom('repair_orders as ro')
    .innerJoin('customers as c', 'c.id', 'ro.customer_id')
    .innerJoin('vehicles as v', 'v.id', 'ro.vehicle_id')
    .selectAll('ro')
    .select([
      'c.name as customer_name',
      'v.year as vehicle_year',
      'v.make as vehicle_make',
      'v.model as vehicle_model',
      'v.vin as vehicle_vin',
      'v.license_plate as vehicle_license_plate',
    ]);
}

export function findRepairOrderWithParties(db: Db, id: string) {
  return repairOrderWithParties(db).where('ro.id', '=', id).executeTakeFirst();
}

export type RepairOrderWithPartiesRow = NonNullable<Awaited<ReturnType<typeof findRepairOrderWithParties>>>;

export interface RepairOrderQuery {
  status?: RepairOrderStatus | undefined;
  customerId?: string | undefined;
  vehicleId?: string | undefined;
  before?: number | undefined;
  limit: number;
}

/** Newest first by number (numbers only grow), keyset-paged so page 500 costs what page 1 does. */
export function listRepairOrders(db: Db, query: RepairOrderQuery) {
  let q = repairOrderWithParties(db);
  if (query.status !== undefined) q = q.where('ro.status', '=', query.status);
  if (query.customerId !== undefined) q = q.where('ro.customer_id', '=', query.customerId);
  if (query.vehicleId !== undefined) q = q.where('ro.vehicle_id', '=', query.vehicleId);
  if (query.before !== undefined) q = q.where('ro.number', '<', query.before);
  return q.orderBy('ro.number', 'desc').limit(query.limit).execute();
}
