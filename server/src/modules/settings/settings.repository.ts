import type { Db } from '../../db/database.js';

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
  const result = await db
    .updateTable('shop_settings')
    .set((eb) => ({ data, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
