import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { withStatementCache } from '../../src/db/statement-cache.js';
import { tempDirsRemovedAfterEach } from '../helpers/temp-dirs.js';

/** Real SQLite files: the cache is a wrapper over better-sqlite3, so it is tested against it. */
const tempDir = tempDirsRemovedAfterEach('ase-statement-cache-');
const tempDb = () => join(tempDir(), 'x.db');

describe('withStatementCache', () => {
  it('prepares a SQL text once and hands the same statement back', () => {
    const sqlite = new BetterSqlite3(tempDb());
    const db = withStatementCache(sqlite);
    const first = db.prepare('SELECT 1 AS one');
    expect(db.prepare('SELECT 1 AS one')).toBe(first);
    expect(db.prepare('SELECT 2 AS two')).not.toBe(first);
    expect(first.all([])).toEqual([{ one: 1 }]);
    db.close();
    expect(sqlite.open).toBe(false);
  });

  it('keeps at most `size` statements, dropping the least recently used', () => {
    const sqlite = new BetterSqlite3(tempDb());
    const db = withStatementCache(sqlite, 2);
    const a = db.prepare('SELECT 1');
    const b = db.prepare('SELECT 2');
    expect(db.prepare('SELECT 1')).toBe(a); // used again: SELECT 2 is now the oldest
    db.prepare('SELECT 3');
    expect(db.prepare('SELECT 1')).toBe(a);
    expect(db.prepare('SELECT 2')).not.toBe(b);
    db.close();
  });

  it('a statement still iterating is not handed out again: the second query gets its own', () => {
    const sqlite = new BetterSqlite3(tempDb());
    sqlite.exec('CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1), (2), (3)');
    const db = withStatementCache(sqlite);
    const text = 'SELECT v FROM t ORDER BY v';
    const outer = db.prepare(text);
    const seen: unknown[] = [];
    for (const row of outer.iterate([])) {
      // Reusing `outer` here would throw "This statement is busy executing a query".
      seen.push([row, db.prepare(text).all([])]);
    }
    expect(seen).toHaveLength(3);
    expect(seen[0]).toEqual([{ v: 1 }, [{ v: 1 }, { v: 2 }, { v: 3 }]]);
    db.close();
  });

  it('through Kysely: the same query twice, a streamed query, and a schema change', async () => {
    const database = openDatabase(tempDb(), { durability: 'NORMAL' });
    const db = database.kysely;
    await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)`.execute(db);
    const insert = (v: string) => sql`INSERT INTO t (v) VALUES (${v})`.execute(db);
    await insert('a');
    await insert('b');
    const all = () => sql<Record<string, unknown>>`SELECT * FROM t ORDER BY id`.execute(db);
    expect((await all()).rows).toEqual([
      { id: 1, v: 'a' },
      { id: 2, v: 'b' },
    ]);
    const streamed: unknown[] = [];
    for await (const row of db
      .selectFrom('t' as never)
      .select(sql<number>`id`.as('id'))
      .stream())
      streamed.push(row);
    expect(streamed).toEqual([{ id: 1 }, { id: 2 }]);
    // The cached `SELECT *` sees the new column: SQLite re-prepares a statement after a schema change.
    await sql`ALTER TABLE t ADD COLUMN w TEXT DEFAULT 'z'`.execute(db);
    expect((await all()).rows).toEqual([
      { id: 1, v: 'a', w: 'z' },
      { id: 2, v: 'b', w: 'z' },
    ]);
    await database.close();
  });
});
