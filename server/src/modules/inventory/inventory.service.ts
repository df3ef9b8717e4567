import type { StockedPartLine } from '../repair-orders/jobs.service.js';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { StockMovementKind, StockMovementsTable, VendorsTable } from '../../db/tables/inventory.js';
import type { DomainEvents } from '../../events/domain-events.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { problems, type FieldError } from '../../lib/problem.js';
import { staleVersionProblem } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { UsersService } from '../users/users.service.js';
import { sellPriceFromMatrix } from './pricing.js';
import { listPricingTiers } from './purchasing.repository.js';
import {
  addToQuantity,
  countItems,
  findItem,
  findItemBySku,
  findItemsByIds,
  findLedgerMismatches,
  findMovement,
  findVendor,
  findVendorByName,
  insertItem,
  insertMovement,
  insertVendor,
  issueCountsOfLines,
  listItems,
  listMovements,
  listReorderCandidates,
  listVendors,
  updateItemIfVersion,
  updateVendorIfVersion,
  type ItemRow,
} from './inventory.repository.js';
import type {
  CreateItemInput,
  CreateMovementInput,
  CreateVendorInput,
  InventoryItem,
  ItemListFilters,
  LedgerCheck,
  StockMovement,
  UpdateItemInput,
  UpdateVendorInput,
  Vendor,
} from './inventory.schemas.js';
import { afterCommit, inTransaction } from '../../db/after-commit.js';

