import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import { newestFirst } from '../../db/history-rows.js';
import { insertIfNew } from '../../db/insert-if-new.js';
import type {
  ObdOdometerHoldsTable,
  ObdScansTable,
  ObdTelemetryTable,
  ObdUnmatchedTable,
} from '../../db/tables/obd.js';

export type ScanRow = Selectable<ObdScansTable>;
export type UnmatchedRow = Selectable<ObdUnmatchedTable>;
export type HoldRow = Selectable<ObdOdometerHoldsTable>;

export async function insertScan(db: Db, row: Insertable<ObdScansTable>): Promise<void> {
  await db.insertInto('obd_scans').values(row).execute();
}

export function findScan(db: Db, id: string) {
  return db.selectFrom('obd_scans').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether a dongle's report with this seq was already recorded (as a scan or waiting unmatched). */
export async function dtcReportSeen(db: Db, deviceId: string, seq: number): Promise<boolean> {
  const scan = await db
    .selectFrom('obd_scans')
    .select('id')
    .where('device_id', '=', deviceId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return scan !== undefined || (await unmatchedSeen(db, deviceId, 'dtc', seq));
}

async function unmatchedSeen(db: Db, deviceId: string, channel: 'telemetry' | 'dtc', seq: number) {
  const row = await db
    .selectFrom('obd_unmatched')
    .select('id')
    .where('device_id', '=', deviceId)
    .where('channel', '=', channel)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row !== undefined;
}

/** Newest first. */
export function listScans(db: Db, vehicleId: string, limit: number) {
  return newestFirst(db.selectFrom('obd_scans'), ['vehicle_id', vehicleId], ['scanned_at', 'id'], limit);
}

export async function insertUnmatched(db: Db, row: Insertable<ObdUnmatchedTable>): Promise<void> {
  await db.insertInto('obd_unmatched').values(row).execute();
}

export function listWaitingUnmatched(db: Db) {
  return db
    .selectFrom('obd_unmatched')
    .selectAll()
    .where('attached_vehicle_id', 'is', null)
    .orderBy('received_at', 'desc')
    .limit(500)
    .execute();
}

export function findUnmatched(db: Db, id: string) {
  return db.selectFrom('obd_unmatched').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The waiting reports of one dongle for one car (the same VIN, or no VIN at all), oldest first. */
export function waitingUnmatchedLike(db: Db, deviceId: string, vin: string | null) {
  return db
    .selectFrom('obd_unmatched')
    .selectAll()
    .where('attached_vehicle_id', 'is', null)
    .where('device_id', '=', deviceId)
    .where((eb) => (vin === null ? eb('vin', 'is', null) : eb('vin', '=', vin)))
    .orderBy('seq', 'asc')
    .execute();
}

export async function markUnmatchedAttached(
  db: Db,
  ids: readonly string[],
  change: { vehicleId: string; userId: string | null; at: string },
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('obd_unmatched')
    .set({
      attached_vehicle_id: change.vehicleId,
      attached_by: change.userId,
      attached_at: change.at,
      updated_at: change.at,
    })
    .where('id', 'in', ids)
    .execute();
}

export async function insertHold(db: Db, row: Insertable<ObdOdometerHoldsTable>): Promise<void> {
  await db.insertInto('obd_odometer_holds').values(row).execute();
}

export function findHold(db: Db, id: string) {
  return db.selectFrom('obd_odometer_holds').selectAll().where('id', '=', id).executeTakeFirst();
}

export function waitingHolds(db: Db, vehicleId: string) {
  return db
    .selectFrom('obd_odometer_holds')
    .selectAll()
    .where('vehicle_id', '=', vehicleId)
    .where('status', '=', 'waiting')
    .orderBy('read_at', 'desc')
    .execute();
}

export async function confirmHold(db: Db, id: string, userId: string | null, at: string): Promise<boolean> {
  const result = await db
    .updateTable('obd_odometer_holds')
    .set({ status: 'confirmed', resolved_by: userId, resolved_at: at, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'waiting')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export function findDevice(db: Db, deviceId: string) {
  return db.selectFrom('obd_devices').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
}

/** Remembers a dongle's latest report: seq only grows (per channel), the VIN stays until another comes. */
export async function noteDeviceReport(
  db: Db,
  deviceId: string,
  report: { channel: 'telemetry' | 'dtc'; seq: number; vin: string | null; at: string },
): Promise<void> {
  const column = report.channel === 'telemetry' ? 'last_telemetry_seq' : 'last_dtc_seq';
  await db
    .insertInto('obd_devices')
    .values({
      device_id: deviceId,
      last_vin: report.vin,
      last_telemetry_seq: null,
      last_dtc_seq: null,
      [column]: report.seq,
      odometer_recorded_km: null,
      odometer_recorded_at: null,
      created_at: report.at,
      updated_at: report.at,
    })
    .onConflict((oc) =>
      oc.column('device_id').doUpdateSet({
        [column]: sql<number>`max(coalesce(${sql.ref(column)}, -1), excluded.${sql.ref(column)})`,
        last_vin: sql<string | null>`coalesce(excluded.last_vin, last_vin)`,
        updated_at: report.at,
      }),
    )
    .execute();
}

export async function noteOdometerRecorded(db: Db, deviceId: string, km: number, at: string): Promise<void> {
  await db
    .updateTable('obd_devices')
    .set({ odometer_recorded_km: km, odometer_recorded_at: at, updated_at: at })
    .where('device_id', '=', deviceId)
    .execute();
}

/** Inserts a raw telemetry row; false when this device's seq is already there (a duplicate). */
export async function insertTelemetry(db: Db, row: Insertable<ObdTelemetryTable>): Promise<boolean> {
  return insertIfNew(
    db
      .insertInto('obd_telemetry')
      .values(row)
      .onConflict((oc) => oc.columns(['device_id', 'seq']).doNothing()),
  );
}

/** Adds one sample to its device's day (min, max, sums): the roll-up that outlives the raw rows. */
export async function rollUpTelemetry(
  db: Db,
  sample: {
    deviceId: string;
    day: string;
    vehicleId: string | null;
    batteryVolts: number | null;
    fuelPercent: number | null;
    odometerKm: number | null;
    milOn: boolean | null;
    at: string;
  },
): Promise<void> {
  const battery = sample.batteryVolts;
  await db
    .insertInto('obd_telemetry_daily')
    .values({
      device_id: sample.deviceId,
      day: sample.day,
      vehicle_id: sample.vehicleId,
      samples: 1,
      battery_min: battery,
      battery_max: battery,
      battery_sum: battery ?? 0,
      battery_count: battery === null ? 0 : 1,
      fuel_min: sample.fuelPercent,
      fuel_max: sample.fuelPercent,
      odometer_min_km: sample.odometerKm,
      odometer_max_km: sample.odometerKm,
      mil_on_samples: sample.milOn === true ? 1 : 0,
      created_at: sample.at,
      updated_at: sample.at,
    })
    .onConflict((oc) =>
      oc.columns(['device_id', 'day']).doUpdateSet({
        // SQLite's two-argument min/max return NULL if either is NULL: coalesce keeps the known one.
        vehicle_id: sql`coalesce(excluded.vehicle_id, obd_telemetry_daily.vehicle_id)`,
        samples: sql`obd_telemetry_daily.samples + 1`,
        battery_min: sql`coalesce(min(obd_telemetry_daily.battery_min, excluded.battery_min), obd_telemetry_daily.battery_min, excluded.battery_min)`,
        battery_max: sql`coalesce(max(obd_telemetry_daily.battery_max, excluded.battery_max), obd_telemetry_daily.battery_max, excluded.battery_max)`,
        battery_sum: sql`obd_telemetry_daily.battery_sum + excluded.battery_sum`,
        battery_count: sql`obd_telemetry_daily.battery_count + excluded.battery_count`,
        fuel_min: sql`coalesce(min(obd_telemetry_daily.fuel_min, excluded.fuel_min), obd_telemetry_daily.fuel_min, excluded.fuel_min)`,
        fuel_max: sql`coalesce(max(obd_telemetry_daily.fuel_max, excluded.fuel_max), obd_telemetry_daily.fuel_max, excluded.fuel_max)`,
        odometer_min_km: sql`coalesce(min(obd_telemetry_daily.odometer_min_km, excluded.odometer_min_km), obd_telemetry_daily.odometer_min_km, excluded.odometer_min_km)`,
        odometer_max_km: sql`coalesce(max(obd_telemetry_daily.odometer_max_km, excluded.odometer_max_km), obd_telemetry_daily.odometer_max_km, excluded.odometer_max_km)`,
        mil_on_samples: sql`obd_telemetry_daily.mil_on_samples + excluded.mil_on_samples`,
        updated_at: sample.at,
      }),
    )
    .execute();
}

/** Deletes raw telemetry received before `before`; the daily roll-ups stay. */
export async function deleteTelemetryBefore(db: Db, before: string): Promise<number> {
  const result = await db.deleteFrom('obd_telemetry').where('received_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function telemetryCounts(db: Db, deviceId: string) {
  return Promise.all([
    db
      .selectFrom('obd_telemetry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('device_id', '=', deviceId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('obd_telemetry_daily')
      .selectAll()
      .where('device_id', '=', deviceId)
      .orderBy('day')
      .execute(),
  ]);
}
