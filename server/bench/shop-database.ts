import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { MIGRATIONS } from '../src/db/migrations/index.js';
import { systemClock } from '../src/lib/clock.js';
import { ProgressBar } from '../scripts/seed/progress.js';
import { seedShop } from '../scripts/seed/seed.js';
import { removeDatabaseFiles } from '../scripts/seed/target.js';

/**
 * The busy shop the issue-3 suite runs on, generated once with the seed code and kept under
 * server/bench/.cache/. It is rebuilt when missing, or when the migrations or the seed code have
 * changed since (a new index or trigger changes what is measured).
 */
const CACHE_DIR = fileURLToPath(new URL('./.cache/', import.meta.url));
const MIGRATIONS_DIR = fileURLToPath(new URL('../src/db/migrations/', import.meta.url));
const SEED_DIR = fileURLToPath(new URL('../scripts/seed/', import.meta.url));
const SEED = 42;

export interface ShopDatabaseInfo {
  path: string;
  /** True when this run generated it; false when the cached copy was current. */
  built: boolean;
  /** How long generating it took (this run, or the run that built the cached copy). */
  seedSeconds: number;
  sizeMb: number;
  years: number;
  counts: Record<string, number>;
  builtAt: string;
}

interface Stamp {
  key: string;
  info: Omit<ShopDatabaseInfo, 'path' | 'built'>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** What the cached database depends on: the migration list and code, the seed code, the size. */
function cacheKey(years: number): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ migrations: Object.keys(MIGRATIONS), years, seed: SEED }));
  for (const file of [...filesUnder(MIGRATIONS_DIR), ...filesUnder(SEED_DIR)])
    hash.update(readFileSync(file));
  return hash.digest('hex');
}

function readStamp(path: string): Stamp | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Stamp;
  } catch {
    return null;
  }
}

async function build(path: string, years: number): Promise<Stamp['info']> {
  const building = `${path}.building`;
  removeDatabaseFiles(building);
  const database = openDatabase(building);
  try {
    await migrateToLatest(database, { backupDir: join(CACHE_DIR, 'backups'), clock: systemClock });
    const bar = new ProgressBar(process.stderr, `  generating a ${years}-year shop`);
    const result = await seedShop(database, {
      profile: { kind: 'years', years },
      seed: SEED,
      now: new Date(),
      onProgress: (fraction, label) => bar.update(fraction, label),
    });
    await database.close();
    removeDatabaseFiles(path);
    renameSync(building, path);
    return {
      seedSeconds: Math.round(result.elapsedMs / 100) / 10,
      sizeMb: Math.round((statSync(path).size / 1024 / 1024) * 10) / 10,
      years,
      counts: result.counts,
      builtAt: new Date().toISOString(),
    };
  } finally {
    await database.close();
    removeDatabaseFiles(building);
  }
}

/** The cached shop database, generated first if it is missing or out of date. */
export async function ensureShopDatabase(years: number): Promise<ShopDatabaseInfo> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const path = join(CACHE_DIR, `shop-${years}y.db`);
  const stampPath = `${path}.json`;
  const key = cacheKey(years);
  const stamp = readStamp(stampPath);
  if (stamp !== null && stamp.key === key && existsSync(path)) return { path, built: false, ...stamp.info };
  console.log(
    `Shop suite: ${stamp === null ? 'no cached database' : 'migrations or seed changed'}; generating ...`,
  );
  const info = await build(path, years);
  writeFileSync(stampPath, `${JSON.stringify({ key, info } satisfies Stamp, null, 2)}\n`);
  return { path, built: true, ...info };
}

/** A private copy to run against: the suite creates repair orders, the cache stays as generated. */
export function copyShopDatabase(path: string): { dataDir: string; database: Database } {
  const dataDir = mkdtempSync(join(tmpdir(), 'ase-bench-shop-'));
  copyFileSync(path, join(dataDir, 'ase.db'));
  return { dataDir, database: openDatabase(join(dataDir, 'ase.db')) };
}
