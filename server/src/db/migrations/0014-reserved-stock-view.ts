import { sql, type Kysely } from 'kysely';

/**
 * Published by the repair-orders module for the inventory module: the stock that approved part
 * lines of jobs not yet completed hold, per item, in whole units (a line of 0.5 takes one unit
 * from the shelf). A view keeps the module boundary (inventory reads this contract, never the
 * repair-orders tables) while the reservation stays a single query, never a second copy to drift.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE VIEW reserved_stock AS
    SELECT li.inventory_item_id AS item_id, sum((li.quantity_milli + 999) / 1000) AS reserved
    FROM line_items li
    JOIN service_jobs j ON j.id = li.job_id
    WHERE li.kind = 'part'
      AND li.approval_state = 'approved'
      AND li.inventory_item_id IS NOT NULL
      AND j.status IN ('Pending', 'In_Progress', 'Blocked')
    GROUP BY li.inventory_item_id`.execute(db);
}
