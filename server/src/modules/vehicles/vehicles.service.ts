import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type {
  OdometerReadingsTable,
  OdometerUnit,
  VehicleOwnershipsTable,
  VehiclesTable,
} from '../../db/tables/vehicles.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { HttpProblem, problems, type FieldError } from '../../lib/problem.js';
import { staleVersionProblem } from '../../lib/versioning.js';
import { checkVin, normalizeVin } from '../../lib/vin.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { CustomerMergeParticipant } from '../customers/customer-merge.js';
import type { CustomersService } from '../customers/customers.service.js';
import {
  endOpenOwnerships,
  findOdometerReading,
  findVehicle,
  findVehicleByVin,
  findVehicleOwnerId,
  insertOdometerReading,
  insertOwnership,
  insertVehicle,
  latestOdometerReading,
  listOdometerReadings,
  listOwnerships,
  listVehicles,
  moveVehiclesToCustomer,
  raiseVehicleOdometer,
  setVehicleOdometer,
  updateVehicleIfVersion,
} from './vehicles.repository.js';
import type {
  CreateVehicleInput,
  ListVehiclesInput,
  OdometerReading,
  Ownership,
  RecordOdometerInput,
  TransferVehicleInput,
  UpdateVehicleInput,
  Vehicle,
  VehicleDetail,
  VinDecode,
} from './vehicles.schemas.js';
import { VinDecoder, type DecodedVin } from './vin-decoder.js';
import { inTransaction } from '../../db/after-commit.js';

export interface OdometerReadingInput {
  vehicleId: string;
  reading: number;
  unit?: 'mi' | 'km';
  source: 'check-in' | 'manual' | 'obd' | 'appointment';
  repairOrderId?: string | null;
}

type VehicleRow = Selectable<VehiclesTable>;

/** Descriptive fields the VIN decode may fill in on create. */
const DECODABLE = ['make', 'model', 'year', 'trim', 'engine', 'body'] as const;
type Decodable = (typeof DECODABLE)[number];
type FilledFromVin = { [K in Decodable]?: NonNullable<DecodedVin[K]> };

const KM_PER_MILE = 1.609344;

function convertReading(reading: number, from: OdometerUnit, to: OdometerUnit): number {
  if (from === to) return reading;
  return from === 'mi' ? reading * KM_PER_MILE : reading / KM_PER_MILE;
}

