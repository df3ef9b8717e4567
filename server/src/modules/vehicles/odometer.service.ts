import type { Db } from '../../db/database.js';
import type { OdometerUnit } from '../../db/tables/vehicles.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { problems } from '../../lib/problem.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import {
  findOdometerReading,
  findVehicle,
  findVehicleOwnerId,
  insertOdometerReading,
  latestOdometerReading,
  listOdometerReadings,
  raiseVehicleOdometer,
  setVehicleOdometer,
} from './vehicles.repository.js';
import type { OdometerReading, RecordOdometerInput } from './vehicles.schemas.js';
import { afterCommit, inTransaction } from '../../db/after-commit.js';
import { type OdometerReadingInput, type VehicleRow, convertReading, toReading } from './vehicle-fields.js';
import { orNotFound } from '../../lib/versioning.js';

/**
 * A vehicle's odometer history: readings typed, read from OBD or taken at check-in, and the
 * vehicle's odometer they move (up only, unless a lower reading is confirmed).
 */
export class OdometerService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: EventBus,
  ) {}

  async history(vehicleId: string): Promise<OdometerReading[]> {
    if ((await findVehicleOwnerId(this.db, vehicleId)) === undefined)
      throw problems.notFound(`No vehicle with id ${vehicleId}.`);
    return (await listOdometerReadings(this.db, vehicleId)).map(toReading);
  }

  /**
   * A reading typed or read from OBD. One below the last reading is refused unless confirmed
   * (a replaced odometer or instrument cluster): then it becomes the vehicle's odometer and is audited.
   */
  async add(
    actor: Actor,
    vehicleId: string,
    input: RecordOdometerInput,
    /** A caller's transaction to join (an OBD scan records its reading with the scan); own one otherwise. */
    db: Db = this.db,
  ): Promise<OdometerReading> {
    const at = this.clock.now().toISOString();
    return inTransaction(db, async (tx) => {
      const vehicle = orNotFound(await findVehicle(tx, vehicleId), 'vehicle', vehicleId);
      const unit = input.unit ?? vehicle.odometer_unit;
      const previous = await this.#previousReading(tx, vehicle);
      const lower =
        previous !== undefined && convertReading(input.reading, unit, previous.unit) < previous.reading;
      if (lower && input.confirmLower !== true) {
        throw problems.validation([
          {
            path: 'reading',
            message:
              `is lower than the last reading, ${previous.reading.toLocaleString('en-US')} ${previous.unit}` +
              `${previous.at === null ? '' : ` on ${previous.at.slice(0, 10)}`}. ` +
              'Send confirmLower: true if the odometer or instrument cluster was replaced',
          },
        ]);
      }
      const id = await this.insertReading(
        tx,
        actor,
        { vehicleId, reading: input.reading, unit, source: input.source ?? 'manual' },
        at,
        { vehicleUnit: vehicle.odometer_unit, mode: lower ? 'set' : 'raise' },
      );
      if (lower) {
        await this.audit.record(tx, actor, {
          action: 'vehicle.odometer_lowered',
          entityType: 'vehicle',
          entityId: vehicleId,
          data: {
            readingId: id,
            reading: input.reading,
            unit,
            previousReading: previous.reading,
            previousUnit: previous.unit,
            previousAt: previous.at,
          },
        });
      }
      afterCommit(tx, () => this.events.emit('vehicleChanged', { vehicleId, change: 'odometer', at }));
      return toReading(await findOdometerReading(tx, id));
    });
  }

  /**
   * Records an odometer reading inside the caller's transaction (check-in does this). A lower
   * reading is kept in the history but does not lower the vehicle's odometer; the caller emits
   * its own events after commit.
   */
  async record(tx: Db, actor: Actor, input: OdometerReadingInput): Promise<void> {
    const vehicle = await findVehicle(tx, input.vehicleId);
    if (vehicle === undefined)
      throw problems.validation([{ path: 'vehicleId', message: 'no vehicle with this id' }]);
    await this.insertReading(
      tx,
      actor,
      { ...input, unit: input.unit ?? vehicle.odometer_unit },
      this.clock.now().toISOString(),
      { vehicleUnit: vehicle.odometer_unit, mode: 'raise' },
    );
  }

  /** The reading a new one is compared with: the latest recorded, else the odometer on the vehicle. */
  async #previousReading(
    tx: Db,
    vehicle: VehicleRow,
  ): Promise<{ reading: number; unit: OdometerUnit; at: string | null } | undefined> {
    const latest = await latestOdometerReading(tx, vehicle.id);
    if (latest !== undefined) return { reading: latest.reading, unit: latest.unit, at: latest.recorded_at };
    if (vehicle.odometer === null) return undefined;
    return { reading: vehicle.odometer, unit: vehicle.odometer_unit, at: null };
  }

  /** Inserts the reading and moves the vehicle's odometer: up only, or to this value (`set`). */
  async insertReading(
    tx: Db,
    actor: Actor,
    input: OdometerReadingInput & { unit: OdometerUnit },
    at: string,
    odometer: { vehicleUnit: OdometerUnit; mode: 'raise' | 'set' },
  ): Promise<string> {
    const id = newId();
    await insertOdometerReading(tx, {
      id,
      vehicle_id: input.vehicleId,
      reading: input.reading,
      unit: input.unit,
      source: input.source,
      repair_order_id: input.repairOrderId ?? null,
      recorded_at: at,
      recorded_by: actor.userId,
      created_at: at,
      updated_at: at,
    });
    const value = Math.round(convertReading(input.reading, input.unit, odometer.vehicleUnit));
    if (odometer.mode === 'raise') await raiseVehicleOdometer(tx, input.vehicleId, value, at);
    else await setVehicleOdometer(tx, input.vehicleId, value, at);
    return id;
  }
}
