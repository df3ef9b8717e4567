import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import { newestFirst } from '../../db/history-rows.js';
import { insertIfNew } from '../../db/insert-if-new.js';
import { findSingleRow, insertSingleRow, updateSingleRowIfVersion } from '../../db/single-row.js';
import type {
  OutboxMessagesTable,
  OutboxStatus,
  PushSubscriptionsTable,
} from '../../db/tables/notifications.js';

export type OutboxRow = Selectable<OutboxMessagesTable>;

// ---------------------------------------------------------------- settings

export const findSettingsRow = (db: Db) => findSingleRow(db.selectFrom('notification_settings'));

export const insertSettingsRow = (db: Db, data: string, at: string) =>
  insertSingleRow(db.insertInto('notification_settings'), data, at);

export const updateSettingsIfVersion = (db: Db, data: string, expectedVersion: number, at: string) =>
  updateSingleRowIfVersion(db.updateTable('notification_settings'), data, expectedVersion, at);

// ---------------------------------------------------------------- outbox

/** INSERT OR IGNORE on the idempotency key: true when the row is new. */
export async function insertMessageIfNew(db: Db, row: Insertable<OutboxMessagesTable>): Promise<boolean> {
  return insertIfNew(
    db
      .insertInto('outbox_messages')
      .values(row)
      .onConflict((oc) => oc.column('idempotency_key').doNothing()),
  );
}

export function findMessage(db: Db, id: string) {
  return db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findMessageByKey(db: Db, key: string) {
  return db.selectFrom('outbox_messages').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

export function listMessagesOfRepairOrder(db: Db, repairOrderId: string) {
  return newestFirst(
    db.selectFrom('outbox_messages'),
    ['repair_order_id', repairOrderId],
    ['created_at', 'id'],
  );
}

/** Messages that failed, or are retrying after an error: what the settings page shows. */
export function listProblemMessages(db: Db, limit: number) {
  return db
    .selectFrom('outbox_messages')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('status', '=', 'failed'),
        eb.and([eb('status', 'in', ['pending', 'sending']), eb('last_error', 'is not', null)]),
      ]),
    )
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

/** Due now: pending and next_attempt_at ≤ now, or sending with an expired lease (a crash mid-send). */
export function findDueMessages(db: Db, now: string, limit: number) {
  return db
    .selectFrom('outbox_messages')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', now)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}

/** Takes the row for one send attempt, only if it is still in the state it was read in. */
export async function claimMessage(
  db: Db,
  row: Pick<OutboxRow, 'id' | 'status' | 'attempts'>,
  leaseUntil: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('outbox_messages')
    .set({ status: 'sending', lease_until: leaseUntil, attempts: row.attempts + 1, updated_at: at })
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .where('attempts', '=', row.attempts)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The outcome of an attempt; applies only while the row is still 'sending' under our claim. */
export async function finishAttempt(
  db: Db,
  id: string,
  attempts: number,
  changes: {
    status: OutboxStatus;
    next_attempt_at?: string;
    last_error?: string | null;
    provider_message_id?: string | null;
    sent_at?: string | null;
  },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('outbox_messages')
    .set({ ...changes, lease_until: null, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('attempts', '=', attempts)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Staff "retry now": a failed or waiting message becomes due at once. */
export async function makeDueNow(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox_messages')
    .set({ status: 'pending', next_attempt_at: at, lease_until: null, updated_at: at })
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'failed'])
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Pending SMS to a number that just opted out: cancelled, with the reason. */
export async function cancelPendingSms(db: Db, phone: string, reason: string, at: string) {
  return db
    .updateTable('outbox_messages')
    .set({ status: 'cancelled', last_error: reason, lease_until: null, updated_at: at })
    .where('channel', '=', 'sms')
    .where('recipient', '=', phone)
    .where('status', '=', 'pending')
    .returning(['id', 'repair_order_id'])
    .execute();
}

// ---------------------------------------------------------------- opt-outs

export function isOptedOut(db: Db, phone: string) {
  return db
    .selectFrom('sms_opt_outs')
    .select('phone')
    .where('phone', '=', phone)
    .executeTakeFirst()
    .then((row) => row !== undefined);
}

export async function insertOptOut(db: Db, phone: string, source: 'stop_reply' | 'staff', at: string) {
  await db
    .insertInto('sms_opt_outs')
    .values({ phone, source, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('phone').doNothing())
    .execute();
}

export async function deleteOptOut(db: Db, phone: string): Promise<boolean> {
  const result = await db.deleteFrom('sms_opt_outs').where('phone', '=', phone).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

// ---------------------------------------------------------------- push subscriptions

export async function upsertPushSubscription(
  db: Db,
  row: Omit<PushSubscriptionsTable, 'created_at' | 'updated_at'>,
  at: string,
) {
  await db
    .insertInto('push_subscriptions')
    .values({ ...row, created_at: at, updated_at: at })
    .onConflict((oc) =>
      oc.column('endpoint').doUpdateSet({
        user_id: row.user_id,
        p256dh: row.p256dh,
        auth: row.auth,
        user_agent: row.user_agent,
        updated_at: at,
      }),
    )
    .execute();
  return db
    .selectFrom('push_subscriptions')
    .selectAll()
    .where('endpoint', '=', row.endpoint)
    .executeTakeFirstOrThrow();
}

export async function deletePushSubscription(db: Db, userId: string, endpoint: string): Promise<boolean> {
  const result = await db
    .deleteFrom('push_subscriptions')
    .where('user_id', '=', userId)
    .where('endpoint', '=', endpoint)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function deletePushSubscriptionById(db: Db, id: string): Promise<void> {
  await db.deleteFrom('push_subscriptions').where('id', '=', id).execute();
}

export function findPushSubscription(db: Db, id: string) {
  return db.selectFrom('push_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listPushSubscriptionsOfUser(db: Db, userId: string) {
  return db.selectFrom('push_subscriptions').selectAll().where('user_id', '=', userId).execute();
}

/** Push subscriptions of these users (the users module says who they are: UsersService). */
export function listPushSubscriptionsOfUsers(db: Db, userIds: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('push_subscriptions')
    .select(['id', 'user_id', 'endpoint', 'p256dh', 'auth'])
    .where('user_id', 'in', [...userIds])
    .execute();
}
