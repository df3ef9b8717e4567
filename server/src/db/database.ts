import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { DB } from './schema.js';
import { AseSqliteDialect } from './sqlite-dialect.js';

export type Db = Kysely<DB>;

/** The open database: the raw handle (backups, pragmas, benchmarks) and the Kysely view of it. */
export interface Database {
  readonly path: string;
  readonly sqlite: BetterSqlite3.Database;
  readonly kysely: Db;
  close(): Promise<void>;
}

/**
 * How hard a commit waits for the disk. FULL (the default): a commit is on the disk before the
 * client hears "saved", so even a power cut loses no acknowledged write. NORMAL is safe against a
 * process crash (SIGKILL) in WAL mode but a power cut can lose the last commits; tests use it
 * because their files are thrown away. Measured on this box (server/bench/crash-durability.ts):
 * FULL costs 0.4-1.4 ms per commit, an RO with three lines went from 9.1 to 11.5 ms (quiet) —
 * still over 25 ROs a second at worst, against a shop's 10-20 a day.
 */
export type Durability = 'FULL' | 'NORMAL';

/**
 * Opens (creating if needed) the SQLite file with the pragmas the whole app relies on:
 * WAL so readers never wait for the writer, foreign keys enforced, a busy timeout instead of
 * immediate SQLITE_BUSY, and the durability above.
 */
export function openDatabase(path: string, options: { durability?: Durability } = {}): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`synchronous = ${options.durability ?? 'FULL'}`);
  const kysely = new Kysely<DB>({ dialect: new AseSqliteDialect(sqlite) });
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
