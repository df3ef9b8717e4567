import type { Db } from '../../db/database.js';
import type { PurchaseOrderStatus } from '../../db/tables/inventory.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { problems, type FieldError } from '../../lib/problem.js';
import { rowAtVersion, staleVersionProblem, orNotFound } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { InventoryService } from './inventory.service.js';
import { findVendor } from './inventory.repository.js';
import { matrixTierFor, movingAverageCost, sellPriceFromMatrix, type PricingTier } from './pricing.js';
import {
  addReceived,
  findPurchaseOrder,
  insertPurchaseOrder,
  insertPurchaseOrderLines,
  listPricingTiers,
  listPurchaseOrderLines,
  listPurchaseOrders,
  nextPurchaseOrderNumber,
  replacePricingTiers,
  updatePurchaseOrderIfVersion,
} from './purchasing.repository.js';
import type {
  CreatePurchaseOrderInput,
  PricingMatrixInput,
  PricingPreview,
  PurchaseOrder,
  PurchaseOrderActionInput,
  ReceiveInput,
  ReceiveResult,
  ShelfReceiveInput,
  ShelfReceiveResult,
} from './purchasing.schemas.js';
import { inTransaction } from '../../db/after-commit.js';
import { versionedRecordFields } from '../../lib/row-view.js';

/**
 * Purchase orders (draft → ordered → partially received → received, or cancelled) and the pricing
 * matrix. Receiving writes 'receive' movements through InventoryService.move, moves the item's
 * cost to the moving average (pricing.ts: integer cents, halves up) and, when the matrix covers
 * the new cost, sets the sell price from it.
 */
