import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { systemClock } from '../../src/lib/clock.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDbPath: string;
  }
}

/** Migrates one template database for the whole run; each test copies it (fast, and always current). */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'ase-template-'));
  const path = join(dir, 'template.db');
  const database = openDatabase(path);
  await migrateToLatest(database, { backupDir: join(dir, 'backups'), clock: systemClock });
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await database.close();
  project.provide('templateDbPath', path);
  return () => rmSync(dir, { recursive: true, force: true });
}
