import type { UpdateQueryBuilder, UpdateResult, Updateable } from 'kysely';
import type { DB } from './schema.js';

/**
 * Optimistic concurrency, written once (DESIGN.md: every editable row has a `version`; a PATCH
 * names the version it read, and a stale one is a 412). The caller starts the query on its own
 * table (`db.updateTable('bays')`), so the table it writes stays visible where it is written (the
 * table-ownership test reads those calls).
 */

/** The tables whose rows carry an `id` and a `version`. */
export type VersionedTable = {
  [T in keyof DB]: DB[T] extends { id: unknown; version: unknown } ? T : never;
}[keyof DB];

/** What the helper needs of a table: its key and its version (column names are plain text to SQL). */
interface VersionedRow {
  id: string | number;
  version: number;
}

/**
 * Writes `changes` to row `id` and bumps its version, only if the row is still at
 * `expectedVersion`; true when it was (false: changed by someone else since, or gone).
 */
export async function updateIfVersion<T extends VersionedTable>(
  query: UpdateQueryBuilder<DB, T, T, UpdateResult>,
  id: DB[T] extends { id: infer K } ? K : never,
  expectedVersion: number,
  changes: Omit<Updateable<DB[T]>, 'id' | 'version'>,
): Promise<boolean> {
  // Kysely cannot type `version` on a table it does not know yet: the same builder, seen as one
  // table with just the two columns every versioned table has.
  const versioned = query as unknown as UpdateQueryBuilder<{ row: VersionedRow }, 'row', 'row', UpdateResult>;
  const result = await versioned
    .set((eb) => ({ ...(changes as Updateable<VersionedRow>), version: eb('version', '+', 1) }))
    .where('id', '=', id as string | number)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
