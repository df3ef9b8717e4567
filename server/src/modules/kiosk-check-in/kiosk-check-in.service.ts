import { randomBytes } from 'node:crypto';
import type {
  KioskCheckInInput,
  KioskCheckInResult,
  KioskLookupResult,
  KioskMatch,
  KioskVin,
} from '../../../contracts/kiosk.js';
import { afterCommit, inTransaction } from '../../db/after-commit.js';
import type { Db } from '../../db/database.js';
import type { Insertable } from 'kysely';
import type { KioskRefKind, KioskRefsTable } from '../../db/tables/kiosk-check-in.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { sha256Hex } from '../../lib/passwords.js';
import { normalizePhone } from '../../lib/phone.js';
import { HttpProblem, problems, type FieldError } from '../../lib/problem.js';
import { checkVin } from '../../../contracts/vin.js';
import type { Appointment } from '../appointments/appointments.schemas.js';
import type { AppointmentsService } from '../appointments/appointments.service.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { Customer } from '../customers/customers.schemas.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { InspectionsService } from '../inspections/inspections.service.js';
import type { PrintingService } from '../printing/printing.service.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import { dayRange, localDayOf } from '../reports/periods.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { Vehicle } from '../vehicles/vehicles.schemas.js';
import type { VehiclesService } from '../vehicles/vehicles.service.js';
import { authorizationTextFor } from './authorization-text.js';
import { checkInput, unionOfConcerns, type CheckedInput } from './check-in-input.js';
import {
  deleteExpiredRefs,
  findAppointmentIdByCode,
  findCheckInByRequest,
  findCheckInOfRepairOrder,
  findLiveRef,
  findReminderCode,
  insertCheckIn,
  insertRefs,
  insertReminderCodeIfNew,
  listCheckIns,
} from './kiosk-check-in.repository.js';
import {
  KIOSK_CHECK_IN_LIST_LIMIT,
  type KioskCheckInListFilter,
  type KioskCheckInMark,
  type KioskCheckInView,
} from './kiosk-check-in.schemas.js';
import { KioskLookupLimit } from './lookup-limit.js';
import { maskName, maskPlate, maskVehicle } from './masking.js';
import { newReminderCode, parseReminderCode } from './reminder-codes.js';
import { factMatches, foldName, foldPlate } from './second-fact.js';
import { lowestFreeTag } from './tag-numbers.js';

/** The kiosk a request came from (the kiosks module's credential). */
export interface KioskIdentity {
  deviceId: string;
  name: string;
}

export interface KioskCheckInDeps {
  db: Db;
  clock: Clock;
  events: EventBus;
  log: { warn(obj: object, msg: string): void };
  audit: AuditService;
  settings: SettingsService;
  customers: CustomersService;
  vehicles: VehiclesService;
  repairOrders: RepairOrdersService;
  appointments: AppointmentsService;
  inspections: InspectionsService;
  printing: PrintingService;
  /** The label printer assigned to a kiosk (kiosks module), or null. */
  labelPrinterOf(deviceId: string): Promise<string | null>;
}

/** How long a kiosk may use the refs of a lookup: one customer's whole check-in, with room. */
const REF_LIFETIME_MS = 30 * 60_000;
/** Why a VIN with a failing check digit was kept (the vehicle's audit says so too). */
const KIOSK_VIN_REASON = 'Typed at the check-in kiosk; the check digit fails: check it with the customer';
const VEHICLES_SHOWN = 20;

type Flag = 'vin-check-digit' | 'possible-duplicate';

/** A refusal inside the check-in named in the kiosk's terms (customer.new.phone, not contactInfo…). */
async function renamingFields<T>(work: Promise<T>, paths: Readonly<Record<string, string>>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof HttpProblem) || error.errors === undefined) throw error;
    throw problems.validation(error.errors.map((e) => ({ ...e, path: paths[e.path] ?? e.path })));
  }
}

function expired(path: string): HttpProblem {
  return problems.validation([{ path, message: 'has expired: please look yourself up again' }]);
}

