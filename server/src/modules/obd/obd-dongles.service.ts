import type { Static } from '@sinclair/typebox';
import type { ObdDtcSchema, ObdTelemetrySchema } from '../../../contracts/mqtt.js';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { inTransaction } from '../../db/after-commit.js';
import { GroupCommit } from '../../db/group-commit.js';
import { newId } from '../../lib/ids.js';
import { KeyedSerialQueue } from '../../lib/serial-queue.js';
import { problems } from '../../lib/problem.js';
import type { Actor } from '../audit/audit.service.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import type { VehiclesService } from '../vehicles/vehicles.service.js';
import { announceObd, openRepairOrderId, recordObdOdometer } from './obd-scans.js';
import {
  deleteTelemetryBefore,
  dtcReportSeen,
  findDevice,
  findUnmatched,
  insertScan,
  insertTelemetry,
  insertUnmatched,
  listWaitingUnmatched,
  markUnmatchedAttached,
  noteDeviceReport,
  noteOdometerRecorded,
  rollUpTelemetry,
  waitingUnmatchedLike,
  type UnmatchedRow,
} from './obd.repository.js';
import type { AttachResult, UnmatchedReport } from './obd.schemas.js';
import { orNotFound } from '../../lib/versioning.js';

export type Telemetry = Static<typeof ObdTelemetrySchema>;
export type DtcReport = Static<typeof ObdDtcSchema>;

/** One report as the device gateway hands it over (a subset of its DeviceMessage). */
export interface DongleMessage<P> {
  device: { id: string; name: string };
  payload: P;
  receivedAt: string;
}

/** What became of a report: `stale` is a DTC report older (by seq) than one already handled. */
export type IngestOutcome = 'recorded' | 'duplicate' | 'stale' | 'unmatched';

/** An odometer entry per dongle at most this often: a dongle at 1 Hz must not flood the history. */
const ODOMETER_EVERY_MS = 60 * 60 * 1000;
/** Raw telemetry past its days is deleted at most this often (checked as telemetry arrives). */
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export interface DongleDeps {
  db: Db;
  clock: Clock;
  events: EventBus;
  vehicles: VehiclesService;
  repairOrders: RepairOrdersService;
  rawTelemetryDays: number;
}

/**
 * What OBD dongles report over MQTT: the car is matched by VIN (the dongle's last VIN when a report
 * has none); a car ASE does not know waits in the unmatched list for the advisor. Telemetry is kept
 * raw for a while and rolled up per day for ever; odometer readings go into the vehicle's history;
 * a DTC report becomes a scan on the vehicle's open repair order. Reports are counted once per
 * seq: a duplicate is dropped, a late (out-of-order) one is kept but does not move the odometer.
 */
export class DongleReports {
  /** Each dongle's reports are handled one after another, in arrival order (see #inOrder). */
  readonly #queues = new KeyedSerialQueue();
  /**
   * Telemetry of the dongles reporting at the same moment is committed together: a dongle at 1 Hz
   * waits for no answer (the broker acknowledged it), and fifty commits in a row held the event
   * loop (and a bay sensor's event) for tens of milliseconds each second.
   */
  readonly #telemetryCommits: GroupCommit;
  /** When raw telemetry was last pruned (the app's clock, ms); 0: not yet. */
  #prunedAt = 0;

  constructor(private readonly deps: DongleDeps) {
    this.#telemetryCommits = new GroupCommit(deps.db);
  }

  async ingestTelemetry(message: DongleMessage<Telemetry>): Promise<IngestOutcome> {
    const outcome = await this.#inOrder(message.device.id, () => this.#telemetry(message));
    await this.#pruneIfDue();
    return outcome;
  }

  ingestDtc(message: DongleMessage<DtcReport>): Promise<IngestOutcome> {
    return this.#inOrder(message.device.id, () => this.#dtc(message));
  }

