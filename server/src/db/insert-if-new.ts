import type { InsertResult } from 'kysely';

/**
 * Runs an `INSERT … ON CONFLICT DO NOTHING` (an idempotency key, a device's seq, a unique name):
 * true when the row went in, false when one was already there, so a repeat is told from a first.
 */
export async function insertIfNew(query: { executeTakeFirst(): Promise<InsertResult> }): Promise<boolean> {
  const result = await query.executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}
