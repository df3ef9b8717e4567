import type { Kysely } from 'kysely';

/** Repair orders, service-job details, line items, canned jobs. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
