import { sql, type Kysely } from 'kysely';

/** Vehicles: plate and region, decoded details, latest odometer, odometer history, ownership history. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Plates are stored normalized: upper case, letters and digits only ("abc-1234" → "ABC1234").
  await sql`ALTER TABLE vehicles ADD COLUMN license_plate TEXT`.execute(db);
  await sql`ALTER TABLE vehicles ADD COLUMN plate_region TEXT`.execute(db);
  await sql`ALTER TABLE vehicles ADD COLUMN trim TEXT`.execute(db);
  await sql`ALTER TABLE vehicles ADD COLUMN engine TEXT`.execute(db);
  await sql`ALTER TABLE vehicles ADD COLUMN body TEXT`.execute(db);
  await sql`ALTER TABLE vehicles ADD COLUMN color TEXT`.execute(db);
  await sql`ALTER TABLE vehicles ADD COLUMN odometer INTEGER CHECK (odometer IS NULL OR odometer >= 0)`.execute(
    db,
  );
  await sql`ALTER TABLE vehicles ADD COLUMN odometer_unit TEXT NOT NULL DEFAULT 'mi' CHECK (odometer_unit IN ('mi', 'km'))`.execute(
    db,
  );
  // The reason an advisor gave for keeping a VIN whose North-American check digit is wrong.
  await sql`ALTER TABLE vehicles ADD COLUMN vin_check_override TEXT`.execute(db);
  await sql`ALTER TABLE vehicles ADD COLUMN notes TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`CREATE INDEX vehicles_license_plate ON vehicles(license_plate)`.execute(db);

  await sql`
    CREATE TABLE odometer_readings (
      id TEXT PRIMARY KEY,
      vehicle_id TEXT NOT NULL REFERENCES vehicles(id),
      reading INTEGER NOT NULL CHECK (reading >= 0),
      unit TEXT NOT NULL DEFAULT 'mi' CHECK (unit IN ('mi', 'km')),
      source TEXT NOT NULL CHECK (source IN ('check-in', 'manual', 'obd', 'appointment')),
      repair_order_id TEXT REFERENCES repair_orders(id),
      recorded_at TEXT NOT NULL,
      recorded_by TEXT REFERENCES users(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX odometer_readings_vehicle ON odometer_readings(vehicle_id, recorded_at)`.execute(db);

  // Who owned the vehicle when: a transfer ends one row and starts another; history stays with the car.
  await sql`
    CREATE TABLE vehicle_ownerships (
      id TEXT PRIMARY KEY,
      vehicle_id TEXT NOT NULL REFERENCES vehicles(id),
      customer_id TEXT NOT NULL REFERENCES customers(id),
      started_at TEXT NOT NULL,
      ended_at TEXT,
      note TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX vehicle_ownerships_vehicle ON vehicle_ownerships(vehicle_id, started_at)`.execute(
    db,
  );
  await sql`CREATE INDEX vehicle_ownerships_customer ON vehicle_ownerships(customer_id)`.execute(db);
}
