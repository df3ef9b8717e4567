import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from './schema.js';

export type Db = Kysely<DB>;

/** The open database: the raw handle (backups, pragmas, benchmarks) and the Kysely view of it. */
export interface Database {
  readonly path: string;
  readonly sqlite: BetterSqlite3.Database;
  readonly kysely: Db;
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) the SQLite file with the pragmas the whole app relies on:
 * WAL so readers never wait for the writer, foreign keys enforced, a busy timeout instead of
 * immediate SQLITE_BUSY, and synchronous=NORMAL (safe against process crashes in WAL mode).
 */
export function openDatabase(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const kysely = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  let closed = false;
  return {
    path,
    sqlite,
    kysely,
    async close() {
      if (closed) return;
      closed = true;
      await kysely.destroy(); // closes the better-sqlite3 handle too
    },
  };
}
