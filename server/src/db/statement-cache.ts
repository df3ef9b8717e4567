import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * How many prepared statements are kept. The app's queries are a few hundred distinct SQL texts;
 * an `in (?, ?, …)` list makes one text per length, so the cache is bounded and drops the least
 * recently used.
 */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The better-sqlite3 handle as Kysely sees it, preparing each SQL text once. Kysely's SQLite
 * driver prepares every query it runs, and compiling the SQL was the largest single cost of a
 * query on the shop floor (about a third of the CPU of 50 dongles reporting each second). A
 * statement is reused only when it is not busy (a streamed query still iterating holds it); a
 * schema change needs nothing: SQLite prepares a statement again by itself when the schema moved.
 */
export function withStatementCache(
  sqlite: BetterSqlite3.Database,
  size: number = STATEMENT_CACHE_SIZE,
): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql: string): SqliteStatement => {
      const cached = cache.get(sql);
      if (cached !== undefined && !cached.busy) {
        // Map order is insertion order: moving it to the end keeps the least recently used first.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (cached === undefined) {
        cache.set(sql, statement);
        if (cache.size > size) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}
