import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { KioskPairingCodesTable } from '../../db/tables/kiosks.js';

export function findKiosk(db: Db, deviceId: string) {
  return db.selectFrom('kiosks').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
}

export function findKioskByTokenHash(db: Db, tokenHash: string) {
  return db.selectFrom('kiosks').select(['device_id']).where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** The devices that hold a kiosk token now (paired tablets; their devices may since be revoked). */
export async function pairedKioskDeviceIds(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('kiosks')
    .select(['device_id'])
    .where('token_hash', 'is not', null)
    .execute();
  return rows.map((row) => row.device_id);
}

/** Creates the kiosk's row on first use, or changes the given columns of it. */
export async function upsertKiosk(
  db: Db,
  deviceId: string,
  at: string,
  changes: { token_hash?: string; paired_at?: string; label_printer_device_id?: string | null },
): Promise<void> {
  await db
    .insertInto('kiosks')
    .values({
      device_id: deviceId,
      token_hash: changes.token_hash ?? null,
      paired_at: changes.paired_at ?? null,
      label_printer_device_id: changes.label_printer_device_id ?? null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('device_id').doUpdateSet({ ...changes, updated_at: at }))
    .execute();
}

export function findPairingCode(db: Db, deviceId: string) {
  return db
    .selectFrom('kiosk_pairing_codes')
    .selectAll()
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
}

export function findPairingCodeByHash(db: Db, codeHash: string) {
  return db
    .selectFrom('kiosk_pairing_codes')
    .selectAll()
    .where('code_hash', '=', codeHash)
    .executeTakeFirst();
}

export function isCodeHashTaken(db: Db, codeHash: string) {
  return db
    .selectFrom('kiosk_pairing_codes')
    .select('device_id')
    .where('code_hash', '=', codeHash)
    .executeTakeFirst()
    .then((row) => row !== undefined);
}

/** The device's code, replacing an unused one; expired codes of every device go at the same time. */
export async function replacePairingCode(
  db: Db,
  row: Insertable<KioskPairingCodesTable>,
  now: string,
): Promise<void> {
  await db
    .deleteFrom('kiosk_pairing_codes')
    .where((eb) => eb.or([eb('device_id', '=', row.device_id), eb('expires_at', '<=', now)]))
    .execute();
  await db.insertInto('kiosk_pairing_codes').values(row).execute();
}

/** Uses a code up: true only for the one caller that deleted it (a code pairs one tablet). */
export async function takePairingCode(db: Db, deviceId: string, codeHash: string): Promise<boolean> {
  const result = await db
    .deleteFrom('kiosk_pairing_codes')
    .where('device_id', '=', deviceId)
    .where('code_hash', '=', codeHash)
    .executeTakeFirst();
  return result.numDeletedRows === 1n;
}
