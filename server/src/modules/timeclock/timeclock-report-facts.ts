import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { JobLaborFact } from '../billing/billing-report-facts.js';
import { DayCachedFacts, type ComputedDay, type LocalDay } from '../../lib/report-days.js';
import { technicianTime, type JobTimeFact, type RangeTimeFact } from './technician-time.js';
import { parseJsonRows, rangesCte, type UtcRange } from '../../lib/report-ranges.js';

/**
 * What the reports module reads from the time clock (the contract between the two modules):
 * raw job-clock entries and shifts, which reports bucket by the shop's day, week or month.
 * A running clock or an open shift counts up to `now`.
 */
export interface ClockEntryFact {
  jobId: string;
  technicianId: string;
  startedAt: string;
  /** `now` for a clock still running. */
  endedAt: string;
}

export interface ShiftFact {
  technicianId: string;
  clockInAt: string;
  /** `now` for a shift still open. */
  clockOutAt: string;
}

/**
 * Whole milliseconds from column `start` to column `end` (ISO-8601 text; `now` when null), never
 * negative: the same integer as `Date.parse(end) - Date.parse(start)` (julianday is precise to
 * about 50 µs, which the rounding takes away).
 */
const durationMs = (start: string, end: string, now: string) =>
  sql`max(0, CAST(round((julianday(coalesce(${sql.ref(end)}, ${now})) - julianday(${sql.ref(start)})) * 86400000) AS INTEGER))`;

const n = (value: unknown): number => Number(value ?? 0);

/**
 * One shop-local day, the unit of the day cache (`timeclock_report_days`, migration 0017): clocked
 * and attendance time started that day per technician (whole ms), and the billed hours and labor
 * sales of the jobs invoiced that day split between the technicians who clocked on them (see
 * technician-time.ts: fractions, unrounded). A day with a clock or shift still running in
 * it, or a running clock on one of its billed jobs, is never kept (it counts up to now).
 */
export interface TimeclockDay {
  /** [technician id, ms], by technician id. */
  clocked: [string, number][];
  /** [technician id, ms], by technician id. */
  attendance: [string, number][];
  /** [technician id, billed milli-hours, labor net cents] of the split, by technician id. */
  billed: [string, number, number][];
  /** Billed milli-hours and labor net cents of jobs nobody clocked and nobody is assigned to. */
  unassigned: [number, number];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What the day summaries need from billing (`laborByJob`) and repair orders (`jobAssignees`). */
export interface TimeclockDayInputs {
  laborByJob: (ranges: readonly UtcRange[]) => Promise<JobLaborFact[]>;
  jobAssignees: (jobIds: readonly string[]) => Promise<ReadonlyMap<string, string>>;
}

export class TimeclockReportFacts extends DayCachedFacts<TimeclockDay, TimeclockDayInputs> {
  constructor(
    private readonly db: Db,
    private readonly now: () => string,
  ) {
    super(db, 'timeclock_report_days');
  }

  /**
   * Live, per local day (`reportDays` asks for the days its cache does not keep):
   * `clockedByRange`, `attendanceByRange`, and the billed-hours split of the labor invoiced that
   * day (`laborByJob`, billing's, for the days' ranges; `jobAssignees`, repair orders', for the
   * jobs nobody clocked).
   */
  protected async computeDays(
    days: readonly LocalDay[],
    ranges: UtcRange[],
    input: TimeclockDayInputs,
  ): Promise<ComputedDay<TimeclockDay>[]> {
    const clocked = await this.clockedByRange(ranges);
    const attendance = await this.attendanceByRange(ranges);
    // Per day and job, by job id: the order the split adds up in (see technician-time.ts).
    const laborByJob = (await input.laborByJob(ranges)).sort(
      (a, b) => a.range - b.range || byText(a.jobId, b.jobId),
    );
    const jobIds = [...new Set(laborByJob.map((l) => l.jobId))];
    const clockedOnJobs = await this.clockedOnJobs(jobIds);
    const clockedJobs = new Set(clockedOnJobs.map((e) => e.jobId));
    const assignees = await input.jobAssignees(jobIds.filter((id) => !clockedJobs.has(id)));
    // Only the split goes through technicianTime: a technician is in `billed` when the split
    // touched them (even for 0), as the per-range facts had them.
    const time = technicianTime({
      buckets: days.length,
      clocked: [],
      attendance: [],
      laborByJob,
      clockedOnJobs,
      assignees,
    });
    const summaries: TimeclockDay[] = time.map((day) => ({
      clocked: [],
      attendance: [],
      billed: [...day.byTechnician]
        .sort((a, b) => byText(a[0], b[0]))
        .map(([id, t]) => [id, t.billedMilli, t.laborNetCents]),
      unassigned: [day.unassigned.billedMilli, day.unassigned.laborNetCents],
    }));
    for (const fact of clocked) summaries[fact.range]!.clocked.push([fact.technicianId, fact.ms]);
    for (const fact of attendance) summaries[fact.range]!.attendance.push([fact.technicianId, fact.ms]);
    for (const day of summaries) {
      day.clocked.sort((a, b) => byText(a[0], b[0]));
      day.attendance.sort((a, b) => byText(a[0], b[0]));
    }
    // What is still running counts up to now: such a day is computed live until it stops.
    const daysOfJob = new Map<string, number[]>();
    for (const labor of laborByJob) {
      const list = daysOfJob.get(labor.jobId);
      if (list === undefined) daysOfJob.set(labor.jobId, [labor.range]);
      else list.push(labor.range);
    }
    const running = new Set<number>();
    const { rows: open } = await sql<{ job_id: string | null; at: string }>`
      SELECT job_id, started_at AS at FROM job_clock_entries WHERE ended_at IS NULL
      UNION ALL
      SELECT NULL, clock_in_at FROM technician_shifts WHERE clock_out_at IS NULL`.execute(this.db);
    for (const row of open) {
      days.forEach((d, i) => {
        if (row.at >= d.from && row.at < d.to) running.add(i);
      });
      for (const i of row.job_id === null ? [] : (daysOfJob.get(row.job_id) ?? [])) running.add(i);
    }
    return summaries.map((summary, i) => ({ summary, cacheable: !running.has(i) }));
  }

