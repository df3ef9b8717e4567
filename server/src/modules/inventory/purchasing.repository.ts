import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import { updateIfVersion, type UpdateIfVersion } from '../../db/versioned-rows.js';
import type {
  PricingTiersTable,
  PurchaseOrderLinesTable,
  PurchaseOrdersTable,
  PurchaseOrderStatus,
} from '../../db/tables/inventory.js';

export function findPurchaseOrder(db: Db, id: string) {
  return db
    .selectFrom('purchase_orders as po')
    .innerJoin('vendors as v', 'v.id', 'po.vendor_id')
    .selectAll('po')
    .select('v.name as vendor_name')
    .where('po.id', '=', id)
    .executeTakeFirst();
}

export function listPurchaseOrders(db: Db, status: PurchaseOrderStatus | undefined) {
  let query = db
    .selectFrom('purchase_orders as po')
    .innerJoin('vendors as v', 'v.id', 'po.vendor_id')
    .selectAll('po')
    .select('v.name as vendor_name');
  if (status !== undefined) query = query.where('po.status', '=', status);
  return query.orderBy('po.number', 'desc').limit(500).execute();
}

export function listPurchaseOrderLines(db: Db, poIds: readonly string[]) {
  if (poIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('purchase_order_lines as l')
    .innerJoin('inventory_items as i', 'i.id', 'l.item_id')
    .selectAll('l')
    .select(['i.sku', 'i.name'])
    .where('l.purchase_order_id', 'in', poIds)
    .orderBy('l.sort_order')
    .execute();
}

export async function nextPurchaseOrderNumber(db: Db): Promise<number> {
  const row = await db
    .selectFrom('purchase_orders')
    .select(sql<number>`coalesce(max(number), 0) + 1`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertPurchaseOrder(db: Db, row: Insertable<PurchaseOrdersTable>): Promise<void> {
  await db.insertInto('purchase_orders').values(row).execute();
}

export async function insertPurchaseOrderLines(
  db: Db,
  rows: Insertable<PurchaseOrderLinesTable>[],
): Promise<void> {
  await db.insertInto('purchase_order_lines').values(rows).execute();
}

export const updatePurchaseOrderIfVersion: UpdateIfVersion<'purchase_orders'> = (db, ...args) =>
  updateIfVersion(db.updateTable('purchase_orders'), ...args);

export async function addReceived(db: Db, lineId: string, quantity: number, at: string): Promise<void> {
  await db
    .updateTable('purchase_order_lines')
    .set({ quantity_received: sql<number>`quantity_received + ${quantity}`, updated_at: at })
    .where('id', '=', lineId)
    .execute();
}

export function listPricingTiers(db: Db) {
  return db.selectFrom('pricing_tiers').selectAll().orderBy('min_cost_cents').execute();
}

export async function replacePricingTiers(db: Db, rows: Insertable<PricingTiersTable>[]): Promise<void> {
  await db.deleteFrom('pricing_tiers').execute();
  if (rows.length > 0) await db.insertInto('pricing_tiers').values(rows).execute();
}
