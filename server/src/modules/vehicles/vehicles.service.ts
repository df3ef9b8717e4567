import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { problems, type FieldError } from '../../lib/problem.js';
import { rowAtVersion, staleVersionProblem, orNotFound } from '../../lib/versioning.js';
import { checkVin, normalizeVin } from '../../../contracts/vin.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { CustomerMergeParticipant } from '../customers/customer-merge.js';
import type { CustomersService } from '../customers/customers.service.js';
import {
  endOpenOwnerships,
  findVehicle,
  findVehicleByVin,
  findVehicleOwnerId,
  insertOwnership,
  insertVehicle,
  listOwnerships,
  listVehicles,
  moveVehiclesToCustomer,
  updateVehicleIfVersion,
} from './vehicles.repository.js';
import type {
  CreateVehicleInput,
  ListVehiclesInput,
  OdometerReading,
  RecordOdometerInput,
  TransferVehicleInput,
  UpdateVehicleInput,
  Vehicle,
  VehicleDetail,
  VinDecode,
} from './vehicles.schemas.js';
import { VinDecoder, type DecodedVin } from './vin-decoder.js';
import { afterCommit, inTransaction } from '../../db/after-commit.js';
import {
  type AcceptedVin,
  DECODABLE,
  type FilledFromVin,
  type OdometerReadingInput,
  type VehicleRow,
  acceptPlate,
  acceptVin,
  cleanText,
  editedColumns,
  ownershipRow,
  toOwnership,
  toVehicle,
  vinDataUnavailable,
} from './vehicle-fields.js';
import { OdometerService } from './odometer.service.js';

export type { OdometerReadingInput } from './vehicle-fields.js';

/** Vehicles: VIN, decoded details, plates, ownership; their odometer history is OdometerService. */
/** The VIN and plate of a new vehicle as accepted (errors pushed for the ones refused). */
function acceptedFields(
  input: CreateVehicleInput,
  errors: FieldError[],
): { vin: AcceptedVin | undefined; plate: string | undefined } {
  return {
    vin: input.vin === undefined ? undefined : acceptVin(input.vin, input.vinCheckOverrideReason, errors),
    plate: input.licensePlate === undefined ? undefined : acceptPlate(input.licensePlate, errors),
  };
}

export class VehiclesService implements CustomerMergeParticipant {
  readonly name = 'vehicles';
  readonly #vinDecoder: VinDecoder;
  readonly odometer: OdometerService;

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
    this.odometer = new OdometerService(db, clock, audit, events);
  }

  /** Releases the offline VIN database; the app calls this when it closes. */
  close(): Promise<void> {
    return this.#vinDecoder.close();
  }

  /** The owner's customer id, or undefined when there is no such vehicle. `db` may be a transaction. */
  getOwnerId(db: Db, vehicleId: string): Promise<string | undefined> {
    return findVehicleOwnerId(db, vehicleId);
  }

  /** The vehicle with this VIN (OBD dongles and adapters report the car by it), or undefined. */
  async findIdByVin(vin: string, db: Db = this.db): Promise<string | undefined> {
    return (await findVehicleByVin(db, normalizeVin(vin)))?.id;
  }

  async get(id: string): Promise<VehicleDetail> {
    const detail = orNotFound(await this.#detail(this.db, id), 'vehicle', id);
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
    const { vin, plate } = acceptedFields(input, errors);
    if (!(await this.customers.exists(this.db, input.customerId)))
      errors.push({ path: 'customerId', message: 'no customer with this id' });
    if (errors.length > 0) throw problems.validation(errors);
    if (vin !== undefined) await this.#ensureVinFree(this.db, vin.vin, null);

    const filled = vin === undefined ? {} : await this.#fillFromVin(vin.vin, input);
    return inTransaction(this.db, (tx) => this.#insert(tx, actor, input, { vin, plate, filled }));
  }

  /**
   * A new vehicle inside the caller's transaction (the kiosk's check-in). No VIN decode here (it
   * may unpack the vPIC data): the caller decodes first and passes make, model and year.
   * vehicleChanged goes out after commit.
   */
  async createInTransaction(tx: Db, actor: Actor, input: CreateVehicleInput): Promise<VehicleDetail> {
    const errors: FieldError[] = [];
    const { vin, plate } = acceptedFields(input, errors);
    if (errors.length > 0) throw problems.validation(errors);
    return this.#insert(tx, actor, input, { vin, plate, filled: {} });
  }

  async #insert(
    tx: Db,
    actor: Actor,
    input: CreateVehicleInput,
    accepted: { vin: AcceptedVin | undefined; plate: string | undefined; filled: FilledFromVin },
  ): Promise<VehicleDetail> {
    const { vin, plate, filled } = accepted;
    const at = this.clock.now().toISOString();
    const id = newId();
    const unit = input.odometerUnit ?? 'mi';
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
      await this.odometer.insertReading(
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
    afterCommit(tx, () => this.events.emit('vehicleChanged', { vehicleId: id, change: 'created', at }));
    return (await this.#detail(tx, id))!;
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
      const current = rowAtVersion(await findVehicle(tx, id), 'vehicle', id, input.version, toVehicle);
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
      const current = rowAtVersion(await findVehicle(tx, id), 'vehicle', id, input.version, toVehicle);
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

  async odometerHistory(vehicleId: string): Promise<OdometerReading[]> {
    return this.odometer.history(vehicleId);
  }

  /** A typed or OBD reading; a lower one needs confirmLower. `db`: a caller's transaction to join. */
  addOdometerReading(
    actor: Actor,
    vehicleId: string,
    input: RecordOdometerInput,
    db?: Db,
  ): Promise<OdometerReading> {
    return this.odometer.add(actor, vehicleId, input, db);
  }

  /** An odometer reading inside the caller's transaction (check-in): see OdometerService.record. */
  recordOdometer(tx: Db, actor: Actor, input: OdometerReadingInput): Promise<void> {
    return this.odometer.record(tx, actor, input);
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
}
