import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { measureDatabase } from './database.js';
import { measureTarget, type LoadResult, type LoadTarget } from './load.js';
import {
  formatReport,
  httpRows,
  memorySnapshot,
  writeReport,
  type BenchReport,
  type MemorySnapshot,
} from './report.js';
import { BARE_PATH, signInOwner, startAse, startBareFastify } from './servers.js';
import { estimatedHttpSeconds, readSettings, type BenchSettings } from './settings.js';
import { runShopSuite, type ShopReport } from './shop.js';
import { formatFloorReport, runFloorSuite } from './floor/floor.js';

/**
 * `npm run bench`: ASE against baselines measured in the same run (bare Fastify, raw
 * better-sqlite3). Only the ratios mean anything; absolute numbers depend on the machine.
 */

const RESULTS_PATH = fileURLToPath(new URL('./results/latest.json', import.meta.url));
const FLOOR_RESULTS_PATH = fileURLToPath(new URL('./results/floor-latest.json', import.meta.url));

type Closer = () => Promise<void>;

/** Closes in reverse start order, and tries every closer even when one fails. */
async function closeAll(closers: Closer[]): Promise<void> {
  const failures: unknown[] = [];
  for (const close of closers.reverse()) {
    try {
      await close();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, 'closing benchmark servers failed');
}

interface HttpOutcome {
  results: LoadResult[];
  afterHttp: MemorySnapshot;
  shop: ShopReport | null;
}

/**
 * Baseline first; the memory snapshot is taken while both servers are still up. The shop suite
 * follows on the same bare-Fastify server, measured again there as its own baseline.
 */
async function runHttp(settings: BenchSettings): Promise<HttpOutcome> {
  const closers: Closer[] = [];
  try {
    const bare = await startBareFastify();
    closers.push(bare.close);
    const ase = await startAse();
    closers.push(ase.close);
    const cookie = await signInOwner(ase.app);

    const targets: LoadTarget[] = [
      { name: 'bare fastify GET ' + BARE_PATH, url: bare.baseUrl + BARE_PATH },
      { name: 'ASE GET /api/health', url: `${ase.baseUrl}/api/health` },
      { name: 'ASE GET /api/auth/me', url: `${ase.baseUrl}/api/auth/me`, headers: { cookie } },
    ];
    console.log(
      `HTTP: ${targets.length} targets, about ${estimatedHttpSeconds(settings, targets.length)} s ...`,
    );
    const results: LoadResult[] = [];
    for (const target of targets) {
      results.push(await measureTarget(target, settings));
      console.log(`  done: ${target.name}`);
    }
    const afterHttp = memorySnapshot();
    const shop = settings.shopSuite ? await runShopSuite(settings, bare) : null;
    return { results, afterHttp, shop };
  } finally {
    await closeAll(closers);
  }
}

function environment(): BenchReport['environment'] {
  const cores = cpus();
  return {
    node: process.versions.node,
    platform: process.platform,
    arch: process.arch,
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
  };
}

async function main(): Promise<void> {
  const settings = readSettings();
  const startedAt = new Date().toISOString();
  const beforeServers = memorySnapshot();

  const http = await runHttp(settings);
  console.log('Database: raw better-sqlite3 vs kysely ...');
  const db = await measureDatabase(settings);

  const report: BenchReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    environment: environment(),
    settings,
    http: httpRows(http.results),
    shop: http.shop,
    database: { ...db, kyselyOverRaw: db.kyselyOpsPerSecond / db.rawOpsPerSecond },
    memory: {
      beforeServers,
      afterHttp: http.afterHttp,
      rssRatio: http.afterHttp.rssMb / beforeServers.rssMb,
      heapUsedRatio: http.afterHttp.heapUsedMb / beforeServers.heapUsedMb,
    },
  };
  console.log(`\n${formatReport(report)}\n`);
  writeReport(RESULTS_PATH, report);
  if (process.env.BENCH_FLOOR !== '0') {
    // The shop floor runs ASE, mosquitto and the load generator as separate processes.
    const floor = await runFloorSuite();
    console.log(`\n${formatFloorReport(floor)}\n`);
    writeReport(FLOOR_RESULTS_PATH, floor);
  }
  console.log(`Results written to ${RESULTS_PATH}`);
}

await main();
