import type { Kysely } from 'kysely';

/** Inventory (issue 6): vendors, stock-movement ledger, reservations, purchase orders, pricing matrix. Owned by the inventory module. */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // filled in by the inventory module
}
