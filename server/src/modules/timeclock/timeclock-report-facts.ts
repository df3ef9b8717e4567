import type { Db } from '../../db/database.js';

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

/** Larger IN lists are split: SQLite allows 32766 bound parameters, and smaller ones plan better. */
const CHUNK = 500;

export class TimeclockReportFacts {
  constructor(
    private readonly db: Db,
    private readonly now: () => string,
  ) {}

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
    const facts: ClockEntryFact[] = [];
    for (let i = 0; i < jobIds.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom('job_clock_entries')
        .select(['job_id', 'technician_id', 'started_at', 'ended_at'])
        .where('job_id', 'in', jobIds.slice(i, i + CHUNK))
        .execute();
      for (const row of rows) facts.push(this.entry(row));
    }
    return facts;
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
