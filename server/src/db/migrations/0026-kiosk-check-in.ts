import { sql, type Kysely } from 'kysely';

/**
 * The check-in kiosk (issue 18): the refs a kiosk was given by its lookups (hashed, kiosk-bound,
 * expiring), the check-ins (one per repair order, idempotent per kiosk and request id, with the
 * signed authorization's snapshot) and the appointment reminders' check-in codes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE kiosk_refs (
      ref_hash TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('customer', 'vehicle', 'appointment')),
      target_id TEXT NOT NULL,
      customer_id TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX kiosk_refs_expiry ON kiosk_refs(expires_at)`.execute(db);

  await sql`
    CREATE TABLE kiosk_check_ins (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      kiosk_name TEXT NOT NULL,
      request_id TEXT NOT NULL,
      repair_order_id TEXT NOT NULL UNIQUE REFERENCES repair_orders(id),
      appointment_id TEXT,
      customer_id TEXT NOT NULL,
      vehicle_id TEXT NOT NULL,
      tag_number INTEGER NOT NULL CHECK (tag_number BETWEEN 1 AND 999),
      flags TEXT NOT NULL CHECK (json_valid(flags) AND json_type(flags) = 'array'),
      language TEXT NOT NULL CHECK (language IN ('en', 'es')),
      contact_channel TEXT NOT NULL CHECK (contact_channel IN ('sms', 'email', 'phone')),
      signer_name TEXT NOT NULL,
      signature_hash TEXT NOT NULL REFERENCES media_files(hash),
      authorization_text TEXT NOT NULL,
      authorization_sha256 TEXT NOT NULL,
      result TEXT NOT NULL CHECK (json_valid(result)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (device_id, request_id)
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE kiosk_reminder_codes (
      appointment_id TEXT PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
}
