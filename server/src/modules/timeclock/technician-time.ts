import type { JobLaborFact } from '../billing/billing-report-facts.js';
import type { TechnicianFact } from '../technicians/technicians-report-facts.js';

/** Clocked time of one technician, summed in SQL by timeclock-report-facts (per range, or per job). */
export interface ClockedTimeFact {
  technicianId: string;
  /** Σ max(0, end − start) of the entries or shifts, whole milliseconds (running ones up to now). */
  ms: number;
}

export interface RangeTimeFact extends ClockedTimeFact {
  /** Index of the range asked for. */
  range: number;
}

export interface JobTimeFact extends ClockedTimeFact {
  jobId: string;
}

/**
 * Technician time per bucket, pure: hours billed (split by who clocked each job), clocked on jobs,
 * and available (attendance), and what the technicians cost.
 *
 * - billed: a job's invoiced labor hours (and labor sales) go to the technicians who clocked on it,
 *   in proportion to each one's clocked time on that job (all its clock entries, whenever they
 *   were); a job nobody clocked goes to its assigned technician; with neither it is "unassigned".
 *   Billed hours land in the bucket of the invoice's issue time.
 * - clocked: job-clock entries, in the bucket of their start (a running clock counts up to now).
 * - available: shifts (attendance), in the bucket of their clock-in (an open shift up to now).
 *
 * The time clock sums the milliseconds in SQL (per bucket and technician, per job and technician);
 * this puts them together with the labor billed per job.
 */
export interface TechTally {
  billedMilli: number;
  laborNetCents: number;
  clockedMs: number;
  availableMs: number;
}

export interface BucketTime {
  byTechnician: Map<string, TechTally>;
  unassigned: { billedMilli: number; laborNetCents: number };
}

export const HOUR_MS = 3_600_000;

export function emptyTally(): TechTally {
  return { billedMilli: 0, laborNetCents: 0, clockedMs: 0, availableMs: 0 };
}

export function technicianTime(input: {
  /** How many buckets (ranges) the facts were asked for. */
  buckets: number;
  /** Job-clock time per bucket and technician. */
  clocked: readonly RangeTimeFact[];
  /** Attendance (shifts) per bucket and technician. */
  attendance: readonly RangeTimeFact[];
  laborByJob: readonly JobLaborFact[];
  /** All the time clocked on each billed job, per technician. */
  clockedOnJobs: readonly JobTimeFact[];
  assignees: ReadonlyMap<string, string>;
}): BucketTime[] {
  const time: BucketTime[] = Array.from({ length: input.buckets }, () => ({
    byTechnician: new Map(),
    unassigned: { billedMilli: 0, laborNetCents: 0 },
  }));
  const tally = (bucket: number, technicianId: string): TechTally => {
    const map = time[bucket]!.byTechnician;
    let found = map.get(technicianId);
    if (found === undefined) {
      found = emptyTally();
      map.set(technicianId, found);
    }
    return found;
  };
  for (const fact of input.clocked) tally(fact.range, fact.technicianId).clockedMs += fact.ms;
  for (const fact of input.attendance) tally(fact.range, fact.technicianId).availableMs += fact.ms;
  const clockedOnJob = new Map<string, { total: number; byTechnician: Map<string, number> }>();
  for (const fact of input.clockedOnJobs) {
    let job = clockedOnJob.get(fact.jobId);
    if (job === undefined) {
      job = { total: 0, byTechnician: new Map() };
      clockedOnJob.set(fact.jobId, job);
    }
    job.total += fact.ms;
    job.byTechnician.set(fact.technicianId, (job.byTechnician.get(fact.technicianId) ?? 0) + fact.ms);
  }
  for (const labor of input.laborByJob) {
    const job = clockedOnJob.get(labor.jobId);
    if (job !== undefined && job.total > 0) {
      for (const [technicianId, ms] of job.byTechnician) {
        const share = ms / job.total;
        const t = tally(labor.range, technicianId);
        t.billedMilli += labor.quantityMilli * share;
        t.laborNetCents += labor.netCents * share;
      }
      continue;
    }
    const assignee = input.assignees.get(labor.jobId);
    if (assignee !== undefined) {
      const t = tally(labor.range, assignee);
      t.billedMilli += labor.quantityMilli;
      t.laborNetCents += labor.netCents;
    } else {
      time[labor.range]!.unassigned.billedMilli += labor.quantityMilli;
      time[labor.range]!.unassigned.laborNetCents += labor.netCents;
    }
  }
  return time;
}

/**
 * What a technician's time cost, unrounded cents: flat rate = billed hours × rate; hourly =
 * attendance hours × rate (clocked job hours when no shift was recorded in the bucket).
 */
export function payOf(technician: TechnicianFact | undefined, tally: TechTally): number {
  if (technician === undefined) return 0;
  if (technician.payBasis === 'flat_rate') return (tally.billedMilli * technician.payRateCents) / 1000;
  const ms = tally.availableMs > 0 ? tally.availableMs : tally.clockedMs;
  return (ms * technician.payRateCents) / HOUR_MS;
}
