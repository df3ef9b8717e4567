import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AckLedger,
  HttpClient,
  LoadClient,
  retryInFlightPayments,
  seededRng,
  UnexpectedResponse,
  type Rng,
} from './crash-load.js';
import { CrashServer, freePort, raceTimeout } from './crash-server.js';
import { removeServerBundle } from './server-bundle.js';
import { verifyDatabaseFile } from './crash-verify.js';

/**
 * The crash-safety loop: the real server under write load, SIGKILLed at a random moment, checked
 * on disk while down, restarted on the same data dir. Lanes are independent data dirs with their
 * own server, run side by side: a server's start-up is mostly module loading on one core, so two
 * lanes keep both cores busy and halve the wall time.
 */

export interface CrashLoopOptions {
  cycles: number;
  lanes?: number;
  clientsPerLane?: number;
  /** The kill comes this long after the load started, uniformly at random. */
  killAfterMs?: [number, number];
  seed?: number;
  /** A migrated database to start each lane from (saves the first start's migration). */
  templateDbPath?: string;
  /** Progress lines (a cycle each); silent when absent. */
  log?: (line: string) => void;
}

export interface CycleResult {
  lane: number;
  cycle: number;
  killAfterMs: number;
  /** Requests cut by the kill (sent, no whole answer): writes caught in the middle. */
  interrupted: number;
  restartMs: number;
  restartCpuMs: number;
  checked: number;
  problems: string[];
}

export interface CrashLoopSummary {
  seed: number;
  lanes: number;
  cycles: number;
  /** Acknowledged writes at the end, every one checked after each crash that followed it. */
  acknowledgedWrites: number;
  acknowledgedByKind: Record<string, number>;
  /** Look-ups of acknowledged writes over all checks (a write is checked after every later crash). */
  checks: number;
  interrupted: number;
  replayedPayments: number;
  retriedFreshPayments: number;
  restartMs: number[];
  restartCpuMs: number[];
  warnings: number;
  problems: string[];
  wallMs: number;
}

const OWNER = { name: 'Crash Owner', email: 'owner@crash.test', password: 'correct horse crash 1' };

export const CANNED_JOB = {
  name: 'Crash oil service',
  title: 'Oil and filter',
  lines: [
    { kind: 'labor', description: 'Oil change labor', quantity: 0.5, unitPriceCents: 12_000 },
    { kind: 'part', description: 'Oil 5W-30', partNumber: 'OIL-530', quantity: 4.5, unitPriceCents: 899 },
    { kind: 'part', description: 'Oil filter', partNumber: 'OF-1', quantity: 1, unitPriceCents: 1_250 },
  ],
};

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One data dir, its server, the ledger of what it acknowledged. */
class CrashLane {
  readonly ledger = new AckLedger();
  readonly results: CycleResult[] = [];
  warnings = 0;
  private server: CrashServer | undefined;
  private cookie = '';
  private cannedJobId = '';
  private port = 0;
  private httpsPort = 0;

  constructor(
    readonly index: number,
    readonly dataDir: string,
    private readonly rng: Rng,
    private readonly options: Required<Pick<CrashLoopOptions, 'clientsPerLane' | 'killAfterMs'>>,
    private readonly isClosed: () => boolean,
  ) {}

  private get databasePath(): string {
    return join(this.dataDir, 'ase.db');
  }

  private async startServer(): Promise<number> {
    // After close() (a failed or timed-out test), no new server may be started behind its back.
    if (this.isClosed()) throw new Error('the crash loop was closed');
    const server = new CrashServer({ dataDir: this.dataDir, port: this.port, httpsPort: this.httpsPort });
    this.server = server;
    const ms = await server.start();
    const errors = server.errorLines();
    if (errors.length > 0) throw new Error(`server logged errors while starting:\n${errors.join('\n')}`);
    return ms;
  }

