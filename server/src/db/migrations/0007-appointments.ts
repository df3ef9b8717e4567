import { sql, type Kysely } from 'kysely';
import { VERSION_AND_STAMPS } from '../migration-sql.js';

/** Appointments: who, which car, what for, when, and optionally which bay and technician. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE appointments (
      id TEXT PRIMARY KEY,
      customer_id TEXT NOT NULL REFERENCES customers(id),
      vehicle_id TEXT REFERENCES vehicles(id),
      requested_services TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(requested_services)),
      kind TEXT NOT NULL DEFAULT 'drop_off' CHECK (kind IN ('drop_off', 'waiter')),
      starts_at TEXT NOT NULL,
      ends_at TEXT NOT NULL,
      bay_id TEXT REFERENCES bays(id),
      technician_id TEXT REFERENCES technicians(id),
      status TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'arrived', 'cancelled', 'no_show')),
      repair_order_id TEXT REFERENCES repair_orders(id),
      notes TEXT NOT NULL DEFAULT '',
      ${VERSION_AND_STAMPS},
      CHECK (ends_at > starts_at)
    ) STRICT`.execute(db);
  await sql`CREATE INDEX appointments_starts_at ON appointments(starts_at)`.execute(db);
  await sql`CREATE INDEX appointments_bay ON appointments(bay_id, starts_at)`.execute(db);
  await sql`CREATE INDEX appointments_technician ON appointments(technician_id, starts_at)`.execute(db);
  await sql`CREATE INDEX appointments_customer ON appointments(customer_id)`.execute(db);
}
