import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { JobStatus } from '../../db/schema.js';

/*
 * Read model (db/tables/index.ts): jobs as the screens show them, with the names other modules
 * own beside them (technician, bay, customer, vehicle). It only reads; the joins stay one query
 * because the job board is filtered and ordered across them and is read on every screen refresh.
 */

/** Jobs with the names the screens show beside them (technician, bay) and the RO number. */
function jobsWithNames(db: Db) {
  return db
    .selectFrom('service_jobs as j')
    .innerJoin('repair_orders as ro', 'ro.id', 'j.repair_order_id')
    .leftJoin('technicians as t', 't.id', 'j.technician_id')
    .leftJoin('bays as b', 'b.id', 'j.bay_id')
    .selectAll('j')
    .select(['ro.number as repair_order_number', 't.name as technician_name', 'b.name as bay_name']);
}

export function findJobWithNames(db: Db, id: string) {
  return jobsWithNames(db).where('j.id', '=', id).executeTakeFirst();
}

export type JobWithNamesRow = NonNullable<Awaited<ReturnType<typeof findJobWithNames>>>;

export function listJobsOfRepairOrder(db: Db, repairOrderId: string) {
  return jobsWithNames(db)
    .where('j.repair_order_id', '=', repairOrderId)
    .orderBy('j.sort_order')
    .orderBy('j.id')
    .execute();
}

export interface BoardQuery {
  statuses: readonly JobStatus[];
  technicianId?: string | undefined;
  bayId?: string | undefined;
}

/** Repair orders whose jobs are on the board: not yet closed or voided. */
const OPEN_REPAIR_ORDER_STATUSES = ['estimate', 'open', 'invoiced'] as const;

/**
 * The job board. It is driven from the few open repair orders (repair_orders_status index), then
 * their jobs by repair_order_id. The unary `+` on the job columns keeps SQLite from starting at
 * the job status, technician or bay index instead: over ten years those hold tens of thousands
 * of old rows each (a declined job stays Pending forever), while open repair orders stay ~25.
 */
export function boardQuery(db: Db, query: BoardQuery) {
  let q = db
    .selectFrom('repair_orders as ro')
    .innerJoin('service_jobs as j', 'j.repair_order_id', 'ro.id')
    .innerJoin('customers as c', 'c.id', 'ro.customer_id')
    .innerJoin('vehicles as v', 'v.id', 'j.vehicle_id')
    .leftJoin('technicians as t', 't.id', 'j.technician_id')
    .leftJoin('bays as b', 'b.id', 'j.bay_id')
    .select([
      'j.id',
      'j.title',
      'j.status',
      'j.status_changed_at',
      'j.blocked_reason',
      'j.technician_id',
      'j.bay_id',
      'j.scheduled_start',
      'j.estimated_end',
      'j.version',
      'j.actual_start',
      'j.cause',
      'j.correction',
      // Work follows approval: the board offers Start/Complete only as the status change allows.
      (eb) =>
        eb
          .selectFrom('line_items as li')
          .select((li) => li.fn.countAll<number>().as('n'))
          .whereRef('li.job_id', '=', 'j.id')
          .where('li.approval_state', '=', 'approved')
          .as('approved_lines'),
      'ro.id as repair_order_id',
      'ro.number as repair_order_number',
      'ro.promised_at',
      'ro.waiter',
      'c.id as customer_id',
      'c.name as customer_name',
      'v.id as vehicle_id',
      'v.year as vehicle_year',
      'v.make as vehicle_make',
      'v.model as vehicle_model',
      'v.vin as vehicle_vin',
      'v.license_plate as vehicle_license_plate',
      't.name as technician_name',
      'b.name as bay_name',
    ])
    .where('ro.status', 'in', OPEN_REPAIR_ORDER_STATUSES)
    .where(sql<JobStatus>`+j.status`, 'in', query.statuses);
  if (query.technicianId !== undefined) q = q.where(sql<string>`+j.technician_id`, '=', query.technicianId);
  if (query.bayId !== undefined) q = q.where(sql<string>`+j.bay_id`, '=', query.bayId);
  return q.orderBy('ro.number').orderBy('j.sort_order').orderBy('j.id').limit(1000);
}

export function listBoard(db: Db, query: BoardQuery) {
  return boardQuery(db, query).execute();
}

export type BoardRow = Awaited<ReturnType<typeof listBoard>>[number];
