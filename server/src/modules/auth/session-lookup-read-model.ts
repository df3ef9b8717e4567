import type BetterSqlite3 from 'better-sqlite3';
import type { Role } from '../../db/schema.js';
import type { SessionMethod } from '../../db/tables/auth.js';

/*
 * Read model (db/tables/index.ts): a session with its user's name, role and state, the one
 * cross-module read every signed-in request makes (sessions are auth's, users the users module's).
 * It only reads.
 */

export interface SessionWithUser {
  id: string;
  user_id: string;
  method: SessionMethod;
  mfa_verified: number;
  last_seen_at: string;
  expires_at: string;
  user_name: string;
  user_email: string | null;
  user_role: Role;
  user_active: number;
}

export type SessionLookup = (tokenHash: string) => SessionWithUser | undefined;

/**
 * The one query every signed-in request runs, as a prepared better-sqlite3 statement instead of a
 * Kysely query: measured at about 90 µs per request through Kysely (build + compile + async driver)
 * against a few µs prepared, on a path taken by every screen in the shop.
 * It runs on the same connection as Kysely, so while another request holds a transaction it sees
 * that transaction's rows. For a session lookup that is harmless: an uncommitted session's token
 * has not been handed to anyone yet, and an uncommitted deactivation only takes effect early.
 */
export function prepareSessionLookup(sqlite: BetterSqlite3.Database): SessionLookup {
  const statement = sqlite.prepare<[string], SessionWithUser>(`
    SELECT sessions.id, sessions.user_id, sessions.method, sessions.mfa_verified,
           sessions.last_seen_at, sessions.expires_at,
           users.name AS user_name, users.email AS user_email,
           users.role AS user_role, users.active AS user_active
    FROM sessions JOIN users ON users.id = sessions.user_id
    WHERE sessions.token_hash = ?`);
  return (tokenHash) => statement.get(tokenHash);
}
