import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { FastifyBaseLogger } from 'fastify';
import type { ReplicationState, ReplicationStatus } from './backup.schemas.js';
import {
  credentialsEnv,
  explainReplicaError,
  generationOf,
  litestreamConfigYaml,
  parseLogLine,
  type LitestreamLogLine,
  type ReplicaConfigOptions,
} from './litestream.js';
import type { ReplicaTarget } from '../../lib/replica-target.js';

export interface SupervisorOptions {
  /** The live database file Litestream watches. */
  dbPath: string;
  /** Where the generated config goes: `<dataDir>/litestream/litestream.yml`. */
  configDir: string;
  /** The binary, or null when none was found (status then says so; the server keeps running). */
  binary: string | null;
  log: FastifyBaseLogger;
  /**
   * Wall-clock milliseconds. Not the app's Clock: Litestream stamps its log lines with the real
   * time and the WAL file's mtime is real time too, so lag must be computed against real time.
   */
  now?: () => number;
  /** Restart delays after an unexpected exit: doubles from the first to the last. */
  restartBackoffMs?: { first: number; max: number };
  /** How long a stopping Litestream may take for its final sync before it is killed. */
  stopTimeoutMs?: number;
  /** Sync, snapshot and retention intervals; the defaults (REPLICA_KEEPING) are the shop's. */
  replica?: ReplicaConfigOptions;
}

type ActiveTarget = Exclude<ReplicaTarget, { kind: 'off' }>;

/** Litestream syncs every second; a first sync attempt fails (and logs) well within this. */
const STARTUP_GRACE_MS = 10_000;

/**
 * Runs `litestream replicate` as a supervised child beside the server and keeps its status from
 * what it prints. Litestream 0.3.13 logs every shipped WAL segment and snapshot on stderr
 * ("wal segment written", "snapshot written", with the position `<generation>/<index>:<offset>`),
 * and every failed sync as `level=ERROR msg="monitor error" error=...`: that stream is the cheapest
 * live source of truth (no polling of the replica, no metrics port to allocate), and it says *why*
 * when something fails. Its Prometheus endpoint only has counters and byte offsets, no times.
 */
export class LitestreamSupervisor {
  readonly #options: Required<Omit<SupervisorOptions, 'binary'>> & { binary: string | null };
  #child: ChildProcess | null = null;
  #target: ReplicaTarget = { kind: 'off' };
  #state: ReplicationState = 'off';
  #message: string | null = null;
  #generation: string | null = null;
  #lastSyncAt: number | null = null;
  #startedAt: number | null = null;
  #stopping = false;
  #restartTimer: NodeJS.Timeout | null = null;
  #failures = 0;
  #exited: Promise<void> = Promise.resolve();
  /** apply() and stop() run one after the other, never interleaved. */
  #queue: Promise<void> = Promise.resolve();

