import type { Generated } from 'kysely';
import type { Timestamps } from '../columns.js';

/** Tables owned by the inventory module (migrations 0002, 0010, 0020): parts, stock, purchasing. */
export interface InventoryItemsTable extends Timestamps {
  id: string;
  sku: string;
  name: string;
  quantity_on_hand: number;
  reorder_level: number;
  cost_price: number;
  sell_price: number;
  version: Generated<number>;
}

export interface VendorsTable extends Timestamps {
  id: string;
  name: string;
  contact_name: string | null;
  phone: string | null;
  email: string | null;
  account_number: string | null;
  notes: Generated<string>;
  active: Generated<number>;
  version: Generated<number>;
}

export type StockMovementKind = 'receive' | 'issue' | 'return' | 'adjust' | 'count';

/** One row per change of stock; an item's quantity_on_hand is the sum of its rows' quantity. */
export interface StockMovementsTable extends Timestamps {
  id: string;
  item_id: string;
  kind: StockMovementKind;
  /** Whole units, signed: + into stock, − out of stock. */
  quantity: number;
  quantity_after: number;
  reason: string | null;
  job_id: string | null;
  line_item_id: string | null;
  /** Which completion of the job this issue/return belongs to (unique per line, kind, cycle). */
  line_cycle: number | null;
  unit_cost_cents: number | null;
  override_reason: string | null;
  actor_user_id: string | null;
  purchase_order_line_id: string | null;
  at: string;
}

export type PurchaseOrderStatus = 'draft' | 'ordered' | 'partially_received' | 'received' | 'cancelled';

export interface PurchaseOrdersTable extends Timestamps {
  id: string;
  number: number;
  vendor_id: string;
  status: Generated<PurchaseOrderStatus>;
  notes: Generated<string>;
  ordered_at: string | null;
  version: Generated<number>;
}

export interface PurchaseOrderLinesTable extends Timestamps {
  id: string;
  purchase_order_id: string;
  item_id: string;
  quantity_ordered: number;
  quantity_received: Generated<number>;
  unit_cost_cents: number;
  sort_order: Generated<number>;
}

export interface PricingTiersTable extends Timestamps {
  id: string;
  min_cost_cents: number;
  markup_bp: number;
}

export interface InventoryTables {
  inventory_items: InventoryItemsTable;
  vendors: VendorsTable;
  stock_movements: StockMovementsTable;
  purchase_orders: PurchaseOrdersTable;
  purchase_order_lines: PurchaseOrderLinesTable;
  pricing_tiers: PricingTiersTable;
}

/**
 * Columns migration 0010 adds to the inventory_items table of migration 0002. Kept out of
 * InventoryItemsTable so code writing the original row (the seed) is unaffected; the inventory
 * repository sees them through `db.withTables<InventoryItemsExtension>()`.
 */
export interface InventoryItemExtraColumns {
  bin_location: string | null;
  vendor_id: string | null;
  /** The vendor's number for the part (migration 0020), searchable from "Add part". */
  vendor_part_number: string | null;
  core_charge_cents: Generated<number>;
  taxable: Generated<number>;
  active: Generated<number>;
}
