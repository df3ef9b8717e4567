import { sql } from 'kysely';
import type { Db } from './database.js';

/**
 * The next number from a gapless counter (the `counters` table: repair orders, invoices, credit
 * notes). The UPDATE runs in the caller's transaction and holds SQLite's write lock until commit,
 * so two callers never get the same number and a rolled-back one gives its number back. `floor`
 * lets the owner start (or jump) numbering at a chosen value.
 */
export async function takeNextNumber(tx: Db, name: string, floor: number, at: string): Promise<number> {
  await tx
    .insertInto('counters')
    .values({ name, value: floor - 1, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await tx
    .updateTable('counters')
    .set({ value: sql<number>`max(value + 1, ${floor})`, updated_at: at })
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}
