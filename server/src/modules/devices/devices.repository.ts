import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DevicesTable } from '../../db/tables/devices.js';
import { updateIfVersion } from '../../db/versioned-rows.js';

export function listDevices(db: Db) {
  return db.selectFrom('devices').selectAll().orderBy('kind').orderBy('name').execute();
}

export function listDevicesOfKind(db: Db, kind: string) {
  return db
    .selectFrom('devices')
    .selectAll()
    .where('kind', '=', kind)
    .where('revoked_at', 'is', null)
    .orderBy('name')
    .execute();
}

export function findDevice(db: Db, id: string) {
  return db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDevice(db: Db, row: Insertable<DevicesTable>): Promise<void> {
  await db.insertInto('devices').values(row).execute();
}

export async function updateDeviceIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Omit<Updateable<DevicesTable>, 'id' | 'version'>,
): Promise<boolean> {
  return updateIfVersion(db.updateTable('devices'), id, expectedVersion, changes);
}

/** A new password or a revocation: bumps the version (the owner's screen holds a stale copy). */
export async function updateDeviceSecurity(
  db: Db,
  id: string,
  changes: Pick<Updateable<DevicesTable>, 'password_hash' | 'revoked_at' | 'updated_at'>,
): Promise<void> {
  await db
    .updateTable('devices')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** What the broker learned since the last flush: counters are added, the rest overwritten when known. */
export interface DeviceHealthDelta {
  badMessages: number;
  lastError: string | null;
  lastErrorAt: string | null;
  refusals: number;
  lastRefusal: string | null;
  lastRefusalAt: string | null;
  lastSeenAt: string | null;
  firmware: string | null;
  model: string | null;
}

export async function applyDeviceHealth(db: Db, id: string, delta: DeviceHealthDelta): Promise<void> {
  await db
    .updateTable('devices')
    .set({
      bad_messages: sql<number>`bad_messages + ${delta.badMessages}`,
      refusals: sql<number>`refusals + ${delta.refusals}`,
      ...(delta.lastError === null ? {} : { last_error: delta.lastError, last_error_at: delta.lastErrorAt }),
      ...(delta.lastRefusal === null
        ? {}
        : { last_refusal: delta.lastRefusal, last_refusal_at: delta.lastRefusalAt }),
      ...(delta.lastSeenAt === null ? {} : { last_seen_at: delta.lastSeenAt }),
      ...(delta.firmware === null ? {} : { firmware: delta.firmware }),
      ...(delta.model === null ? {} : { model: delta.model }),
    })
    .where('id', '=', id)
    .execute();
}