/** "abc-1234" → "ABC1234": plates are searched and compared without spaces or dashes. */
export function normalizePlate(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Trimmed text, null when blank; undefined (not sent) stays undefined. */
function cleanText(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function toVehicle(row: VehicleRow): Vehicle {
  return {
    id: row.id,
    customerId: row.customer_id,
    vin: row.vin,
    vinCheckOverride: row.vin_check_override,
    make: row.make,
    model: row.model,
    year: row.year,
    trim: row.trim,
    engine: row.engine,
    body: row.body,
    color: row.color,
    licensePlate: row.license_plate,
    plateRegion: row.plate_region,
    telematicsId: row.telematics_id,
    odometer: row.odometer,
    odometerUnit: row.odometer_unit,
    notes: row.notes,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toOwnership(row: Selectable<VehicleOwnershipsTable>): Omit<Ownership, 'customerName'> {
  return {
    id: row.id,
    customerId: row.customer_id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    note: row.note,
  };
}

function toReading(row: Selectable<OdometerReadingsTable>): OdometerReading {
  return {
    id: row.id,
    vehicleId: row.vehicle_id,
    reading: row.reading,
    unit: row.unit,
    source: row.source,
    repairOrderId: row.repair_order_id,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  };
}

/** A VIN as the API will store it, and the override when its check digit is knowingly wrong. */
interface AcceptedVin {
  vin: string;
  override: { reason: string; expected: string; actual: string } | null;
}

/**
 * Applies the VIN rules to what was typed; pushes a field error and returns undefined when refused.
 * A wrong North-American check digit passes only with a reason (callers are owners and advisors:
 * the routes that take a VIN are limited to them).
 */
function acceptVin(
  raw: string,
  overrideReason: string | undefined,
  errors: FieldError[],
): AcceptedVin | undefined {
  const check = checkVin(raw);
  if (check.valid) return { vin: check.vin, override: null };
  if (!check.wellFormed || check.error === null) {
    errors.push({ path: 'vin', message: check.error?.message ?? 'is not a valid VIN' });
    return undefined;
  }
  const reason = overrideReason?.trim();
  if (!reason) {
    errors.push({
      path: 'vin',
      message: `${check.error.message}, or send vinCheckOverrideReason to keep it as written`,
    });
    return undefined;
  }
  return {
    vin: check.vin,
    override: { reason, expected: check.expectedCheckDigit ?? '', actual: check.vin.charAt(8) },
  };
}

function acceptPlate(raw: string, errors: FieldError[]): string | undefined {
  const plate = normalizePlate(raw);
  if (plate === '') errors.push({ path: 'licensePlate', message: 'must contain letters or digits' });
  return plate;
}

/** The columns a PATCH sets besides the VIN: only the fields sent; null clears one. */
function editedColumns(
  input: UpdateVehicleInput,
  plate: string | null | undefined,
): Updateable<VehiclesTable> {
  const columns: Updateable<VehiclesTable> = {};
  const texts = [
    ['make', input.make],
    ['model', input.model],
    ['trim', input.trim],
    ['engine', input.engine],
    ['body', input.body],
    ['color', input.color],
    ['telematics_id', input.telematicsId],
  ] as const;
  for (const [column, value] of texts) if (value !== undefined) columns[column] = cleanText(value);
  if (input.year !== undefined) columns.year = input.year;
  if (plate !== undefined) columns.license_plate = plate;
  if (input.plateRegion !== undefined) columns.plate_region = input.plateRegion?.toUpperCase() ?? null;
  if (input.notes !== undefined) columns.notes = input.notes.trim();
  return columns;
}

function ownershipRow(
  vehicleId: string,
  customerId: string,
  span: { startedAt: string; endedAt: string | null; note: string | null },
  at: string,
): Insertable<VehicleOwnershipsTable> {
  return {
    id: newId(),
    vehicle_id: vehicleId,
    customer_id: customerId,
    started_at: span.startedAt,
    ended_at: span.endedAt,
    note: span.note,
    created_at: at,
    updated_at: at,
  };
}

function vinDataUnavailable(cause: unknown): HttpProblem {
  const problem = new HttpProblem({
    status: 503,
    title: 'VIN data unavailable',
    slug: 'vin-data-unavailable',
    detail:
      'The offline VIN database could not be opened on this server. Enter make, model and year by hand.',
  });
  problem.cause = cause;
  return problem;
}

/** Vehicles: VIN, decoded details, plates, odometer history, ownership. */
export class VehiclesService implements CustomerMergeParticipant {
  readonly name = 'vehicles';
  readonly #vinDecoder: VinDecoder;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly customers: CustomersService,
    /** Folder for the offline VIN database (vPIC), inside the data dir. */
    vinDataDir: string,
  ) {
    this.#vinDecoder = new VinDecoder(vinDataDir);
  }

  /** Releases the offline VIN database; the app calls this when it closes. */
  close(): Promise<void> {
    return this.#vinDecoder.close();
  }

  /** The owner's customer id, or undefined when there is no such vehicle. `db` may be a transaction. */
  getOwnerId(db: Db, vehicleId: string): Promise<string | undefined> {
    return findVehicleOwnerId(db, vehicleId);
  }

  async get(id: string): Promise<VehicleDetail> {
    const detail = await this.#detail(this.db, id);
    if (detail === undefined) throw problems.notFound(`No vehicle with id ${id}.`);
    return detail;
  }

  async list(input: ListVehiclesInput): Promise<{ items: Vehicle[]; nextOffset: number | null }> {
    const rows = await listVehicles(this.db, {
      ...(input.customerId === undefined ? {} : { customerId: input.customerId }),
      limit: input.limit + 1,
      offset: input.offset,
    });
    const more = rows.length > input.limit;
    return {
      items: rows.slice(0, input.limit).map(toVehicle),
      nextOffset: more ? input.offset + input.limit : null,
    };
  }

  /** Validation and the VIN decode happen before the transaction: a decode may unpack the vPIC data. */
  async create(actor: Actor, input: CreateVehicleInput): Promise<VehicleDetail> {
    const errors: FieldError[] = [];
    const vin =
      input.vin === undefined ? undefined : acceptVin(input.vin, input.vinCheckOverrideReason, errors);
    const plate = input.licensePlate === undefined ? undefined : acceptPlate(input.licensePlate, errors);
    if (!(await this.customers.exists(this.db, input.customerId)))
      errors.push({ path: 'customerId', message: 'no customer with this id' });
    if (errors.length > 0) throw problems.validation(errors);
    if (vin !== undefined) await this.#ensureVinFree(this.db, vin.vin, null);

    const filled = vin === undefined ? {} : await this.#fillFromVin(vin.vin, input);
    const at = this.clock.now().toISOString();
    const id = newId();
    const unit = input.odometerUnit ?? 'mi';
    const detail = await inTransaction(this.db, async (tx) => {
      if (!(await this.customers.exists(tx, input.customerId)))
        throw problems.validation([{ path: 'customerId', message: 'no customer with this id' }]);
      if (vin !== undefined) await this.#ensureVinFree(tx, vin.vin, null);
      await insertVehicle(tx, {
        id,
        customer_id: input.customerId,
        vin: vin?.vin ?? null,
        vin_check_override: vin?.override?.reason ?? null,
        make: cleanText(input.make) ?? filled.make ?? null,
        model: cleanText(input.model) ?? filled.model ?? null,
        year: input.year ?? filled.year ?? null,
        trim: cleanText(input.trim) ?? filled.trim ?? null,
        engine: cleanText(input.engine) ?? filled.engine ?? null,
        body: cleanText(input.body) ?? filled.body ?? null,
        color: cleanText(input.color) ?? null,
        license_plate: plate ?? null,
        plate_region: input.plateRegion?.toUpperCase() ?? null,
        telematics_id: cleanText(input.telematicsId) ?? null,
        odometer: input.odometer ?? null,
        odometer_unit: unit,
        notes: input.notes?.trim() ?? '',
        created_at: at,
        updated_at: at,
      });
      await insertOwnership(
        tx,
        ownershipRow(id, input.customerId, { startedAt: at, endedAt: null, note: null }, at),
      );
      if (input.odometer !== undefined) {
        await this.#insertReading(
          tx,
          actor,
          { vehicleId: id, reading: input.odometer, unit, source: 'manual' },
          at,
          { vehicleUnit: unit, mode: 'raise' },
        );
      }
      await this.audit.record(tx, actor, {
        action: 'vehicle.created',
        entityType: 'vehicle',
        entityId: id,
        data: { customerId: input.customerId, vin: vin?.vin ?? null, filledFromVin: Object.keys(filled) },
      });
      if (vin?.override) await this.#auditOverride(tx, actor, id, vin.vin, vin.override);
      return (await this.#detail(tx, id))!;
    });
    this.events.emit('vehicleChanged', { vehicleId: id, change: 'created', at });
    return detail;
  }

  async update(actor: Actor, id: string, input: UpdateVehicleInput): Promise<VehicleDetail> {
    const errors: FieldError[] = [];
    const plate =
      input.licensePlate === undefined || input.licensePlate === null
        ? input.licensePlate
        : acceptPlate(input.licensePlate, errors);
    if (errors.length > 0) throw problems.validation(errors);

    const at = this.clock.now().toISOString();
    const detail = await inTransaction(this.db, async (tx) => {
      const current = await findVehicle(tx, id);
      if (current === undefined) throw problems.notFound(`No vehicle with id ${id}.`);
      if (current.version !== input.version)
        throw staleVersionProblem('vehicle', current.version, toVehicle(current));
      const vinChange = await this.#vinChange(tx, current, input);
      const ok = await updateVehicleIfVersion(tx, id, input.version, {
        ...vinChange.columns,
        ...editedColumns(input, plate),
        updated_at: at,
      });
      if (!ok) throw staleVersionProblem('vehicle', current.version + 1);
      await this.audit.record(tx, actor, {
        action: 'vehicle.updated',
        entityType: 'vehicle',
        entityId: id,
        data: {
          fields: Object.keys(input).filter((k) => k !== 'version' && k !== 'vinCheckOverrideReason'),
          ...(vinChange.changed ? { vinFrom: current.vin, vinTo: vinChange.columns.vin } : {}),
        },
      });
      const override = vinChange.accepted?.override;
      if (override) await this.#auditOverride(tx, actor, id, vinChange.accepted!.vin, override);
      return (await this.#detail(tx, id))!;
    });
    this.events.emit('vehicleChanged', { vehicleId: id, change: 'updated', at });
    return detail;
  }

  /** A new owner: the open ownership ends, a new one starts; readings and repair orders stay with the car. */
  async transfer(actor: Actor, id: string, input: TransferVehicleInput): Promise<VehicleDetail> {
    const at = this.clock.now().toISOString();
    const detail = await inTransaction(this.db, async (tx) => {
      const current = await findVehicle(tx, id);
      if (current === undefined) throw problems.notFound(`No vehicle with id ${id}.`);
      if (current.version !== input.version)
        throw staleVersionProblem('vehicle', current.version, toVehicle(current));
      if (!(await this.customers.exists(tx, input.toCustomerId)))
        throw problems.validation([{ path: 'toCustomerId', message: 'no customer with this id' }]);
      if (input.toCustomerId === current.customer_id)
        throw problems.validation([{ path: 'toCustomerId', message: 'already owns this vehicle' }]);

      const note = input.note?.trim() || null;
      if ((await endOpenOwnerships(tx, id, at)) === 0) {
        // A vehicle recorded before ownership history was kept: write down the owner it had.
        const span = { startedAt: current.created_at, endedAt: at, note: null };
        await insertOwnership(tx, ownershipRow(id, current.customer_id, span, at));
      }
      await insertOwnership(
        tx,
        ownershipRow(id, input.toCustomerId, { startedAt: at, endedAt: null, note }, at),
      );
      const moved = await updateVehicleIfVersion(tx, id, input.version, {
        customer_id: input.toCustomerId,
        updated_at: at,
      });
      if (!moved) throw staleVersionProblem('vehicle', current.version + 1);
      await this.audit.record(tx, actor, {
        action: 'vehicle.transferred',
        entityType: 'vehicle',
        entityId: id,
        data: { fromCustomerId: current.customer_id, toCustomerId: input.toCustomerId, note },
      });
      return (await this.#detail(tx, id))!;
    });
    this.events.emit('vehicleChanged', { vehicleId: id, change: 'transferred', at });
    return detail;
  }

  async odometerHistory(vehicleId: string): Promise<OdometerReading[]> {
    if ((await findVehicleOwnerId(this.db, vehicleId)) === undefined)
      throw problems.notFound(`No vehicle with id ${vehicleId}.`);
    return (await listOdometerReadings(this.db, vehicleId)).map(toReading);
  }

  /**
   * A reading typed or read from OBD. One below the last reading is refused unless confirmed
   * (a replaced odometer or instrument cluster): then it becomes the vehicle's odometer and is audited.
   */
  async addOdometerReading(
    actor: Actor,
    vehicleId: string,
    input: RecordOdometerInput,
  ): Promise<OdometerReading> {
    const at = this.clock.now().toISOString();
    const reading = await inTransaction(this.db, async (tx) => {
      const vehicle = await findVehicle(tx, vehicleId);
      if (vehicle === undefined) throw problems.notFound(`No vehicle with id ${vehicleId}.`);
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
      const id = await this.#insertReading(
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
      return toReading(await findOdometerReading(tx, id));
    });
    this.events.emit('vehicleChanged', { vehicleId, change: 'odometer', at });
    return reading;
  }

  /**
   * Records an odometer reading inside the caller's transaction (check-in does this). A lower
   * reading is kept in the history but does not lower the vehicle's odometer; the caller emits
   * its own events after commit.
   */
  async recordOdometer(tx: Db, actor: Actor, input: OdometerReadingInput): Promise<void> {
    const vehicle = await findVehicle(tx, input.vehicleId);
    if (vehicle === undefined)
      throw problems.validation([{ path: 'vehicleId', message: 'no vehicle with this id' }]);
    await this.#insertReading(
      tx,
      actor,
      { ...input, unit: input.unit ?? vehicle.odometer_unit },
      this.clock.now().toISOString(),
      { vehicleUnit: vehicle.odometer_unit, mode: 'raise' },
    );
  }

  async decodeVin(raw: string): Promise<VinDecode> {
    const check = checkVin(raw);
    if (!check.wellFormed)
      throw problems.validation([
        { path: 'params.vin', message: check.error?.message ?? 'is not a valid VIN' },
      ]);
    let decoded: DecodedVin;
    try {
      decoded = await this.#vinDecoder.decode(check.vin);
    } catch (error) {
      throw vinDataUnavailable(error);
    }
    return {
      vin: check.vin,
      valid: check.valid,
      checkDigitValid: check.checkDigitValid,
      checkDigitRequired: check.northAmerican,
      expectedCheckDigit: check.expectedCheckDigit ?? '',
      problem: check.error?.message ?? null,
      ...decoded,
    };
  }

  moveCustomerRecords(tx: Db, fromCustomerId: string, toCustomerId: string): Promise<number> {
    return moveVehiclesToCustomer(tx, fromCustomerId, toCustomerId, this.clock.now().toISOString());
  }

  async #detail(db: Db, id: string): Promise<VehicleDetail | undefined> {
    const row = await findVehicle(db, id);
    if (row === undefined) return undefined;
    const history = (await listOwnerships(db, id)).map(toOwnership);
    // Names through the customers service (a handful of owners per car): the page shows who, not ids.
    const names = new Map<string, string | null>();
    for (const customerId of new Set([row.customer_id, ...history.map((o) => o.customerId)])) {
      names.set(customerId, (await this.customers.find(db, customerId))?.name ?? null);
    }
    const open = history.find((o) => o.endedAt === null && o.customerId === row.customer_id);
    return {
      ...toVehicle(row),
      owner: {
        customerId: row.customer_id,
        customerName: names.get(row.customer_id) ?? null,
        since: open?.startedAt ?? null,
      },
      ownershipHistory: history.map((o) => ({ ...o, customerName: names.get(o.customerId) ?? null })),
    };
  }

  async #ensureVinFree(db: Db, vin: string, exceptId: string | null): Promise<void> {
    const existing = await findVehicleByVin(db, vin);
    if (existing === undefined || existing.id === exceptId) return;
    throw problems.conflict(
      `VIN ${vin} is already on file: vehicle ${existing.id}, owned by customer ${existing.customer_id}.`,
      'duplicate-vin',
      {
        errors: [{ path: 'vin', message: 'is already on file for another vehicle' }],
        existingVehicleId: existing.id,
        existingCustomerId: existing.customer_id,
      },
    );
  }

  /** What a PATCH does to the VIN columns; the rules apply only when the VIN actually changes. */
  async #vinChange(
    tx: Db,
    current: VehicleRow,
    input: UpdateVehicleInput,
  ): Promise<{
    changed: boolean;
    accepted?: AcceptedVin;
    columns: { vin?: string | null; vin_check_override?: string | null };
  }> {
    if (input.vin === undefined) return { changed: false, columns: {} };
    if (input.vin === null) {
      return current.vin === null
        ? { changed: false, columns: {} }
        : { changed: true, columns: { vin: null, vin_check_override: null } };
    }
    // The VIN sent back as read (perhaps one kept with an override) is not a change.
    if (normalizeVin(input.vin) === current.vin) return { changed: false, columns: {} };
    const errors: FieldError[] = [];
    const accepted = acceptVin(input.vin, input.vinCheckOverrideReason, errors);
    if (accepted === undefined) throw problems.validation(errors);
    await this.#ensureVinFree(tx, accepted.vin, current.id);
    return {
      changed: true,
      accepted,
      columns: { vin: accepted.vin, vin_check_override: accepted.override?.reason ?? null },
    };
  }

  async #auditOverride(
    tx: Db,
    actor: Actor,
    vehicleId: string,
    vin: string,
    override: NonNullable<AcceptedVin['override']>,
  ): Promise<void> {
    await this.audit.record(tx, actor, {
      action: 'vehicle.vin_check_overridden',
      entityType: 'vehicle',
      entityId: vehicleId,
      data: {
        vin,
        expectedCheckDigit: override.expected,
        actualCheckDigit: override.actual,
        reason: override.reason,
      },
    });
  }

  /**
   * When make, model or year is left out, the offline vPIC data fills every descriptive field the
   * advisor left out. A decode failure leaves them empty rather than blocking the write-up.
   */
  async #fillFromVin(vin: string, input: CreateVehicleInput): Promise<FilledFromVin> {
    if (input.make !== undefined && input.model !== undefined && input.year !== undefined) return {};
    const missing = DECODABLE.filter((field) => input[field] === undefined);
    let decoded: DecodedVin;
    try {
      decoded = await this.#vinDecoder.decode(vin);
    } catch {
      return {};
    }
    const filled: FilledFromVin = {};
    for (const field of missing) {
      const value = decoded[field];
      if (value !== null) Object.assign(filled, { [field]: value });
    }
    return filled;
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
  async #insertReading(
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
