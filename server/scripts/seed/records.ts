import type { RepairOrderStatus } from '../../src/db/tables/repair-orders.js';
import { MINUTE } from './calendar.js';
import type { SeedContext } from './context.js';
import type { JobDraft, VisitDraft } from './model.js';
import type { WrittenJob, WrittenLine } from './money.js';

export interface VisitOutcome {
  status: RepairOrderStatus;
  closedAt: number | null;
  promisedAt: number;
  /** Bay and technician booked on the visit's appointment, when it had one. */
  appointmentBay?: string | null;
  appointmentTechnician?: string | null;
}

const iso = (ctx: SeedContext, at: number | null) => (at === null ? null : ctx.iso(at));

/** Writes one visit: the repair order, its jobs and lines, the check-in odometer, the appointment. */
export function writeVisit(ctx: SeedContext, visit: VisitDraft, outcome: VisitOutcome): void {
  const w = ctx.writer;
  const r = ctx.random;
  const roId = ctx.id(visit.openedAt);
  const advisor = visit.advisorIndex < 0 ? ctx.owner : (ctx.advisors[visit.advisorIndex] ?? ctx.owner);
  const lastChange = Math.max(
    visit.openedAt,
    outcome.closedAt ?? 0,
    ...visit.jobs.map((j) => j.statusChangedAt ?? j.approval.at ?? 0),
  );
  let appointmentId: string | null = null;
  if (visit.appointment !== null) {
    appointmentId = ctx.id(visit.appointment.bookedAt);
    w.insert('appointments', {
      id: appointmentId,
      customer_id: visit.customer.id,
      vehicle_id: visit.vehicle.id,
      requested_services: JSON.stringify(
        visit.jobs.filter((j) => j.source === 'concern').map((j) => j.concern),
      ),
      kind: visit.waiter ? 'waiter' : 'drop_off',
      starts_at: ctx.iso(visit.appointment.startsAt),
      ends_at: ctx.iso(visit.appointment.endsAt),
      bay_id: outcome.appointmentBay ?? null,
      technician_id: outcome.appointmentTechnician ?? null,
      status: 'arrived',
      // Linked once the repair order exists: both point at each other and keys are checked at once.
      repair_order_id: null,
      notes: '',
      version: 2,
      created_at: ctx.iso(visit.appointment.bookedAt),
      updated_at: ctx.iso(visit.openedAt),
    });
  }
  w.insert('repair_orders', {
    id: roId,
    number: visit.number,
    customer_id: visit.customer.id,
    vehicle_id: visit.vehicle.id,
    status: outcome.status,
    concerns: JSON.stringify(visit.jobs.filter((j) => j.source === 'concern').map((j) => j.concern)),
    odometer_in: visit.odometer,
    odometer_out: null,
    promised_at: ctx.iso(outcome.promisedAt),
    waiter: visit.waiter ? 1 : 0,
    key_tag: visit.waiter ? null : String(r.int(1, 120)),
    appointment_id: appointmentId,
    advisor_user_id: advisor.id,
    notes: '',
    opened_at: ctx.iso(visit.openedAt),
    closed_at: iso(ctx, outcome.closedAt),
    version: outcome.status === 'open' ? 1 + visit.jobs.filter((j) => j.approval.at !== null).length : 3,
    created_at: ctx.iso(visit.openedAt),
    updated_at: ctx.iso(lastChange),
  });
  if (appointmentId !== null)
    w.run('UPDATE appointments SET repair_order_id = ? WHERE id = ?', roId, appointmentId);
  w.insert('odometer_readings', {
    id: ctx.id(visit.openedAt + 1),
    vehicle_id: visit.vehicle.id,
    reading: visit.odometer,
    unit: 'mi',
    source: 'check-in',
    repair_order_id: roId,
    recorded_at: ctx.iso(visit.openedAt),
    recorded_by: advisor.id,
    created_at: ctx.iso(visit.openedAt),
    updated_at: ctx.iso(visit.openedAt),
  });
  const jobs = visit.jobs.map((job, index) => writeJob(ctx, visit, job, index, roId, advisor.id));
  ctx.money?.visitWritten(visit, outcome, { roId, advisorId: advisor.id, jobs });
}

function writeJob(
  ctx: SeedContext,
  visit: VisitDraft,
  job: JobDraft,
  index: number,
  roId: string,
  advisorId: string,
): WrittenJob {
  // Inspection findings are written up after the technician has looked the car over.
  const createdAt =
    job.source === 'concern' ? visit.openedAt + index * 1000 : visit.openedAt + (30 + index * 5) * MINUTE;
  const jobId = ctx.id(createdAt);
  const technician = job.technicianIndex === null ? null : (ctx.technicians[job.technicianIndex] ?? null);
  const bay = job.bayIndex === null ? null : (ctx.bays[job.bayIndex] ?? null);
  const diagnosed = job.status !== 'Pending' || job.source === 'inspection';
  const done = job.status === 'Completed' || job.status === 'Paid';
  const worked = done && job.actualEnd !== null;
  ctx.writer.insert('service_jobs', {
    id: jobId,
    vehicle_id: visit.vehicle.id,
    status: job.status,
    technician_id: technician?.id ?? null,
    bay_id: bay?.id ?? null,
    scheduled_start: iso(ctx, job.scheduledStart),
    estimated_end: iso(ctx, job.estimatedEnd),
    actual_start: iso(ctx, job.actualStart),
    actual_end: iso(ctx, job.actualEnd),
    version: 1 + (job.approval.at === null ? 0 : 1) + (job.statusChangedAt === null ? 0 : 1),
    created_at: ctx.iso(createdAt),
    updated_at: ctx.iso(Math.max(createdAt, job.statusChangedAt ?? 0, job.approval.at ?? 0)),
    repair_order_id: roId,
    title: job.title,
    concern: job.concern,
    cause: diagnosed ? job.cause : '',
    correction: worked ? job.correction : '',
    blocked_reason: job.status === 'Blocked' ? job.blockedReason : null,
    status_changed_at: iso(ctx, job.statusChangedAt),
    sort_order: index,
    canned_job_id: job.cannedJobId,
  });
  const lines: WrittenLine[] = [];
  job.lines.forEach((line, lineIndex) => {
    const approval = job.approval;
    // A customer may refuse an optional extra (a hardware kit) inside work they approved.
    const refused = approval.state === 'approved' && line.optional && ctx.random.chance(0.04);
    const state = refused ? 'declined' : approval.state;
    const decided = state !== 'recommended';
    const lineId = ctx.id(createdAt + lineIndex + 1);
    lines.push({ id: lineId, draft: line, state });
    ctx.writer.insert('line_items', {
      id: lineId,
      job_id: jobId,
      kind: line.kind,
      description: line.description,
      quantity_milli: line.quantityMilli,
      unit_price_cents: line.unitPriceCents,
      unit_cost_cents: line.unitCostCents,
      taxable: line.taxable ? 1 : 0,
      inventory_item_id: line.inventoryItemId,
      part_number: line.partNumber,
      approval_state: state,
      approval_method: decided ? approval.method : null,
      approval_by: decided ? visit.customer.name : null,
      approval_recorded_by: decided ? advisorId : null,
      approval_at: decided ? iso(ctx, approval.at) : null,
      deferred_reason: state === 'deferred' ? approval.deferredReason : null,
      sort_order: lineIndex,
      version: decided ? 2 : 1,
      created_at: ctx.iso(createdAt),
      updated_at: ctx.iso(decided && approval.at !== null ? Math.max(createdAt, approval.at) : createdAt),
    });
  });
  return { id: jobId, draft: job, lines };
}
