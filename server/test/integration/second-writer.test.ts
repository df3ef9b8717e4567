import { rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { copyTemplateDatabase } from '../helpers/test-app.js';

/**
 * Litestream is a second writer on ASE's database file: it writes its own bookkeeping rows and
 * checkpoints while ASE works. A transaction that read, then wrote after such a commit, failed
 * at once with SQLITE_BUSY_SNAPSHOT (a payment answered 500 under replication). Transactions now
 * take the write lock when they begin, so the other writer's commit lands before or after them.
 */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a second writer on the database file', () => {
  it('a transaction that reads, then writes, is not broken by a commit from another connection', async () => {
    const { dataDir, database } = copyTemplateDatabase();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    cleanups.push(() => database.close());
    database.sqlite.exec('CREATE TABLE visits (id INTEGER PRIMARY KEY, note TEXT NOT NULL)');
    const other = new BetterSqlite3(database.path);
    cleanups.push(() => void other.close());
    other.pragma('busy_timeout = 50');
    // The other writer, the way Litestream does it: a short write now and then.
    let otherCommits = 0;
    let otherRefused = 0;
    const otherWrites = () => {
      try {
        other.exec(`INSERT INTO visits (note) VALUES ('litestream-like ${otherCommits}')`);
        otherCommits += 1;
      } catch {
        otherRefused += 1; // ASE holds the write lock: the other writer waits for its turn
      }
    };

    for (let round = 0; round < 20; round += 1) {
      await database.kysely.transaction().execute(async (tx) => {
        const before = await sql<{ n: number }>`SELECT count(*) AS n FROM visits`.execute(tx);
        // Another connection commits between this transaction's read and its write.
        await new Promise<void>((resolve) => setImmediate(resolve));
        otherWrites();
        await sql`INSERT INTO visits (note) VALUES (${`ase ${round} saw ${before.rows[0]?.n}`})`.execute(tx);
      });
      otherWrites(); // outside ASE's transaction it always gets through
    }
    const rows = database.sqlite.prepare(`SELECT count(*) FROM visits WHERE note LIKE 'ase %'`).pluck().get();
    expect(rows).toBe(20);
    // The other writer was made to wait while ASE's transaction was open, never the other way round.
    expect(otherRefused).toBe(20);
    expect(otherCommits).toBe(20);
  });
});
