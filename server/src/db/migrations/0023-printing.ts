import { sql, type Kysely } from 'kysely';

/**
 * Label printers (issue 17, item 7).
 *
 * - printers: one row per label-printer device: TCP host/port (9100) or a serial path, the label
 *   width, and what ASE last heard from it. Keyed by the device's id (the devices module's row).
 * - print_jobs: the durable print queue. A job holds its label's data and is rendered when sent;
 *   `printing` marks a job claimed by the worker, so two passes never send it twice, and a job
 *   found `printing` after a restart is failed with a note (it may have printed), not resent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE printers (
      device_id TEXT PRIMARY KEY,
      transport TEXT NOT NULL CHECK (transport IN ('tcp', 'serial')),
      host TEXT,
      port INTEGER NOT NULL DEFAULT 9100 CHECK (port BETWEEN 1 AND 65535),
      serial_path TEXT,
      label_width_mm INTEGER NOT NULL DEFAULT 72 CHECK (label_width_mm BETWEEN 30 AND 120),
      online INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),
      last_contact_at TEXT,
      last_error TEXT,
      last_error_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((transport = 'tcp' AND host IS NOT NULL) OR (transport = 'serial' AND serial_path IS NOT NULL))
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE print_jobs (
      id TEXT PRIMARY KEY,
      printer_device_id TEXT NOT NULL REFERENCES printers(device_id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('key-tag', 'oil-sticker', 'bin-labels')),
      data TEXT NOT NULL CHECK (json_valid(data)),
      repair_order_id TEXT,
      status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'printing', 'printed', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      next_attempt_at TEXT NOT NULL,
      last_error TEXT,
      reprint_of TEXT REFERENCES print_jobs(id),
      created_by_user_id TEXT,
      created_by_label TEXT NOT NULL,
      claimed_at TEXT,
      printed_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX print_jobs_due ON print_jobs(next_attempt_at) WHERE status = 'queued'`.execute(db);
  await sql`CREATE INDEX print_jobs_recent ON print_jobs(created_at DESC)`.execute(db);
}
