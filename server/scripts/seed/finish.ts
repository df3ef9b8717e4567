import { MINUTE, type ShopDay } from './calendar.js';
import type { SeedContext } from './context.js';
import { pickupAfter, promiseFor } from './history.js';
import type { JobDraft, VisitDraft } from './model.js';
import { writeVisit, type VisitOutcome } from './records.js';
import type { ResourceCalendar } from './appointments.js';
import { applySlot, decideApproval, isWorkable, type DaySchedule } from './work.js';

/**
 * Finishing a visit: every decision, every job dispatched, and the repair order written closed
 * (history) or left open on the board, depending on where `now` falls.
 */

const APPROVAL_WAIT = [
  'Waiting for customer approval: estimate sent by text',
  'Customer not answering: left voicemail',
];
const PARTS_WAIT = ['Waiting for parts: ordered from the dealer, due tomorrow morning'];

function totalHours(visit: VisitDraft): number {
  return visit.jobs.reduce((sum, job) => sum + (job.source === 'concern' ? job.bookHours : 0), 0);
}

function notBefore(ctx: SeedContext, visit: VisitDraft, job: JobDraft): number {
  return Math.max(visit.openedAt + ctx.random.int(10, 40) * MINUTE, job.approval.at ?? visit.openedAt);
}

/** A visit well in the past: everything decided, done, invoiced and paid. */
export function finishHistoricVisit(ctx: SeedContext, visit: VisitDraft, schedule: DaySchedule): void {
  let lastEnd = visit.openedAt + 30 * MINUTE;
  for (const job of visit.jobs) {
    decideApproval(ctx, visit, job, Number.POSITIVE_INFINITY);
    if (!isWorkable(job)) continue;
    const slot = schedule.assign(job, notBefore(ctx, visit, job));
    if (slot === null) continue;
    applySlot(job, slot);
    lastEnd = Math.max(lastEnd, slot.end);
  }
  closeVisit(ctx, visit, schedule.day, lastEnd);
}

function closeVisit(ctx: SeedContext, visit: VisitDraft, day: ShopDay, lastEnd: number): void {
  const pickedUp = Math.min(pickupAfter(ctx, day, lastEnd, visit.waiter), ctx.now - MINUTE);
  // Billing marks the work done Paid; a declined or deferred job was never started and stays Pending.
  for (const job of visit.jobs) {
    if (!isWorkable(job)) continue;
    job.status = 'Paid';
    job.statusChangedAt = pickedUp;
  }
  writeVisit(ctx, visit, {
    status: 'closed',
    closedAt: pickedUp,
    promisedAt: promiseFor(day, visit.openedAt, totalHours(visit), visit.waiter),
  });
}

/** Dispatches an approved job as of `now`: done, under way, or waiting for its technician. */
function dispatch(ctx: SeedContext, visit: VisitDraft, job: JobDraft, schedule: DaySchedule): void {
  const slot = schedule.assign(job, notBefore(ctx, visit, job));
  if (slot === null) return;
  if (slot.end <= ctx.now) {
    applySlot(job, slot);
    job.status = 'Completed';
    job.statusChangedAt = slot.end;
  } else if (slot.start <= ctx.now) {
    applySlot(job, slot);
    job.actualEnd = null;
    job.status = 'In_Progress';
    job.statusChangedAt = slot.start;
  } else if (ctx.random.chance(0.75)) {
    // Planned for a technician later today; some jobs are not dispatched yet at all.
    applySlot(job, slot);
    job.actualStart = null;
    job.actualEnd = null;
  }
}

function block(ctx: SeedContext, visit: VisitDraft, job: JobDraft, reasons: readonly string[]): void {
  job.status = 'Blocked';
  job.blockedReason = ctx.random.pick(reasons);
  job.actualEnd = null;
  const since = (job.actualStart ?? visit.openedAt) + ctx.random.int(20, 60) * MINUTE;
  job.statusChangedAt = Math.max(visit.openedAt, Math.min(since, ctx.now - 5 * MINUTE));
}

/**
 * A recent visit: decisions made by `now` only, jobs dispatched on its day. `stuck` visits from
 * the days before keep one job blocked (parts, sublet, approval), as cars on a real lot do.
 */
export function finishRecentVisit(
  ctx: SeedContext,
  visit: VisitDraft,
  schedule: DaySchedule,
  stuck: boolean,
  calendar: ResourceCalendar | null,
): boolean {
  const r = ctx.random;
  for (const job of visit.jobs) {
    decideApproval(ctx, visit, job, ctx.now);
    if (isWorkable(job)) dispatch(ctx, visit, job, schedule);
  }
  const workable = visit.jobs.filter(isWorkable);
  if (stuck && workable.length > 0) {
    const victim = workable.find((j) => j.spec.blockedReasons !== undefined) ?? workable[0]!;
    if (victim.actualStart === null && victim.technicianIndex !== null)
      victim.actualStart = victim.scheduledStart;
    block(ctx, visit, victim, victim.spec.blockedReasons ?? PARTS_WAIT);
  }
  for (const job of visit.jobs) {
    const open = job.status === 'Pending' || job.status === 'In_Progress';
    if (job.approval.state === 'recommended') {
      if ((stuck || ctx.now - visit.openedAt > 90 * MINUTE) && r.chance(0.35))
        block(ctx, visit, job, APPROVAL_WAIT);
    } else if (open && job.spec.blockedReasons !== undefined && isWorkable(job) && r.chance(0.22)) {
      block(ctx, visit, job, job.spec.blockedReasons);
    }
  }
  const finished = visit.jobs.every(
    (j) =>
      j.status === 'Completed' || (j.approval.state !== 'approved' && j.approval.state !== 'recommended'),
  );
  const lastEnd = Math.max(visit.openedAt + 30 * MINUTE, ...visit.jobs.map((j) => j.actualEnd ?? 0));
  if (!stuck && finished) {
    const pickedUp = pickupAfter(ctx, schedule.day, lastEnd, visit.waiter);
    if (pickedUp <= ctx.now) {
      closeVisit(ctx, visit, schedule.day, lastEnd);
      return false;
    }
  }
  // A finished car waiting for its owner usually has its invoice printed already.
  writeVisit(ctx, visit, {
    status: finished && r.chance(0.6) ? 'invoiced' : 'open',
    closedAt: null,
    promisedAt: promiseFor(schedule.day, visit.openedAt, totalHours(visit), visit.waiter),
    ...appointmentResources(ctx, visit, calendar),
  });
  return true;
}

/** Today's arrived appointments show the technician and bay of their first job, when both were free. */
function appointmentResources(
  ctx: SeedContext,
  visit: VisitDraft,
  calendar: ResourceCalendar | null,
): Pick<VisitOutcome, 'appointmentBay' | 'appointmentTechnician'> {
  const appointment = visit.appointment;
  const job = visit.jobs.find((j) => j.technicianIndex !== null && j.bayIndex !== null);
  if (calendar === null || appointment === null || job === undefined) return {};
  const technician = ctx.technicians[job.technicianIndex!];
  const bay = ctx.bays[job.bayIndex!];
  if (technician === undefined || bay === undefined) return {};
  if (!calendar.bookPair(technician.id, bay.id, appointment.startsAt, appointment.endsAt)) return {};
  return { appointmentBay: bay.id, appointmentTechnician: technician.id };
}