  /**
   * The gateway does not await handlers, so two reports of one dongle could otherwise be handled
   * at once: both would see the same "last seq" and the same last odometer entry. One queue per
   * dongle (dropped when it drains) keeps seq checks and the odometer throttle exact.
   */
  #inOrder<T>(deviceId: string, work: () => Promise<T>): Promise<T> {
    return this.#queues.run(deviceId, work);
  }

  async #telemetry(message: DongleMessage<Telemetry>): Promise<IngestOutcome> {
    const { device, payload, receivedAt } = message;
    return this.#telemetryCommits.run(async (tx) => {
      const known = await findDevice(tx, device.id);
      const late = known?.last_telemetry_seq != null && payload.seq < known.last_telemetry_seq;
      const vin = payload.vin ?? known?.last_vin ?? null;
      const vehicleId = vin === null ? undefined : await this.deps.vehicles.findIdByVin(vin, tx);
      const fresh = await insertTelemetry(tx, {
        id: newId(),
        device_id: device.id,
        seq: payload.seq,
        vehicle_id: vehicleId ?? null,
        vin,
        device_at: payload.at,
        received_at: receivedAt,
        odometer_km: payload.odometerKm ?? null,
        battery_volts: payload.batteryVolts ?? null,
        fuel_percent: payload.fuelPercent ?? null,
        mil_on: payload.milOn === undefined ? null : payload.milOn ? 1 : 0,
        created_at: receivedAt,
        updated_at: receivedAt,
      });
      if (!fresh) return 'duplicate';
      await noteDeviceReport(tx, device.id, {
        channel: 'telemetry',
        seq: payload.seq,
        vin: payload.vin ?? null,
        at: receivedAt,
      });
      await rollUpTelemetry(tx, {
        deviceId: device.id,
        day: receivedAt.slice(0, 10),
        vehicleId: vehicleId ?? null,
        batteryVolts: payload.batteryVolts ?? null,
        fuelPercent: payload.fuelPercent ?? null,
        odometerKm: payload.odometerKm ?? null,
        milOn: payload.milOn ?? null,
        at: receivedAt,
      });
      if (vehicleId === undefined) {
        // Only what is worth attaching later waits: an odometer. Battery and fuel stay in telemetry.
        if (payload.odometerKm !== undefined) await waitUnmatched(tx, message, 'telemetry', vin);
        return 'unmatched';
      }
      // A late reading is history, not the car's odometer now: a newer one was already handled.
      if (payload.odometerKm !== undefined && !late)
        await this.#odometer(tx, message, vehicleId, payload.odometerKm);
      return 'recorded';
    });
  }

  async #dtc(message: DongleMessage<DtcReport>): Promise<IngestOutcome> {
    const { device, payload, receivedAt } = message;
    const vinHint = payload.vin ?? (await findDevice(this.deps.db, device.id))?.last_vin ?? null;
    const hintVehicle = vinHint === null ? undefined : await this.deps.vehicles.findIdByVin(vinHint);
    // Outside the transaction: the repair orders service reads with its own connection.
    const repairOrderId =
      hintVehicle === undefined ? null : await openRepairOrderId(this.deps.repairOrders, hintVehicle);
    return inTransaction(this.deps.db, async (tx) => {
      if (await dtcReportSeen(tx, device.id, payload.seq)) return 'duplicate';
      const known = await findDevice(tx, device.id);
      // A report older than one already handled is a stale snapshot of the codes: not the car's state.
      if (known?.last_dtc_seq != null && payload.seq < known.last_dtc_seq) return 'stale';
      const vin = payload.vin ?? known?.last_vin ?? null;
      await noteDeviceReport(tx, device.id, {
        channel: 'dtc',
        seq: payload.seq,
        vin: payload.vin ?? null,
        at: receivedAt,
      });
      const vehicleId = vin === null ? undefined : await this.deps.vehicles.findIdByVin(vin, tx);
      if (vehicleId === undefined) {
        await waitUnmatched(tx, message, 'dtc', vin);
        return 'unmatched';
      }
      await insertDtcScan(tx, this.deps.events, {
        deviceId: device.id,
        payload,
        vehicleId,
        vin,
        repairOrderId: vehicleId === hintVehicle ? repairOrderId : null,
        receivedAt,
      });
      return 'recorded';
    });
  }

  async unmatched(): Promise<UnmatchedReport[]> {
    return (await listWaitingUnmatched(this.deps.db)).map(toUnmatched);
  }

  /**
   * The advisor says which car a waiting report is: it and every other waiting report of that
   * dongle with the same VIN go onto the vehicle. A vehicle with another VIN is refused; one
   * without a VIN keeps it unchanged (the advisor edits the vehicle to add it).
   */
  async attach(actor: Actor, id: string, vehicleId: string): Promise<AttachResult> {
    const report = orNotFound(await findUnmatched(this.deps.db, id), 'unmatched OBD report', id);
    const vehicle = await this.deps.vehicles.get(vehicleId).catch(() => {
      throw problems.validation([{ path: 'vehicleId', message: 'no vehicle with this id' }]);
    });
    if (report.vin !== null && vehicle.vin !== null && vehicle.vin !== report.vin)
      throw problems.conflict(
        `The dongle reported VIN ${report.vin}; this vehicle's VIN is ${vehicle.vin}.`,
        'obd-vin-mismatch',
        { errors: [{ path: 'vehicleId', message: `has VIN ${vehicle.vin}, not ${report.vin}` }] },
      );
    const repairOrderId = await openRepairOrderId(this.deps.repairOrders, vehicleId);
    const at = this.deps.clock.now().toISOString();
    return inTransaction(this.deps.db, async (tx) => {
      const fresh = await findUnmatched(tx, id);
      if (fresh?.attached_vehicle_id != null)
        throw problems.conflict('This report is already attached to a vehicle.', 'obd-already-attached', {
          vehicleId: fresh.attached_vehicle_id,
        });
      const reports = await waitingUnmatchedLike(tx, report.device_id, report.vin);
      let scans = 0;
      for (const waiting of reports) {
        if (waiting.channel === 'dtc') {
          const payload = JSON.parse(waiting.payload) as DtcReport;
          const { device_id: deviceId, vin, received_at: receivedAt } = waiting;
          await insertDtcScan(tx, this.deps.events, {
            deviceId,
            payload,
            vehicleId,
            vin,
            repairOrderId,
            receivedAt,
          });
          scans++;
          continue;
        }
        const { odometerKm } = JSON.parse(waiting.payload) as Telemetry;
        if (odometerKm !== undefined)
          await recordObdOdometer(tx, this.deps, actor, {
            vehicleId,
            km: odometerKm,
            source: 'mqtt',
            deviceId: waiting.device_id,
            at: waiting.received_at,
          });
      }
      const ids = reports.map((r) => r.id);
      await markUnmatchedAttached(tx, ids, { vehicleId, userId: actor.userId, at });
      return { vehicleId, attached: reports.length, scans };
    });
  }

  /** Deletes raw telemetry older than the configured days; returns how many rows went. */
  async pruneTelemetry(): Promise<number> {
    const now = this.deps.clock.now();
    this.#prunedAt = now.getTime();
    const cutoff = new Date(now.getTime() - this.deps.rawTelemetryDays * 86_400_000);
    return deleteTelemetryBefore(this.deps.db, cutoff.toISOString());
  }

  /** Prunes when the last prune is an hour old: telemetry arriving is what makes rows to prune. */
  async #pruneIfDue(): Promise<number> {
    if (this.deps.clock.now().getTime() - this.#prunedAt < PRUNE_EVERY_MS) return 0;
    return this.pruneTelemetry();
  }

  async #odometer(tx: Db, message: DongleMessage<Telemetry>, vehicleId: string, km: number): Promise<void> {
    const known = await findDevice(tx, message.device.id);
    const rounded = Math.round(km);
    const lastAt = known?.odometer_recorded_at;
    const recent = lastAt != null && Date.parse(message.receivedAt) - Date.parse(lastAt) < ODOMETER_EVERY_MS;
    if (known?.odometer_recorded_km === rounded || recent) return;
    await recordObdOdometer(tx, this.deps, deviceActor(message.device), {
      vehicleId,
      km,
      source: 'mqtt',
      deviceId: message.device.id,
      at: message.receivedAt,
    });
    await noteOdometerRecorded(tx, message.device.id, rounded, message.receivedAt);
  }
}

