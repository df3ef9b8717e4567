import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * What the reports module reads from inventory (the contract). Stock is valued at each item's
 * current cost (moving average): the ledger records quantities, not what each unit cost.
 */
export interface StockValueFact {
  valueCents: number;
  /** Items with stock on hand (> 0). */
  itemsInStock: number;
}

const n = (value: unknown): number => Number(value ?? 0);

export class InventoryReportFacts {
  constructor(private readonly db: Db) {}

  /** On hand × cost now (negative stock counts as none). */
  async valueNow(): Promise<StockValueFact> {
    const { rows } = await sql<Record<string, unknown>>`
      SELECT sum(max(quantity_on_hand, 0) * cost_price) AS value, sum(quantity_on_hand > 0) AS items
      FROM inventory_items`.execute(this.db);
    return { valueCents: n(rows[0]?.value), itemsInStock: n(rows[0]?.items) };
  }

  /**
   * The quantity each item had just before `instant`, from the ledger (the quantity after its last
   * movement before then), × its current cost.
   */
  async valueAt(instant: string): Promise<StockValueFact> {
    const { rows } = await sql<Record<string, unknown>>`
      SELECT sum(max(q, 0) * cost) AS value, sum(q > 0) AS items FROM (
        SELECT i.cost_price AS cost,
               (SELECT m.quantity_after FROM stock_movements m
                WHERE m.item_id = i.id AND m.at < ${instant}
                ORDER BY m.at DESC, m.rowid DESC LIMIT 1) AS q
        FROM inventory_items i)
      WHERE q IS NOT NULL`.execute(this.db);
    return { valueCents: n(rows[0]?.value), itemsInStock: n(rows[0]?.items) };
  }

  /**
   * Cost of the stock that left the shelf for jobs in [from, to): issues minus parts returned to
   * stock, each at the movement's own unit cost when it has one, else the item's current cost.
   */
  async issuedCostBetween(from: string, to: string): Promise<{ costCents: number; units: number }> {
    const { rows } = await sql<Record<string, unknown>>`
      SELECT sum(-m.quantity * coalesce(m.unit_cost_cents, i.cost_price)) AS cost, sum(-m.quantity) AS units
      FROM stock_movements m JOIN inventory_items i ON i.id = m.item_id
      WHERE m.at >= ${from} AND m.at < ${to} AND m.kind IN ('issue', 'return')`.execute(this.db);
    return { costCents: n(rows[0]?.cost), units: n(rows[0]?.units) };
  }
}
