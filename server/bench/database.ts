import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Database } from '../src/db/database.js';
import type { UserRow } from '../src/db/schema.js';
import { newId } from '../src/lib/ids.js';
import { openScratchDatabase } from './servers.js';
import type { BenchSettings } from './settings.js';

export interface DbResult {
  iterations: number;
  rounds: number;
  seededUsers: number;
  /** Median over the rounds, so one GC pause in one round does not decide the ratio. */
  rawOpsPerSecond: number;
  kyselyOpsPerSecond: number;
}

/** Enough staff rows that the lookups walk a real index rather than hitting one hot page. */
function seedUsers(database: Database, count: number): string[] {
  const now = new Date().toISOString();
  const insert = database.sqlite.prepare(
    `INSERT INTO users (id, name, email, role, password_hash, created_at, updated_at)
     VALUES (?, ?, ?, 'advisor', 'not-a-real-hash', ?, ?)`,
  );
  const ids: string[] = [];
  database.sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = newId();
      insert.run(id, `Bench User ${i}`, `user${i}@bench.test`, now, now);
      ids.push(id);
    }
  })();
  return ids;
}

/** The ids in a scattered but repeatable order, identical for both contestants. */
function lookupOrder(ids: string[], iterations: number): string[] {
  const order: string[] = [];
  // 7919 is prime, so the stride visits every id before repeating (unless it divides ids.length).
  for (let i = 0; i < iterations; i++) order.push(ids[(i * 7919) % ids.length] ?? '');
  return order;
}

function opsPerSecond(iterations: number, started: number): number {
  return iterations / ((performance.now() - started) / 1000);
}

/** Every lookup must find its row; counting them also keeps the work from being optimised away. */
function assertAllFound(kind: string, found: number, expected: number): void {
  if (found !== expected) throw new Error(`${kind}: found ${found} of ${expected} users`);
}

// Kept synchronous on purpose: awaiting each raw call would charge the baseline for promise
// overhead that only the Kysely path really has.
function measureRaw(database: Database, order: string[]): number {
  const statement = database.sqlite.prepare('SELECT * FROM users WHERE id = ?');
  let found = 0;
  const started = performance.now();
  for (const id of order) if ((statement.get(id) as UserRow | undefined) !== undefined) found++;
  const result = opsPerSecond(order.length, started);
  assertAllFound('raw', found, order.length);
  return result;
}

async function measureKysely(database: Database, order: string[]): Promise<number> {
  const db = database.kysely;
  let found = 0;
  const started = performance.now();
  for (const id of order) {
    if ((await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()) !== undefined)
      found++;
  }
  const result = opsPerSecond(order.length, started);
  assertAllFound('kysely', found, order.length);
  return result;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** Raw better-sqlite3 vs Kysely for the lookup every authenticated request makes, rounds interleaved. */
export async function measureDatabase(settings: BenchSettings): Promise<DbResult> {
  const { dataDir, database } = await openScratchDatabase('ase-bench-db-');
  try {
    const order = lookupOrder(seedUsers(database, settings.dbSeedUsers), settings.dbIterations);
    const warmup = order.slice(0, Math.max(1, Math.floor(order.length / 10)));
    measureRaw(database, warmup);
    await measureKysely(database, warmup);
    const raw: number[] = [];
    const kysely: number[] = [];
    for (let round = 0; round < settings.dbRounds; round++) {
      raw.push(measureRaw(database, order));
      kysely.push(await measureKysely(database, order));
    }
    return {
      iterations: settings.dbIterations,
      rounds: settings.dbRounds,
      seededUsers: settings.dbSeedUsers,
      rawOpsPerSecond: median(raw),
      kyselyOpsPerSecond: median(kysely),
    };
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
