import type { Db } from '../../db/database.js';

export async function findVehicleOwnerId(db: Db, vehicleId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('vehicles')
    .select('customer_id')
    .where('id', '=', vehicleId)
    .executeTakeFirst();
  return row?.customer_id;
}

export async function moveVehiclesToCustomer(
  db: Db,
  fromCustomerId: string,
  toCustomerId: string,
): Promise<number> {
  const result = await db
    .updateTable('vehicles')
    .set({ customer_id: toCustomerId })
    .where('customer_id', '=', fromCustomerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
