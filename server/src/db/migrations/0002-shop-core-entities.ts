import { sql, type Kysely } from 'kysely';
import { VERSION_AND_STAMPS } from '../migration-sql.js';

/**
 * The seed's core entities with all their fields (customers, vehicles, service_jobs,
 * inventory_items) and the technicians and bays that jobs point at. Repair orders, line items and
 * the rest arrive in later migrations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE customers (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      contact_info TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(contact_info)),
      preferences TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(preferences)),
      ${VERSION_AND_STAMPS}
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE vehicles (
      id TEXT PRIMARY KEY,
      customer_id TEXT NOT NULL REFERENCES customers(id),
      vin TEXT UNIQUE,
      make TEXT,
      model TEXT,
      year INTEGER CHECK (year IS NULL OR year BETWEEN 1886 AND 2100),
      telematics_id TEXT,
      ${VERSION_AND_STAMPS}
    ) STRICT`.execute(db);
  await sql`CREATE INDEX vehicles_customer_id ON vehicles(customer_id)`.execute(db);

  await sql`
    CREATE TABLE technicians (
      id TEXT PRIMARY KEY,
      user_id TEXT UNIQUE REFERENCES users(id),
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      skills TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(skills)),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      ${VERSION_AND_STAMPS}
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE bays (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
      capabilities TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(capabilities)),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      ${VERSION_AND_STAMPS}
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE service_jobs (
      id TEXT PRIMARY KEY,
      vehicle_id TEXT NOT NULL REFERENCES vehicles(id),
      status TEXT NOT NULL DEFAULT 'Pending'
        CHECK (status IN ('Pending', 'In_Progress', 'Blocked', 'Completed', 'Paid')),
      technician_id TEXT REFERENCES technicians(id),
      bay_id TEXT REFERENCES bays(id),
      scheduled_start TEXT,
      estimated_end TEXT,
      actual_start TEXT,
      actual_end TEXT,
      ${VERSION_AND_STAMPS}
    ) STRICT`.execute(db);
  await sql`CREATE INDEX service_jobs_vehicle_id ON service_jobs(vehicle_id)`.execute(db);
  await sql`CREATE INDEX service_jobs_status ON service_jobs(status)`.execute(db);
  await sql`CREATE INDEX service_jobs_technician_id ON service_jobs(technician_id)`.execute(db);
  await sql`CREATE INDEX service_jobs_bay_id ON service_jobs(bay_id)`.execute(db);

  await sql`
    CREATE TABLE inventory_items (
      id TEXT PRIMARY KEY,
      sku TEXT NOT NULL UNIQUE CHECK (length(trim(sku)) > 0),
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      quantity_on_hand INTEGER NOT NULL DEFAULT 0,
      reorder_level INTEGER NOT NULL DEFAULT 0 CHECK (reorder_level >= 0),
      cost_price INTEGER NOT NULL DEFAULT 0 CHECK (cost_price >= 0),
      sell_price INTEGER NOT NULL DEFAULT 0 CHECK (sell_price >= 0),
      ${VERSION_AND_STAMPS}
    ) STRICT`.execute(db);
}
