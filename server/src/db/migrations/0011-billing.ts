import type { Kysely } from 'kysely';

/** Billing (issue 6): invoices (gapless numbers, immutable, credit notes), payments with idempotency keys, customer accounts receivable, technician job clock. Owned by the billing module. */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // filled in by the billing module
}
