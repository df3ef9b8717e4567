import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { LitestreamSupervisor } from '../src/modules/backup/litestream-supervisor.js';
import { replicaDbPath } from '../src/modules/backup/litestream.js';
import { restoreShop } from '../src/modules/backup/restore.js';
import { AckLedger, HttpClient, LoadClient, seededRng } from '../test/helpers/crash-load.js';
import { CANNED_JOB } from '../test/helpers/crash-run.js';
import { signIn, startAseOn } from './servers.js';
import { copyShopDatabase } from './shop-database.js';

/**
 * A restore after a busy stretch: how long it takes depends on the WAL written since the newest
 * snapshot, so this drill writes through the real server (whole visits: customer, vehicle, RO,
 * lines, approval, jobs done, invoice, payment; the crash loop's load clients) for a while with
 * Litestream replicating, then restores and times it. Run once with a short snapshot interval
 * (the bound a snapshot interval gives, compressed into minutes) and once with snapshots only
 * every 24 h (Litestream 0.3's default behaviour: retention-driven snapshots), over the same load.
 *
 * It also yields the WAL a whole visit costs on the replica, which turns "4 hours of writes"
 * into megabytes for a real shop's day.
 */

export interface AfterWritesResult {
  label: string;
  snapshotInterval: string;
  loadSeconds: number;
  visits: number;
  snapshots: number;
  walMb: number;
  walKbPerVisit: number;
  restoreSeconds: number;
  restoreWalIndexes: number;
}

const DEMO_OWNER = { email: 'owner@demo.shop', password: 'demo-password-1' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Files in `<replica>/generations/<g>/<kind>` over all generations. */
function replicaFiles(replicaDir: string, kind: 'snapshots' | 'wal'): string[] {
  const generations = join(replicaDir, 'generations');
  return readdirSync(generations).flatMap((generation) => {
    const dir = join(generations, generation, kind);
    try {
      return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name));
    } catch {
      return [];
    }
  });
}

export async function drillAfterWrites(options: {
  label: string;
  sourcePath: string;
  binary: string;
  snapshotInterval: string;
  loadSeconds: number;
  clients: number;
}): Promise<AfterWritesResult> {
  const { dataDir, database } = copyShopDatabase(options.sourcePath);
  const dbPath = database.path;
  const replicaRoot = mkdtempSync(join(tmpdir(), 'ase-bench-replica-'));
  const target = { kind: 'file' as const, path: replicaRoot };
  const restoreDir = join(mkdtempSync(join(tmpdir(), 'ase-bench-restore-')), 'data');
  const supervisor = new LitestreamSupervisor({
    dbPath,
    configDir: `${replicaRoot}-config`,
    binary: options.binary,
    log: pino({ level: 'silent' }),
    replica: { snapshotInterval: options.snapshotInterval },
  });
  const server = await startAseOn(dataDir, database);
  try {
    await supervisor.apply(target);
    for (let waited = 0; ; waited += 100) {
      const status = supervisor.status(300);
      if (status.state === 'error') throw new Error(status.message ?? 'litestream error');
      if (status.state === 'replicating' && status.lagSeconds === 0) break;
      if (waited > 30 * 60_000) throw new Error('timed out waiting for the initial snapshot');
      await sleep(100);
    }
    const cookie = await signIn(server.app, DEMO_OWNER.email, DEMO_OWNER.password);
    const port = Number(new URL(server.baseUrl).port);
    const http = new HttpClient(port, cookie, 60_000);
    const ledger = new AckLedger();
    const cannedJobId = (await http.ok<{ id: string }>('POST', '/api/canned-jobs', CANNED_JOB)).id;
    const rng = seededRng(20261207);
    const clients = Array.from(
      { length: options.clients },
      (_, i) =>
        new LoadClient(
          http,
          { cannedJobId, tag: `restore-${options.snapshotInterval}` },
          ledger,
          rng,
          String(i),
        ),
    );
    const running = clients.map((client) => client.run());
    await sleep(options.loadSeconds * 1000);
    for (const client of clients) client.stopped = true;
    const errors = (await Promise.all(running)).filter((error): error is Error => error !== undefined);
    http.close();
    if (errors[0] !== undefined) throw errors[0];
    // Let the last commits reach the replica before Litestream stops (it syncs once more on stop).
    await sleep(2000);
    await supervisor.stop();
    const replicaDir = replicaDbPath(target);
    const snapshots = replicaFiles(replicaDir, 'snapshots').length;
    const walBytes = replicaFiles(replicaDir, 'wal').reduce((sum, file) => sum + statSync(file).size, 0);
    await server.close();

    let walIndexes = 0;
    const restored = await restoreShop({
      dataDir: restoreDir,
      target,
      litestreamBinary: options.binary,
      skipFiles: true,
      onProgress: (step) => {
        if (step.step === 'database' && step.message.startsWith('applied wal')) walIndexes += 1;
      },
    });
    const visits = ledger.repairOrders.length;
    return {
      label: options.label,
      snapshotInterval: options.snapshotInterval,
      loadSeconds: options.loadSeconds,
      visits,
      snapshots,
      walMb: walBytes / 1_048_576,
      walKbPerVisit: visits === 0 ? 0 : walBytes / 1024 / visits,
      restoreSeconds: restored.elapsedMs.total / 1000,
      restoreWalIndexes: walIndexes,
    };
  } finally {
    await supervisor.stop();
    await server.close().catch(() => undefined);
    rmSync(replicaRoot, { recursive: true, force: true });
    rmSync(`${replicaRoot}-config`, { recursive: true, force: true });
    rmSync(join(restoreDir, '..'), { recursive: true, force: true });
  }
}

export function printAfterWrites(results: AfterWritesResult[]): void {
  console.log('');
  console.log(
    'after a busy stretch  | snapshots every | load  | visits | snapshots | WAL shipped | WAL per visit | WAL indexes replayed | full restore',
  );
  for (const r of results)
    console.log(
      `${r.label.padEnd(21)} | ${r.snapshotInterval.padStart(15)} | ${String(r.loadSeconds).padStart(3)} s | ${String(r.visits).padStart(6)} | ${String(r.snapshots).padStart(9)} | ${r.walMb.toFixed(0).padStart(8)} MB | ${r.walKbPerVisit.toFixed(0).padStart(10)} KB | ${String(r.restoreWalIndexes).padStart(20)} | ${r.restoreSeconds.toFixed(1).padStart(10)} s`,
    );
}
