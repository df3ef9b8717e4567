import type { Kysely } from 'kysely';

/** Customers: contacts, kinds, merge. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
