import { describeDtc, type DtcDescriptions } from '../../../../devices/obd/dtc.js';
import { afterCommit } from '../../db/after-commit.js';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/event-bus.js';
import { newId } from '../../lib/ids.js';
import { HttpProblem } from '../../lib/problem.js';
import type { Actor } from '../audit/audit.service.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import type { VehiclesService } from '../vehicles/vehicles.service.js';
import { insertHold, type ScanRow } from './obd.repository.js';
import type { ObdCode, ObdScan, OdometerOutcome } from './obd.schemas.js';

/**
 * What serial scans and dongle reports share: turning a stored scan into what the screen shows
 * (codes with descriptions), putting an odometer reading into the vehicle's history (or holding a
 * lower one for a confirmation), and finding the vehicle's open repair order.
 */

const json = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export function toScan(row: ScanRow, descriptions: DtcDescriptions): ObdScan {
  const codes: ObdCode[] = [];
  const add = (kind: ObdCode['kind'], list: string[] | null) => {
    for (const code of list ?? []) codes.push({ ...describeDtc(code, descriptions), kind });
  };
  add('stored', json<string[]>(row.stored_codes));
  add('pending', json<string[]>(row.pending_codes));
  add('permanent', json<string[]>(row.permanent_codes));
  return {
    id: row.id,
    vehicleId: row.vehicle_id,
    repairOrderId: row.repair_order_id,
    source: row.source,
    deviceId: row.device_id,
    vin: row.vin,
    protocol: row.protocol,
    milOn: row.mil_on === null ? null : row.mil_on === 1,
    codes,
    permanentReported: row.permanent_codes !== null,
    readiness: json(row.readiness),
    batteryVolts: row.battery_volts,
    odometerKm: row.odometer_km,
    freezeFrame: json(row.freeze_frame),
    scannedAt: row.scanned_at,
    scannedBy: row.scanned_by,
  };
}

/** The repair order a scan belongs on: the vehicle's newest open one, else none. */
export async function openRepairOrderId(
  repairOrders: RepairOrdersService,
  vehicleId: string,
): Promise<string | null> {
  const { items } = await repairOrders.list({ vehicleId, status: 'open', limit: 1 });
  return items[0]?.id ?? null;
}

/**
 * Records an OBD odometer reading (km) through the vehicles service, like a typed one, in the
 * caller's transaction (`tx`, opened with inTransaction). A reading
 * lower than the last is refused there unless confirmed; instead of guessing, it is held here for
 * the advisor to confirm (POST /api/obd/odometer-holds/:id/confirm), exactly as a typed one is.
 */
export async function recordObdOdometer(
  tx: Db,
  { vehicles, events }: { vehicles: VehiclesService; events: EventBus },
  actor: Actor,
  reading: { vehicleId: string; km: number; source: 'serial' | 'mqtt'; deviceId: string | null; at: string },
): Promise<OdometerOutcome> {
  const km = Math.round(reading.km);
  try {
    await vehicles.addOdometerReading(
      actor,
      reading.vehicleId,
      { reading: km, unit: 'km', source: 'obd' },
      tx,
    );
    return { status: 'recorded', holdId: null };
  } catch (error) {
    if (!(error instanceof HttpProblem && error.status === 400 && error.errors?.[0]?.path === 'reading'))
      throw error;
    const id = newId();
    // The refusal came before the vehicles service wrote anything: the transaction goes on.
    await insertHold(tx, {
      id,
      vehicle_id: reading.vehicleId,
      reading_km: km,
      source: reading.source,
      device_id: reading.deviceId,
      read_at: reading.at,
      resolved_by: null,
      resolved_at: null,
      created_at: reading.at,
      updated_at: reading.at,
    });
    announceObd(tx, events, {
      vehicleId: reading.vehicleId,
      repairOrderId: null,
      change: 'odometer-hold',
      at: reading.at,
    });
    return { status: 'held-lower', holdId: id };
  }
}

/** Tells the vehicle's (and repair order's) screens, once the transaction committed. */
export function announceObd(
  tx: Db,
  events: EventBus,
  payload: { vehicleId: string; repairOrderId: string | null; change: 'scan' | 'odometer-hold'; at: string },
): void {
  afterCommit(tx, () => events.emit('obdChanged', payload));
}