export class PurchasingService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly inventory: InventoryService,
  ) {}

  async list(status?: PurchaseOrderStatus): Promise<PurchaseOrder[]> {
    const rows = await listPurchaseOrders(this.db, status);
    const lines = await listPurchaseOrderLines(
      this.db,
      rows.map((r) => r.id),
    );
    return rows.map((row) => toPurchaseOrder(row, lines));
  }

  async get(id: string): Promise<PurchaseOrder> {
    const po = orNotFound(await this.read(this.db, id), 'purchase order', id);
    return po;
  }

  async create(actor: Actor, input: CreatePurchaseOrderInput): Promise<PurchaseOrder> {
    const po = await inTransaction(this.db, async (tx) => {
      const errors: FieldError[] = [];
      const vendor = await findVendor(tx, input.vendorId);
      if (vendor === undefined || vendor.active !== 1)
        errors.push({ path: 'vendorId', message: 'no active vendor has this id' });
      for (const [i, line] of input.lines.entries())
        if ((await this.inventory.read(tx, line.itemId)) === undefined)
          errors.push({ path: `lines.${i}.itemId`, message: 'no inventory item has this id' });
      if (errors.length > 0) throw problems.validation(errors);
      const at = this.clock.now().toISOString();
      const id = newId();
      const number = await nextPurchaseOrderNumber(tx);
      await insertPurchaseOrder(tx, {
        id,
        number,
        vendor_id: input.vendorId,
        notes: input.notes ?? '',
        created_at: at,
        updated_at: at,
      });
      await insertPurchaseOrderLines(
        tx,
        input.lines.map((line, i) => ({
          id: newId(),
          purchase_order_id: id,
          item_id: line.itemId,
          quantity_ordered: line.quantity,
          unit_cost_cents: line.unitCostCents,
          sort_order: i,
          created_at: at,
          updated_at: at,
        })),
      );
      const po = (await this.read(tx, id))!;
      await this.audit.record(tx, actor, {
        action: 'purchase_order.created',
        entityType: 'purchase_order',
        entityId: id,
        data: { number, vendorId: input.vendorId, totalCents: po.totalCents },
      });
      return po;
    });
    this.inventory.announce('purchase_order_changed', { purchaseOrderId: po.id });
    return po;
  }

  /** draft → ordered. */
  order(actor: Actor, id: string, input: PurchaseOrderActionInput): Promise<PurchaseOrder> {
    return this.changeStatus(actor, id, input, ['draft'], 'ordered');
  }

  /** draft or ordered (nothing received yet) → cancelled. */
  cancel(actor: Actor, id: string, input: PurchaseOrderActionInput): Promise<PurchaseOrder> {
    return this.changeStatus(actor, id, input, ['draft', 'ordered'], 'cancelled');
  }

  /**
   * Receives parts against an ordered PO: a receive movement per line, the moving-average cost,
   * the matrix sell price, and the PO's status (partially received / received). More than ordered
   * on any line is refused (409 naming the line) unless `confirmOverReceipt` is true.
   */
  async receive(actor: Actor, id: string, input: ReceiveInput): Promise<ReceiveResult> {
    const result = await inTransaction(this.db, async (tx) => {
      const { result } = await this.receiveInTransaction(tx, actor, id, input, new Map());
      return result;
    });
    this.inventory.announce('purchase_order_received', { purchaseOrderId: id });
    return result;
  }

  /**
   * Receiving at the shelf (issue 15, item 7): the parts in hand, their quantity and unit cost. With
   * a purchase order it is received against that PO's line for the item, exactly as the PO screen
   * does (the cost typed, when given, replaces the line's: the vendor's invoice is what was paid);
   * without one it is a 'receive' movement with the cost, moving the item's cost to the moving
   * average and its sell price to the matrix the same way. The item's version guards against a
   * double submit (the second gets 409), as every stock movement is guarded.
   */
  async receiveAtShelf(actor: Actor, itemId: string, input: ShelfReceiveInput): Promise<ShelfReceiveResult> {
    const result = await inTransaction(this.db, async (tx) => {
      const item = rowAtVersion(
        await this.inventory.read(tx, itemId),
        'inventory item',
        itemId,
        input.version,
      );
      if (input.purchaseOrderId === undefined && input.unitCostCents === undefined)
        throw problems.validation([
          { path: 'unitCostCents', message: 'is required when nothing is received against a purchase order' },
        ]);
      let movementId: string;
      let purchaseOrder: PurchaseOrder | null = null;
      if (input.purchaseOrderId !== undefined) {
        const po = await this.read(tx, input.purchaseOrderId);
        if (po === undefined)
          throw problems.validation([{ path: 'purchaseOrderId', message: 'no purchase order has this id' }]);
        const lines = po.lines.filter((l) => l.itemId === itemId);
        const line = lines.find((l) => l.quantityReceived < l.quantityOrdered) ?? lines[0];
        if (line === undefined)
          throw problems.validation([
            { path: 'purchaseOrderId', message: `purchase order ${po.number} has no line for ${item.sku}` },
          ]);
        const received = await this.receiveInTransaction(
          tx,
          actor,
          po.id,
          {
            version: po.version,
            lines: [{ lineId: line.id, quantity: input.quantity }],
            ...(input.confirmOverReceipt === undefined
              ? {}
              : { confirmOverReceipt: input.confirmOverReceipt }),
          },
          new Map(input.unitCostCents === undefined ? [] : [[line.id, input.unitCostCents]]),
        );
        movementId = received.movementIds[0]!;
        purchaseOrder = received.result;
      } else {
        const unitCostCents = input.unitCostCents!;
        const cost = movingAverageCost(
          item.quantityOnHand,
          item.costPriceCents,
          input.quantity,
          unitCostCents,
        );
        const sell = sellPriceFromMatrix(cost, await this.tiers(tx)) ?? item.sellPriceCents;
        await this.inventory.setCostInTransaction(
          tx,
          actor,
          itemId,
          { costPriceCents: cost, sellPriceCents: sell },
          { receivedAtShelf: true, quantity: input.quantity, unitCostCents },
        );
        movementId = await this.inventory.ledger.move(tx, actor, {
          itemId,
          kind: 'receive',
          quantity: input.quantity,
          reason: input.reason?.trim() || 'received at the shelf',
          unitCostCents,
        });
      }
      const after = (await this.inventory.read(tx, itemId))!;
      await this.audit.record(tx, actor, {
        action: 'stock.received_at_shelf',
        entityType: 'inventory_item',
        entityId: itemId,
        data: {
          movementId,
          sku: item.sku,
          quantity: input.quantity,
          unitCostCents: input.unitCostCents ?? null,
          purchaseOrderId: purchaseOrder?.id ?? null,
          purchaseOrderNumber: purchaseOrder?.number ?? null,
          costPriceCents: { from: item.costPriceCents, to: after.costPriceCents },
        },
      });
      return {
        item: after,
        movement: await this.inventory.ledger.readMovement(tx, movementId),
        purchaseOrder,
      };
    });
    if (result.purchaseOrder !== null)
      this.inventory.announce('purchase_order_received', { purchaseOrderId: result.purchaseOrder.id });
    this.inventory.announce('stock_moved', { itemId });
    return result;
  }

  /**
   * Receives PO lines in the caller's transaction (see `receive`). `unitCosts` replaces a line's
   * unit cost for this receipt (by line id). Returns the PO after and the movements written.
   */
  private async receiveInTransaction(
    tx: Db,
    actor: Actor,
    id: string,
    input: ReceiveInput,
    unitCosts: ReadonlyMap<string, number>,
  ): Promise<{ result: ReceiveResult; movementIds: string[] }> {
    const movementIds: string[] = [];
    const po = rowAtVersion(await this.read(tx, id), 'purchase order', id, input.version);
    if (po.status !== 'ordered' && po.status !== 'partially_received')
      throw problems.conflict(
        `Purchase order ${po.number} is ${po.status}: only an ordered one can be received.`,
        'purchase-order-status',
      );
    const byId = new Map(po.lines.map((l) => [l.id, l]));
    const errors: FieldError[] = [];
    const over: FieldError[] = [];
    const seen = new Set<string>();
    for (const [i, r] of input.lines.entries()) {
      const line = byId.get(r.lineId);
      if (line === undefined)
        errors.push({ path: `lines.${i}.lineId`, message: 'is not a line of this purchase order' });
      else if (seen.has(r.lineId)) errors.push({ path: `lines.${i}.lineId`, message: 'appears twice' });
      else if (line.quantityReceived + r.quantity > line.quantityOrdered)
        over.push({
          path: `lines.${i}.quantity`,
          message: `receives ${line.quantityReceived + r.quantity} of ${line.sku} but ${line.quantityOrdered} were ordered: send confirmOverReceipt`,
        });
      seen.add(r.lineId);
    }
    if (errors.length > 0) throw problems.validation(errors);
    if (over.length > 0 && input.confirmOverReceipt !== true)
      throw problems.conflict(
        `More than ordered: ${over.map((e) => e.message).join('; ')}.`,
        'over-receipt',
        {
          errors: over,
        },
      );
    const tiers = await this.tiers(tx);
    const at = this.clock.now().toISOString();
    for (const r of input.lines) {
      const line = byId.get(r.lineId)!;
      const unitCostCents = unitCosts.get(line.id) ?? line.unitCostCents;
      const item = (await this.inventory.read(tx, line.itemId))!;
      const cost = movingAverageCost(item.quantityOnHand, item.costPriceCents, r.quantity, unitCostCents);
      const sell = sellPriceFromMatrix(cost, tiers) ?? item.sellPriceCents;
      await this.inventory.setCostInTransaction(
        tx,
        actor,
        item.id,
        { costPriceCents: cost, sellPriceCents: sell },
        { purchaseOrderId: po.id, purchaseOrderNumber: po.number },
      );
      movementIds.push(
        await this.inventory.ledger.move(tx, actor, {
          itemId: item.id,
          kind: 'receive',
          quantity: r.quantity,
          reason: `PO ${po.number}`,
          unitCostCents,
          purchaseOrderLineId: line.id,
        }),
      );
      await addReceived(tx, line.id, r.quantity, at);
    }
    const after = (await this.read(tx, id))!;
    const complete = after.lines.every((l) => l.quantityReceived >= l.quantityOrdered);
    const status: PurchaseOrderStatus = complete ? 'received' : 'partially_received';
    const ok = await updatePurchaseOrderIfVersion(tx, id, po.version, { status, updated_at: at });
    if (!ok) throw staleVersionProblem('purchase order', po.version + 1);
    await this.audit.record(tx, actor, {
      action: 'purchase_order.received',
      entityType: 'purchase_order',
      entityId: id,
      data: {
        number: po.number,
        from: po.status,
        to: status,
        lines: input.lines,
        overReceiptConfirmed: over.length > 0,
      },
    });
    const itemIds = [...new Set(input.lines.map((r) => byId.get(r.lineId)!.itemId))];
    const receivedItems: ReceiveResult['receivedItems'] = [];
    for (const itemId of itemIds) {
      const item = (await this.inventory.read(tx, itemId))!;
      receivedItems.push({
        itemId,
        sku: item.sku,
        quantityOnHand: item.quantityOnHand,
        costPriceCents: item.costPriceCents,
        sellPriceCents: item.sellPriceCents,
        version: item.version,
      });
    }
    return { result: { ...(await this.read(tx, id))!, receivedItems }, movementIds };
  }

  async pricingMatrix(): Promise<{ tiers: PricingTier[] }> {
    return { tiers: await this.tiers(this.db) };
  }

  /** What the matrix would sell a part of this cost for (the pricing page's live preview). */
  async pricingPreview(costCents: number): Promise<PricingPreview> {
    const tier = matrixTierFor(costCents, await this.tiers(this.db));
    return { costCents, sellPriceCents: sellPriceFromMatrix(costCents, tier ? [tier] : []), tier };
  }

  async setPricingMatrix(actor: Actor, input: PricingMatrixInput): Promise<{ tiers: PricingTier[] }> {
    const mins = input.tiers.map((t) => t.minCostCents);
    const errors: FieldError[] = [];
    mins.forEach((min, i) => {
      if (mins.indexOf(min) !== i)
        errors.push({ path: `tiers.${i}.minCostCents`, message: 'repeats another tier' });
    });
    if (errors.length > 0) throw problems.validation(errors);
    const result = await inTransaction(this.db, async (tx) => {
      const before = await this.tiers(tx);
      const at = this.clock.now().toISOString();
      await replacePricingTiers(
        tx,
        input.tiers.map((t) => ({
          id: newId(),
          min_cost_cents: t.minCostCents,
          markup_bp: t.markupBasisPoints,
          created_at: at,
          updated_at: at,
        })),
      );
      const tiers = await this.tiers(tx);
      await this.audit.record(tx, actor, {
        action: 'pricing_matrix.changed',
        entityType: 'pricing_matrix',
        data: { from: before, to: tiers },
      });
      return { tiers };
    });
    this.inventory.announce('pricing_matrix_changed');
    return result;
  }

  private async tiers(db: Db): Promise<PricingTier[]> {
    return (await listPricingTiers(db)).map((t) => ({
      minCostCents: t.min_cost_cents,
      markupBasisPoints: t.markup_bp,
    }));
  }

  private async changeStatus(
    actor: Actor,
    id: string,
    input: PurchaseOrderActionInput,
    from: PurchaseOrderStatus[],
    to: PurchaseOrderStatus,
  ): Promise<PurchaseOrder> {
    const changed = await inTransaction(this.db, async (tx) => {
      const po = rowAtVersion(await this.read(tx, id), 'purchase order', id, input.version);
      if (!from.includes(po.status))
        throw problems.conflict(
          `Purchase order ${po.number} is ${po.status}: it cannot become ${to}.`,
          'purchase-order-status',
        );
      const at = this.clock.now().toISOString();
      const ok = await updatePurchaseOrderIfVersion(tx, id, po.version, {
        status: to,
        ...(to === 'ordered' ? { ordered_at: at } : {}),
        updated_at: at,
      });
      if (!ok) throw staleVersionProblem('purchase order', po.version + 1);
      await this.audit.record(tx, actor, {
        action: `purchase_order.${to}`,
        entityType: 'purchase_order',
        entityId: id,
        data: { number: po.number, from: po.status, to },
      });
      return (await this.read(tx, id))!;
    });
    this.inventory.announce('purchase_order_changed', { purchaseOrderId: id });
    return changed;
  }

  private async read(db: Db, id: string): Promise<PurchaseOrder | undefined> {
    const row = await findPurchaseOrder(db, id);
    if (row === undefined) return undefined;
    return toPurchaseOrder(row, await listPurchaseOrderLines(db, [id]));
  }
}

type PoRow = NonNullable<Awaited<ReturnType<typeof findPurchaseOrder>>>;
type LineRow = Awaited<ReturnType<typeof listPurchaseOrderLines>>[number];

function toPurchaseOrder(row: PoRow, allLines: LineRow[]): PurchaseOrder {
  const lines = allLines
    .filter((l) => l.purchase_order_id === row.id)
    .map((l) => ({
      id: l.id,
      itemId: l.item_id,
      sku: l.sku,
      name: l.name,
      quantityOrdered: l.quantity_ordered,
      quantityReceived: l.quantity_received,
      unitCostCents: l.unit_cost_cents,
    }));
  return {
    id: row.id,
    number: row.number,
    vendorId: row.vendor_id,
    vendorName: row.vendor_name,
    status: row.status,
    notes: row.notes,
    orderedAt: row.ordered_at,
    lines,
    totalCents: lines.reduce((sum, l) => sum + l.quantityOrdered * l.unitCostCents, 0),
    ...versionedRecordFields(row),
  };
}
