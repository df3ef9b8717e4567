import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { after } from './search.repository.js';

/*
 * Read model (db/tables/index.ts): what the search box finds in other modules' tables (customers,
 * their contacts, vehicles, repair orders), through those tables' own indexes. It only reads; the
 * FTS tables this module owns are in search.repository.ts.
 */

/** Customers (not merged away) with this phone (E.164) or an email starting with `emailPrefix`. */
export function customersByContact(
  db: Db,
  kind: 'phone' | 'email',
  value: string,
  prefix: boolean,
  limit: number,
) {
  return db
    .selectFrom('customer_contacts as cc')
    .innerJoin('customers as c', 'c.id', 'cc.customer_id')
    .select(['c.id', 'c.name', 'cc.value'])
    .where('cc.kind', '=', kind)
    .$if(!prefix, (q) => q.where('cc.value', '=', value))
    .$if(prefix, (q) => q.where('cc.value', '>=', value).where('cc.value', '<', after(value)))
    .where('c.merged_into_id', 'is', null)
    .limit(limit)
    .execute();
}

/** Names starting with `prefix` (any case), through the customers_name index. */
export function customersByNamePrefix(db: Db, prefix: string, limit: number) {
  const upper = after(prefix.toLowerCase());
  return db
    .selectFrom('customers')
    .select(['id', 'name'])
    .where(sql<boolean>`name COLLATE NOCASE >= ${prefix} AND name COLLATE NOCASE < ${upper}`)
    .where('merged_into_id', 'is', null)
    .orderBy(sql`name COLLATE NOCASE`)
    .limit(limit)
    .execute();
}

export function customerDetails(db: Db, ids: string[]) {
  return db.selectFrom('customers').select(['id', 'name', 'contact_info']).where('id', 'in', ids).execute();
}

/** Plates starting with `prefix` (plates are stored upper-case letters and digits). */
export function vehiclesByPlatePrefix(db: Db, prefix: string, limit: number) {
  return db
    .selectFrom('vehicles')
    .select(['id', 'license_plate as plate', 'vin'])
    .where('license_plate', '>=', prefix)
    .where('license_plate', '<', after(prefix))
    .limit(limit)
    .execute();
}

export function vehiclesByVin(db: Db, vin: string) {
  return db
    .selectFrom('vehicles')
    .select(['id', 'license_plate as plate', 'vin'])
    .where('vin', '=', vin)
    .execute();
}

/** VINs ending in these 6 or 8 characters, through the expression indexes of migration 0008. */
export function vehiclesByVinEnding(db: Db, ending: string, limit: number) {
  const column = ending.length === 8 ? sql<string>`substr(vin, -8)` : sql<string>`substr(vin, -6)`;
  return db
    .selectFrom('vehicles')
    .select(['id', 'license_plate as plate', 'vin'])
    .where(column, '=', ending)
    .limit(limit)
    .execute();
}

export function vehicleDetails(db: Db, ids: string[]) {
  return db
    .selectFrom('vehicles as v')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .select([
      'v.id',
      'v.customer_id',
      'v.year',
      'v.make',
      'v.model',
      'v.license_plate',
      'v.vin',
      'c.name as owner_name',
    ])
    .where('v.id', 'in', ids)
    .execute();
}

export async function maxRepairOrderNumber(db: Db): Promise<number> {
  const row = await db
    .selectFrom('repair_orders')
    .select((eb) => eb.fn.max('number').as('max'))
    .executeTakeFirst();
  return row?.max ?? 0;
}

/** Repair orders numbered from..to, newest number first, through the unique index on number. */
export function repairOrdersNumbered(db: Db, from: number, to: number, limit: number) {
  return db
    .selectFrom('repair_orders as ro')
    .innerJoin('customers as c', 'c.id', 'ro.customer_id')
    .innerJoin('vehicles as v', 'v.id', 'ro.vehicle_id')
    .select([
      'ro.id',
      'ro.number',
      'ro.status',
      'ro.opened_at',
      'ro.concerns',
      'ro.customer_id',
      'ro.vehicle_id',
      'c.name as customer_name',
      'v.year',
      'v.make',
      'v.model',
      'v.license_plate',
    ])
    .where('ro.number', '>=', from)
    .where('ro.number', '<=', to)
    .orderBy('ro.number', 'desc')
    .limit(limit)
    .execute();
}
