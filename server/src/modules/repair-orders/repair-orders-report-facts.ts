import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { DayCachedFacts, type ComputedDay, type LocalDay } from '../../lib/report-days.js';
import { rangesCte, type UtcRange } from '../../lib/report-ranges.js';

/** The line decisions of a period: money by decision, and lines approved of lines decided. */
export interface DecisionSums {
  approvedCents: number;
  declinedCents: number;
  deferredCents: number;
  linesApproved: number;
  linesPresented: number;
}

/** What the reports module reads from repair orders, jobs and lines (the contract). */
export interface ApprovalFact extends DecisionSums {
  /** Index of the range asked for. */
  range: number;
  /** Jobs with at least one line decided in the range. */
  jobsPresented: number;
  /** Of those, jobs with at least one line approved in the range. */
  jobsApproved: number;
}

export interface CycleFact {
  /** Index of the range the repair orders were given with. */
  range: number;
  /** Σ (ready − check-in), ms, of those with a ready time. */
  cycleMs: number;
  /** Repair orders with a ready time (not before their check-in). */
  count: number;
}

/**
 * One shop-local day, the unit of the day cache (`repair_orders_report_days`, migration 0017):
 * decisions by their time, and the cycle time of the repair orders closed that day. Distinct job
 * counts over a range are not additive, but a job decided on this day only counts once in any range
 * holding the day: those are counted; only jobs also decided on another day keep their ids (a range
 * takes their union). Such a summary depends on the job's other decisions: a decision written
 * forgets every day the job has decisions on (migration 0017's triggers).
 */
export interface RepairOrdersDay extends DecisionSums {
  /** Jobs with a line decided that day and on no other day. */
  jobsPresented: number;
  /** Of those, jobs with a line approved. */
  jobsApproved: number;
  /** Ids of the jobs with a line decided that day and on another day too. */
  multiDayJobsPresented: string[];
  /** Of those, the jobs with a line approved that day. */
  multiDayJobsApproved: string[];
  cycleMs: number;
  cycleCount: number;
}

const n = (value: unknown): number => Number(value ?? 0);

/** What the day summaries need from billing. */
export interface RepairOrdersDayInputs {
  closedRepairOrders: (ranges: readonly UtcRange[]) => Promise<{ range: number; repairOrderId: string }[]>;
}

export class RepairOrdersReportFacts extends DayCachedFacts<RepairOrdersDay, RepairOrdersDayInputs> {
  constructor(private readonly db: Db) {
    super(db, 'repair_orders_report_days');
  }

  /**
   * Live, per local day (`reportDays` asks for the days its cache does not keep): decisions and
   * cycle time (of the repair orders `closedRepairOrders` gives for the days' ranges, billing's).
   */
  protected async computeDays(
    days: readonly LocalDay[],
    ranges: UtcRange[],
    input: RepairOrdersDayInputs,
  ): Promise<ComputedDay<RepairOrdersDay>[]> {
    const summaries: RepairOrdersDay[] = days.map(() => ({
      approvedCents: 0,
      declinedCents: 0,
      deferredCents: 0,
      linesApproved: 0,
      linesPresented: 0,
      jobsPresented: 0,
      jobsApproved: 0,
      multiDayJobsPresented: [],
      multiDayJobsApproved: [],
      cycleMs: 0,
      cycleCount: 0,
    }));
    const { rows } = await sql<Record<string, unknown>>`
      WITH ${rangesCte(ranges)},
      per_job AS (
        SELECT b.i AS range, l.job_id AS job_id,
               sum(CASE WHEN l.approval_state = 'approved' THEN (l.quantity_milli * l.unit_price_cents + 500) / 1000 ELSE 0 END) AS approved,
               sum(CASE WHEN l.approval_state = 'declined' THEN (l.quantity_milli * l.unit_price_cents + 500) / 1000 ELSE 0 END) AS declined,
               sum(CASE WHEN l.approval_state = 'deferred' THEN (l.quantity_milli * l.unit_price_cents + 500) / 1000 ELSE 0 END) AS deferred,
               sum(l.approval_state = 'approved') AS lines_approved, count(*) AS lines_presented,
               b.f AS f, b.t AS t
        FROM b CROSS JOIN line_items l ON l.approval_at >= b.f AND l.approval_at < b.t
        WHERE l.approval_state IN ('approved', 'declined', 'deferred')
        GROUP BY b.i, l.job_id
      ),
      flagged AS (
        SELECT p.*, EXISTS (
                 SELECT 1 FROM line_items o
                 WHERE o.job_id = p.job_id AND o.approval_state IN ('approved', 'declined', 'deferred')
                   AND (o.approval_at < p.f OR o.approval_at >= p.t)
               ) AS multi
        FROM per_job p
      )
      SELECT range, sum(approved) AS approved, sum(declined) AS declined, sum(deferred) AS deferred,
             sum(lines_approved) AS lines_approved, sum(lines_presented) AS lines_presented,
             sum(NOT multi) AS jobs_presented, sum(NOT multi AND lines_approved > 0) AS jobs_approved,
             json_group_array(job_id) FILTER (WHERE multi) AS multi_presented,
             json_group_array(job_id) FILTER (WHERE multi AND lines_approved > 0) AS multi_approved
      FROM flagged GROUP BY range`.execute(this.db);
    for (const row of rows) {
      const day = summaries[n(row.range)]!;
      day.approvedCents = n(row.approved);
      day.declinedCents = n(row.declined);
      day.deferredCents = n(row.deferred);
      day.linesApproved = n(row.lines_approved);
      day.linesPresented = n(row.lines_presented);
      day.jobsPresented = n(row.jobs_presented);
      day.jobsApproved = n(row.jobs_approved);
      day.multiDayJobsPresented = JSON.parse(String(row.multi_presented)) as string[];
      day.multiDayJobsApproved = JSON.parse(String(row.multi_approved)) as string[];
    }
    for (const fact of await this.cycleTimes(await input.closedRepairOrders(ranges))) {
      summaries[fact.range]!.cycleMs += fact.cycleMs;
      summaries[fact.range]!.cycleCount += fact.count;
    }
    return summaries.map((summary) => ({ summary, cacheable: true }));
  }