/**
 * The check-in kiosk at the door: lookups that show nothing without two facts, the check-in in
 * one transaction, the key tag after it, and the reminder's check-in code.
 */
export class KioskCheckInService {
  readonly #d: KioskCheckInDeps;
  readonly #limit: KioskLookupLimit;

  constructor(deps: KioskCheckInDeps) {
    this.#d = deps;
    this.#limit = new KioskLookupLimit(deps.clock);
  }

  /**
   * Phone and last name (or plate): the active customers with both, masked. A phone that matches
   * nobody and one whose second fact is wrong answer the same `{ matches: [] }`.
   */
  async lookup(kiosk: KioskIdentity, input: { phone: string; fact: string }): Promise<KioskLookupResult> {
    this.#limit.take(kiosk.deviceId);
    const phone = normalizePhone(input.phone);
    const errors: FieldError[] = [];
    if (phone === null) errors.push({ path: 'phone', message: 'is not a phone number' });
    if (foldName(input.fact) === '' && foldPlate(input.fact) === '')
      errors.push({ path: 'fact', message: 'give your last name or your plate' });
    if (phone === null || errors.length > 0) throw problems.validation(errors);

    const sharing = await this.#d.customers.findDuplicates({ phone: phone.e164 });
    const ids = [...new Set(sharing.filter((d) => d.matchedOn === 'phone').map((d) => d.id))];
    const matches: KioskMatch[] = [];
    for (const id of ids) {
      const customer = await this.#d.customers.find(this.#d.db, id);
      if (customer === undefined || customer.mergedIntoId !== null) continue;
      const vehicles = await this.#vehiclesOf(id);
      if (
        !factMatches(
          input.fact,
          customer.name,
          vehicles.map((v) => v.licensePlate),
        )
      )
        continue;
      matches.push(await this.#match(kiosk, customer, vehicles, await this.#todaysAppointment(id)));
    }
    return { matches };
  }

  /** The reminder's code (typed, or the QR's `ASE-CHECKIN:<code>`): today's booked appointment, else nothing. */
  async lookupCode(kiosk: KioskIdentity, input: { code: string }): Promise<KioskLookupResult> {
    this.#limit.take(kiosk.deviceId);
    const code = parseReminderCode(input.code);
    const appointmentId = code === null ? undefined : await findAppointmentIdByCode(this.#d.db, code);
    const appointment =
      appointmentId === undefined ? undefined : await this.#d.appointments.find(this.#d.db, appointmentId);
    if (appointment === undefined || appointment.status !== 'booked') return { matches: [] };
    const today = await this.#today();
    if (appointment.startsAt < today.from || appointment.startsAt >= today.to) return { matches: [] };
    const customer = await this.#d.customers.find(this.#d.db, appointment.customerId);
    if (customer === undefined || customer.mergedIntoId !== null) return { matches: [] };
    const vehicles = await this.#vehiclesOf(customer.id);
    return { matches: [await this.#match(kiosk, customer, vehicles, appointment)] };
  }

  /** A VIN typed or scanned: well formed, check digit, and what the offline vPIC data says. */
  async vin(input: { vin: string }): Promise<KioskVin> {
    const check = checkVin(input.vin);
    const unknown = { year: null, make: null, model: null };
    if (!check.wellFormed) return { vin: check.vin, wellFormed: false, checkDigitOk: false, ...unknown };
    const decoded = await this.#d.vehicles.decodeVin(check.vin).catch(() => unknown);
    return {
      vin: check.vin,
      wellFormed: true,
      checkDigitOk: check.valid,
      year: decoded.year,
      make: decoded.make,
      model: decoded.model,
    };
  }

  /**
   * The check-in, in one transaction: the customer (new, through the counter's duplicate rules,
   * or as looked up), the vehicle, the repair order (the appointment's arrival or a walk-in) with
   * its concerns, odometer, waiter flag and key tag number, the contact preference and language,
   * and the signed authorization. The same requestId again answers with the first result.
   * After the commit: the key tag on the kiosk's printer, and kioskCheckedIn.
   */
  async checkIn(
    kiosk: KioskIdentity,
    actor: Actor,
    input: KioskCheckInInput,
    origin: string,
  ): Promise<{ created: boolean; result: KioskCheckInResult }> {
    const checked = await checkInput(input, this.#d.clock.now().getTime());
    const earlier = await findCheckInByRequest(this.#d.db, kiosk.deviceId, input.requestId);
    if (earlier !== undefined)
      return { created: false, result: JSON.parse(earlier.result) as KioskCheckInResult };

    const printerId = await this.#d.labelPrinterOf(kiosk.deviceId);
    const decoded = checked.newVehicle?.vin ? await this.vin({ vin: checked.newVehicle.vin.vin }) : null;
    const text = await authorizationTextFor(this.#d.settings, input.language);
    if (
      input.authorizationVersion !== undefined &&
      input.authorizationVersion !== (await this.#d.settings.kioskAuthorizationVersion())
    )
      throw problems.conflict(
        'The shop changed its authorization text while it was on screen: show the new one and sign again.',
        'authorization-text-changed',
      );
    // Stored before the transaction, as the approval link does (a file and its own row): a
    // check-in refused below leaves at most an unreferenced, content-addressed image.
    const signatureHash = await this.#d.inspections.storeSignature(checked.png);

    const outcome = await inTransaction(this.#d.db, async (tx) => {
      // A double tap waits for the first one's commit (one writer), then finds it here.
      const again = await findCheckInByRequest(tx, kiosk.deviceId, input.requestId);
      if (again !== undefined)
        return {
          created: false,
          id: again.id,
          repairOrderId: again.repair_order_id,
          result: JSON.parse(again.result) as KioskCheckInResult,
        };
      const written = await this.#write(tx, kiosk, actor, input, checked, {
        printerId,
        decoded,
        text,
        signatureHash,
        origin,
      });
      return { created: true, ...written };
    });
    return { created: outcome.created, result: outcome.result };
  }

  /** The kiosk check-in behind a repair order, for the staff (404 when it was not made at a kiosk). */
  async ofRepairOrder(repairOrderId: string): Promise<KioskCheckInView> {
    const row = await findCheckInOfRepairOrder(this.#d.db, repairOrderId);
    if (row === undefined) throw problems.notFound('This repair order was not checked in at a kiosk.');
    return {
      at: row.created_at,
      kioskName: row.kiosk_name,
      tagNumber: row.tag_number,
      flags: JSON.parse(row.flags) as string[],
      authorization: {
        name: row.signer_name,
        language: row.language,
        text: row.authorization_text,
        signatureUrl: `/api/media/${row.signature_hash}`,
      },
    };
  }

  /** The staff's marks: check-ins since a time and/or of one repair order, oldest first. */
  async list(filter: KioskCheckInListFilter): Promise<KioskCheckInMark[]> {
    const since = filter.since === undefined ? undefined : new Date(filter.since).toISOString();
    const rows = await listCheckIns(this.#d.db, { ...filter, since }, KIOSK_CHECK_IN_LIST_LIMIT);
    return rows.reverse().map((row) => ({
      repairOrderId: row.repair_order_id,
      appointmentId: row.appointment_id,
      at: row.created_at,
      kioskName: row.kiosk_name,
      tagNumber: row.tag_number,
      flags: JSON.parse(row.flags) as string[],
    }));
  }

  /** The check-in code for an appointment's reminder: made once, the same ever after. */
  async reminderCodeFor(appointmentId: string): Promise<string> {
    const known = await findReminderCode(this.#d.db, appointmentId);
    if (known !== undefined) return known;
    if ((await this.#d.appointments.find(this.#d.db, appointmentId)) === undefined)
      throw problems.notFound(`No appointment with id ${appointmentId}.`);
    // A taken code (1 in ~10^11 per try) or a concurrent first call: try again, then read.
    for (let attempt = 0; attempt < 5; attempt++) {
      const at = this.#d.clock.now().toISOString();
      if (await insertReminderCodeIfNew(this.#d.db, appointmentId, newReminderCode(), at)) break;
      if ((await findReminderCode(this.#d.db, appointmentId)) !== undefined) break;
    }
    const code = await findReminderCode(this.#d.db, appointmentId);
    if (code === undefined) throw new Error('no reminder code could be stored');
    return code;
  }

  async #write(
    tx: Db,
    kiosk: KioskIdentity,
    actor: Actor,
    input: KioskCheckInInput,
    checked: CheckedInput,
    prepared: {
      printerId: string | null;
      /** Where staff reach ASE: the key tag's QR code opens the RO there. */
      origin: string;
      decoded: KioskVin | null;
      text: string;
      signatureHash: string;
    },
  ): Promise<{ id: string; repairOrderId: string; result: KioskCheckInResult }> {
    const now = this.#d.clock.now().toISOString();
    const flags = new Set<Flag>();

    const customerRef =
      'ref' in input.customer
        ? await this.#resolve(tx, kiosk, input.customer.ref, 'customer', 'customer.ref', now)
        : null;
    const appointmentRef =
      input.appointmentRef === undefined
        ? null
        : await this.#resolve(tx, kiosk, input.appointmentRef, 'appointment', 'appointmentRef', now);
    if (appointmentRef !== null && appointmentRef.customer_id !== customerRef?.target_id)
      throw problems.validation([
        { path: 'appointmentRef', message: 'is not an appointment of this customer' },
      ]);

    let customer: Customer;
    if (checked.newCustomer !== null) {
      const given = checked.newCustomer;
      const created = await renamingFields(
        this.#d.customers.createInTransaction(tx, actor, {
          name: `${given.firstName} ${given.lastName}`,
          kind: 'person',
          contactInfo: {
            phones: [{ number: given.phone, primary: true }],
            emails: given.email === null ? [] : [{ address: given.email, primary: true }],
          },
          preferences: { contactChannel: input.contactChannel, language: input.language },
          // The counter's duplicate rules, without the counter: an exact match is flagged for the
          // advisor to merge, never merged (or refused) at the door.
          confirmDuplicate: true,
        }),
        {
          'contactInfo.phones.0.number': 'customer.new.phone',
          'contactInfo.emails.0.address': 'customer.new.email',
          'preferences.contactChannel': 'contactChannel',
          name: 'customer.new.lastName',
        },
      );
      if (created.duplicates.length > 0) flags.add('possible-duplicate');
      customer = created.customer;
    } else {
      customer = await renamingFields(
        this.#d.customers.setContactPreferencesInTransaction(tx, actor, customerRef!.target_id, {
          contactChannel: input.contactChannel,
          language: input.language,
        }),
        { 'preferences.contactChannel': 'contactChannel' },
      );
    }

    const vehicleId = await this.#vehicleFor(
      tx,
      kiosk,
      actor,
      input,
      checked,
      customer.id,
      prepared.decoded,
      flags,
      now,
    );
    const tagNumber = lowestFreeTag(await this.#d.repairOrders.openKeyTags(tx));
    if (tagNumber === null)
      throw problems.conflict('Every key tag number is in use: please see the counter.', 'no-free-key-tag');
    const keyTag = String(tagNumber);
    const odometer = {
      ...(input.odometer === undefined ? {} : { odometerIn: input.odometer }),
      ...(checked.readyBy === null ? {} : { promisedAt: checked.readyBy }),
    };

    let repairOrder: { id: string; number: number };
    if (appointmentRef !== null) {
      const booked = await this.#d.appointments.find(tx, appointmentRef.target_id);
      const arrived = await this.#d.appointments.arriveInTransaction(tx, actor, appointmentRef.target_id, {
        vehicleId,
        concerns: unionOfConcerns(booked?.requestedServices ?? [], checked.concerns),
        waiter: input.waiting,
        keyTag,
        ...odometer,
      });
      repairOrder = { id: arrived.repairOrderId, number: arrived.repairOrderNumber };
    } else {
      repairOrder = await this.#d.repairOrders.createInTransaction(tx, actor, {
        customerId: customer.id,
        vehicleId,
        concerns: unionOfConcerns([], checked.concerns),
        waiter: input.waiting,
        keyTag,
        ...odometer,
      });
    }

    // The key tag's job is part of the check-in: a restart right after the commit still prints it.
    const keyTagJob =
      prepared.printerId === null
        ? undefined
        : await this.#d.printing.queueKeyTagInTransaction(
            tx,
            actor,
            repairOrder.id,
            prepared.printerId,
            prepared.origin,
          );
    const result: KioskCheckInResult = {
      repairOrderNumber: repairOrder.number,
      tagNumber,
      keyTag: keyTagJob === undefined ? 'no-printer' : 'queued',
      firstName: checked.newCustomer?.firstName ?? customer.name.trim().split(/\s+/)[0] ?? '',
    };
    const id = newId();
    const flagList = [...flags];
    const authorizationSha256 = sha256Hex(prepared.text);
    await insertCheckIn(tx, {
      id,
      device_id: kiosk.deviceId,
      kiosk_name: kiosk.name,
      request_id: input.requestId,
      repair_order_id: repairOrder.id,
      appointment_id: appointmentRef?.target_id ?? null,
      customer_id: customer.id,
      vehicle_id: vehicleId,
      tag_number: tagNumber,
      flags: JSON.stringify(flagList),
      language: input.language,
      contact_channel: input.contactChannel,
      signer_name: checked.signerName,
      signature_hash: prepared.signatureHash,
      authorization_text: prepared.text,
      authorization_sha256: authorizationSha256,
      result: JSON.stringify(result),
      created_at: now,
      updated_at: now,
    });
    await this.#d.audit.record(tx, actor, {
      action: 'kiosk.checked_in',
      entityType: 'repair_order',
      entityId: repairOrder.id,
      data: {
        kioskDeviceId: kiosk.deviceId,
        kioskName: kiosk.name,
        requestId: input.requestId,
        repairOrderNumber: repairOrder.number,
        appointmentId: appointmentRef?.target_id ?? null,
        customerId: customer.id,
        vehicleId,
        tagNumber,
        flags: flagList,
        waiting: input.waiting,
        odometer: input.odometer ?? null,
        contactChannel: input.contactChannel,
        language: input.language,
        signerName: checked.signerName,
        signatureSha256: prepared.signatureHash,
        authorizationTextSha256: authorizationSha256,
      },
    });
    afterCommit(tx, () =>
      this.#d.events.emit('kioskCheckedIn', {
        repairOrderId: repairOrder.id,
        repairOrderNumber: repairOrder.number,
        appointmentId: appointmentRef?.target_id ?? null,
        kioskName: kiosk.name,
        tagNumber,
        flags: flagList,
        at: now,
      }),
    );
    return { id, repairOrderId: repairOrder.id, result };
  }

  /** The vehicle of the check-in: one of the customer's (by ref), one on file by VIN, or a new one. */
  async #vehicleFor(
    tx: Db,
    kiosk: KioskIdentity,
    actor: Actor,
    input: KioskCheckInInput,
    checked: CheckedInput,
    customerId: string,
    decoded: KioskVin | null,
    flags: Set<Flag>,
    now: string,
  ): Promise<string> {
    if ('ref' in input.vehicle) {
      const ref = await this.#resolve(tx, kiosk, input.vehicle.ref, 'vehicle', 'vehicle.ref', now);
      if (
        ref.customer_id !== customerId ||
        (await this.#d.vehicles.getOwnerId(tx, ref.target_id)) !== customerId
      )
        throw problems.validation([{ path: 'vehicle.ref', message: 'is not a vehicle of this customer' }]);
      return ref.target_id;
    }
    const given = checked.newVehicle!;
    if (given.vin !== null) {
      if (given.vin.checkDigitFails) flags.add('vin-check-digit');
      const onFile = await this.#d.vehicles.findIdByVin(given.vin.vin, tx);
      if (onFile !== undefined) {
        if ((await this.#d.vehicles.getOwnerId(tx, onFile)) === customerId) return onFile;
        throw problems.conflict(
          'This VIN is on file for another customer: please see the counter.',
          'vin-on-file',
          {
            errors: [
              { path: 'vehicle.new.vin', message: 'is on file for another customer: please see the counter' },
            ],
          },
        );
      }
    }
    const vehicle = await renamingFields(
      this.#d.vehicles.createInTransaction(tx, actor, {
        customerId,
        ...(given.vin === null ? {} : { vin: given.vin.vin }),
        ...(given.vin?.checkDigitFails ? { vinCheckOverrideReason: KIOSK_VIN_REASON } : {}),
        ...(given.plate === null ? {} : { licensePlate: given.plate }),
        ...(given.state === null ? {} : { plateRegion: given.state }),
        ...(decoded?.make ? { make: decoded.make } : {}),
        ...(decoded?.model ? { model: decoded.model } : {}),
        ...(decoded?.year ? { year: decoded.year } : {}),
      }),
      { vin: 'vehicle.new.vin', licensePlate: 'vehicle.new.plate', plateRegion: 'vehicle.new.state' },
    );
    return vehicle.id;
  }

  /** Queues the key tag on the kiosk's printer; a failure is logged and said, never undoes the check-in. */
  async #resolve(tx: Db, kiosk: KioskIdentity, ref: string, kind: KioskRefKind, path: string, now: string) {
    const row = await findLiveRef(tx, sha256Hex(ref), kiosk.deviceId, kind, now);
    if (row === undefined) throw expired(path);
    return row;
  }

  async #match(
    kiosk: KioskIdentity,
    customer: Customer,
    vehicles: readonly Vehicle[],
    appointment: Appointment | undefined,
  ): Promise<KioskMatch> {
    const now = this.#d.clock.now();
    const at = now.toISOString();
    const expiresAt = new Date(now.getTime() + REF_LIFETIME_MS).toISOString();
    const rows: Insertable<KioskRefsTable>[] = [];
    const refFor = (kind: KioskRefKind, targetId: string): string => {
      const ref = randomBytes(18).toString('base64url');
      rows.push({
        ref_hash: sha256Hex(ref),
        device_id: kiosk.deviceId,
        kind,
        target_id: targetId,
        customer_id: customer.id,
        expires_at: expiresAt,
        created_at: at,
        updated_at: at,
      });
      return ref;
    };
    const vehicleRefs = new Map(vehicles.map((v) => [v.id, refFor('vehicle', v.id)]));
    const language = customer.preferences.language;
    const channel = customer.preferences.contactChannel;
    const match: KioskMatch = {
      ref: refFor('customer', customer.id),
      maskedName: maskName(customer.name, customer.kind),
      contactChannel: channel === 'none' ? 'sms' : channel,
      language: language === 'en' || language === 'es' ? language : null,
      vehicles: vehicles.map((v) => ({
        ref: vehicleRefs.get(v.id)!,
        masked: maskVehicle(v),
        plateMasked: maskPlate(v.licensePlate),
      })),
      appointment:
        appointment === undefined
          ? null
          : {
              ref: refFor('appointment', appointment.id),
              startsAt: appointment.startsAt,
              concerns: appointment.requestedServices,
              vehicleRef:
                appointment.vehicleId === null ? null : (vehicleRefs.get(appointment.vehicleId) ?? null),
              waiter: appointment.kind === 'waiter',
            },
    };
    await deleteExpiredRefs(this.#d.db, at);
    await insertRefs(this.#d.db, rows);
    return match;
  }

  async #vehiclesOf(customerId: string): Promise<Vehicle[]> {
    return (await this.#d.vehicles.list({ customerId, limit: VEHICLES_SHOWN, offset: 0 })).items;
  }

  /** Today's first booked appointment of the customer, in the shop's time zone. */
  async #todaysAppointment(customerId: string): Promise<Appointment | undefined> {
    const today = await this.#today();
    const { items } = await this.#d.appointments.list({
      from: today.from,
      to: today.to,
      customerId,
      status: ['booked'],
      limit: 20,
      offset: 0,
    });
    return items
      .filter((a) => a.startsAt >= today.from && a.startsAt < today.to)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  }

  async #today(): Promise<{ from: string; to: string }> {
    const { timezone } = await this.#d.settings.get();
    const day = localDayOf(this.#d.clock.now().getTime(), timezone);
    return dayRange(day, day, timezone);
  }
}
