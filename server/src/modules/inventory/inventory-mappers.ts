import type { Selectable } from 'kysely';
import type { StockMovementKind, StockMovementsTable, VendorsTable } from '../../db/tables/inventory.js';
import type { DomainEvents } from '../../events/domain-events.js';
import { type ItemRow } from './inventory.repository.js';
import type { InventoryItem, StockMovement, Vendor } from './inventory.schemas.js';
import { versionedRecordFields } from '../../lib/row-view.js';

/** Inventory rows as the API shows them, and the types the module's services share. */

export function toItem(row: ItemRow): InventoryItem {
  const reserved = Number(row.reserved);
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    binLocation: row.bin_location,
    vendorId: row.vendor_id,
    vendorPartNumber: row.vendor_part_number,
    quantityOnHand: row.quantity_on_hand,
    quantityReserved: reserved,
    quantityAvailable: row.quantity_on_hand - reserved,
    reorderLevel: row.reorder_level,
    costPriceCents: row.cost_price,
    sellPriceCents: row.sell_price,
    coreChargeCents: row.core_charge_cents,
    taxable: row.taxable === 1,
    active: row.active === 1,
    ...versionedRecordFields(row),
  };
}

export function toMovement(
  row: Selectable<StockMovementsTable>,
  names: ReadonlyMap<string, string>,
): StockMovement {
  return {
    id: row.id,
    itemId: row.item_id,
    kind: row.kind,
    quantity: row.quantity,
    quantityAfter: row.quantity_after,
    reason: row.reason,
    jobId: row.job_id,
    lineItemId: row.line_item_id,
    unitCostCents: row.unit_cost_cents,
    overrideReason: row.override_reason,
    actorUserId: row.actor_user_id,
    actorName: row.actor_user_id === null ? null : (names.get(row.actor_user_id) ?? null),
    at: row.at,
  };
}

export function toVendor(row: Selectable<VendorsTable>): Vendor {
  return {
    id: row.id,
    name: row.name,
    contactName: row.contact_name,
    phone: row.phone,
    email: row.email,
    accountNumber: row.account_number,
    notes: row.notes,
    active: row.active === 1,
    ...versionedRecordFields(row),
  };
}

/** One change of stock, as the ledger records it. */
export interface MovementDraft {
  itemId: string;
  kind: StockMovementKind;
  /** Signed whole units. */
  quantity: number;
  reason?: string | null;
  jobId?: string | null;
  lineItemId?: string | null;
  lineCycle?: number | null;
  unitCostCents?: number | null;
  overrideReason?: string | null;
  purchaseOrderLineId?: string | null;
}

/** What an inventoryChanged event says changed. */
export type InventoryChange = DomainEvents['inventoryChanged']['change'];

/** A stock part's price for a new job line: its sell price, else the pricing matrix on its cost. */
export interface PartPrice {
  unitPriceCents: number;
  unitCostCents: number;
}

/** How the parts of the module announce a change (InventoryService.announce). */
export type AnnounceInventory = (
  change: InventoryChange,
  ids?: { itemId?: string | null; purchaseOrderId?: string | null },
) => void;