  /** First start: migrate (or copy the template), set up the owner, sign in, make a canned job. */
  async init(): Promise<void> {
    this.port = await freePort();
    this.httpsPort = await freePort();
    await this.startServer();
    const http = new HttpClient(this.port);
    try {
      await http.ok('POST', '/api/setup', OWNER);
      const login = await http.send('POST', '/api/auth/login', {
        email: OWNER.email,
        password: OWNER.password,
      });
      const cookie = login.setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('ase_session='));
      if (login.status !== 200 || cookie === undefined) throw new Error(`login failed: ${login.status}`);
      this.cookie = cookie;
      this.ledger.logins += 1;
      const authed = new HttpClient(this.port, cookie);
      try {
        this.cannedJobId = (await authed.ok<{ id: string }>('POST', '/api/canned-jobs', CANNED_JOB)).id;
      } finally {
        authed.close();
      }
    } finally {
      http.close();
    }
  }

  async cycle(cycle: number): Promise<CycleResult> {
    const server = this.server!;
    const problems: string[] = [];
    const http = new HttpClient(this.port, this.cookie);
    const clients = Array.from(
      { length: this.options.clientsPerLane },
      (_, i) =>
        new LoadClient(
          http,
          { cannedJobId: this.cannedJobId, tag: `l${this.index}c${cycle}` },
          this.ledger,
          this.rng,
          String(i),
        ),
    );
    const running = clients.map((client) => client.run());
    const [min, max] = this.options.killAfterMs;
    const killAfterMs = Math.round(min + this.rng() * (max - min));
    await sleep(killAfterMs);

    const interrupted = http.inFlight;
    for (const client of clients) client.stopped = true;
    await server.kill();
    this.warnings += server.warnLines().length;
    for (const line of server.errorLines()) problems.push(`server logged an error under load: ${line}`);
    const ended = await raceTimeout(Promise.all(running), 30_000);
    http.close();
    if (ended === 'timeout') problems.push('load clients did not stop within 30 s of the kill');
    else
      for (const error of ended)
        if (error !== undefined)
          problems.push(
            error instanceof UnexpectedResponse ? `unexpected answer: ${error.message}` : String(error),
          );

    const verified = verifyDatabaseFile(this.databasePath, this.ledger);
    problems.push(...verified.problems);

    let restartMs = Number.NaN;
    let restartCpuMs = Number.NaN;
    try {
      restartMs = await this.startServer();
      restartCpuMs = this.server?.startCpuMs ?? Number.NaN;
      const authed = new HttpClient(this.port, this.cookie);
      try {
        // The sign-in was acknowledged long ago: its session must have survived every crash.
        const me = await authed.send('GET', '/api/auth/me');
        if (me.status !== 200)
          problems.push(`the acknowledged session was lost: /api/auth/me → ${me.status}`);
        await retryInFlightPayments(authed, this.ledger);
      } finally {
        authed.close();
      }
    } catch (error) {
      problems.push(`restart: ${(error as Error).message}`);
    }

    const result: CycleResult = {
      lane: this.index,
      cycle,
      killAfterMs,
      interrupted,
      restartMs,
      restartCpuMs,
      checked: verified.checked + this.ledger.logins,
      problems,
    };
    this.results.push(result);
    return result;
  }

  /** Graceful stop after the last cycle, then one more check of the file. */
  async finish(): Promise<string[]> {
    const problems: string[] = [];
    const server = this.server;
    if (server?.running) {
      const code = await server.stop();
      if (code !== 0) problems.push(`graceful stop exited with ${code}`);
      this.warnings += server.warnLines().length;
    }
    problems.push(...verifyDatabaseFile(this.databasePath, this.ledger).problems);
    return problems;
  }

  async close(): Promise<void> {
    await this.server?.kill();
  }
}

/** Everything the loop started, so a failing test can still stop and remove it all. */
export class CrashLoop {
  private readonly lanes: CrashLane[] = [];
  private readonly dirs: string[] = [];
  private readonly problems: string[] = [];
  private closed = false;
  private started = performance.now();
  private seed = 0;
  private laneCount = 0;

  constructor(private readonly options: CrashLoopOptions) {}

