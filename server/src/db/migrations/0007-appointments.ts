import type { Kysely } from 'kysely';

/** Appointments. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
