import { sql, type Kysely } from 'kysely';

/**
 * Parts from stock, with their cost (issue 15, item 3).
 * - An item may carry the vendor's part number, so "Add part" on a repair order finds it by the
 *   number on the box as well as by SKU, name or bin.
 * - The billing day cache (migration 0017) gains the part lines without a cost per day; the
 *   summaries kept so far do not have them, so they are dropped and recomputed on the next report
 *   (the cache is only a cache: the invoices are the record).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE inventory_items ADD COLUMN vendor_part_number TEXT`.execute(db);
  await sql`DELETE FROM billing_report_days`.execute(db);
}
