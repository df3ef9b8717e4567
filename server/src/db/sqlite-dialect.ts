import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';
import { withStatementCache } from './statement-cache.js';

/**
 * SQLite rolls a transaction back by itself after some errors (SQLITE_FULL, SQLITE_IOERR, ...: a
 * full or failing disk). Kysely then sends ROLLBACK anyway, which fails with "cannot rollback -
 * no transaction is active", and that error replaces the real one: a full disk became a generic
 * 500 instead of the 507 that says what happened. This driver rolls back only what is still open.
 */
class SqliteDriverKeepingTheCause extends SqliteDriver {
  readonly #sqlite: BetterSqlite3.Database;

  constructor(sqlite: BetterSqlite3.Database) {
    super({ database: withStatementCache(sqlite) });
    this.#sqlite = sqlite;
  }

  /**
   * BEGIN IMMEDIATE, not Kysely's deferred BEGIN. ASE has one connection, but Litestream is a
   * second writer on the same file (its _litestream_seq/_litestream_lock rows, its checkpoints).
   * A deferred transaction that reads, then writes after Litestream committed in between, fails at
   * once with SQLITE_BUSY_SNAPSHOT (the busy timeout does not apply to a stale snapshot): a
   * payment answered 500 under replication. Taking the write lock at BEGIN waits (busy_timeout)
   * instead, and the transaction then reads what it writes over.
   */
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#sqlite.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

/**
 * Kysely's SQLite dialect over one better-sqlite3 handle, keeping a failed transaction's own error
 * and preparing each SQL text once (statement-cache.ts).
 */
export class AseSqliteDialect extends SqliteDialect {
  readonly #sqlite: BetterSqlite3.Database;

  constructor(sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }

  override createDriver(): Driver {
    return new SqliteDriverKeepingTheCause(this.#sqlite);
  }
}
