import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { afterCommit } from '../../src/db/after-commit.js';
import { openDatabase, type Database, type Db } from '../../src/db/database.js';
import { GroupCommit } from '../../src/db/group-commit.js';

/** A real SQLite file per test, with one table of (device, seq) rows. */
const opened: Array<{ database: Database; dir: string }> = [];
afterEach(async () => {
  for (const { database, dir } of opened.splice(0)) {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function open(): Database {
  const dir = mkdtempSync(join(tmpdir(), 'ase-group-commit-'));
  const database = openDatabase(join(dir, 'x.db'), { durability: 'NORMAL' });
  database.sqlite.exec(
    'CREATE TABLE report (device TEXT NOT NULL, seq INTEGER NOT NULL, UNIQUE (device, seq))',
  );
  opened.push({ database, dir });
  return database;
}

const insert = (tx: Db, device: string, seq: number) =>
  sql`INSERT INTO report (device, seq) VALUES (${device}, ${seq})`.execute(tx);
const rows = (database: Database) =>
  database.sqlite.prepare('SELECT device, seq FROM report ORDER BY rowid').all();

describe('GroupCommit', () => {
  it('runs the works of one turn in one transaction, in call order, and each caller gets its own result', async () => {
    const database = open();
    const commits = new GroupCommit(database.kysely);
    const seen: Db[] = [];
    const results = await Promise.all(
      ['a', 'b', 'c'].map((device, index) =>
        commits.run(async (tx) => {
          seen.push(tx);
          await insert(tx, device, index);
          return `${device}${index}`;
        }),
      ),
    );
    expect(results).toEqual(['a0', 'b1', 'c2']);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(1); // one transaction: one commit for the three
    expect(seen[0]!.isTransaction).toBe(true);
    expect(rows(database)).toEqual([
      { device: 'a', seq: 0 },
      { device: 'b', seq: 1 },
      { device: 'c', seq: 2 },
    ]);
  });

  it('splits a larger batch into transactions of at most maxBatch works', async () => {
    const database = open();
    const commits = new GroupCommit(database.kysely, 2);
    const seen: Db[] = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map((seq) =>
        commits.run(async (tx) => {
          seen.push(tx);
          await insert(tx, 'a', seq);
        }),
      ),
    );
    expect(new Set(seen).size).toBe(3);
    expect(rows(database)).toHaveLength(5);
  });

  it('a work that throws fails alone: the others of its batch commit, with their after-commit effects', async () => {
    const database = open();
    const commits = new GroupCommit(database.kysely);
    const effects: string[] = [];
    const work = (device: string, seq: number) =>
      commits.run(async (tx) => {
        await insert(tx, device, seq);
        afterCommit(tx, () => {
          effects.push(`${device}${seq}`);
        });
        return seq;
      });
    const outcomes = await Promise.allSettled([work('a', 1), work('a', 1), work('b', 2)]);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: 1 });
    expect(outcomes[1].status).toBe('rejected');
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE constraint failed/);
    expect(outcomes[2]).toEqual({ status: 'fulfilled', value: 2 });
    expect(rows(database)).toEqual([
      { device: 'a', seq: 1 },
      { device: 'b', seq: 2 },
    ]);
    // The rolled-back batch told nobody; the commits one by one told of what they wrote.
    expect(effects).toEqual(['a1', 'b2']);
  });

  it('works added while a batch commits go into the next one', async () => {
    const database = open();
    const commits = new GroupCommit(database.kysely);
    const seen: Db[] = [];
    const later: Promise<void>[] = [];
    await commits.run(async (tx) => {
      seen.push(tx);
      later.push(
        commits.run(async (next) => {
          seen.push(next);
          await insert(next, 'b', 2);
        }),
      );
      await insert(tx, 'a', 1);
    });
    await Promise.all(later);
    expect(seen).toHaveLength(2);
    expect(seen[0]).not.toBe(seen[1]);
    expect(rows(database)).toHaveLength(2);
  });
});
