import type { Db } from '../../db/database.js';
import type { AppointmentStatus } from '../../db/tables/appointments.js';

/*
 * Read model (db/tables/index.ts): appointments with the names a calendar shows beside them
 * (customer, vehicle, bay, technician, repair-order number: other modules' tables). It only reads;
 * one query because the calendar filters and pages over the joined rows.
 */

/** Statuses that hold a bay or a technician: cancelled and no-show slots are free again. */
const BUSY_STATUSES: readonly AppointmentStatus[] = ['booked', 'arrived'];

/**
 * Appointments with the names a calendar shows. The joins only read other modules' tables to label
 * rows (customer, vehicle, bay, technician, repair-order number); nothing here writes to them.
 */
function viewQuery(db: Db) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .leftJoin('vehicles as v', 'v.id', 'a.vehicle_id')
    .leftJoin('bays as b', 'b.id', 'a.bay_id')
    .leftJoin('technicians as t', 't.id', 'a.technician_id')
    .leftJoin('repair_orders as ro', 'ro.id', 'a.repair_order_id')
    .selectAll('a')
    .select([
      'c.name as customer_name',
      'v.year as vehicle_year',
      'v.make as vehicle_make',
      'v.model as vehicle_model',
      'v.license_plate as vehicle_plate',
      'v.vin as vehicle_vin',
      'b.name as bay_name',
      't.name as technician_name',
      'ro.number as repair_order_number',
    ]);
}

export type AppointmentViewRow = NonNullable<Awaited<ReturnType<typeof findAppointmentView>>>;

export function findAppointmentView(db: Db, id: string) {
  return viewQuery(db).where('a.id', '=', id).executeTakeFirst();
}

export interface AppointmentFilter {
  from: string;
  to: string;
  /** The longest an appointment may last: lets the start-time index bound the scan from below. */
  maxLengthMs: number;
  bayId?: string | undefined;
  technicianId?: string | undefined;
  customerId?: string | undefined;
  statuses?: readonly AppointmentStatus[] | undefined;
  limit: number;
  offset: number;
}

/** Appointments overlapping [from, to), by start time. */
export function listAppointmentViews(db: Db, filter: AppointmentFilter) {
  const earliestStart = new Date(Date.parse(filter.from) - filter.maxLengthMs).toISOString();
  let query = viewQuery(db)
    .where('a.starts_at', '<', filter.to)
    .where('a.starts_at', '>', earliestStart)
    .where('a.ends_at', '>', filter.from);
  if (filter.bayId !== undefined) query = query.where('a.bay_id', '=', filter.bayId);
  if (filter.technicianId !== undefined) query = query.where('a.technician_id', '=', filter.technicianId);
  if (filter.customerId !== undefined) query = query.where('a.customer_id', '=', filter.customerId);
  if (filter.statuses !== undefined && filter.statuses.length > 0)
    query = query.where('a.status', 'in', filter.statuses);
  return query.orderBy('a.starts_at').orderBy('a.id').limit(filter.limit).offset(filter.offset).execute();
}

export interface OverlapQuery {
  startsAt: string;
  endsAt: string;
  maxLengthMs: number;
  bayId: string | null;
  technicianId: string | null;
  exceptId: string | null;
}

/**
 * Busy appointments that overlap [startsAt, endsAt) and hold the same bay or the same technician.
 * Half-open intervals: one ending at 10:00 does not overlap one starting at 10:00.
 */
export function findOverlapping(db: Db, q: OverlapQuery) {
  const earliestStart = new Date(Date.parse(q.startsAt) - q.maxLengthMs).toISOString();
  return db
    .selectFrom('appointments as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .leftJoin('bays as b', 'b.id', 'a.bay_id')
    .leftJoin('technicians as t', 't.id', 'a.technician_id')
    .select([
      'a.id',
      'a.starts_at',
      'a.ends_at',
      'a.bay_id',
      'a.technician_id',
      'c.name as customer_name',
      'b.name as bay_name',
      't.name as technician_name',
    ])
    .where('a.status', 'in', BUSY_STATUSES)
    .where('a.starts_at', '<', q.endsAt)
    .where('a.starts_at', '>', earliestStart)
    .where('a.ends_at', '>', q.startsAt)
    .where((eb) => {
      const holds = [];
      if (q.bayId !== null) holds.push(eb('a.bay_id', '=', q.bayId));
      if (q.technicianId !== null) holds.push(eb('a.technician_id', '=', q.technicianId));
      return eb.or(holds);
    })
    .$if(q.exceptId !== null, (qb) => qb.where('a.id', '!=', q.exceptId!))
    .orderBy('a.starts_at')
    .execute();
}
