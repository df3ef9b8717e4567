import { sql, type Kysely } from 'kysely';

/**
 * A device may now be the shop's Home Assistant (issue 17, point 9): a read-only MQTT client that
 * sees the bays and printers through discovery. SQLite cannot change a CHECK constraint in place,
 * so the devices table is rebuilt with the wider list of kinds (its rows and index unchanged).
 * Foreign keys are off while the table is swapped (tables that name devices(id) would otherwise
 * refuse the drop) and checked before they are turned back on. The runner gives SQLite migrations
 * no transaction of their own (the pragma would be ignored inside one), so this one opens its own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await sql`BEGIN`.execute(db);
    try {
      await sql`
        CREATE TABLE devices_next (
          id TEXT PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN (
            'bay-sensor', 'obd-dongle', 'label-printer', 'kiosk', 'display', 'home-assistant'
          )),
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
      await sql`INSERT INTO devices_next SELECT * FROM devices`.execute(db);
      await sql`DROP TABLE devices`.execute(db);
      await sql`ALTER TABLE devices_next RENAME TO devices`.execute(db);
      await sql`CREATE INDEX devices_kind ON devices(kind)`.execute(db);
      const broken = await sql`PRAGMA foreign_key_check`.execute(db);
      if (broken.rows.length > 0)
        throw new Error(`foreign keys broken by the rebuild: ${JSON.stringify(broken.rows)}`);
      await sql`COMMIT`.execute(db);
    } catch (error) {
      await sql`ROLLBACK`.execute(db);
      throw error;
    }
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}
