import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import { newestFirst } from '../../db/history-rows.js';
import type {
  OdometerReadingsTable,
  VehicleOwnershipsTable,
  VehiclesTable,
} from '../../db/tables/vehicles.js';
import { moveToCustomer, updateIfVersion, type UpdateIfVersion } from '../../db/versioned-rows.js';

export async function findVehicleOwnerId(db: Db, vehicleId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('vehicles')
    .select('customer_id')
    .where('id', '=', vehicleId)
    .executeTakeFirst();
  return row?.customer_id;
}

export function findVehicle(db: Db, id: string) {
  return db.selectFrom('vehicles').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findVehicleByVin(db: Db, vin: string) {
  return db.selectFrom('vehicles').select(['id', 'customer_id']).where('vin', '=', vin).executeTakeFirst();
}

export async function insertVehicle(db: Db, row: Insertable<VehiclesTable>): Promise<void> {
  await db.insertInto('vehicles').values(row).execute();
}

export const updateVehicleIfVersion: UpdateIfVersion<'vehicles'> = (db, ...args) =>
  updateIfVersion(db.updateTable('vehicles'), ...args);

/** Newest first (ids are time-ordered). */
export function listVehicles(db: Db, filter: { customerId?: string; limit: number; offset: number }) {
  let query = db.selectFrom('vehicles').selectAll();
  if (filter.customerId !== undefined) query = query.where('customer_id', '=', filter.customerId);
  return query.orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute();
}

/** The odometer only moves up here: a lower value is a replaced cluster, set with setVehicleOdometer. */
export async function raiseVehicleOdometer(db: Db, id: string, reading: number, at: string): Promise<void> {
  await db
    .updateTable('vehicles')
    .set({ odometer: reading, updated_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('odometer', 'is', null), eb('odometer', '<', reading)]))
    .execute();
}

export async function setVehicleOdometer(db: Db, id: string, reading: number, at: string): Promise<void> {
  await db.updateTable('vehicles').set({ odometer: reading, updated_at: at }).where('id', '=', id).execute();
}

export async function insertOdometerReading(db: Db, row: Insertable<OdometerReadingsTable>): Promise<void> {
  await db.insertInto('odometer_readings').values(row).execute();
}

export function findOdometerReading(db: Db, id: string) {
  return db.selectFrom('odometer_readings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A vehicle's readings, newest first (by when read, then by id for readings of the same moment). */
function odometerReadingsNewestFirst(db: Db, vehicleId: string) {
  return db
    .selectFrom('odometer_readings')
    .selectAll()
    .where('vehicle_id', '=', vehicleId)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc');
}

export function latestOdometerReading(db: Db, vehicleId: string) {
  return odometerReadingsNewestFirst(db, vehicleId).limit(1).executeTakeFirst();
}

export function listOdometerReadings(db: Db, vehicleId: string) {
  return odometerReadingsNewestFirst(db, vehicleId).execute();
}

export async function insertOwnership(db: Db, row: Insertable<VehicleOwnershipsTable>): Promise<void> {
  await db.insertInto('vehicle_ownerships').values(row).execute();
}

/** Closes the vehicle's open ownership row(s); returns how many were open. */
export async function endOpenOwnerships(db: Db, vehicleId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('vehicle_ownerships')
    .set({ ended_at: at, updated_at: at })
    .where('vehicle_id', '=', vehicleId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Newest first. */
export function listOwnerships(db: Db, vehicleId: string) {
  return newestFirst(db.selectFrom('vehicle_ownerships'), ['vehicle_id', vehicleId], ['started_at', 'id']);
}

/** A customer merge: the kept customer now owns the vehicles and their ownership history rows. */
export async function moveVehiclesToCustomer(
  db: Db,
  fromCustomerId: string,
  toCustomerId: string,
  at: string,
): Promise<number> {
  const moved = await moveToCustomer(db.updateTable('vehicles'), fromCustomerId, toCustomerId, at);
  await db
    .updateTable('vehicle_ownerships')
    .set({ customer_id: toCustomerId, updated_at: at })
    .where('customer_id', '=', fromCustomerId)
    .execute();
  return moved;
}
