import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Clock } from '../lib/clock.js';
import type { Database } from './database.js';
import { MIGRATIONS } from './migrations/index.js';

const MIGRATION_TABLE = 'schema_migrations';
const MIGRATION_LOCK_TABLE = 'schema_migrations_lock';

/** The database was written by a newer ASE: opening it with this build could corrupt it. */
export class UnknownMigrationError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `This database carries migration(s) this version of ASE does not know: ${unknown.join(', ')}. ` +
        'It was written by a newer ASE. Install that version (or newer), or restore a backup made ' +
        'for this version. The database was not changed.',
    );
    this.name = 'UnknownMigrationError';
  }
}

export interface MigrationResult {
  applied: string[];
  /** Where the pre-migration copy was written, when there was existing data to protect. */
  backupPath: string | null;
}

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(this.migrations);
  }
}

function appliedMigrationNames(db: Database): string[] {
  const table = db.sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(MIGRATION_TABLE);
  if (table === undefined) return [];
  return (
    db.sqlite.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).all() as { name: string }[]
  ).map((row) => row.name);
}

export interface MigrateOptions {
  /** Folder for the copy taken before pending migrations run on existing data. */
  backupDir: string;
  clock: Clock;
  migrations?: Record<string, Migration>;
}

/**
 * Brings the database to this build's schema. Refuses a database that has a migration this build
 * does not know; copies an existing database aside (SQLite online backup) before changing it.
 */
export async function migrateToLatest(db: Database, options: MigrateOptions): Promise<MigrationResult> {
  const known = options.migrations ?? MIGRATIONS;
  const applied = appliedMigrationNames(db);
  const unknown = applied.filter((name) => !(name in known));
  if (unknown.length > 0) throw new UnknownMigrationError(unknown);

  const pending = Object.keys(known).filter((name) => !applied.includes(name));
  if (pending.length === 0) return { applied: [], backupPath: null };

  let backupPath: string | null = null;
  if (applied.length > 0 && db.path !== ':memory:') {
    mkdirSync(options.backupDir, { recursive: true });
    const stamp = options.clock.now().toISOString().replace(/[:.]/g, '-');
    backupPath = join(options.backupDir, `ase-${stamp}-before-${pending[0]}.db`);
    await db.sqlite.backup(backupPath);
  }

  const migrator = new Migrator({
    db: db.kysely,
    provider: new StaticMigrationProvider(known),
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${(error as Error).message}`, { cause: error });
  }
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    backupPath,
  };
}
