import { sql, type Kysely } from 'kysely';
import { VERSION_AND_STAMPS } from '../migration-sql.js';

/** Shop settings, counters, technician and bay details, display tokens. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row: the shop's own settings as a JSON document validated by the settings module.
  await sql`
    CREATE TABLE shop_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      data TEXT NOT NULL CHECK (json_valid(data)),
      ${VERSION_AND_STAMPS}
    ) STRICT`.execute(db);

  // Gapless human numbers (repair orders, invoices): incremented inside the transaction that
  // uses the number, so a rollback gives the number back.
  await sql`
    CREATE TABLE counters (
      name TEXT PRIMARY KEY,
      value INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  await sql`ALTER TABLE technicians ADD COLUMN color TEXT`.execute(db);
  await sql`ALTER TABLE bays ADD COLUMN sort_order INTEGER NOT NULL DEFAULT 0`.execute(db);

  await sql`
    CREATE TABLE display_tokens (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      token_hash TEXT NOT NULL UNIQUE,
      created_by TEXT REFERENCES users(id),
      last_used_at TEXT,
      revoked_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
}
