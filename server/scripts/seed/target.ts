import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../src/db/database.js';

/** Tables whose rows mean "somebody uses this database": seeding over them would mix two shops. */
const DATA_TABLES = [
  'users',
  'customers',
  'vehicles',
  'repair_orders',
  'appointments',
  'technicians',
  'bays',
];

export function tablesWithData(database: Database): string[] {
  const existing = new Set(
    (
      database.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as {
        name: string;
      }[]
    ).map((row) => row.name),
  );
  return DATA_TABLES.filter(
    (table) =>
      existing.has(table) && database.sqlite.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined,
  );
}

/** Copies the database aside (SQLite online backup, consistent even in WAL mode); returns the copy's path. */
export async function backUp(database: Database, dataDir: string, at: Date): Promise<string> {
  const dir = join(dataDir, 'backups');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `ase-${at.toISOString().replace(/[:.]/g, '-')}-before-seed.db`);
  await database.sqlite.backup(path);
  return path;
}

/** Removes the database file and its WAL companions. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) rmSync(path + suffix);
  }
}