function toItem(row: ItemRow): InventoryItem {
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
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toMovement(row: Selectable<StockMovementsTable>, names: ReadonlyMap<string, string>): StockMovement {
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

function toVendor(row: Selectable<VendorsTable>): Vendor {
  return {
    id: row.id,
    name: row.name,
    contactName: row.contact_name,
    phone: row.phone,
    email: row.email,
    accountNumber: row.account_number,
    notes: row.notes,
    active: row.active === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
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

/**
 * Parts on the shelf: items, the stock-movement ledger (quantity_on_hand is always the sum of an
 * item's movements: both change in one transaction, only through `move`), reservations computed
 * from approved part lines, issue on job completion, reorder suggestions and vendors.
 */
export class InventoryService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly users: UsersService,
  ) {}

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

  /** Ledger rows as the API shows them, with who moved the stock. */
  private async toMovements(
    db: Db,
    rows: readonly Selectable<StockMovementsTable>[],
  ): Promise<StockMovement[]> {
    const names = await this.users.namesOf(
      db,
      rows.map((r) => r.actor_user_id),
    );
    return rows.map((row) => toMovement(row, names));
  }

  // ---- items -------------------------------------------------------------------------------

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
    const row = await findItem(this.db, id);
    if (row === undefined) throw problems.notFound(`No inventory item with id ${id}.`);
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
        await this.move(tx, actor, {
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
      const current = await findItem(tx, id);
      if (current === undefined) throw problems.notFound(`No inventory item with id ${id}.`);
      if (current.version !== input.version)
        throw staleVersionProblem('inventory item', current.version, toItem(current));
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

  // ---- the ledger ----------------------------------------------------------------------------

  async movements(itemId: string, limit = 200): Promise<StockMovement[]> {
    await this.get(itemId);
    return this.toMovements(this.db, await listMovements(this.db, itemId, limit));
  }

  /** A movement posted by staff: receive, return, adjust (with a reason) or a shelf count. */
  async postMovement(
    actor: Actor,
    itemId: string,
    input: CreateMovementInput,
  ): Promise<{ item: InventoryItem; movement: StockMovement }> {
    const result = await inTransaction(this.db, async (tx) => {
      const current = await findItem(tx, itemId);
      if (current === undefined) throw problems.notFound(`No inventory item with id ${itemId}.`);
      if (current.version !== input.version)
        throw staleVersionProblem('inventory item', current.version, toItem(current));
      const reason = input.reason?.trim() || null;
      const errors: FieldError[] = [];
      let delta = input.quantity;
      switch (input.kind) {
        case 'receive':
        case 'return':
          if (input.quantity <= 0)
            errors.push({ path: 'quantity', message: `must be positive for a ${input.kind}` });
          break;
        case 'adjust':
          if (input.quantity === 0)
            errors.push({ path: 'quantity', message: 'must not be 0 for an adjustment' });
          if (reason === null) errors.push({ path: 'reason', message: 'is required for an adjustment' });
          break;
        case 'count':
          if (input.quantity < 0) errors.push({ path: 'quantity', message: 'a count cannot be negative' });
          delta = input.quantity - current.quantity_on_hand;
          break;
      }
      if (input.unitCostCents !== undefined && input.kind !== 'receive')
        errors.push({ path: 'unitCostCents', message: 'is only taken on a receive' });
      if (errors.length > 0) throw problems.validation(errors);
      const id = await this.move(tx, actor, {
        itemId,
        kind: input.kind,
        quantity: delta,
        reason,
        unitCostCents: input.unitCostCents ?? null,
        overrideReason: input.overrideReason?.trim() || null,
      });
      return {
        item: toItem((await findItem(tx, itemId))!),
        movement: (await this.toMovements(tx, [await findMovement(tx, id)]))[0]!,
      };
    });
    this.announce('stock_moved', { itemId });
    return result;
  }

  /**
   * The only way stock changes: writes the ledger row and moves quantity_on_hand by the same
   * amount in the caller's transaction, audited. Taking stock out below zero needs `overrideReason` (409
   * naming the item otherwise). Returns the movement's id.
   */
  async move(tx: Db, actor: Actor, draft: MovementDraft): Promise<string> {
    const item = await findItem(tx, draft.itemId);
    if (item === undefined) throw problems.notFound(`No inventory item with id ${draft.itemId}.`);
    // Only a movement that takes stock out and leaves it below zero needs the override; stock
    // coming in is always welcome, even while the shelf is still in the red.
    const belowZero = draft.quantity < 0 && item.quantity_on_hand + draft.quantity < 0;
    const overrideReason = draft.overrideReason ?? null;
    if (belowZero && overrideReason === null)
      throw problems.conflict(
        `Not enough ${item.sku} in stock: ${item.quantity_on_hand} on hand, ${-draft.quantity} needed.`,
        'insufficient-stock',
        {
          errors: [{ path: 'overrideReason', message: `is required to take ${item.sku} below zero` }],
          shortages: [
            { itemId: item.id, sku: item.sku, onHand: item.quantity_on_hand, needed: -draft.quantity },
          ],
        },
      );
    const at = this.clock.now().toISOString();
    const newQuantity = await addToQuantity(tx, item.id, draft.quantity, at);
    const id = newId();
    await insertMovement(tx, {
      id,
      item_id: item.id,
      kind: draft.kind,
      quantity: draft.quantity,
      quantity_after: newQuantity,
      reason: draft.reason ?? null,
      job_id: draft.jobId ?? null,
      line_item_id: draft.lineItemId ?? null,
      line_cycle: draft.lineCycle ?? null,
      unit_cost_cents: draft.unitCostCents ?? null,
      override_reason: belowZero ? overrideReason : null,
      actor_user_id: actor.userId,
      purchase_order_line_id: draft.purchaseOrderLineId ?? null,
      at,
      created_at: at,
      updated_at: at,
    });
    await this.audit.record(tx, actor, {
      action: `stock.${draft.kind}`,
      entityType: 'inventory_item',
      entityId: item.id,
      data: {
        movementId: id,
        sku: item.sku,
        quantity: draft.quantity,
        quantityAfter: newQuantity,
        reason: draft.reason ?? null,
        jobId: draft.jobId ?? null,
        lineItemId: draft.lineItemId ?? null,
        ...(belowZero ? { belowZeroOverride: overrideReason } : {}),
      },
    });
    return id;
  }

  /** One ledger row as the API shows it, read in the caller's transaction. */
  async readMovement(db: Db, id: string): Promise<StockMovement> {
    return (await this.toMovements(db, [await findMovement(db, id)]))[0]!;
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

  /** Every item's quantity_on_hand against the sum of its ledger rows. */
  async checkLedger(db: Db = this.db, itemId?: string): Promise<LedgerCheck> {
    if (itemId !== undefined && (await findItem(db, itemId)) === undefined)
      throw problems.notFound(`No inventory item with id ${itemId}.`);
    const mismatches = await findLedgerMismatches(db, itemId);
    return {
      ok: mismatches.length === 0,
      itemsChecked: await countItems(db, itemId),
      mismatches: mismatches.map((m) => ({
        itemId: m.id,
        sku: m.sku,
        quantityOnHand: m.quantity_on_hand,
        ledgerSum: Number(m.ledger_sum),
      })),
    };
  }

  // ---- jobs ----------------------------------------------------------------------------------

  /**
   * Job-completion participant (registered by app.ts, runs in the status-change transaction):
   * issues each approved stocked part line once (whole units, rounded up). If any item would go
   * below zero the completion is refused with a 409 listing every short part, unless the caller
   * gave `stockOverrideReason`, which is then stored on the movements and audited.
   */
  async issueForCompletedJob(
    tx: Db,
    actor: Actor,
    completion: { jobId: string; stockOverrideReason: string | null; stockedPartLines: StockedPartLine[] },
  ): Promise<void> {
    // The repair-orders module hands over the lines: their table is not this module's to read.
    const lines = completion.stockedPartLines;
    const issued = await issueCountsOfLines(
      tx,
      lines.map((l) => l.id),
    );
    const toIssue = lines.filter((l) => (issued.get(l.id) ?? 0) === 0);
    if (toIssue.length === 0) return;
    const need = new Map<string, number>();
    for (const line of toIssue)
      need.set(
        line.inventory_item_id!,
        (need.get(line.inventory_item_id!) ?? 0) + Math.ceil(line.quantity_milli / 1000),
      );
    const items = await findItemsByIds(tx, [...need.keys()]);
    const shortages = items
      .filter((item) => item.quantity_on_hand - need.get(item.id)! < 0)
      .map((item) => ({
        itemId: item.id,
        sku: item.sku,
        onHand: item.quantity_on_hand,
        needed: need.get(item.id)!,
      }));
    if (shortages.length > 0 && completion.stockOverrideReason === null)
      throw problems.conflict(
        `Not enough stock to complete this job: ${shortages.map((s) => `${s.sku} (${s.onHand} on hand, ${s.needed} needed)`).join(', ')}. Send stockOverrideReason to issue below zero.`,
        'insufficient-stock',
        {
          errors: shortages.map((s) => ({
            path: 'stockOverrideReason',
            message: `is required: ${s.sku} is short`,
          })),
          shortages,
        },
      );
    // Screens hear of the issued stock once the completion commits (never, if it rolls back).
    afterCommit(tx, () => {
      for (const itemId of need.keys()) this.announce('stock_moved', { itemId });
    });
    for (const line of toIssue)
      await this.move(tx, actor, {
        itemId: line.inventory_item_id!,
        kind: 'issue',
        quantity: -Math.ceil(line.quantity_milli / 1000),
        reason: line.description,
        jobId: completion.jobId,
        lineItemId: line.id,
        lineCycle: 0,
        overrideReason: completion.stockOverrideReason,
      });
  }

  // ---- reorder -------------------------------------------------------------------------------

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

  // ---- vendors -------------------------------------------------------------------------------

  async listVendors(): Promise<Vendor[]> {
    return (await listVendors(this.db)).map(toVendor);
  }

  async createVendor(actor: Actor, input: CreateVendorInput): Promise<Vendor> {
    const vendor = await inTransaction(this.db, async (tx) => {
      const name = input.name.trim();
      if (name === '') throw problems.validation([{ path: 'name', message: 'must not be blank' }]);
      await this.ensureVendorNameFree(tx, name, null);
      const at = this.clock.now().toISOString();
      const id = newId();
      await insertVendor(tx, {
        id,
        name,
        contact_name: input.contactName ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        account_number: input.accountNumber ?? null,
        notes: input.notes ?? '',
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(tx, actor, { action: 'vendor.created', entityType: 'vendor', entityId: id });
      return toVendor((await findVendor(tx, id))!);
    });
    this.announce('vendor_changed');
    return vendor;
  }

  async updateVendor(actor: Actor, id: string, input: UpdateVendorInput): Promise<Vendor> {
    const vendor = await inTransaction(this.db, async (tx) => {
      const current = await findVendor(tx, id);
      if (current === undefined) throw problems.notFound(`No vendor with id ${id}.`);
      if (current.version !== input.version)
        throw staleVersionProblem('vendor', current.version, toVendor(current));
      const name = input.name?.trim();
      if (name === '') throw problems.validation([{ path: 'name', message: 'must not be blank' }]);
      if (name !== undefined) await this.ensureVendorNameFree(tx, name, id);
      const ok = await updateVendorIfVersion(tx, id, input.version, {
        ...(name === undefined ? {} : { name }),
        ...(input.contactName === undefined ? {} : { contact_name: input.contactName }),
        ...(input.phone === undefined ? {} : { phone: input.phone }),
        ...(input.email === undefined ? {} : { email: input.email }),
        ...(input.accountNumber === undefined ? {} : { account_number: input.accountNumber }),
        ...(input.notes === undefined ? {} : { notes: input.notes }),
        ...(input.active === undefined ? {} : { active: input.active ? 1 : 0 }),
        updated_at: this.clock.now().toISOString(),
      });
      if (!ok) throw staleVersionProblem('vendor', current.version + 1);
      await this.audit.record(tx, actor, {
        action: 'vendor.updated',
        entityType: 'vendor',
        entityId: id,
        data: { fields: Object.keys(input).filter((k) => k !== 'version') },
      });
      return toVendor((await findVendor(tx, id))!);
    });
    this.announce('vendor_changed');
    return vendor;
  }

  private async ensureSkuFree(tx: Db, sku: string, exceptId: string | null): Promise<void> {
    const existing = await findItemBySku(tx, sku);
    if (existing !== undefined && existing.id !== exceptId)
      throw problems.conflict(`There is already an item with SKU ${sku}.`, 'duplicate', {
        errors: [{ path: 'sku', message: 'is already used by another item' }],
      });
  }

  private async ensureVendorNameFree(tx: Db, name: string, exceptId: string | null): Promise<void> {
    const existing = await findVendorByName(tx, name);
    if (existing !== undefined && existing.id !== exceptId)
      throw problems.conflict(`There is already a vendor called ${name}.`, 'duplicate', {
        errors: [{ path: 'name', message: 'is already used by another vendor' }],
      });
  }
}
