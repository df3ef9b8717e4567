import { sql, type Kysely } from 'kysely';

/**
 * The shop floor's devices (issue 17): one row per paired device (bay sensor, OBD dongle, label
 * printer, kiosk, display). The MQTT client id and username are the row's id; the password is
 * random and only its SHA-256 is kept. Counters (bad messages, refusals) and the last error are
 * what the owner sees in Settings → Devices.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE devices (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('bay-sensor', 'obd-dongle', 'label-printer', 'kiosk', 'display')),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
      bay_id TEXT REFERENCES bays(id),
      password_hash TEXT NOT NULL,
      created_by TEXT REFERENCES users(id),
      revoked_at TEXT,
      last_seen_at TEXT,
      firmware TEXT,
      model TEXT,
      bad_messages INTEGER NOT NULL DEFAULT 0 CHECK (bad_messages >= 0),
      last_error TEXT,
      last_error_at TEXT,
      refusals INTEGER NOT NULL DEFAULT 0 CHECK (refusals >= 0),
      last_refusal TEXT,
      last_refusal_at TEXT,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX devices_kind ON devices(kind)`.execute(db);
}
