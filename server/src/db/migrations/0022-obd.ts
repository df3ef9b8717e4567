import { sql, type Kysely } from 'kysely';

/**
 * OBD (issue 17): scans of a car's codes (from the counter's ELM327 adapter or an MQTT dongle),
 * dongle reports whose VIN matches no vehicle yet, odometer readings waiting for a confirmation
 * because they are lower than the last one, and dongle telemetry: raw rows for a while (config
 * obdTelemetryRawDays), and one roll-up row per device and day for ever.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE obd_scans (
      id TEXT PRIMARY KEY,
      vehicle_id TEXT NOT NULL REFERENCES vehicles(id),
      repair_order_id TEXT REFERENCES repair_orders(id),
      source TEXT NOT NULL CHECK (source IN ('serial', 'mqtt')),
      device_id TEXT,
      seq INTEGER,
      vin TEXT,
      protocol TEXT,
      mil_on INTEGER CHECK (mil_on IN (0, 1)),
      stored_codes TEXT NOT NULL DEFAULT '[]',
      pending_codes TEXT NOT NULL DEFAULT '[]',
      permanent_codes TEXT,
      readiness TEXT,
      battery_volts REAL,
      odometer_km REAL,
      freeze_frame TEXT,
      scanned_at TEXT NOT NULL,
      scanned_by TEXT REFERENCES users(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((source = 'mqtt') = (device_id IS NOT NULL AND seq IS NOT NULL))
    ) STRICT`.execute(db);
  await sql`CREATE INDEX obd_scans_vehicle ON obd_scans (vehicle_id, scanned_at)`.execute(db);
  await sql`CREATE INDEX obd_scans_repair_order ON obd_scans (repair_order_id) WHERE repair_order_id IS NOT NULL`.execute(
    db,
  );
  // A dongle's report counted once, however often it is sent again.
  await sql`CREATE UNIQUE INDEX obd_scans_device_seq ON obd_scans (device_id, seq) WHERE device_id IS NOT NULL`.execute(
    db,
  );

  await sql`
    CREATE TABLE obd_unmatched (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      device_name TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('telemetry', 'dtc')),
      seq INTEGER NOT NULL,
      vin TEXT,
      payload TEXT NOT NULL,
      received_at TEXT NOT NULL,
      attached_vehicle_id TEXT REFERENCES vehicles(id),
      attached_at TEXT,
      attached_by TEXT REFERENCES users(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX obd_unmatched_device_seq ON obd_unmatched (device_id, channel, seq)`.execute(
    db,
  );
  await sql`CREATE INDEX obd_unmatched_waiting ON obd_unmatched (received_at) WHERE attached_vehicle_id IS NULL`.execute(
    db,
  );

  await sql`
    CREATE TABLE obd_odometer_holds (
      id TEXT PRIMARY KEY,
      vehicle_id TEXT NOT NULL REFERENCES vehicles(id),
      reading_km INTEGER NOT NULL CHECK (reading_km >= 0),
      source TEXT NOT NULL CHECK (source IN ('serial', 'mqtt')),
      device_id TEXT,
      read_at TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'confirmed')),
      resolved_by TEXT REFERENCES users(id),
      resolved_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX obd_odometer_holds_vehicle ON obd_odometer_holds (vehicle_id, status)`.execute(db);

  await sql`
    CREATE TABLE obd_devices (
      device_id TEXT PRIMARY KEY,
      last_vin TEXT,
      last_telemetry_seq INTEGER,
      last_dtc_seq INTEGER,
      odometer_recorded_km INTEGER,
      odometer_recorded_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE obd_telemetry (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      vehicle_id TEXT REFERENCES vehicles(id),
      vin TEXT,
      device_at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      odometer_km REAL,
      battery_volts REAL,
      fuel_percent REAL,
      mil_on INTEGER CHECK (mil_on IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX obd_telemetry_device_seq ON obd_telemetry (device_id, seq)`.execute(db);
  await sql`CREATE INDEX obd_telemetry_received ON obd_telemetry (received_at)`.execute(db);

  await sql`
    CREATE TABLE obd_telemetry_daily (
      device_id TEXT NOT NULL,
      day TEXT NOT NULL,
      vehicle_id TEXT REFERENCES vehicles(id),
      samples INTEGER NOT NULL,
      battery_min REAL,
      battery_max REAL,
      battery_sum REAL NOT NULL DEFAULT 0,
      battery_count INTEGER NOT NULL DEFAULT 0,
      fuel_min REAL,
      fuel_max REAL,
      odometer_min_km REAL,
      odometer_max_km REAL,
      mil_on_samples INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (device_id, day)
    ) STRICT`.execute(db);
}
