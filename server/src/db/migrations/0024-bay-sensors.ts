import { sql, type Kysely } from 'kysely';

/**
 * Bay sensors (issue 17, point 5): every occupancy event a sensor sent (a repeat of the same
 * device and sequence number is not stored twice), the stays of cars in bays they add up to, and
 * the suggestions the advisor accepts or dismisses. Device and bay ids are not foreign keys: a
 * device row may be revoked or a bay retired while its history stays.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE bay_sensor_events (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      bay_id TEXT,
      event TEXT NOT NULL CHECK (event IN ('in', 'out')),
      seq INTEGER NOT NULL CHECK (seq >= 0),
      sensor_at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      outcome TEXT NOT NULL
        CHECK (outcome IN ('applied', 'out_of_order', 'already_in', 'already_out', 'no_bay')),
      action TEXT CHECK (action IS NULL OR action IN ('started', 'completed', 'suggested', 'refused', 'no_job', 'none')),
      job_id TEXT,
      detail TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (device_id, seq)
    ) STRICT`.execute(db);
  await sql`CREATE INDEX bay_sensor_events_bay ON bay_sensor_events(bay_id, received_at)`.execute(db);

  await sql`
    CREATE TABLE bay_visits (
      id TEXT PRIMARY KEY,
      bay_id TEXT NOT NULL,
      job_id TEXT,
      repair_order_id TEXT,
      in_at TEXT NOT NULL,
      out_at TEXT,
      in_event_id TEXT NOT NULL REFERENCES bay_sensor_events(id),
      out_event_id TEXT REFERENCES bay_sensor_events(id),
      overrun_alerted_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  // At most one car in a bay at a time: the open stay is the bay's occupancy.
  await sql`CREATE UNIQUE INDEX bay_visits_open ON bay_visits(bay_id) WHERE out_at IS NULL`.execute(db);
  await sql`CREATE INDEX bay_visits_job ON bay_visits(job_id)`.execute(db);
  await sql`CREATE INDEX bay_visits_repair_order ON bay_visits(repair_order_id)`.execute(db);

  await sql`
    CREATE TABLE bay_suggestions (
      id TEXT PRIMARY KEY,
      bay_id TEXT NOT NULL,
      job_id TEXT NOT NULL,
      event_id TEXT NOT NULL REFERENCES bay_sensor_events(id),
      kind TEXT NOT NULL CHECK (kind IN ('start', 'complete')),
      status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'dismissed', 'expired')),
      message TEXT NOT NULL,
      resolved_at TEXT,
      resolved_by TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX bay_suggestions_open ON bay_suggestions(status, bay_id)`.execute(db);
  await sql`CREATE INDEX bay_suggestions_job ON bay_suggestions(job_id, status)`.execute(db);
}
