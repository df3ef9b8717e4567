import type { Db } from '../../db/database.js';
import type { AppointmentStatus } from '../../db/tables/appointments.js';
import type { DomainEvents } from '../../events/domain-events.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { problems, type FieldError } from '../../lib/problem.js';
import { staleVersionProblem } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { BaysService } from '../bays/bays.service.js';
import type { CustomerMergeParticipant } from '../customers/customer-merge.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { TechniciansService } from '../technicians/technicians.service.js';
import type { VehiclesService } from '../vehicles/vehicles.service.js';
import { conflictProblem, toConflicts } from './appointment-conflicts.js';
import {
  checkInterval,
  listWindow,
  MAX_APPOINTMENT_MS,
  toUtcIso,
  type Interval,
} from './appointment-times.js';
import {
  appointmentExists,
  insertAppointment,
  moveAppointmentsToCustomer,
  updateAppointmentIfVersion,
} from './appointments.repository.js';
import {
  findAppointmentView,
  findOverlapping,
  listAppointmentViews,
  type AppointmentViewRow,
} from './appointments-read-model.js';
import type {
  Appointment,
  ArriveAppointmentInput,
  CloseAppointmentInput,
  CreateAppointmentInput,
  ListAppointmentsInput,
  UpdateAppointmentInput,
} from './appointments.schemas.js';
import { afterCommit, inTransaction } from '../../db/after-commit.js';
import { versionedRecordFields } from '../../lib/row-view.js';

type Change = DomainEvents['appointmentChanged']['change'];

/** What an arrival may say besides "here" (see AppointmentsService.arriveInTransaction). */
export interface ArrivalInput {
  version?: number;
  odometerIn?: number;
  /** UTC ISO. */
  promisedAt?: string;
  /** The vehicle the customer came with (must be the customer's); default: the booked one. */
  vehicleId?: string;
  /** The concerns as confirmed; default: the booked ones. */
  concerns?: string[];
  waiter?: boolean;
  keyTag?: string;
}

function vehicleSummary(row: AppointmentViewRow): string | null {
  if (row.vehicle_id === null) return null;
  const name = [row.vehicle_year, row.vehicle_make, row.vehicle_model].filter((p) => p != null).join(' ');
  const parts = [name || (row.vehicle_vin ?? 'Vehicle'), row.vehicle_plate].filter(
    (p) => p != null && p !== '',
  );
  return parts.join(' · ');
}

function toAppointment(row: AppointmentViewRow): Appointment {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    vehicleId: row.vehicle_id,
    vehicleSummary: vehicleSummary(row),
    requestedServices: JSON.parse(row.requested_services) as string[],
    kind: row.kind,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    bayId: row.bay_id,
    bayName: row.bay_name,
    technicianId: row.technician_id,
    technicianName: row.technician_name,
    status: row.status,
    repairOrderId: row.repair_order_id,
    repairOrderNumber: row.repair_order_number,
    notes: row.notes,
    ...versionedRecordFields(row),
  };
}

function cleanServices(services: readonly string[]): string {
  return JSON.stringify(services.map((s) => s.trim()));
}

const STATUS_WORDS: Record<AppointmentStatus, string> = {
  booked: 'booked',
  arrived: 'arrived',
  cancelled: 'cancelled',
  no_show: 'marked as a no-show',
};

