import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * The health check's write: one small committed change to the probe row. Through Kysely, so it
 * waits its turn behind an open transaction on the shared connection instead of joining it.
 */
export async function touchWriteProbe(db: Db, at: string): Promise<void> {
  await db
    .updateTable('system_write_probe')
    .set((eb) => ({ writes: eb('writes', '+', 1), updated_at: at }))
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
}

/** The health check's read: throws when the database cannot answer at all. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
