import type { StockedPartLine } from '../repair-orders/jobs.service.js';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { problems, type FieldError } from '../../lib/problem.js';
import { rowAtVersion, staleVersionProblem, orNotFound } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { UsersService } from '../users/users.service.js';
import { sellPriceFromMatrix } from './pricing.js';
import { listPricingTiers } from './purchasing.repository.js';
import {
  findItem,
  findItemBySku,
  findVendor,
  insertItem,
  listItems,
  listReorderCandidates,
  updateItemIfVersion,
} from './inventory.repository.js';
import type {
  CreateItemInput,
  InventoryItem,
  ItemListFilters,
  UpdateItemInput,
} from './inventory.schemas.js';
import { inTransaction } from '../../db/after-commit.js';
import { type AnnounceInventory, type InventoryChange, type PartPrice, toItem } from './inventory-mappers.js';
import { StockLedgerService } from './stock-ledger.service.js';
import { VendorsService } from './vendors.service.js';

/**
 * Parts on the shelf: items (with reservations computed from approved part lines), their prices
 * for job lines, and reorder suggestions. The stock-movement ledger is StockLedgerService
 * (`ledger`), vendors are VendorsService (`vendors`).
 */
export class InventoryService {
  readonly ledger: StockLedgerService;
  readonly vendors: VendorsService;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly users: UsersService,
  ) {
    const announce: AnnounceInventory = (change, ids) => this.announce(change, ids);
    this.ledger = new StockLedgerService(db, clock, audit, users, announce);
    this.vendors = new VendorsService(db, clock, audit, announce);
  }

  /**
   * The inventoryChanged event of a change, sent once its transaction committed (the `inventory`
   * topic: every inventory screen reloads on it). Purchasing announces through this too.
   */
  announce(
    change: InventoryChange,
    ids: { itemId?: string | null; purchaseOrderId?: string | null } = {},
  ): void {
    this.events.emit('inventoryChanged', {
      itemId: ids.itemId ?? null,
      purchaseOrderId: ids.purchaseOrderId ?? null,
      change,
      at: this.clock.now().toISOString(),
    });
  }

  /**
   * The price of a stock part on a new job line, read in the caller's transaction: the item's sell
   * price, or when it has none (0) the pricing matrix on its cost (0 when no tier covers it).
   * Undefined for an unknown item. The repair-orders module gets this as its PartPricer (app.ts).
   */
  async priceFor(db: Db, itemId: string): Promise<PartPrice | undefined> {
    const item = await findItem(db, itemId);
    if (item === undefined) return undefined;
    if (item.sell_price > 0) return { unitPriceCents: item.sell_price, unitCostCents: item.cost_price };
    const tiers = (await listPricingTiers(db)).map((t) => ({
      minCostCents: t.min_cost_cents,
      markupBasisPoints: t.markup_bp,
    }));
    return {
      unitPriceCents: sellPriceFromMatrix(item.cost_price, tiers) ?? 0,
      unitCostCents: item.cost_price,
    };
  }

  async list(filters: ItemListFilters): Promise<InventoryItem[]> {
    const rows = await listItems(this.db, {
      q: filters.q?.trim() || undefined,
      lowStock: filters.lowStock,
      includeInactive: filters.includeInactive,
      limit: filters.limit ?? 100,
    });
    return rows.map(toItem);
  }

  async get(id: string): Promise<InventoryItem> {
    const row = orNotFound(await findItem(this.db, id), 'inventory item', id);
    return toItem(row);
  }

  async create(actor: Actor, input: CreateItemInput): Promise<InventoryItem> {
    const item = await inTransaction(this.db, async (tx) => {
      const sku = input.sku.trim();
      const errors: FieldError[] = [];
      if (sku === '') errors.push({ path: 'sku', message: 'must not be blank' });
      if (input.name.trim() === '') errors.push({ path: 'name', message: 'must not be blank' });
      if (input.vendorId != null && (await findVendor(tx, input.vendorId)) === undefined)
        errors.push({ path: 'vendorId', message: 'no vendor has this id' });
      if (errors.length > 0) throw problems.validation(errors);
      await this.ensureSkuFree(tx, sku, null);
      const at = this.clock.now().toISOString();
      const id = newId();
      await insertItem(tx, {
        id,
        sku,
        name: input.name.trim(),
        bin_location: input.binLocation?.trim() || null,
        vendor_id: input.vendorId ?? null,
        vendor_part_number: input.vendorPartNumber?.trim() || null,
        quantity_on_hand: 0,
        reorder_level: input.reorderLevel ?? 0,
        cost_price: input.costPriceCents ?? 0,
        sell_price: input.sellPriceCents ?? 0,
        core_charge_cents: input.coreChargeCents ?? 0,
        taxable: input.taxable === false ? 0 : 1,
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(tx, actor, {
        action: 'inventory_item.created',
        entityType: 'inventory_item',
        entityId: id,
        data: { sku, costPriceCents: input.costPriceCents ?? 0, sellPriceCents: input.sellPriceCents ?? 0 },
      });
      if ((input.quantityOnHand ?? 0) > 0)
        await this.ledger.move(tx, actor, {
          itemId: id,
          kind: 'count',
          quantity: input.quantityOnHand!,
          reason: 'opening stock',
        });
      return toItem((await findItem(tx, id))!);
    });
    this.announce('item_created', { itemId: item.id });
    return item;
  }

  async update(actor: Actor, id: string, input: UpdateItemInput): Promise<InventoryItem> {
    const item = await inTransaction(this.db, async (tx) => {
      const current = rowAtVersion(await findItem(tx, id), 'inventory item', id, input.version, toItem);
      const errors: FieldError[] = [];
      if (input.sku !== undefined && input.sku.trim() === '')
        errors.push({ path: 'sku', message: 'must not be blank' });
      if (input.name !== undefined && input.name.trim() === '')
        errors.push({ path: 'name', message: 'must not be blank' });
      if (input.vendorId != null && (await findVendor(tx, input.vendorId)) === undefined)
        errors.push({ path: 'vendorId', message: 'no vendor has this id' });
      if (errors.length > 0) throw problems.validation(errors);
      if (input.sku !== undefined) await this.ensureSkuFree(tx, input.sku.trim(), id);
      const ok = await updateItemIfVersion(tx, id, input.version, {
        ...(input.sku === undefined ? {} : { sku: input.sku.trim() }),
        ...(input.name === undefined ? {} : { name: input.name.trim() }),
        ...(input.binLocation === undefined ? {} : { bin_location: input.binLocation?.trim() || null }),
        ...(input.vendorId === undefined ? {} : { vendor_id: input.vendorId }),
        ...(input.vendorPartNumber === undefined
          ? {}
          : { vendor_part_number: input.vendorPartNumber?.trim() || null }),
        ...(input.reorderLevel === undefined ? {} : { reorder_level: input.reorderLevel }),
        ...(input.costPriceCents === undefined ? {} : { cost_price: input.costPriceCents }),
        ...(input.sellPriceCents === undefined ? {} : { sell_price: input.sellPriceCents }),
        ...(input.coreChargeCents === undefined ? {} : { core_charge_cents: input.coreChargeCents }),
        ...(input.taxable === undefined ? {} : { taxable: input.taxable ? 1 : 0 }),
        ...(input.active === undefined ? {} : { active: input.active ? 1 : 0 }),
        updated_at: this.clock.now().toISOString(),
      });
      if (!ok) throw staleVersionProblem('inventory item', current.version + 1);
      const fields = Object.keys(input).filter((k) => k !== 'version');
      await this.audit.record(tx, actor, {
        action: 'inventory_item.updated',
        entityType: 'inventory_item',
        entityId: id,
        data: {
          fields,
          ...(input.costPriceCents === undefined
            ? {}
            : { costPriceCents: { from: current.cost_price, to: input.costPriceCents } }),
          ...(input.sellPriceCents === undefined
            ? {}
            : { sellPriceCents: { from: current.sell_price, to: input.sellPriceCents } }),
        },
      });
      return toItem((await findItem(tx, id))!);
    });
    this.announce('item_updated', { itemId: id });
    return item;
  }

  /** An item as stored, read in the caller's transaction (undefined when unknown). */
  async read(db: Db, id: string): Promise<InventoryItem | undefined> {
    const row = await findItem(db, id);
    return row === undefined ? undefined : toItem(row);
  }

  /**
   * Sets an item's cost (and sell price) in the caller's transaction: purchasing calls it when a
   * receipt changes the moving-average cost. Audited with before and after.
   */
  async setCostInTransaction(
    tx: Db,
    actor: Actor,
    itemId: string,
    prices: { costPriceCents: number; sellPriceCents: number },
    cause: Record<string, unknown>,
  ): Promise<void> {
    const current = (await findItem(tx, itemId))!;
    if (current.cost_price === prices.costPriceCents && current.sell_price === prices.sellPriceCents) return;
    await updateItemIfVersion(tx, itemId, current.version, {
      cost_price: prices.costPriceCents,
      sell_price: prices.sellPriceCents,
      updated_at: this.clock.now().toISOString(),
    });
    await this.audit.record(tx, actor, {
      action: 'inventory_item.cost_changed',
      entityType: 'inventory_item',
      entityId: itemId,
      data: {
        costPriceCents: { from: current.cost_price, to: prices.costPriceCents },
        sellPriceCents: { from: current.sell_price, to: prices.sellPriceCents },
        ...cause,
      },
    });
  }

  async reorderSuggestions() {
    const rows = await listReorderCandidates(this.db);
    return rows.map((row) => {
      const reserved = Number(row.reserved);
      const target = Math.max(row.reorder_level * 2, 1);
      return {
        itemId: row.id,
        sku: row.sku,
        name: row.name,
        vendorId: row.vendor_id,
        vendorName: row.vendor_name,
        quantityOnHand: row.quantity_on_hand,
        quantityReserved: reserved,
        reorderLevel: row.reorder_level,
        suggestedQuantity: Math.max(target - (row.quantity_on_hand - reserved), 1),
        costPriceCents: row.cost_price,
      };
    });
  }

  private async ensureSkuFree(tx: Db, sku: string, exceptId: string | null): Promise<void> {
    const existing = await findItemBySku(tx, sku);
    if (existing !== undefined && existing.id !== exceptId)
      throw problems.conflict(`There is already an item with SKU ${sku}.`, 'duplicate', {
        errors: [{ path: 'sku', message: 'is already used by another item' }],
      });
  }

  /** The job-completion participant (app.ts registers it): see StockLedgerService. */
  issueForCompletedJob(
    tx: Db,
    actor: Actor,
    completion: { jobId: string; stockOverrideReason: string | null; stockedPartLines: StockedPartLine[] },
  ): Promise<void> {
    return this.ledger.issueForCompletedJob(tx, actor, completion);
  }
}
