import type { StockedPartLine } from '../repair-orders/jobs.service.js';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { StockMovementsTable } from '../../db/tables/inventory.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { problems, type FieldError } from '../../lib/problem.js';
import { rowAtVersion, orNotFound } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { UsersService } from '../users/users.service.js';
import {
  addToQuantity,
  countItems,
  findItem,
  findItemsByIds,
  findLedgerMismatches,
  findMovement,
  insertMovement,
  issueCountsOfLines,
  listMovements,
} from './inventory.repository.js';
import type { CreateMovementInput, InventoryItem, LedgerCheck, StockMovement } from './inventory.schemas.js';
import { afterCommit, inTransaction } from '../../db/after-commit.js';
import { type AnnounceInventory, type MovementDraft, toItem, toMovement } from './inventory-mappers.js';

/**
 * The stock-movement ledger: quantity_on_hand is always the sum of an item's movements, both
 * changed in one transaction, only through `move`. Staff post receipts, returns, adjustments and
 * counts; a completed job issues its approved parts; the ledger check proves the sums.
 */
export class StockLedgerService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly announce: AnnounceInventory,
  ) {}

  async movements(itemId: string, limit = 200): Promise<StockMovement[]> {
    if ((await findItem(this.db, itemId)) === undefined)
      throw problems.notFound(`No inventory item with id ${itemId}.`);
    return this.toMovements(this.db, await listMovements(this.db, itemId, limit));
  }

  /** A movement posted by staff: receive, return, adjust (with a reason) or a shelf count. */
  async postMovement(
    actor: Actor,
    itemId: string,
    input: CreateMovementInput,
  ): Promise<{ item: InventoryItem; movement: StockMovement }> {
    const result = await inTransaction(this.db, async (tx) => {
      const current = rowAtVersion(
        await findItem(tx, itemId),
        'inventory item',
        itemId,
        input.version,
        toItem,
      );
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
    const item = orNotFound(await findItem(tx, draft.itemId), 'inventory item', draft.itemId);
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

  /** Ledger rows as the API shows them, with who moved the stock. */
  async toMovements(db: Db, rows: readonly Selectable<StockMovementsTable>[]): Promise<StockMovement[]> {
    const names = await this.users.namesOf(
      db,
      rows.map((r) => r.actor_user_id),
    );
    return rows.map((row) => toMovement(row, names));
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
}
