import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { BaysTable } from '../../db/tables/bays.js';
import { updateIfVersion, type UpdateIfVersion } from '../../db/versioned-rows.js';

export function listBays(db: Db) {
  return db
    .selectFrom('bays')
    .selectAll()
    .orderBy('active', 'desc')
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
}

export function findBay(db: Db, id: string) {
  return db.selectFrom('bays').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findBayByName(db: Db, name: string) {
  return db.selectFrom('bays').select(['id']).where('name', '=', name).executeTakeFirst();
}

export async function insertBay(db: Db, row: Insertable<BaysTable>): Promise<void> {
  await db.insertInto('bays').values(row).execute();
}

export const updateBayIfVersion: UpdateIfVersion<'bays'> = (db, ...args) =>
  updateIfVersion(db.updateTable('bays'), ...args);
