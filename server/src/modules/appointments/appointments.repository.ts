import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AppointmentsTable } from '../../db/tables/appointments.js';

export async function insertAppointment(db: Db, row: Insertable<AppointmentsTable>): Promise<void> {
  await db.insertInto('appointments').values(row).execute();
}

export async function updateAppointmentIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Omit<Updateable<AppointmentsTable>, 'id' | 'version'>,
): Promise<boolean> {
  const result = await db
    .updateTable('appointments')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
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