  /** Job-clock entries started in [from, to). */
  async entriesStartedBetween(from: string, to: string): Promise<ClockEntryFact[]> {
    const rows = await this.db
      .selectFrom('job_clock_entries')
      .select(['job_id', 'technician_id', 'started_at', 'ended_at'])
      .where('started_at', '>=', from)
      .where('started_at', '<', to)
      .execute();
    return rows.map((row) => this.entry(row));
  }

  /** Every entry on these jobs, whenever it was: billed hours are split by who clocked the job. */
  async entriesForJobs(jobIds: readonly string[]): Promise<ClockEntryFact[]> {
    // One JSON parameter instead of IN lists: no cap on bound parameters, one statement.
    const rows = await this.db
      .selectFrom('job_clock_entries')
      .select(['job_id', 'technician_id', 'started_at', 'ended_at'])
      .where('job_id', 'in', sql<string>`(SELECT value FROM json_each(${JSON.stringify(jobIds)}))`)
      .execute();
    return rows.map((row) => this.entry(row));
  }

  /**
   * Per range and technician: job-clock time of the entries started in the range (a running clock
   * up to now), summed in SQL.
   */
  clockedByRange(ranges: readonly UtcRange[]): Promise<RangeTimeFact[]> {
    return this.timeByRange(ranges, 'job_clock_entries', 'started_at', 'ended_at');
  }

  /** Per range and technician: attendance of the shifts clocked in during the range (open: to now). */
  attendanceByRange(ranges: readonly UtcRange[]): Promise<RangeTimeFact[]> {
    return this.timeByRange(ranges, 'technician_shifts', 'clock_in_at', 'clock_out_at');
  }

  /** Σ time per range and technician of the spans (entries or shifts) that began in the range. */
  private async timeByRange(
    ranges: readonly UtcRange[],
    table: 'job_clock_entries' | 'technician_shifts',
    start: 'started_at' | 'clock_in_at',
    end: 'ended_at' | 'clock_out_at',
  ): Promise<RangeTimeFact[]> {
    const { rows } = await sql<Record<string, unknown>>`
      WITH ${rangesCte(ranges)}
      SELECT b.i AS range, s.technician_id AS technician_id,
             sum(${durationMs(`s.${start}`, `s.${end}`, this.now())}) AS ms
      FROM b CROSS JOIN ${sql.table(table)} s ON ${sql.ref(`s.${start}`)} >= b.f AND ${sql.ref(`s.${start}`)} < b.t
      GROUP BY b.i, s.technician_id`.execute(this.db);
    return rows.map((row) => ({
      range: n(row.range),
      technicianId: String(row.technician_id),
      ms: n(row.ms),
    }));
  }

  /**
   * Per job and technician: all the time clocked on these jobs, whenever it was (billed hours are
   * split by it). Jobs nobody clocked are left out.
   */
  async clockedOnJobs(jobIds: readonly string[]): Promise<JobTimeFact[]> {
    if (jobIds.length === 0) return [];
    const result = await sql<Record<string, unknown>>`
      WITH per_job AS (
        SELECT e.job_id AS job_id, e.technician_id AS technician_id,
               sum(${durationMs('e.started_at', 'e.ended_at', this.now())}) AS ms
        FROM json_each(${JSON.stringify([...new Set(jobIds)])}) j
        CROSS JOIN job_clock_entries e ON e.job_id = j.value
        GROUP BY e.job_id, e.technician_id
      )
      SELECT json_group_array(json_array(job_id, technician_id, ms)) AS rows FROM per_job`.execute(this.db);
    return parseJsonRows<[string, string, number]>(result).map(([jobId, technicianId, ms]) => ({
      jobId,
      technicianId,
      ms,
    }));
  }

  /** Shifts clocked in during [from, to). */
  async shiftsStartedBetween(from: string, to: string): Promise<ShiftFact[]> {
    const now = this.now();
    const rows = await this.db
      .selectFrom('technician_shifts')
      .select(['technician_id', 'clock_in_at', 'clock_out_at'])
      .where('clock_in_at', '>=', from)
      .where('clock_in_at', '<', to)
      .execute();
    return rows.map((row) => ({
      technicianId: row.technician_id,
      clockInAt: row.clock_in_at,
      clockOutAt: row.clock_out_at ?? now,
    }));
  }

  private entry(row: {
    job_id: string;
    technician_id: string;
    started_at: string;
    ended_at: string | null;
  }): ClockEntryFact {
    return {
      jobId: row.job_id,
      technicianId: row.technician_id,
      startedAt: row.started_at,
      endedAt: row.ended_at ?? this.now(),
    };
  }
}
