import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AppointmentsTable } from '../../db/tables/appointments.js';
import { updateIfVersion } from '../../db/versioned-rows.js';

export async function insertAppointment(db: Db, row: Insertable<AppointmentsTable>): Promise<void> {
  await db.insertInto('appointments').values(row).execute();
}

export async function updateAppointmentIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Omit<Updateable<AppointmentsTable>, 'id' | 'version'>,
): Promise<boolean> {
  return updateIfVersion(db.updateTable('appointments'), id, expectedVersion, changes);
}

export async function moveAppointmentsToCustomer(
  db: Db,
  fromCustomerId: string,
  toCustomerId: string,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('appointments')
    .set((eb) => ({ customer_id: toCustomerId, updated_at: at, version: eb('version', '+', 1) }))
    .where('customer_id', '=', fromCustomerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function appointmentExists(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom('appointments').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
