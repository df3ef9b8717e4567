import type { Kysely } from 'kysely';

/** The one search box: full-text index. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
