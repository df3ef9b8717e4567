import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { chunks, rangesCte, type UtcRange } from '../reports/report-ranges.js';

/** What the reports module reads from repair orders, jobs and lines (the contract). */
export interface ApprovalFact {
  /** Index of the range asked for. */
  range: number;
  approvedCents: number;
  declinedCents: number;
  deferredCents: number;
  linesApproved: number;
  linesPresented: number;
  /** Jobs with at least one line decided in the range. */
  jobsPresented: number;
  /** Of those, jobs with at least one line approved in the range. */
  jobsApproved: number;
}

export interface CycleFact {
  repairOrderId: string;
  openedAt: string;
  /** The last job's actual end (null when no job recorded an end). */
  readyAt: string | null;
}

const n = (value: unknown): number => Number(value ?? 0);

export class RepairOrdersReportFacts {
  constructor(private readonly db: Db) {}

  /**
   * Per range: recommended work the customer decided (approved, declined or deferred, by the
   * line's decision time), in dollars (round-half-up(quantity × price)) and in jobs.
   */
  async approvals(ranges: readonly UtcRange[]): Promise<ApprovalFact[]> {
    // One group per (range, job) first: a single sort, then the jobs are plain counts.
    const { rows } = await sql<Record<string, unknown>>`
      WITH ${rangesCte(ranges)},
      per_job AS (
        SELECT b.i AS range,
               sum(CASE WHEN l.approval_state = 'approved' THEN (l.quantity_milli * l.unit_price_cents + 500) / 1000 ELSE 0 END) AS approved,
               sum(CASE WHEN l.approval_state = 'declined' THEN (l.quantity_milli * l.unit_price_cents + 500) / 1000 ELSE 0 END) AS declined,
               sum(CASE WHEN l.approval_state = 'deferred' THEN (l.quantity_milli * l.unit_price_cents + 500) / 1000 ELSE 0 END) AS deferred,
               sum(l.approval_state = 'approved') AS lines_approved, count(*) AS lines_presented
        FROM b CROSS JOIN line_items l ON l.approval_at >= b.f AND l.approval_at < b.t
        WHERE l.approval_state IN ('approved', 'declined', 'deferred')
        GROUP BY b.i, l.job_id
      )
      SELECT range, sum(approved) AS approved, sum(declined) AS declined, sum(deferred) AS deferred,
             sum(lines_approved) AS lines_approved, sum(lines_presented) AS lines_presented,
             count(*) AS jobs_presented, sum(lines_approved > 0) AS jobs_approved
      FROM per_job GROUP BY range`.execute(this.db);
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

  /** Check-in (opened_at) and vehicle ready (the last job's actual end) of these repair orders. */
  async cycleTimes(repairOrderIds: readonly string[]): Promise<CycleFact[]> {
    const facts: CycleFact[] = [];
    for (const ids of chunks([...new Set(repairOrderIds)])) {
      const rows = await this.db
        .selectFrom('repair_orders as ro')
        .leftJoin('service_jobs as j', 'j.repair_order_id', 'ro.id')
        .select((eb) => ['ro.id', 'ro.opened_at', eb.fn.max('j.actual_end').as('ready_at')])
        .where('ro.id', 'in', ids)
        .groupBy('ro.id')
        .execute();
      for (const row of rows)
        facts.push({ repairOrderId: row.id, openedAt: row.opened_at, readyAt: row.ready_at ?? null });
    }
    return facts;
  }

  /** The technician each job is assigned to (jobs without one are left out). */
  async jobAssignees(jobIds: readonly string[]): Promise<Map<string, string>> {
    const assignees = new Map<string, string>();
    for (const ids of chunks([...new Set(jobIds)])) {
      const rows = await this.db
        .selectFrom('service_jobs')
        .select(['id', 'technician_id'])
        .where('id', 'in', ids)
        .where('technician_id', 'is not', null)
        .execute();
      for (const row of rows) assignees.set(row.id, row.technician_id!);
    }
    return assignees;
  }
}