  async run(): Promise<CrashLoopSummary> {
    this.started = performance.now();
    const seed = (this.seed = this.options.seed ?? Math.floor(Math.random() * 2 ** 31));
    const laneCount = (this.laneCount = Math.max(1, Math.min(this.options.lanes ?? 2, this.options.cycles)));
    const log = this.options.log ?? (() => undefined);
    const settings = {
      clientsPerLane: this.options.clientsPerLane ?? 3,
      killAfterMs: this.options.killAfterMs ?? [150, 2500],
    };
    for (let i = 0; i < laneCount; i++) {
      const dir = mkdtempSync(join(tmpdir(), `ase-crash-${i}-`));
      this.dirs.push(dir);
      if (this.options.templateDbPath !== undefined)
        copyFileSync(this.options.templateDbPath, join(dir, 'ase.db'));
      this.lanes.push(new CrashLane(i, dir, seededRng(seed + i), settings, () => this.closed));
    }

    const problems = this.problems;
    await Promise.all(
      this.lanes.map(async (lane) => {
        const share =
          Math.floor(this.options.cycles / laneCount) +
          (lane.index < this.options.cycles % laneCount ? 1 : 0);
        try {
          await lane.init();
          for (let cycle = 1; cycle <= share; cycle++) {
            const result = await lane.cycle(cycle);
            log(
              `lane ${lane.index} cycle ${cycle}/${share}: kill after ${result.killAfterMs} ms, ` +
                `${result.interrupted} requests cut, ${result.checked} acknowledged writes checked, ` +
                `restart ${Math.round(result.restartMs)} ms${result.problems.length ? `, PROBLEMS: ${result.problems.length}` : ''}`,
            );
            if (result.problems.length > 0) {
              problems.push(...result.problems.map((p) => `lane ${lane.index} cycle ${cycle}: ${p}`));
              return; // the data dir is no longer a trustworthy base for more cycles
            }
          }
          problems.push(...(await lane.finish()).map((p) => `lane ${lane.index} final check: ${p}`));
        } catch (error) {
          problems.push(`lane ${lane.index}: ${(error as Error).message}`);
        }
      }),
    );

    return this.summary();
  }

  /** The summary so far (also while the loop runs, for progress reports). */
  summary(): CrashLoopSummary {
    const results = this.lanes.flatMap((lane) => lane.results);
    return {
      seed: this.seed,
      lanes: this.laneCount,
      cycles: results.length,
      acknowledgedWrites: this.lanes.reduce((sum, lane) => sum + lane.ledger.size, 0),
      acknowledgedByKind: this.lanes.reduce<Record<string, number>>((sum, lane) => {
        for (const [kind, n] of Object.entries(lane.ledger.byKind())) sum[kind] = (sum[kind] ?? 0) + n;
        return sum;
      }, {}),
      checks: results.reduce((sum, r) => sum + r.checked, 0),
      interrupted: results.reduce((sum, r) => sum + r.interrupted, 0),
      replayedPayments: this.lanes.reduce((sum, lane) => sum + lane.ledger.replayedPayments, 0),
      retriedFreshPayments: this.lanes.reduce((sum, lane) => sum + lane.ledger.retriedFreshPayments, 0),
      restartMs: results.map((r) => r.restartMs).filter((ms) => Number.isFinite(ms)),
      restartCpuMs: results.map((r) => r.restartCpuMs).filter((ms) => Number.isFinite(ms)),
      warnings: this.lanes.reduce((sum, lane) => sum + lane.warnings, 0),
      problems: [...this.problems],
      wallMs: performance.now() - this.started,
    };
  }

  /** Kills every server still running and removes the data dirs; safe to call more than once. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled(this.lanes.map((lane) => lane.close()));
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    removeServerBundle();
  }
}

/** Nearest-rank percentile of `values` (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The lines both the test and the benchmark print. */
export function formatSummary(summary: CrashLoopSummary): string {
  return [
    `crash loop: ${summary.cycles} cycles on ${summary.lanes} lanes in ${(summary.wallMs / 1000).toFixed(1)} s (seed ${summary.seed})`,
    `  acknowledged writes: ${summary.acknowledgedWrites}; acknowledged-write checks after crashes: ${summary.checks}`,
    `  by kind: ${Object.entries(summary.acknowledgedByKind)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ')}`,
    `  requests cut by the kill: ${summary.interrupted}; in-flight payments retried: ${summary.replayedPayments} replayed (had committed), ${summary.retriedFreshPayments} taken fresh`,
    `  restart to /api/health 200: p50 ${Math.round(percentile(summary.restartMs, 50))} ms, p99 ${Math.round(percentile(summary.restartMs, 99))} ms, max ${Math.round(Math.max(...summary.restartMs))} ms`,
    `  restart CPU (user+sys) until healthy: p50 ${Math.round(percentile(summary.restartCpuMs, 50))} ms, p99 ${Math.round(percentile(summary.restartCpuMs, 99))} ms`,
    `  server warnings: ${summary.warnings}; problems: ${summary.problems.length}`,
    ...summary.problems.slice(0, 30).map((p) => `    ! ${p}`),
  ].join('\n');
}
