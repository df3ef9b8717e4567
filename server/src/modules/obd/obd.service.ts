import type { SerialBinding } from '../../../../devices/obd/elm327-link.js';
import type { DtcDescriptions } from '../../../../devices/obd/dtc.js';
import { clearCodes, scanVehicle, type ObdScanResult } from '../../../../devices/obd/elm327-scanner.js';
import { ObdError } from '../../../../devices/obd/obd-error.js';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { HttpProblem, problems } from '../../lib/problem.js';
import { inTransaction } from '../../db/after-commit.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import type { VehiclesService } from '../vehicles/vehicles.service.js';
import { announceObd, openRepairOrderId, recordObdOdometer, toScan } from './obd-scans.js';
import { confirmHold, findHold, findScan, insertScan, listScans, waitingHolds } from './obd.repository.js';
import type { ObdScanInput, ObdScanResponse, VehicleObd } from './obd.schemas.js';
import { orNotFound } from '../../lib/versioning.js';

export interface SerialAdapterConfig {
  /** '' when no adapter is configured. */
  path: string;
  baudRate: number;
  /** serialport binding: the OS's when absent; tests hand in @serialport/binding-mock. */
  binding?: SerialBinding;
  commandTimeoutMs?: number;
  searchTimeoutMs?: number;
}

export interface ObdDeps {
  db: Db;
  clock: Clock;
  events: EventBus;
  audit: AuditService;
  vehicles: VehiclesService;
  repairOrders: RepairOrdersService;
  descriptions: { table: DtcDescriptions; problem: string | null };
  serial: SerialAdapterConfig;
}

/**
 * OBD scans at the counter: the ELM327 plugged into the server reads the car, the scan is stored
 * on the vehicle (and its open repair order), and the odometer goes into the vehicle's history.
 * Clearing codes needs the caller's explicit confirmation and is audited.
 */
export class ObdService {
  /** One conversation with the adapter at a time: a second click gets a clear 409. */
  #busy = false;

  constructor(private readonly deps: ObdDeps) {}

  get descriptions(): DtcDescriptions {
    return this.deps.descriptions.table;
  }

  async forVehicle(vehicleId: string): Promise<VehicleObd> {
    await this.deps.vehicles.get(vehicleId); // 404 for an unknown vehicle
    const { db, descriptions } = this.deps;
    return {
      scans: (await listScans(db, vehicleId, 20)).map((row) => toScan(row, descriptions.table)),
      odometerHolds: (await waitingHolds(db, vehicleId)).map((hold) => ({
        id: hold.id,
        vehicleId: hold.vehicle_id,
        readingKm: hold.reading_km,
        source: hold.source,
        deviceId: hold.device_id,
        readAt: hold.read_at,
      })),
      descriptions: { available: descriptions.table.size > 0, problem: descriptions.problem },
      serialConfigured: this.deps.serial.path !== '',
    };
  }

  /** Runs a scan with the configured adapter and stores it on the vehicle. */
  async scan(actor: Actor, vehicleId: string, input: ObdScanInput): Promise<ObdScanResponse> {
    const vehicle = await this.deps.vehicles.get(vehicleId);
    const repairOrderId = await this.#repairOrderFor(vehicleId, input.repairOrderId);
    const result = await this.#withAdapter((options) => scanVehicle(options));
    if (result.vin !== null && vehicle.vin !== null && result.vin !== vehicle.vin)
      throw problems.conflict(
        `The car on the adapter reports VIN ${result.vin}, but this vehicle is ${vehicle.vin}. Nothing was saved.`,
        'obd-vin-mismatch',
        { scannedVin: result.vin, vehicleVin: vehicle.vin },
      );

    const at = this.deps.clock.now().toISOString();
    const id = newId();
    return inTransaction(this.deps.db, async (tx) => {
      await insertScan(tx, scanRow(id, vehicleId, repairOrderId, result, actor, at));
      const odometer =
        result.odometerKm === null
          ? { status: 'none' as const, holdId: null }
          : await recordObdOdometer(tx, this.deps, actor, {
              vehicleId,
              km: result.odometerKm,
              source: 'serial',
              deviceId: null,
              at,
            });
      announceObd(tx, this.deps.events, { vehicleId, repairOrderId, change: 'scan', at });
      const row = await findScan(tx, id);
      return { scan: toScan(row!, this.deps.descriptions.table), odometer };
    });
  }