/** Appointments: booking with bay/technician conflict checks, and conversion to a repair order. */
export class AppointmentsService implements CustomerMergeParticipant {
  readonly name = 'appointments';

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly customers: CustomersService,
    private readonly vehicles: VehiclesService,
    private readonly repairOrders: RepairOrdersService,
    private readonly technicians: TechniciansService,
    private readonly bays: BaysService,
    /** For the shop's time zone: conflicts are told in the advisor's clock time. */
    private readonly settings: SettingsService,
  ) {}

  /** For repair orders: whether an appointment a new repair order names exists, in the caller's transaction. */
  exists(db: Db, id: string): Promise<boolean> {
    return appointmentExists(db, id);
  }

  /** One appointment read with the caller's connection or transaction; undefined when unknown. */
  async find(db: Db, id: string): Promise<Appointment | undefined> {
    const row = await findAppointmentView(db, id);
    return row === undefined ? undefined : toAppointment(row);
  }

  async get(id: string): Promise<Appointment> {
    const row = await findAppointmentView(this.db, id);
    if (row === undefined) throw notFound(id);
    return toAppointment(row);
  }

  async list(query: ListAppointmentsInput): Promise<{
    items: Appointment[];
    from: string;
    to: string;
    nextOffset: number | null;
  }> {
    const window = listWindow(this.clock.now(), query.from, query.to);
    const rows = await listAppointmentViews(this.db, {
      from: window.startsAt,
      to: window.endsAt,
      maxLengthMs: MAX_APPOINTMENT_MS,
      bayId: query.bayId,
      technicianId: query.technicianId,
      customerId: query.customerId,
      statuses: query.status,
      limit: query.limit + 1,
      offset: query.offset,
    });
    const more = rows.length > query.limit;
    return {
      items: rows.slice(0, query.limit).map(toAppointment),
      from: window.startsAt,
      to: window.endsAt,
      nextOffset: more ? query.offset + query.limit : null,
    };
  }

  async create(actor: Actor, input: CreateAppointmentInput): Promise<Appointment> {
    const interval = {
      startsAt: toUtcIso(input.startsAt, 'startsAt'),
      endsAt: toUtcIso(input.endsAt, 'endsAt'),
    };
    checkInterval(interval, 'endsAt');
    const bayId = input.bayId ?? null;
    const technicianId = input.technicianId ?? null;
    const appointment = await inTransaction(this.db, async (tx) => {
      await this.checkReferences(tx, {
        customerId: input.customerId,
        newCustomer: true,
        vehicleId: input.vehicleId ?? null,
        bayId,
        technicianId,
      });
      await this.ensureFree(tx, { ...interval, bayId, technicianId, exceptId: null });
      const at = this.clock.now().toISOString();
      const id = newId();
      await insertAppointment(tx, {
        id,
        customer_id: input.customerId,
        vehicle_id: input.vehicleId ?? null,
        requested_services: cleanServices(input.requestedServices ?? []),
        kind: input.kind ?? 'drop_off',
        starts_at: interval.startsAt,
        ends_at: interval.endsAt,
        bay_id: bayId,
        technician_id: technicianId,
        repair_order_id: null,
        notes: input.notes ?? '',
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(tx, actor, {
        action: 'appointment.created',
        entityType: 'appointment',
        entityId: id,
        data: { startsAt: interval.startsAt, endsAt: interval.endsAt, bayId, technicianId },
      });
      return this.view(tx, id);
    });
    this.emit(appointment.id, 'created');
    return appointment;
  }

  /** Changes or moves a booked appointment; a move is checked for conflicts like a new booking. */
  async update(actor: Actor, id: string, input: UpdateAppointmentInput): Promise<Appointment> {
    const appointment = await inTransaction(this.db, async (tx) => {
      const current = await this.current(tx, id, input.version);
      this.ensureBooked(current, 'changed');
      const { interval, bayId, technicianId, moved } = await this.checkedChange(tx, current, input);
      const ok = await updateAppointmentIfVersion(tx, id, current.version, {
        ...(input.vehicleId === undefined ? {} : { vehicle_id: input.vehicleId }),
        ...(input.requestedServices === undefined
          ? {}
          : { requested_services: cleanServices(input.requestedServices) }),
        ...(input.kind === undefined ? {} : { kind: input.kind }),
        ...(input.notes === undefined ? {} : { notes: input.notes }),
        starts_at: interval.startsAt,
        ends_at: interval.endsAt,
        bay_id: bayId,
        technician_id: technicianId,
        updated_at: this.clock.now().toISOString(),
      });
      if (!ok) throw staleVersionProblem('appointment', current.version + 1);
      const move = {
        from: pick(current.starts_at, current.ends_at, current.bay_id, current.technician_id),
        to: pick(interval.startsAt, interval.endsAt, bayId, technicianId),
      };
      await this.audit.recordUpdate(tx, actor, 'appointment', id, input, moved ? move : {});
      return this.view(tx, id);
    });
    this.emit(id, 'updated');
    return appointment;
  }

  cancel(actor: Actor, id: string, input: CloseAppointmentInput): Promise<Appointment> {
    return this.close(actor, id, input, 'cancelled');
  }

  noShow(actor: Actor, id: string, input: CloseAppointmentInput): Promise<Appointment> {
    return this.close(actor, id, input, 'no_show');
  }

  /**
   * The customer is here: opens a repair order from the appointment and marks it arrived, in one
   * transaction, so there is never a repair order without its arrival or an arrival without one.
   */
  async arrive(actor: Actor, id: string, input: ArriveAppointmentInput): Promise<Appointment> {
    const appointment = await inTransaction(this.db, async (tx) => {
      await this.arriveInTransaction(tx, actor, id, {
        ...(input.version === undefined ? {} : { version: input.version }),
        ...(input.odometerIn === undefined ? {} : { odometerIn: input.odometerIn }),
        ...(input.promisedAt === undefined ? {} : { promisedAt: toUtcIso(input.promisedAt, 'promisedAt') }),
      });
      return this.view(tx, id);
    });
    return appointment;
  }

  /**
   * The arrival inside the caller's transaction (the kiosk's check-in writes its own records in
   * the same commit). What the customer confirmed at arrival replaces what was booked: the
   * vehicle, the concerns, waiting or not, the key tag. appointmentChanged goes out after commit.
   */
  async arriveInTransaction(
    tx: Db,
    actor: Actor,
    id: string,
    input: ArrivalInput,
  ): Promise<{ repairOrderId: string; repairOrderNumber: number }> {
    const current = await this.current(tx, id, input.version);
    this.ensureBooked(current, 'checked in');
    const vehicleId = input.vehicleId ?? (await this.arrivingVehicle(tx, current));
    const repairOrder = await this.repairOrders.createInTransaction(tx, actor, {
      customerId: current.customer_id,
      vehicleId,
      concerns: input.concerns ?? (JSON.parse(current.requested_services) as string[]),
      waiter: input.waiter ?? current.kind === 'waiter',
      appointmentId: id,
      ...(input.odometerIn === undefined ? {} : { odometerIn: input.odometerIn }),
      ...(input.promisedAt === undefined ? {} : { promisedAt: input.promisedAt }),
      ...(input.keyTag === undefined ? {} : { keyTag: input.keyTag }),
    });
    const ok = await updateAppointmentIfVersion(tx, id, current.version, {
      status: 'arrived',
      repair_order_id: repairOrder.id,
      updated_at: this.clock.now().toISOString(),
    });
    if (!ok) throw staleVersionProblem('appointment', current.version + 1);
    await this.audit.record(tx, actor, {
      action: 'appointment.arrived',
      entityType: 'appointment',
      entityId: id,
      data: {
        from: 'booked',
        to: 'arrived',
        repairOrderId: repairOrder.id,
        repairOrderNumber: repairOrder.number,
      },
    });
    afterCommit(tx, () => this.emit(id, 'arrived'));
    return { repairOrderId: repairOrder.id, repairOrderNumber: repairOrder.number };
  }

  /** A customer merge moves the dropped customer's appointments to the kept one, in the merge's transaction. */
  async moveCustomerRecords(tx: Db, fromCustomerId: string, toCustomerId: string): Promise<number> {
    return moveAppointmentsToCustomer(tx, fromCustomerId, toCustomerId, this.clock.now().toISOString());
  }

  private async close(
    actor: Actor,
    id: string,
    input: CloseAppointmentInput,
    to: 'cancelled' | 'no_show',
  ): Promise<Appointment> {
    const appointment = await inTransaction(this.db, async (tx) => {
      const current = await this.current(tx, id, input.version);
      this.ensureBooked(current, to === 'cancelled' ? 'cancelled' : 'marked as a no-show');
      const ok = await updateAppointmentIfVersion(tx, id, current.version, {
        status: to,
        updated_at: this.clock.now().toISOString(),
      });
      if (!ok) throw staleVersionProblem('appointment', current.version + 1);
      await this.audit.record(tx, actor, {
        action: `appointment.${to}`,
        entityType: 'appointment',
        entityId: id,
        data: { from: current.status, to, ...(input.reason ? { reason: input.reason } : {}) },
      });
      return this.view(tx, id);
    });
    this.emit(id, to);
    return appointment;
  }

  /** The row to change; 404 when unknown, 409 with the current appointment when `version` is stale. */
  private async current(db: Db, id: string, version: number | undefined): Promise<AppointmentViewRow> {
    const row = await findAppointmentView(db, id);
    if (row === undefined) throw notFound(id);
    if (version !== undefined && row.version !== version)
      throw staleVersionProblem('appointment', row.version, toAppointment(row));
    return row;
  }

  /** The vehicle a repair order will be opened for: it must be set, and still the customer's. */
  private async arrivingVehicle(tx: Db, current: AppointmentViewRow): Promise<string> {
    if (current.vehicle_id === null) {
      throw problems.validation(
        [{ path: 'vehicleId', message: 'the appointment has no vehicle yet: add the vehicle first' }],
        'Add the vehicle to the appointment (PATCH vehicleId) before checking it in.',
      );
    }
    if ((await this.vehicles.getOwnerId(tx, current.vehicle_id)) !== current.customer_id) {
      throw problems.validation(
        [{ path: 'vehicleId', message: 'the vehicle now belongs to another customer: change it first' }],
        'The appointment’s vehicle no longer belongs to its customer; change the vehicle before checking in.',
      );
    }
    return current.vehicle_id;
  }

  /** Only a booked appointment changes; anything else is settled (the 409 says how, and which RO). */
  private ensureBooked(row: AppointmentViewRow, verb: string): void {
    if (row.status === 'booked') return;
    const detail =
      row.status === 'arrived' && row.repair_order_number !== null
        ? `This appointment has already arrived as repair order ${row.repair_order_number}; it cannot be ${verb}.`
        : `This appointment is ${STATUS_WORDS[row.status]}; only a booked appointment can be ${verb}.`;
    // Not `status`: that member of a problem is the HTTP status.
    throw problems.conflict(detail, 'appointment-status', {
      appointmentStatus: row.status,
      allowedFrom: ['booked'],
      repairOrderId: row.repair_order_id,
      repairOrderNumber: row.repair_order_number,
    });
  }

  /**
   * Every referenced record, checked before anything is written and reported together: an unknown
   * customer, a vehicle that is not the customer's, an unknown or retired bay or technician.
   * A null id is not checked (not set, or unchanged).
   */
  private async checkReferences(
    tx: Db,
    refs: {
      customerId: string;
      /** Whether the customer is being set (create) rather than read from the appointment (update). */
      newCustomer: boolean;
      vehicleId: string | null;
      bayId: string | null;
      technicianId: string | null;
    },
  ): Promise<void> {
    const errors: FieldError[] = [];
    const customerKnown = !refs.newCustomer || (await this.customers.exists(tx, refs.customerId));
    if (!customerKnown) errors.push({ path: 'customerId', message: 'no customer has this id' });
    if (refs.vehicleId !== null) {
      const owner = await this.vehicles.getOwnerId(tx, refs.vehicleId);
      if (owner === undefined) errors.push({ path: 'vehicleId', message: 'no vehicle has this id' });
      else if (customerKnown && owner !== refs.customerId)
        errors.push({ path: 'vehicleId', message: 'belongs to another customer' });
    }
    if (refs.bayId !== null) {
      const bay = await this.bays.get(tx, refs.bayId);
      if (bay === undefined) errors.push({ path: 'bayId', message: 'no bay has this id' });
      else if (!bay.active) errors.push({ path: 'bayId', message: `${bay.name} is not in use` });
    }
    if (refs.technicianId !== null) {
      const technician = await this.technicians.get(tx, refs.technicianId);
      if (technician === undefined)
        errors.push({ path: 'technicianId', message: 'no technician has this id' });
      else if (!technician.active)
        errors.push({ path: 'technicianId', message: `${technician.name} is no longer active` });
    }
    if (errors.length > 0) throw problems.validation(errors);
  }

  /**
   * Where and when a change puts the appointment, checked like a new booking: times, the vehicle,
   * a newly chosen bay or technician, and conflicts when it moves (against everyone but itself).
   */
  private async checkedChange(tx: Db, current: AppointmentViewRow, input: UpdateAppointmentInput) {
    const interval = {
      startsAt: input.startsAt === undefined ? current.starts_at : toUtcIso(input.startsAt, 'startsAt'),
      endsAt: input.endsAt === undefined ? current.ends_at : toUtcIso(input.endsAt, 'endsAt'),
    };
    checkInterval(
      interval,
      input.endsAt !== undefined || input.startsAt === undefined ? 'endsAt' : 'startsAt',
    );
    const bayId = input.bayId === undefined ? current.bay_id : input.bayId;
    const technicianId = input.technicianId === undefined ? current.technician_id : input.technicianId;
    await this.checkReferences(tx, {
      customerId: current.customer_id,
      newCustomer: false,
      vehicleId: input.vehicleId ?? null,
      bayId: bayId === current.bay_id ? null : bayId,
      technicianId: technicianId === current.technician_id ? null : technicianId,
    });
    const moved =
      interval.startsAt !== current.starts_at ||
      interval.endsAt !== current.ends_at ||
      bayId !== current.bay_id ||
      technicianId !== current.technician_id;
    if (moved) await this.ensureFree(tx, { ...interval, bayId, technicianId, exceptId: current.id });
    return { interval, bayId, technicianId, moved };
  }

  /** Refuses a double booking: inside the caller's transaction, so the check and the write are one. */
  private async ensureFree(
    tx: Db,
    slot: Interval & { bayId: string | null; technicianId: string | null; exceptId: string | null },
  ): Promise<void> {
    if (slot.bayId === null && slot.technicianId === null) return;
    const rows = await findOverlapping(tx, { ...slot, maxLengthMs: MAX_APPOINTMENT_MS });
    const conflicts = toConflicts(rows, slot);
    if (conflicts.length > 0) throw conflictProblem(conflicts, (await this.settings.get(tx)).timezone);
  }

  private async view(db: Db, id: string): Promise<Appointment> {
    return toAppointment((await findAppointmentView(db, id))!);
  }

  private emit(appointmentId: string, change: Change): void {
    this.events.emit('appointmentChanged', { appointmentId, change, at: this.clock.now().toISOString() });
  }
}

function notFound(id: string) {
  return problems.notFound(`No appointment with id ${id}.`);
}

function pick(startsAt: string, endsAt: string, bayId: string | null, technicianId: string | null) {
  return { startsAt, endsAt, bayId, technicianId };
}
