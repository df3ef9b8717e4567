import type { Db } from '../../db/database.js';
import { updateIfVersion } from '../../db/versioned-rows.js';

export function findSettingsRow(db: Db) {
  return db.selectFrom('shop_settings').selectAll().where('id', '=', 1).executeTakeFirst();
}

export async function insertSettingsRow(db: Db, data: string, at: string): Promise<void> {
  await db
    .insertInto('shop_settings')
    .values({ id: 1, data, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function updateSettingsIfVersion(db: Db, data: string, expectedVersion: number, at: string) {
  return updateIfVersion(db.updateTable('shop_settings'), 1, expectedVersion, { data, updated_at: at });
}
