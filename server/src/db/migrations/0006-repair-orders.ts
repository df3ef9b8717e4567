import { sql, type Kysely } from 'kysely';
import { VERSION_AND_STAMPS } from '../migration-sql.js';

/**
 * Repair orders (one vehicle visit), the service jobs they hold (3C: concern, cause, correction),
 * line items with their approval state, and canned jobs. Quantities are integer thousandths
 * (1.5 labour hours = 1500) so every total is exact integer arithmetic.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE repair_orders (
      id TEXT PRIMARY KEY,
      number INTEGER NOT NULL UNIQUE,
      customer_id TEXT NOT NULL REFERENCES customers(id),
      vehicle_id TEXT NOT NULL REFERENCES vehicles(id),
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('estimate', 'open', 'invoiced', 'closed', 'void')),
      concerns TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(concerns)),
      odometer_in INTEGER CHECK (odometer_in IS NULL OR odometer_in >= 0),
      promised_at TEXT,
      waiter INTEGER NOT NULL DEFAULT 0 CHECK (waiter IN (0, 1)),
      key_tag TEXT,
      appointment_id TEXT REFERENCES appointments(id),
      advisor_user_id TEXT REFERENCES users(id),
      notes TEXT NOT NULL DEFAULT '',
      opened_at TEXT NOT NULL,
      closed_at TEXT,
      ${VERSION_AND_STAMPS}
    ) STRICT`.execute(db);
  await sql`CREATE INDEX repair_orders_customer ON repair_orders(customer_id)`.execute(db);
  await sql`CREATE INDEX repair_orders_vehicle ON repair_orders(vehicle_id)`.execute(db);
  await sql`CREATE INDEX repair_orders_status ON repair_orders(status, opened_at)`.execute(db);
  await sql`CREATE INDEX repair_orders_appointment ON repair_orders(appointment_id)`.execute(db);

  await sql`ALTER TABLE service_jobs ADD COLUMN repair_order_id TEXT REFERENCES repair_orders(id)`.execute(
    db,
  );
  await sql`ALTER TABLE service_jobs ADD COLUMN title TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE service_jobs ADD COLUMN concern TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE service_jobs ADD COLUMN cause TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE service_jobs ADD COLUMN correction TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE service_jobs ADD COLUMN blocked_reason TEXT`.execute(db);
  await sql`ALTER TABLE service_jobs ADD COLUMN status_changed_at TEXT`.execute(db);
  await sql`ALTER TABLE service_jobs ADD COLUMN sort_order INTEGER NOT NULL DEFAULT 0`.execute(db);
  await sql`ALTER TABLE service_jobs ADD COLUMN canned_job_id TEXT REFERENCES canned_jobs(id)`.execute(db);
  await sql`CREATE INDEX service_jobs_repair_order ON service_jobs(repair_order_id, sort_order)`.execute(db);

  await sql`
    CREATE TABLE line_items (
      id TEXT PRIMARY KEY,
      job_id TEXT NOT NULL REFERENCES service_jobs(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('labor', 'part', 'fee', 'sublet')),
      description TEXT NOT NULL CHECK (length(trim(description)) > 0),
      quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
      unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
      unit_cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (unit_cost_cents >= 0),
      taxable INTEGER NOT NULL DEFAULT 1 CHECK (taxable IN (0, 1)),
      inventory_item_id TEXT REFERENCES inventory_items(id),
      part_number TEXT,
      approval_state TEXT NOT NULL DEFAULT 'recommended'
        CHECK (approval_state IN ('recommended', 'approved', 'declined', 'deferred')),
      approval_method TEXT
        CHECK (approval_method IS NULL OR approval_method IN ('in_person', 'phone', 'link', 'text', 'email')),
      approval_by TEXT,
      approval_recorded_by TEXT REFERENCES users(id),
      approval_at TEXT,
      deferred_reason TEXT,
      sort_order INTEGER NOT NULL DEFAULT 0,
      ${VERSION_AND_STAMPS}
    ) STRICT`.execute(db);
  await sql`CREATE INDEX line_items_job ON line_items(job_id, sort_order)`.execute(db);
  await sql`CREATE INDEX line_items_inventory_item ON line_items(inventory_item_id)`.execute(db);

  // Reusable job templates ("Oil change, synthetic", "Front brake pads and rotors") with their lines.
  await sql`
    CREATE TABLE canned_jobs (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
      title TEXT NOT NULL,
      concern TEXT NOT NULL DEFAULT '',
      lines TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(lines)),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      ${VERSION_AND_STAMPS}
    ) STRICT`.execute(db);
}
