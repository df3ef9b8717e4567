import type { Db } from '../../db/database.js';
import type { NewUserRow, Role, UserRow, UserUpdate } from '../../db/schema.js';
import { updateIfVersion, type UpdateIfVersion } from '../../db/versioned-rows.js';

export function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  // The column is COLLATE NOCASE, so this matches whatever case the user typed.
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('active', 'desc').orderBy('name').execute();
}

export function listPinUsers(db: Db): Promise<Pick<UserRow, 'id' | 'name' | 'role'>[]> {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where('active', '=', 1)
    .where('pin_hash', 'is not', null)
    .orderBy('name')
    .execute();
}

/** Names of the users with these ids (unknown ids are simply absent). */
export function listUserNames(db: Db, ids: readonly string[]): Promise<Pick<UserRow, 'id' | 'name'>[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function countActiveWithRole(db: Db, role: Role): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', role)
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function insertUser(db: Db, user: NewUserRow): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

/**
 * Updates only when the row still has `expectedVersion` (optimistic concurrency); bumps the
 * version. Returns false when someone else changed the row first.
 */
export const updateUserIfVersion: UpdateIfVersion<'users'> = (db, ...args) =>
  updateIfVersion(db.updateTable('users'), ...args);

/** For changes that are not edits of the record by a person (sign-in bookkeeping, MFA state). */
export async function updateUser(
  db: Db,
  id: string,
  changes: Omit<UserUpdate, 'id' | 'version'>,
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Sign-in bookkeeping: the last TOTP step used (no version bump: not an edit of the record). */
export async function updateTotpLastCounter(db: Db, id: string, counter: number): Promise<void> {
  await db.updateTable('users').set({ totp_last_counter: counter }).where('id', '=', id).execute();
}

/** Ids of the active users with one of these roles. */
export async function listActiveUserIdsWithRoles(db: Db, roles: readonly Role[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role', 'in', [...roles])
    .where('active', '=', 1)
    .execute();
  return rows.map((row) => row.id);
}