  /** Mode 04 through the adapter, only with `confirm: true`; audited on the vehicle. */
  async clear(actor: Actor, vehicleId: string, confirm: boolean) {
    if (confirm !== true)
      throw problems.validation([
        {
          path: 'confirm',
          message: 'must be true: clearing codes also resets the readiness monitors an emissions test needs',
        },
      ]);
    await this.deps.vehicles.get(vehicleId);
    const started = await this.#withAdapter((options) => clearCodes({ ...options, confirm }));
    const at = this.deps.clock.now().toISOString();
    await inTransaction(this.deps.db, (tx) =>
      this.deps.audit.record(tx, actor, {
        action: 'vehicle.obd_codes_cleared',
        entityType: 'vehicle',
        entityId: vehicleId,
        data: { protocol: started.protocol.name, adapter: started.adapter },
      }),
    );
    return { cleared: true as const, at, protocol: started.protocol.name };
  }

  /** The advisor confirms a lower OBD odometer reading: recorded as a confirmed lower one (audited there). */
  async confirmOdometerHold(actor: Actor, holdId: string): Promise<{ vehicleId: string; readingKm: number }> {
    const hold = orNotFound(await findHold(this.deps.db, holdId), 'odometer reading waiting', holdId);
    if (hold.status !== 'waiting')
      throw problems.conflict('This reading was already confirmed.', 'obd-hold-resolved');
    const at = this.deps.clock.now().toISOString();
    await inTransaction(this.deps.db, async (tx) => {
      // Only one confirmation wins: the second finds the hold resolved and records nothing.
      if (!(await confirmHold(tx, holdId, actor.userId, at)))
        throw problems.conflict('This reading was already confirmed.', 'obd-hold-resolved');
      await this.deps.vehicles.addOdometerReading(
        actor,
        hold.vehicle_id,
        { reading: hold.reading_km, unit: 'km', source: 'obd', confirmLower: true },
        tx,
      );
    });
    return { vehicleId: hold.vehicle_id, readingKm: hold.reading_km };
  }

  async #repairOrderFor(vehicleId: string, requested: string | undefined): Promise<string | null> {
    if (requested === undefined) return openRepairOrderId(this.deps.repairOrders, vehicleId);
    const ro = await this.deps.repairOrders.find(this.deps.db, requested);
    if (ro === undefined || ro.vehicle.id !== vehicleId)
      throw problems.validation([
        { path: 'repairOrderId', message: 'is not a repair order of this vehicle' },
      ]);
    return requested;
  }

  async #withAdapter<T>(work: (options: SerialAdapterConfig) => Promise<T>): Promise<T> {
    const { serial } = this.deps;
    if (serial.path === '')
      throw new HttpProblem({
        status: 503,
        title: 'No OBD adapter configured',
        slug: 'obd-not-configured',
        detail: 'No OBD adapter is configured on this server: set obdSerialPath (e.g. /dev/ttyUSB0).',
      });
    if (this.#busy)
      throw problems.conflict(
        'A scan is already running on the OBD adapter; wait for it to finish.',
        'obd-busy',
      );
    this.#busy = true;
    try {
      return await work(serial);
    } catch (error) {
      throw error instanceof ObdError ? obdProblem(error) : error;
    } finally {
      this.#busy = false;
    }
  }
}

function scanRow(
  id: string,
  vehicleId: string,
  repairOrderId: string | null,
  result: ObdScanResult,
  actor: Actor,
  at: string,
) {
  return {
    id,
    vehicle_id: vehicleId,
    repair_order_id: repairOrderId,
    source: 'serial' as const,
    device_id: null,
    seq: null,
    vin: result.vin,
    protocol: result.protocol.name,
    mil_on: result.readiness === null ? null : result.readiness.milOn ? 1 : 0,
    stored_codes: JSON.stringify(result.stored),
    pending_codes: JSON.stringify(result.pending),
    permanent_codes: result.permanent === null ? null : JSON.stringify(result.permanent),
    readiness: result.readiness === null ? null : JSON.stringify(result.readiness),
    battery_volts: result.batteryVolts,
    odometer_km: result.odometerKm,
    freeze_frame: null,
    scanned_at: at,
    scanned_by: actor.userId,
    created_at: at,
    updated_at: at,
  };
}

/** The driver's fault as problem+json: the car's state is a 409, the adapter's a 503. */
const FAULT_STATUS: Record<ObdError['fault'], number> = {
  'no-adapter': 503,
  'port-busy': 409,
  permission: 503,
  'not-an-adapter': 503,
  'no-car': 409,
  'no-data': 409,
  timeout: 503,
  unplugged: 503,
  'adapter-error': 503,
  'not-confirmed': 400,
};

export function obdProblem(error: ObdError): HttpProblem {
  const status = FAULT_STATUS[error.fault];
  return new HttpProblem({
    status,
    title: status === 409 ? 'The car is not answering' : 'OBD adapter problem',
    slug: `obd-${error.fault}`,
    detail: error.message,
    extensions: { fault: error.fault, adapterSaid: error.raw },
  });
}
