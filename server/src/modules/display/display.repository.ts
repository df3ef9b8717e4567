import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DisplayTokensTable } from '../../db/tables/display.js';

export function listDisplayTokens(db: Db) {
  return db
    .selectFrom('display_tokens')
    .select(['id', 'name', 'created_by', 'last_used_at', 'revoked_at', 'created_at', 'updated_at'])
    .orderBy('created_at', 'desc')
    .execute();
}

export function findDisplayTokenByHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('display_tokens')
    .select(['id', 'name', 'last_used_at', 'revoked_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function findDisplayToken(db: Db, id: string) {
  return db
    .selectFrom('display_tokens')
    .select(['id', 'name', 'revoked_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertDisplayToken(db: Db, row: Insertable<DisplayTokensTable>): Promise<void> {
  await db.insertInto('display_tokens').values(row).execute();
}

export async function revokeDisplayToken(db: Db, id: string, at: string): Promise<void> {
  await db
    .updateTable('display_tokens')
    .set({ revoked_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function touchDisplayToken(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('display_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
