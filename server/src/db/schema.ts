import type { Insertable, Selectable, Updateable } from 'kysely';
import type { SessionsTable } from './tables/auth.js';
import type { UsersTable } from './tables/users.js';

/** The whole database as Kysely sees it, assembled from each module's tables in tables/index.ts. */
export type { DB } from './tables/index.js';

/**
 * Kysely's view of the tables: each module's own in tables/<module>.ts (who owns what, and who may
 * read it, is the contract at the top of tables/index.ts). Money is integer cents, times are UTC
 * ISO-8601 text, ids are UUIDv7 text, JSON columns are text checked by `json_valid`. Keep in step
 * with db/migrations.
 */

export { JOB_STATUSES, ROLES, type JobStatus, type Role, type Timestamps } from './columns.js';

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
