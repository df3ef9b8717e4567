import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import {
  classifyStorageError,
  formatBytes,
  storageProblemOf,
  type StorageFault,
} from '../../src/lib/storage-errors.js';

/** Real SQLite errors, made cheaply: a page limit stands in for a full disk, a read-only handle for a read-only one. */
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ase-storage-errors-'));
  dirs.push(dir);
  return join(dir, 'x.db');
}

function errorOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

const asIs = (fault: StorageFault) => (fault === 'io' ? null : fault);

describe('classifyStorageError', () => {
  it('SQLITE_FULL (a page limit reached, as on a full disk) is full, and a 507', () => {
    const db = new BetterSqlite3(tempDb());
    db.exec('CREATE TABLE t (v TEXT)');
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const error = errorOf(() => db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000)));
    db.close();
    expect((error as { code: string }).code).toBe('SQLITE_FULL');
    expect(classifyStorageError(error)).toBe('full');
    expect(storageProblemOf(error, asIs)?.status).toBe(507);
  });

  it('SQLITE_FULL inside a Kysely transaction reaches the caller as itself, not as a failed ROLLBACK', async () => {
    const database = openDatabase(tempDb(), { durability: 'NORMAL' });
    database.sqlite.exec('CREATE TABLE t (v TEXT)');
    database.sqlite.pragma(
      `max_page_count = ${database.sqlite.pragma('page_count', { simple: true }) as number}`,
    );
    const attempt = database.kysely.transaction().execute(async (tx) => {
      for (let i = 0; i < 50; i++)
        await tx
          .insertInto('t' as never)
          .values({ v: 'x'.repeat(10_000) })
          .execute();
    });
    await expect(attempt).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect(database.sqlite.inTransaction).toBe(false);
    await database.close();
  });

  it('SQLITE_READONLY is read-only, and a 503', () => {
    const path = tempDb();
    new BetterSqlite3(path).exec('CREATE TABLE t (v TEXT)');
    const db = new BetterSqlite3(path, { readonly: true });
    const error = errorOf(() => db.prepare('INSERT INTO t VALUES (1)').run());
    db.close();
    expect((error as { code: string }).code).toMatch(/^SQLITE_READONLY/);
    expect(classifyStorageError(error)).toBe('read-only');
    expect(storageProblemOf(error, asIs)?.status).toBe(503);
  });

  it('file system codes, through a cause link too; SQLite I/O errors are resolved by the caller', () => {
    expect(classifyStorageError(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe('full');
    expect(classifyStorageError(new Error('upload failed', { cause: { code: 'EROFS' } }))).toBe('read-only');
    const ioError = Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' });
    expect(classifyStorageError(ioError)).toBe('io');
    expect(storageProblemOf(ioError, () => 'read-only')?.status).toBe(503);
    expect(storageProblemOf(ioError, () => null)).toBeNull(); // a failing disk stays a logged 500
    expect(
      classifyStorageError(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_UNIQUE' })),
    ).toBeNull();
    expect(classifyStorageError('not an error')).toBeNull();
  });
});

describe('formatBytes', () => {
  it('reads as on a banner', () => {
    expect([0, 999, 1000, 512_000, 1_400_000_000, 16_777_216].map(formatBytes)).toEqual([
      '0 bytes',
      '999 bytes',
      '1 KB',
      '512 KB',
      '1.4 GB',
      '17 MB',
    ]);
  });
});