  constructor(options: SupervisorOptions) {
    this.#options = {
      now: Date.now,
      restartBackoffMs: { first: 1000, max: 60_000 },
      stopTimeoutMs: 10_000,
      replica: {},
      ...options,
    };
  }

  get binary(): string | null {
    return this.#options.binary;
  }

  /** The running child's pid (diagnostics, and tests that kill it to see it come back). */
  get pid(): number | null {
    return this.#child?.pid ?? null;
  }

  get configPath(): string {
    return join(this.#options.configDir, 'litestream.yml');
  }

  /** Replicate to this target from now on (restarting Litestream), or stop replicating ('off'). */
  apply(target: ReplicaTarget): Promise<void> {
    const run = this.#queue.then(async () => {
      await this.#stopChild();
      this.#target = target;
      this.#generation = null;
      this.#lastSyncAt = null;
      this.#failures = 0;
      this.#stopping = false;
      if (target.kind === 'off') {
        this.#setState('off', null);
        return;
      }
      if (this.#options.binary === null) {
        this.#setState(
          'error',
          'The Litestream binary was not found: install the @flydotio/litestream-linux-x64 package, put litestream on PATH, or set ASE_LITESTREAM_BIN.',
        );
        return;
      }
      this.#spawn(target);
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Stops Litestream (SIGTERM: it ships what it has, then exits; killed after stopTimeoutMs). */
  stop(): Promise<void> {
    const run = this.#queue.then(() => this.#stopChild());
    this.#queue = run.catch(() => undefined);
    return run;
  }

  status(lagWarningSeconds: number): ReplicationStatus {
    const now = this.#options.now();
    // Litestream logs only when it ships something. Restarted on a replica that already has every
    // change, it stays silent; running that long without an error means it is replicating.
    const quietlyRunning =
      this.#state === 'starting' &&
      this.#child !== null &&
      this.#startedAt !== null &&
      now - this.#startedAt >= STARTUP_GRACE_MS;
    const state: ReplicationState = quietlyRunning ? 'replicating' : this.#state;
    const message = quietlyRunning
      ? 'Litestream is running; nothing new needed copying since it started.'
      : this.#message;
    const lagSeconds = this.#lagSeconds(now);
    let warning: string | null = null;
    if (state === 'error') warning = message ?? 'Replication is failing.';
    else if (lagSeconds !== null && lagSeconds > lagWarningSeconds)
      warning = `The off-site copy is ${formatSeconds(lagSeconds)} behind (warning after ${formatSeconds(lagWarningSeconds)}).`;
    return {
      state,
      message,
      generation: this.#generation,
      lastSyncAt: this.#lastSyncAt === null ? null : new Date(this.#lastSyncAt).toISOString(),
      lagSeconds,
      warning,
      binary: this.#options.binary,
    };
  }

  /**
   * How long committed changes have waited for the replica: 0 when the last sync is newer than the
   * database's last commit (the WAL file's mtime: every commit writes it), otherwise the time since
   * the last sync (or since start) — an upper bound on how old the oldest unshipped commit is.
   */
  #lagSeconds(now: number): number | null {
    if (this.#state === 'off') return null;
    let lastCommitAt: number | null = null;
    try {
      lastCommitAt = statSync(`${this.#options.dbPath}-wal`).mtimeMs;
    } catch {
      lastCommitAt = null; // no WAL: everything is in the main file, which a sync has covered
    }
    if (this.#lastSyncAt !== null && (lastCommitAt === null || lastCommitAt <= this.#lastSyncAt)) return 0;
    const since = this.#lastSyncAt ?? this.#startedAt;
    if (since === null) return null;
    return Math.max(0, Math.floor((now - since) / 1000));
  }

  #setState(state: ReplicationState, message: string | null): void {
    this.#state = state;
    this.#message = message;
  }

  #spawn(target: ActiveTarget): void {
    const { configDir, dbPath, log } = this.#options;
    mkdirSync(configDir, { recursive: true });
    // No secret in the file (credentials go through the environment); 0600 all the same.
    writeFileSync(this.configPath, litestreamConfigYaml(dbPath, target, this.#options.replica), {
      mode: 0o600,
    });
    // Only the parent's variables Litestream could need; never a stray LITESTREAM_* of the parent.
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/',
      ...(process.env.SSL_CERT_FILE === undefined ? {} : { SSL_CERT_FILE: process.env.SSL_CERT_FILE }),
      ...credentialsEnv(target),
    };
    this.#startedAt = this.#options.now();
    this.#setState('starting', 'Litestream is starting.');
    const child = spawn(this.#options.binary as string, ['replicate', '-config', this.configPath], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    const onLine = (text: string) => {
      const line = parseLogLine(text);
      if (line !== null) this.#onLog(line, target);
      else if (text.trim() !== '') log.info({ litestream: text }, 'litestream');
    };
    createInterface({ input: child.stdout }).on('line', onLine);
    createInterface({ input: child.stderr }).on('line', onLine);
    this.#exited = new Promise<void>((resolve) => {
      child.once('error', (error) => {
        // spawn failed (ENOENT, EACCES): 'exit' may not follow
        this.#child = null;
        this.#setState('error', `Litestream could not be started: ${error.message}`);
        log.error({ err: error }, 'litestream could not be started');
        resolve();
      });
      child.once('exit', (code, signal) => {
        this.#child = null;
        resolve();
        if (this.#stopping) return;
        this.#failures += 1;
        const delay = Math.min(
          this.#options.restartBackoffMs.max,
          this.#options.restartBackoffMs.first * 2 ** (this.#failures - 1),
        );
        const why = this.#state === 'error' && this.#message !== null ? ` Last error: ${this.#message}` : '';
        this.#setState(
          'error',
          `Litestream stopped (${signal ?? `exit code ${code}`}); restarting in ${Math.round(delay / 1000)} s.${why}`,
        );
        log.warn({ code, signal, delayMs: delay }, 'litestream exited; restarting');
        this.#restartTimer = setTimeout(() => {
          this.#restartTimer = null;
          if (!this.#stopping && this.#target.kind !== 'off') this.#spawn(this.#target);
        }, delay);
        this.#restartTimer.unref();
      });
    });
  }

  #onLog(line: LitestreamLogLine, target: ActiveTarget): void {
    const at = line.time === null ? this.#options.now() : Date.parse(line.time);
    const { log } = this.#options;
    if (line.msg === 'wal segment written' || line.msg === 'snapshot written') {
      this.#lastSyncAt = Number.isNaN(at) ? this.#options.now() : at;
      this.#generation = generationOf(line.fields.position) ?? this.#generation;
      this.#failures = 0;
      this.#setState('replicating', null);
      return;
    }
    if (line.msg === 'sync: new generation') {
      this.#generation = line.fields.generation ?? this.#generation;
      log.info({ generation: this.#generation, reason: line.fields.reason }, 'litestream: new generation');
      return;
    }
    if (line.level === 'ERROR' || line.level === 'WARN') {
      log.warn({ litestream: line.msg, error: line.fields.error }, 'litestream reported a problem');
      // While stopping, a failing final sync is expected when the target is unreachable.
      if (line.level === 'ERROR' && !this.#stopping)
        this.#setState('error', explainReplicaError(line.fields.error ?? line.msg, target));
      return;
    }
    log.debug({ litestream: line.msg, ...line.fields }, 'litestream');
  }

  async #stopChild(): Promise<void> {
    this.#stopping = true;
    if (this.#restartTimer !== null) {
      clearTimeout(this.#restartTimer);
      this.#restartTimer = null;
    }
    const child = this.#child;
    if (child === null) return;
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      this.#exited.then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), this.#options.stopTimeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      this.#options.log.warn('litestream did not stop in time; killing it');
      child.kill('SIGKILL');
      await this.#exited;
    }
    this.#child = null;
  }
}

export function formatSeconds(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}
