import { sql, type Kysely } from 'kysely';

/**
 * A device may now be the shop's Home Assistant (issue 17, point 9): a read-only MQTT client that
 * sees the bays and printers through discovery. SQLite cannot change a CHECK constraint in place,
 * so the devices table is rebuilt from its own definition with the wider list of kinds (its rows and
 * index unchanged).
 * Foreign keys are off while the table is swapped (tables that name devices(id) would otherwise
 * refuse the drop) and checked before they are turned back on. The runner gives SQLite migrations
 * no transaction of their own (the pragma would be ignored inside one), so this one opens its own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await sql`BEGIN`.execute(db);
    try {
      // The table as 0021 made it, with the one change: the same columns, in the same order.
      const made = await sql<{ sql: string }>`
        SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'devices'`.execute(db);
      const before = made.rows[0]?.sql ?? '';
      const after = before
        .replace(/^CREATE TABLE devices \(/, 'CREATE TABLE devices_next (')
        .replace("'kiosk', 'display'))", "'kiosk', 'display', 'home-assistant'))");
      if (!after.startsWith('CREATE TABLE devices_next') || !after.includes("'home-assistant'"))
        throw new Error(`the devices table is not the one 0021 made: ${before}`);
      await sql.raw(after).execute(db);
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
