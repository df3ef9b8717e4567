import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { TechniciansTable } from '../../db/tables/technicians.js';
import { updateIfVersion, type UpdateIfVersion } from '../../db/versioned-rows.js';

export function listTechnicians(db: Db) {
  return db.selectFrom('technicians').selectAll().orderBy('active', 'desc').orderBy('name').execute();
}

export function findTechnician(db: Db, id: string) {
  return db.selectFrom('technicians').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTechnicianByUser(db: Db, userId: string) {
  return db.selectFrom('technicians').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function insertTechnician(db: Db, row: Insertable<TechniciansTable>): Promise<void> {
  await db.insertInto('technicians').values(row).execute();
}

export const updateTechnicianIfVersion: UpdateIfVersion<'technicians'> = (db, ...args) =>
  updateIfVersion(db.updateTable('technicians'), ...args);
