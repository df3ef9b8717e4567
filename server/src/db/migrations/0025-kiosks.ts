import { sql, type Kysely } from 'kysely';

/**
 * The check-in kiosk's pairing (issue 18, point 1): each kiosk device's token hash and label
 * printer, and the pending pairing codes (hashed, one per device). Device ids are not foreign keys,
 * like the other floor tables: a revoked device keeps its row and its history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE kiosks (
      device_id TEXT PRIMARY KEY,
      token_hash TEXT UNIQUE,
      paired_at TEXT,
      label_printer_device_id TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`
    CREATE TABLE kiosk_pairing_codes (
      device_id TEXT PRIMARY KEY,
      code_hash TEXT NOT NULL UNIQUE,
      expires_at TEXT NOT NULL,
      created_by TEXT,
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
}
