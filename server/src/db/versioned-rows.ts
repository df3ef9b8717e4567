import type { Kysely, UpdateQueryBuilder, UpdateResult, Updateable } from 'kysely';
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

/** A versioned table's key type. */
type RowKey<T extends VersionedTable> = DB[T] extends { id: infer K } ? K : never;

/** What a versioned write may set: any column but the key and the version (the write bumps that). */
export type VersionedChanges<T extends VersionedTable> = Omit<Updateable<DB[T]>, 'id' | 'version'>;

/**
 * A repository's update of one versioned table, typed once here so each repository writes only its
 * one line: `(db, ...args) => updateIfVersion(db.updateTable('<its table>'), ...args)`.
 */
export type UpdateIfVersion<T extends VersionedTable> = (
  db: Kysely<DB>,
  id: RowKey<T>,
  expectedVersion: number,
  changes: VersionedChanges<T>,
) => Promise<boolean>;

/**
 * Writes `changes` to row `id` and bumps its version, only if the row is still at
 * `expectedVersion`; true when it was (false: changed by someone else since, or gone).
 */
export async function updateIfVersion<T extends VersionedTable>(
  query: UpdateQueryBuilder<DB, T, T, UpdateResult>,
  id: RowKey<T>,
  expectedVersion: number,
  changes: VersionedChanges<T>,
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

/** The versioned tables whose rows belong to a customer. */
export type CustomerOwnedTable = {
  [T in VersionedTable]: DB[T] extends { customer_id: unknown } ? T : never;
}[VersionedTable];

/**
 * A customer merge: every row of `fromCustomerId` now belongs to `toCustomerId`, its version
 * bumped (a form open on it must read it again); how many rows moved.
 */
export async function moveToCustomer<T extends CustomerOwnedTable>(
  query: UpdateQueryBuilder<DB, T, T, UpdateResult>,
  fromCustomerId: string,
  toCustomerId: string,
  at: string,
): Promise<number> {
  const owned = query as unknown as UpdateQueryBuilder<
    { row: VersionedRow & { customer_id: string; updated_at: string } },
    'row',
    'row',
    UpdateResult
  >;
  const result = await owned
    .set((eb) => ({ customer_id: toCustomerId, updated_at: at, version: eb('version', '+', 1) }))
    .where('customer_id', '=', fromCustomerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
