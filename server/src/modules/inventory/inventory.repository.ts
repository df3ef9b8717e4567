import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import { newestFirst } from '../../db/history-rows.js';
import { updateIfVersion, type UpdateIfVersion } from '../../db/versioned-rows.js';
import type {
  InventoryItemExtraColumns,
  InventoryItemsTable,
  StockMovementsTable,
  VendorsTable,
} from '../../db/tables/inventory.js';

type ItemTable = InventoryItemsTable & InventoryItemExtraColumns;

/** The database as the inventory module sees it: inventory_items with migration 0010's columns. */
function inv(db: Db) {
  return db.withTables<{ inventory_items: ItemTable }>();
}

function itemsWithReserved(db: Db) {
  return (
    inv(db)
      .selectFrom('inventory_items as i')
      // reserved_stock is the repair-orders module's published view (migration 0014).
      .leftJoin('reserved_stock as r', 'r.item_id', 'i.id')
      .selectAll('i')
      .select(sql<number>`coalesce(r.reserved, 0)`.as('reserved'))
  );
}

export type ItemRow = Awaited<ReturnType<typeof findItem>> & object;

export function findItem(db: Db, id: string) {
  return itemsWithReserved(db).where('i.id', '=', id).executeTakeFirst();
}

export function findItemsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return itemsWithReserved(db).where('i.id', 'in', ids).execute();
}

export function findItemBySku(db: Db, sku: string) {
  return db.selectFrom('inventory_items').select(['id']).where('sku', '=', sku).executeTakeFirst();
}

export function listItems(
  db: Db,
  filters: {
    q?: string | undefined;
    lowStock?: boolean | undefined;
    includeInactive?: boolean | undefined;
    limit: number;
  },
) {
  let query = itemsWithReserved(db);
  if (filters.q !== undefined) {
    const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`i.sku LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`i.name LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`i.vendor_part_number LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`i.bin_location LIKE ${like} ESCAPE '\\'`,
      ]),
    );
  }
  if (filters.lowStock === true) query = query.whereRef('i.quantity_on_hand', '<=', 'i.reorder_level');
  if (filters.includeInactive !== true) query = query.where('i.active', '=', 1);
  return query.orderBy('i.sku').limit(filters.limit).execute();
}

/** Active items at or below their reorder level, with their vendor. */
export function listReorderCandidates(db: Db) {
  return itemsWithReserved(db)
    .leftJoin('vendors as v', 'v.id', 'i.vendor_id')
    .select('v.name as vendor_name')
    .where('i.active', '=', 1)
    .whereRef('i.quantity_on_hand', '<=', 'i.reorder_level')
    .orderBy('v.name')
    .orderBy('i.sku')
    .execute();
}

export async function insertItem(db: Db, row: Insertable<ItemTable>): Promise<void> {
  await inv(db).insertInto('inventory_items').values(row).execute();
}

export async function updateItemIfVersion(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<ItemTable>,
): Promise<boolean> {
  const result = await inv(db)
    .updateTable('inventory_items')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Moves stock by `delta` and returns the new quantity (the caller writes the ledger row). */
export async function addToQuantity(db: Db, id: string, delta: number, at: string): Promise<number> {
  const row = await db
    .updateTable('inventory_items')
    .set({
      quantity_on_hand: sql<number>`quantity_on_hand + ${delta}`,
      version: sql<number>`version + 1`,
      updated_at: at,
    })
    .where('id', '=', id)
    .returning('quantity_on_hand')
    .executeTakeFirstOrThrow();
  return row.quantity_on_hand;
}

export async function insertMovement(db: Db, row: Insertable<StockMovementsTable>): Promise<void> {
  await db.insertInto('stock_movements').values(row).execute();
}

export function findMovement(db: Db, id: string) {
  return db.selectFrom('stock_movements').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export function listMovements(db: Db, itemId: string, limit: number) {
  return newestFirst(db.selectFrom('stock_movements'), ['item_id', itemId], ['at', 'created_at'], limit);
}

/** Items whose cached quantity_on_hand differs from the sum of their ledger rows. */
export function findLedgerMismatches(db: Db, itemId?: string) {
  let query = db
    .selectFrom('inventory_items as i')
    .leftJoin(
      db
        .selectFrom('stock_movements')
        .select(['item_id', sql<number>`sum(quantity)`.as('total')])
        .groupBy('item_id')
        .as('m'),
      'm.item_id',
      'i.id',
    )
    .select(['i.id', 'i.sku', 'i.quantity_on_hand', sql<number>`coalesce(m.total, 0)`.as('ledger_sum')])
    .where(sql<boolean>`i.quantity_on_hand <> coalesce(m.total, 0)`);
  if (itemId !== undefined) query = query.where('i.id', '=', itemId);
  return query.execute();
}

export async function countItems(db: Db, itemId?: string): Promise<number> {
  let query = db.selectFrom('inventory_items').select((eb) => eb.fn.countAll<number>().as('n'));
  if (itemId !== undefined) query = query.where('id', '=', itemId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many times each line has been issued so far (its next issue's cycle). */
export async function issueCountsOfLines(db: Db, lineIds: readonly string[]): Promise<Map<string, number>> {
  if (lineIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('stock_movements')
    .select(['line_item_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('line_item_id', 'in', lineIds)
    .where('kind', '=', 'issue')
    .groupBy('line_item_id')
    .execute();
  return new Map(rows.map((r) => [r.line_item_id!, Number(r.n)]));
}

export function listVendors(db: Db) {
  return db.selectFrom('vendors').selectAll().orderBy('name').execute();
}

export function findVendor(db: Db, id: string) {
  return db.selectFrom('vendors').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findVendorByName(db: Db, name: string) {
  return db.selectFrom('vendors').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function insertVendor(db: Db, row: Insertable<VendorsTable>): Promise<void> {
  await db.insertInto('vendors').values(row).execute();
}

export const updateVendorIfVersion: UpdateIfVersion<'vendors'> = (db, ...args) =>
  updateIfVersion(db.updateTable('vendors'), ...args);
