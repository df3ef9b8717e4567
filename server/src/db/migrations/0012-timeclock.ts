import { sql, type Kysely } from 'kysely';
import { VERSION_AND_STAMPS } from '../migration-sql.js';

/**
 * Technician time (issue 6): the job clock (production: who worked on which job, when; several
 * technicians may be on one job, one technician is on one job at a time) and shifts (attendance:
 * the hours a technician was available). Technicians get a pay rate and basis for labor gross
 * profit. Invoice lines keep the cost of what was sold at the time of invoicing (parts gross
 * profit), since an issued invoice must not change when a line's cost is later edited.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE technicians ADD COLUMN pay_rate_cents INTEGER NOT NULL DEFAULT 0 CHECK (pay_rate_cents >= 0)`.execute(
    db,
  );
  await sql`ALTER TABLE technicians ADD COLUMN pay_basis TEXT NOT NULL DEFAULT 'hourly' CHECK (pay_basis IN ('hourly', 'flat_rate'))`.execute(
    db,
  );
  await sql`ALTER TABLE invoice_lines ADD COLUMN unit_cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (unit_cost_cents >= 0)`.execute(
    db,
  );

  await sql`
    CREATE TABLE job_clock_entries (
      id TEXT PRIMARY KEY,
      job_id TEXT NOT NULL REFERENCES service_jobs(id),
      technician_id TEXT NOT NULL REFERENCES technicians(id),
      started_at TEXT NOT NULL,
      ended_at TEXT,
      started_by TEXT REFERENCES users(id),
      ended_by TEXT REFERENCES users(id),
      note TEXT NOT NULL DEFAULT '',
      ${VERSION_AND_STAMPS},
      CHECK (ended_at IS NULL OR ended_at >= started_at)
    ) STRICT`.execute(db);
  // One running clock per technician: clocking onto another job stops the first.
  await sql`CREATE UNIQUE INDEX job_clock_entries_one_open ON job_clock_entries (technician_id) WHERE ended_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX job_clock_entries_job ON job_clock_entries (job_id)`.execute(db);
  await sql`CREATE INDEX job_clock_entries_started ON job_clock_entries (started_at)`.execute(db);
  await sql`CREATE INDEX job_clock_entries_technician ON job_clock_entries (technician_id, started_at)`.execute(
    db,
  );

  await sql`
    CREATE TABLE technician_shifts (
      id TEXT PRIMARY KEY,
      technician_id TEXT NOT NULL REFERENCES technicians(id),
      clock_in_at TEXT NOT NULL,
      clock_out_at TEXT,
      clocked_in_by TEXT REFERENCES users(id),
      clocked_out_by TEXT REFERENCES users(id),
      note TEXT NOT NULL DEFAULT '',
      ${VERSION_AND_STAMPS},
      CHECK (clock_out_at IS NULL OR clock_out_at >= clock_in_at)
    ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX technician_shifts_one_open ON technician_shifts (technician_id) WHERE clock_out_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX technician_shifts_clock_in ON technician_shifts (clock_in_at)`.execute(db);
}
