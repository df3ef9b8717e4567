import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { KioskCheckInsTable, KioskRefKind, KioskRefsTable } from '../../db/tables/kiosk-check-in.js';

export type KioskRefRow = Selectable<KioskRefsTable>;
export type KioskCheckInRow = Selectable<KioskCheckInsTable>;

export async function insertRefs(db: Db, rows: readonly Insertable<KioskRefsTable>[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('kiosk_refs')
      .values([...rows])
      .execute();
}

/** A ref of this kiosk, of this kind, not expired at `now`. */
export function findLiveRef(db: Db, refHash: string, deviceId: string, kind: KioskRefKind, now: string) {
  return db
    .selectFrom('kiosk_refs')
    .selectAll()
    .where('ref_hash', '=', refHash)
    .where('device_id', '=', deviceId)
    .where('kind', '=', kind)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteExpiredRefs(db: Db, now: string): Promise<void> {
  await db.deleteFrom('kiosk_refs').where('expires_at', '<=', now).execute();
}

export function findCheckInByRequest(db: Db, deviceId: string, requestId: string) {
  return db
    .selectFrom('kiosk_check_ins')
    .selectAll()
    .where('device_id', '=', deviceId)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

export function findCheckInOfRepairOrder(db: Db, repairOrderId: string) {
  return db
    .selectFrom('kiosk_check_ins')
    .selectAll()
    .where('repair_order_id', '=', repairOrderId)
    .executeTakeFirst();
}

/** Check-ins at or after `since` and/or of one repair order, oldest first, at most `limit`. */
export function listCheckIns(db: Db, filter: { since?: string; repairOrderId?: string }, limit: number) {
  let query = db
    .selectFrom('kiosk_check_ins')
    .select(['repair_order_id', 'appointment_id', 'created_at', 'kiosk_name', 'tag_number', 'flags']);
  if (filter.since !== undefined) query = query.where('created_at', '>=', filter.since);
  if (filter.repairOrderId !== undefined) query = query.where('repair_order_id', '=', filter.repairOrderId);
  return query.orderBy('created_at', 'desc').limit(limit).execute();
}

export async function insertCheckIn(db: Db, row: Insertable<KioskCheckInsTable>): Promise<void> {
  await db.insertInto('kiosk_check_ins').values(row).execute();
}

export async function findReminderCode(db: Db, appointmentId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('kiosk_reminder_codes')
    .select('code')
    .where('appointment_id', '=', appointmentId)
    .executeTakeFirst();
  return row?.code;
}

/** Stores the code unless the appointment has one already (or the code is taken): true when stored. */
export async function insertReminderCodeIfNew(
  db: Db,
  appointmentId: string,
  code: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .insertInto('kiosk_reminder_codes')
    .values({ appointment_id: appointmentId, code, created_at: at, updated_at: at })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function findAppointmentIdByCode(db: Db, code: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('kiosk_reminder_codes')
    .select('appointment_id')
    .where('code', '=', code)
    .executeTakeFirst();
  return row?.appointment_id;
}
