import { sql, type Kysely } from 'kysely';

/**
 * Health (issue 14): one row that the health check rewrites now and then, so that "the database
 * answers" also means "the database can save" (a full or read-only disk still answers reads).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE system_write_probe (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      writes INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`
    INSERT INTO system_write_probe (id, writes, created_at, updated_at)
    VALUES (1, 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`.execute(db);
}
