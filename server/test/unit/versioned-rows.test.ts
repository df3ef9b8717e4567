import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type Db } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { systemClock } from '../../src/lib/clock.js';
import { updateIfVersion } from '../../src/db/versioned-rows.js';

/** A real, migrated SQLite file; the bays table stands for every versioned table. */
let dir: string;
let database: Database;
let db: Db;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ase-versioned-rows-'));
  database = openDatabase(join(dir, 'test.db'), { durability: 'NORMAL' });
  db = database.kysely;
  await migrateToLatest(database, { backupDir: join(dir, 'backups'), clock: systemClock });
  await db
    .insertInto('bays')
    .values({
      id: 'bay-1',
      name: 'Lift 1',
      capabilities: '[]',
      active: 1,
      created_at: 't0',
      updated_at: 't0',
    })
    .execute();
  await db
    .insertInto('bays')
    .values({
      id: 'bay-2',
      name: 'Lift 2',
      capabilities: '[]',
      active: 1,
      created_at: 't0',
      updated_at: 't0',
    })
    .execute();
});
afterEach(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const bays = () => db.selectFrom('bays').select(['id', 'name', 'version']).orderBy('id').execute();

describe('updateIfVersion', () => {
  it('writes the changes and bumps the version when the row is at the expected version', async () => {
    const [before] = await bays();
    const ok = await updateIfVersion(db.updateTable('bays'), 'bay-1', before!.version, { name: 'Lift A' });
    expect(ok).toBe(true);
    expect(await bays()).toEqual([
      { id: 'bay-1', name: 'Lift A', version: before!.version + 1 },
      { id: 'bay-2', name: 'Lift 2', version: before!.version },
    ]);
  });

  it('writes nothing and says so when the version is stale or the row is gone', async () => {
    const [before] = await bays();
    const stale = await updateIfVersion(db.updateTable('bays'), 'bay-1', before!.version + 1, {
      name: 'Lift A',
    });
    const gone = await updateIfVersion(db.updateTable('bays'), 'bay-9', before!.version, { name: 'X' });
    expect([stale, gone]).toEqual([false, false]);
    expect((await bays()).map((b) => [b.name, b.version])).toEqual([
      ['Lift 1', before!.version],
      ['Lift 2', before!.version],
    ]);
  });
});
