import { sql } from 'kysely';

/**
 * SQL text the migrations' CREATE TABLE statements share. FROZEN: shipped migrations interpolate
 * it, and SQLite keeps each table's CREATE statement as written (sqlite_master), so changing it
 * would give new installs a schema text the upgraded shops do not have. A new shape is a new
 * constant.
 */

/**
 * The last columns of every editable row (DESIGN.md: a `version` for optimistic concurrency, then
 * the stamps), laid out at the six-space indent of a CREATE TABLE's column list.
 */
export const VERSION_AND_STAMPS = sql.raw(
  ['version INTEGER NOT NULL DEFAULT 1', 'created_at TEXT NOT NULL', 'updated_at TEXT NOT NULL'].join(
    ',\n      ',
  ),
);
