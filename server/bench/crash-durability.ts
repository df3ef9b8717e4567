import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { openScratchDatabase, signInOwner, startAseOn } from './servers.js';

/**
 * synchronous=NORMAL against FULL on this machine's disk, measured in one run with the rounds
 * interleaved (NORMAL, FULL, NORMAL, ...) so a busy neighbour hurts both alike.
 *
 * In WAL mode NORMAL fsyncs only at checkpoints: a process crash (SIGKILL) loses nothing
 * committed, but a power cut can lose the last transactions. FULL fsyncs the WAL at every
 * commit: nothing acknowledged is lost even on a power cut. The question is what that costs.
 */

export type SyncMode = 'NORMAL' | 'FULL';

export interface SyncRound {
  mode: SyncMode;
  /** A repair order opened with 2 concerns (2 jobs) and 3 lines added: 4 write requests. */
  repairOrdersPerSecond: number;
  /** The same work counted in write requests (each at least one transaction). */
  writeRequestsPerSecond: number;
  /** Raw better-sqlite3: one-row INSERT autocommits on the same file, the fsync cost alone. */
  rawCommitsPerSecond: number;
}

export interface SyncResult {
  rounds: SyncRound[];
  median: Record<
    SyncMode,
    { repairOrdersPerSecond: number; writeRequestsPerSecond: number; rawCommitsPerSecond: number }
  >;
  /** FULL / NORMAL, from the medians: 1.0 means FULL costs nothing. */
  ratio: { repairOrders: number; raw: number };
}

const WRITES_PER_RO = 4;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function post(app: FastifyInstance, cookie: string, url: string, payload: object): Promise<unknown> {
  const response = await app.inject({ method: 'POST', url, headers: { cookie }, payload });
  if (response.statusCode !== 201) throw new Error(`${url} → ${response.statusCode}: ${response.body}`);
  return response.json();
}

/** The typical write of the counter: open a repair order, add the lines of the estimate. */
async function openRepairOrderWithLines(
  app: FastifyInstance,
  cookie: string,
  customerId: string,
  vehicleId: string,
  n: number,
): Promise<void> {
  const ro = (await post(app, cookie, '/api/repair-orders', {
    customerId,
    vehicleId,
    concerns: [`Brakes squeal ${n}`, `Oil change ${n}`],
  })) as { jobs: { id: string }[] };
  const jobId = ro.jobs[0]!.id;
  await post(app, cookie, `/api/jobs/${jobId}/lines`, {
    kind: 'labor',
    description: 'Replace front pads',
    quantity: 1.5,
    unitPriceCents: 12_000,
  });
  await post(app, cookie, `/api/jobs/${jobId}/lines`, {
    kind: 'part',
    description: 'Brake pad set',
    partNumber: 'BP-1',
    quantity: 1,
    unitPriceCents: 4_550,
  });
  await post(app, cookie, `/api/jobs/${jobId}/lines`, {
    kind: 'fee',
    description: 'Disposal',
    quantity: 1,
    unitPriceCents: 500,
  });
}

export async function measureSynchronous(
  options: { rounds?: number; repairOrdersPerRound?: number; rawPerRound?: number } = {},
): Promise<SyncResult> {
  const rounds = options.rounds ?? 6;
  const perRound = options.repairOrdersPerRound ?? 150;
  const rawPerRound = options.rawPerRound ?? 500;
  const { dataDir, database } = await openScratchDatabase('ase-bench-sync-');
  const ase = await startAseOn(dataDir, database);
  try {
    const { app } = ase;
    const cookie = await signInOwner(app);
    const customer = (await post(app, cookie, '/api/customers', { name: 'Sync Bench' })) as { id: string };
    const vehicle = (await post(app, cookie, '/api/vehicles', {
      customerId: customer.id,
      make: 'Honda',
      model: 'Civic',
      year: 2018,
    })) as { id: string };
    // The app's own connection: the pragma is per connection, and this is the one serving requests.
    database.sqlite.exec('CREATE TABLE bench_sync (id INTEGER PRIMARY KEY, at TEXT NOT NULL)');
    const insert = database.sqlite.prepare('INSERT INTO bench_sync (at) VALUES (?)');
    return await runRounds(
      (mode) => database.sqlite.pragma(`synchronous = ${mode}`),
      () => insert.run(new Date().toISOString()),
      async (n) => openRepairOrderWithLines(app, cookie, customer.id, vehicle.id, n),
    );
  } finally {
    await ase.close();
  }

  async function runRounds(
    setSynchronous: (mode: SyncMode) => void,
    rawInsert: () => void,
    work: (n: number) => Promise<void>,
  ): Promise<SyncResult> {
    // A warm-up round per mode: JIT, statement caches and the first WAL growth are not measured.
    let n = 0;
    for (const mode of ['NORMAL', 'FULL'] as const) {
      setSynchronous(mode);
      for (let i = 0; i < 20; i++) await work((n += 1));
    }
    const results: SyncRound[] = [];
    for (let round = 0; round < rounds * 2; round++) {
      const mode: SyncMode = round % 2 === 0 ? 'NORMAL' : 'FULL';
      setSynchronous(mode);
      let started = performance.now();
      for (let i = 0; i < perRound; i++) await work((n += 1));
      const seconds = (performance.now() - started) / 1000;
      started = performance.now();
      for (let i = 0; i < rawPerRound; i++) rawInsert();
      const rawSeconds = (performance.now() - started) / 1000;
      results.push({
        mode,
        repairOrdersPerSecond: perRound / seconds,
        writeRequestsPerSecond: (perRound * WRITES_PER_RO) / seconds,
        rawCommitsPerSecond: rawPerRound / rawSeconds,
      });
    }
    const medianOf = (mode: SyncMode) => {
      const of = results.filter((r) => r.mode === mode);
      return {
        repairOrdersPerSecond: median(of.map((r) => r.repairOrdersPerSecond)),
        writeRequestsPerSecond: median(of.map((r) => r.writeRequestsPerSecond)),
        rawCommitsPerSecond: median(of.map((r) => r.rawCommitsPerSecond)),
      };
    };
    const normal = medianOf('NORMAL');
    const full = medianOf('FULL');
    return {
      rounds: results,
      median: { NORMAL: normal, FULL: full },
      ratio: {
        repairOrders: full.repairOrdersPerSecond / normal.repairOrdersPerSecond,
        raw: full.rawCommitsPerSecond / normal.rawCommitsPerSecond,
      },
    };
  }
}

export function formatSynchronous(result: SyncResult): string {
  const row = (mode: SyncMode) => {
    const m = result.median[mode];
    return (
      `  ${mode.padEnd(6)} ${m.repairOrdersPerSecond.toFixed(1).padStart(8)} RO+3 lines/s` +
      ` (${m.writeRequestsPerSecond.toFixed(0)} write requests/s, ${(1000 / m.repairOrdersPerSecond).toFixed(2)} ms per RO)` +
      `   raw one-row commits: ${m.rawCommitsPerSecond.toFixed(0)}/s (${(1000 / m.rawCommitsPerSecond).toFixed(3)} ms each)`
    );
  };
  return [
    `synchronous NORMAL vs FULL (WAL), medians of ${result.rounds.length / 2} interleaved rounds each:`,
    row('NORMAL'),
    row('FULL'),
    `  FULL / NORMAL: ${result.ratio.repairOrders.toFixed(3)} for the RO write, ${result.ratio.raw.toFixed(3)} for raw commits`,
  ].join('\n');
}
