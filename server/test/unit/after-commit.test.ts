import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { afterCommit, inTransaction, reportAfterCommitErrors } from '../../src/db/after-commit.js';
import { openDatabase, type Database, type Db } from '../../src/db/database.js';

/** A real SQLite file with one table; each effect records what it saw committed. */
let dir: string;
let database: Database;
let db: Db;
let reader: BetterSqlite3.Database;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ase-after-commit-'));
  database = openDatabase(join(dir, 'test.db'), { durability: 'NORMAL' });
  db = database.kysely;
  await sql`CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)`.execute(db);
  reader = new BetterSqlite3(join(dir, 'test.db'), { readonly: true });
});
afterEach(async () => {
  reader.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

async function addNote(tx: Db, text: string): Promise<void> {
  await sql`INSERT INTO notes (text) VALUES (${text})`.execute(tx);
}

/** Read through a second connection: what another reader sees is what was committed. */
function committedNotes(): string[] {
  return (reader.prepare('SELECT text FROM notes ORDER BY id').all() as { text: string }[]).map(
    (row) => row.text,
  );
}

describe('afterCommit', () => {
  it('runs the effects after the commit, when the change is visible, and not before', async () => {
    const seen: string[][] = [];
    const result = await inTransaction(db, async (tx) => {
      await addNote(tx, 'first');
      afterCommit(tx, () => {
        seen.push(committedNotes());
      });
      expect(committedNotes()).toEqual([]); // not committed yet
      expect(seen).toEqual([]); // registered, not run
      return 'done';
    });
    expect(result).toBe('done');
    expect(seen).toEqual([['first']]);
  });

  it('runs none after a rollback, and the error reaches the caller', async () => {
    const ran: string[] = [];
    await expect(
      inTransaction(db, async (tx) => {
        await addNote(tx, 'lost');
        afterCommit(tx, () => {
          ran.push('effect');
        });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(ran).toEqual([]);
    expect(committedNotes()).toEqual([]);
    // The next transaction starts with an empty queue: nothing of the rolled-back one is left over.
    await inTransaction(db, async (tx) => {
      await addNote(tx, 'kept');
      afterCommit(tx, () => {
        ran.push('second');
      });
    });
    expect(ran).toEqual(['second']);
  });

  it('runs the effects in the order they were registered', async () => {
    const ran: number[] = [];
    await inTransaction(db, async (tx) => {
      for (const n of [1, 2, 3]) {
        await addNote(tx, `n${n}`);
        afterCommit(tx, () => {
          ran.push(n);
        });
      }
    });
    expect(ran).toEqual([1, 2, 3]);
  });

  it('a participant handed the tx (or joining with inTransaction) registers on the outer commit', async () => {
    const ran: string[] = [];
    // Another module's participant: it knows only the tx it is handed.
    const participant = async (tx: Db) => {
      await addNote(tx, 'participant');
      afterCommit(tx, () => {
        ran.push(`participant saw ${committedNotes().join(',')}`);
      });
    };
    // A service method that opens its own transaction when called alone, and joins the caller's.
    const joining = (tx: Db) =>
      inTransaction(tx, async (inner) => {
        expect(inner).toBe(tx);
        await addNote(inner, 'joined');
        afterCommit(inner, () => {
          ran.push('joined');
        });
      });
    await inTransaction(db, async (tx) => {
      afterCommit(tx, () => {
        ran.push('outer');
      });
      await participant(tx);
      await joining(tx);
      expect(ran).toEqual([]); // the joined "transaction" did not run its effects on its own
    });
    expect(ran).toEqual(['outer', 'participant saw participant,joined', 'joined']);

    // A participant's rollback is the whole transaction's: its effects and the caller's are dropped.
    ran.length = 0;
    await expect(
      inTransaction(db, async (tx) => {
        afterCommit(tx, () => {
          ran.push('outer');
        });
        await participant(tx);
        throw new Error('refused after the participant');
      }),
    ).rejects.toThrow('refused');
    expect(ran).toEqual([]);
  });

  it('an effect that throws is reported; the commit stands and the other effects still run', async () => {
    const reported: unknown[] = [];
    reportAfterCommitErrors(db, (error) => reported.push(error));
    const ran: string[] = [];
    const result = await inTransaction(db, async (tx) => {
      await addNote(tx, 'committed');
      afterCommit(tx, () => {
        throw new Error('listener broke');
      });
      afterCommit(tx, () => Promise.reject(new Error('async follow-up broke')));
      afterCommit(tx, () => {
        ran.push('after the broken ones');
      });
      return 'answered';
    });
    expect(result).toBe('answered');
    expect(ran).toEqual(['after the broken ones']);
    expect(committedNotes()).toEqual(['committed']);
    await new Promise((resolve) => setImmediate(resolve)); // the rejected promise's report
    expect(reported.map((e) => (e as Error).message)).toEqual(['listener broke', 'async follow-up broke']);
  });

  it('refuses a registration it could not honour instead of losing the effect', async () => {
    expect(() => afterCommit(db, () => {})).toThrow(/transaction/);
    await db.transaction().execute(async (tx) => {
      expect(() => afterCommit(tx, () => {})).toThrow(/not opened by inTransaction/);
    });
    let escaped: Db | undefined;
    await inTransaction(db, async (tx) => {
      escaped = tx;
    });
    expect(() => afterCommit(escaped!, () => {})).toThrow(/transaction/);
  });
});

describe('every transaction of the server', () => {
  it('is opened with inTransaction, so whatever it reaches can register afterCommit', () => {
    const src = fileURLToPath(new URL('../../src', import.meta.url));
    const raw = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && file !== join('db', 'after-commit.ts'))
      .filter((file) => /\.transaction\(\)/.test(readFileSync(join(src, file), 'utf8')))
      .map((file) => relative(src, join(src, file)));
    expect(raw).toEqual([]);
  });
});
