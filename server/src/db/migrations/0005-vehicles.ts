import type { Kysely } from 'kysely';

/** Vehicles: plates, decoded details, odometer readings, ownership history. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