  /**
   * Per range: recommended work the customer decided (approved, declined or deferred, by the
   * line's decision time), in dollars (round-half-up(quantity × price)) and in jobs. One more fact,
   * `range: ranges.length`, is all the ranges together (jobs counted once over the whole).
   */
  async approvals(ranges: readonly UtcRange[]): Promise<ApprovalFact[]> {
    // One scan: a group per (range, job), materialized once; the ranges are plain counts of it,
    // and the whole is the same groups grouped again by job (a job decided in two ranges is one).
    const { rows } = await sql<Record<string, unknown>>`
      WITH ${rangesCte(ranges)},
      per_job AS MATERIALIZED (
        SELECT b.i AS range, l.job_id AS job_id,
               sum(CASE WHEN l.approval_state = 'approved' THEN (l.quantity_milli * l.unit_price_cents + 500) / 1000 ELSE 0 END) AS approved,
               sum(CASE WHEN l.approval_state = 'declined' THEN (l.quantity_milli * l.unit_price_cents + 500) / 1000 ELSE 0 END) AS declined,
               sum(CASE WHEN l.approval_state = 'deferred' THEN (l.quantity_milli * l.unit_price_cents + 500) / 1000 ELSE 0 END) AS deferred,
               sum(l.approval_state = 'approved') AS lines_approved, count(*) AS lines_presented
        FROM b CROSS JOIN line_items l ON l.approval_at >= b.f AND l.approval_at < b.t
        WHERE l.approval_state IN ('approved', 'declined', 'deferred')
        GROUP BY b.i, l.job_id
      ),
      whole AS (
        SELECT sum(approved) AS approved, sum(declined) AS declined, sum(deferred) AS deferred,
               sum(lines_approved) AS lines_approved, sum(lines_presented) AS lines_presented
        FROM per_job GROUP BY job_id
      )
      SELECT range, sum(approved) AS approved, sum(declined) AS declined, sum(deferred) AS deferred,
             sum(lines_approved) AS lines_approved, sum(lines_presented) AS lines_presented,
             count(*) AS jobs_presented, sum(lines_approved > 0) AS jobs_approved
      FROM per_job GROUP BY range
      UNION ALL
      SELECT ${ranges.length}, sum(approved), sum(declined), sum(deferred), sum(lines_approved),
             sum(lines_presented), count(*), sum(lines_approved > 0)
      FROM whole HAVING count(*) > 0`.execute(this.db);
    return rows.map((row) => ({
      range: n(row.range),
      approvedCents: n(row.approved),
      declinedCents: n(row.declined),
      deferredCents: n(row.deferred),
      linesApproved: n(row.lines_approved),
      linesPresented: n(row.lines_presented),
      jobsPresented: n(row.jobs_presented),
      jobsApproved: n(row.jobs_approved),
    }));
  }

  /**
   * Per range: Σ (vehicle ready − check-in) in whole ms and how many of these repair orders had a
   * ready time (check-in = `opened_at`, ready = the last job's actual end; a ready time before the
   * check-in is left out). Each repair order counts in the range it is given with.
   */
  async cycleTimes(repairOrders: readonly { range: number; repairOrderId: string }[]): Promise<CycleFact[]> {
    if (repairOrders.length === 0) return [];
    const pairs = JSON.stringify(repairOrders.map((r) => [r.range, r.repairOrderId]));
    // One JSON parameter (no IN chunks); the ready time is one index probe per repair order.
    const { rows } = await sql<Record<string, unknown>>`
      WITH given AS (
        SELECT value ->> 0 AS range, value ->> 1 AS id FROM json_each(${pairs})
      ),
      ready AS (
        SELECT g.range AS range, ro.opened_at AS opened_at,
               (SELECT max(j.actual_end) FROM service_jobs j WHERE j.repair_order_id = ro.id) AS ready_at
        FROM given g CROSS JOIN repair_orders ro ON ro.id = g.id
      ),
      cycle AS (
        SELECT range, CAST(round((julianday(ready_at) - julianday(opened_at)) * 86400000) AS INTEGER) AS ms
        FROM ready WHERE ready_at IS NOT NULL
      )
      SELECT range, sum(ms) AS ms, count(*) AS count FROM cycle WHERE ms >= 0 GROUP BY range`.execute(
      this.db,
    );
    return rows.map((row) => ({ range: n(row.range), cycleMs: n(row.ms), count: n(row.count) }));
  }

  /** The technician each job is assigned to (jobs without one are left out). */
  async jobAssignees(jobIds: readonly string[]): Promise<Map<string, string>> {
    const assignees = new Map<string, string>();
    if (jobIds.length === 0) return assignees;
    const rows = await this.db
      .selectFrom('service_jobs')
      .select(['id', 'technician_id'])
      .where('id', 'in', sql<string>`(SELECT value FROM json_each(${JSON.stringify(jobIds)}))`)
      .where('technician_id', 'is not', null)
      .execute();
    for (const row of rows) assignees.set(row.id, row.technician_id!);
    return assignees;
  }
}