async function waitUnmatched(
  tx: Db,
  message: DongleMessage<Telemetry | DtcReport>,
  channel: 'telemetry' | 'dtc',
  vin: string | null,
): Promise<void> {
  await insertUnmatched(tx, {
    id: newId(),
    device_id: message.device.id,
    device_name: message.device.name,
    channel,
    seq: message.payload.seq,
    vin,
    payload: JSON.stringify(message.payload),
    received_at: message.receivedAt,
    attached_vehicle_id: null,
    attached_at: null,
    attached_by: null,
    created_at: message.receivedAt,
    updated_at: message.receivedAt,
  });
}

async function insertDtcScan(
  tx: Db,
  events: EventBus,
  report: {
    deviceId: string;
    payload: DtcReport;
    vehicleId: string;
    vin: string | null;
    repairOrderId: string | null;
    receivedAt: string;
  },
): Promise<void> {
  const { payload, receivedAt } = report;
  await insertScan(tx, {
    id: newId(),
    vehicle_id: report.vehicleId,
    repair_order_id: report.repairOrderId,
    source: 'mqtt',
    device_id: report.deviceId,
    seq: payload.seq,
    vin: report.vin,
    protocol: null,
    mil_on: payload.milOn ? 1 : 0,
    stored_codes: JSON.stringify(payload.stored),
    pending_codes: JSON.stringify(payload.pending),
    permanent_codes: JSON.stringify(payload.permanent),
    readiness: null,
    battery_volts: null,
    odometer_km: null,
    freeze_frame: payload.freezeFrame === undefined ? null : JSON.stringify(payload.freezeFrame),
    // The server's clock: a dongle's own may be anything, and "latest" must mean latest here.
    scanned_at: receivedAt,
    scanned_by: null,
    created_at: receivedAt,
    updated_at: receivedAt,
  });
  announceObd(tx, events, {
    vehicleId: report.vehicleId,
    repairOrderId: report.repairOrderId,
    change: 'scan',
    at: receivedAt,
  });
}

function deviceActor(device: { id: string; name: string }): Actor {
  return { userId: null, label: `obd-dongle ${device.name} (${device.id})` };
}

function toUnmatched(row: UnmatchedRow): UnmatchedReport {
  const payload = JSON.parse(row.payload) as Partial<Telemetry & DtcReport>;
  return {
    id: row.id,
    deviceId: row.device_id,
    deviceName: row.device_name,
    channel: row.channel,
    seq: row.seq,
    vin: row.vin,
    receivedAt: row.received_at,
    codes: [...(payload.stored ?? []), ...(payload.pending ?? []), ...(payload.permanent ?? [])],
    milOn: payload.milOn ?? null,
    odometerKm: payload.odometerKm ?? null,
    batteryVolts: payload.batteryVolts ?? null,
  };
}
