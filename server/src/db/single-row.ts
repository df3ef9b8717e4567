import type {
  InsertQueryBuilder,
  InsertResult,
  Generated,
  SelectQueryBuilder,
  Selectable,
  UpdateQueryBuilder,
  UpdateResult,
} from 'kysely';
import type { DB } from './schema.js';
import { updateIfVersion, type VersionedChanges, type VersionedTable } from './versioned-rows.js';

/**
 * A module's settings kept as one versioned row (id 1) of JSON text: the shop's settings, the
 * notification settings. The caller starts each query on its own table (`db.selectFrom('shop_settings')`),
 * so the table stays named in its repository, where the table-ownership test reads it.
 */
export type SingleRowTable = {
  [T in keyof DB]: DB[T] extends { id: number; data: string; created_at: string; updated_at: string }
    ? T
    : never;
}[keyof DB];

/** The one key every such table uses. */
const ROW_ID = 1;

/** What the helpers need of the table: its key and its JSON text. */
interface SettingsRow {
  id: number;
  data: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** The row, or undefined before anyone saved settings. */
export function findSingleRow<T extends SingleRowTable>(
  from: SelectQueryBuilder<DB, T, object>,
): Promise<Selectable<DB[T]> | undefined> {
  // Kysely cannot type `id` on a table it does not know yet: the same builder, seen as one table.
  const query = from as unknown as SelectQueryBuilder<{ row: SettingsRow }, 'row', object>;
  return query.selectAll().where('id', '=', ROW_ID).executeTakeFirst() as Promise<
    Selectable<DB[T]> | undefined
  >;
}

/** Writes the first row; a row already there (a concurrent first write) is left as it is. */
export async function insertSingleRow<T extends SingleRowTable>(
  into: InsertQueryBuilder<DB, T, InsertResult>,
  data: string,
  at: string,
): Promise<void> {
  const query = into as unknown as InsertQueryBuilder<{ row: SettingsRow }, 'row', InsertResult>;
  await query
    .values({ id: ROW_ID, data, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Replaces the JSON text if the row is still at `expectedVersion` (true when it was). */
export function updateSingleRowIfVersion<T extends SingleRowTable & VersionedTable>(
  table: UpdateQueryBuilder<DB, T, T, UpdateResult>,
  data: string,
  expectedVersion: number,
  at: string,
): Promise<boolean> {
  const changes = { data, updated_at: at } as unknown as VersionedChanges<T>;
  return updateIfVersion(table, ROW_ID as Parameters<typeof updateIfVersion<T>>[1], expectedVersion, changes);
}
