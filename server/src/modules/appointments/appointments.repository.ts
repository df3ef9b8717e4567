import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AppointmentsTable } from '../../db/tables/appointments.js';
import { moveToCustomer, updateIfVersion, type UpdateIfVersion } from '../../db/versioned-rows.js';

export async function insertAppointment(db: Db, row: Insertable<AppointmentsTable>): Promise<void> {
  await db.insertInto('appointments').values(row).execute();
}

export const updateAppointmentIfVersion: UpdateIfVersion<'appointments'> = (db, ...args) =>
  updateIfVersion(db.updateTable('appointments'), ...args);

export async function moveAppointmentsToCustomer(
  db: Db,
  fromCustomerId: string,
  toCustomerId: string,
  at: string,
): Promise<number> {
  return moveToCustomer(db.updateTable('appointments'), fromCustomerId, toCustomerId, at);
}

export async function appointmentExists(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom('appointments').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
