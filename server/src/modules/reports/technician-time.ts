import type { JobLaborFact } from '../billing/billing-report-facts.js';
import type { TechnicianFact } from '../technicians/technicians-report-facts.js';
import type { ClockEntryFact, ShiftFact } from '../timeclock/timeclock-report-facts.js';
import { bucketIndexOf } from './periods.js';

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

function durationMs(from: string, to: string): number {
  return Math.max(0, Date.parse(to) - Date.parse(from));
}

export function emptyTally(): TechTally {
  return { billedMilli: 0, laborNetCents: 0, clockedMs: 0, availableMs: 0 };
}

export function technicianTime(input: {
  buckets: readonly { startsAt: string; endsAt: string }[];
  entries: readonly ClockEntryFact[];
  shifts: readonly ShiftFact[];
  laborByJob: readonly JobLaborFact[];
  jobEntries: readonly ClockEntryFact[];
  assignees: ReadonlyMap<string, string>;
}): BucketTime[] {
  const time: BucketTime[] = input.buckets.map(() => ({
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
  for (const entry of input.entries) {
    const bucket = bucketIndexOf(input.buckets, entry.startedAt);
    if (bucket >= 0)
      tally(bucket, entry.technicianId).clockedMs += durationMs(entry.startedAt, entry.endedAt);
  }
  for (const shift of input.shifts) {
    const bucket = bucketIndexOf(input.buckets, shift.clockInAt);
    if (bucket >= 0)
      tally(bucket, shift.technicianId).availableMs += durationMs(shift.clockInAt, shift.clockOutAt);
  }
  const clockedOnJob = new Map<string, Map<string, number>>();
  for (const entry of input.jobEntries) {
    let perTech = clockedOnJob.get(entry.jobId);
    if (perTech === undefined) {
      perTech = new Map();
      clockedOnJob.set(entry.jobId, perTech);
    }
    perTech.set(
      entry.technicianId,
      (perTech.get(entry.technicianId) ?? 0) + durationMs(entry.startedAt, entry.endedAt),
    );
  }
  for (const labor of input.laborByJob) {
    const perTech = clockedOnJob.get(labor.jobId);
    const totalMs = perTech === undefined ? 0 : [...perTech.values()].reduce((a, b) => a + b, 0);
    if (perTech !== undefined && totalMs > 0) {
      for (const [technicianId, ms] of perTech) {
        const share = ms / totalMs;
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
