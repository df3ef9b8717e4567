import type { FastifyBaseLogger } from 'fastify';
import { diskSpaceOf, FULL_BELOW_BYTES, probeDataDir, type DiskSpace } from '../../lib/data-dir-check.js';
import type { Clock } from '../../lib/clock.js';
import { classifyStorageError, storageReasons, type StorageFault } from '../../lib/storage-errors.js';

/**
 * - ok: the database saves and there is room.
 * - low: it saves, but free space is under the warning threshold (the owner is told in time).
 * - full / read-only: it cannot save; health is degraded.
 * - error: the database write failed for another reason (a failing disk, a closed database).
 */
export type StorageState = 'ok' | 'low' | 'full' | 'read-only' | 'error';

export interface StorageHealth {
  state: StorageState;
  /** Whether the last small write to the database (the probe row) was committed. */
  databaseWritable: boolean;
  freeBytes: number | null;
  totalBytes: number | null;
  /** When the database write was last tried. */
  writeCheckedAt: string | null;
  /** The reason, in words for the owner's banner; null when all is well. */
  warning: string | null;
}

/** Warn when free space falls under the larger of the two (0 and 0 turn the warning off). */
export interface LowSpaceThreshold {
  freeBytes: number;
  freePercent: number;
}

export interface StorageWatcherOptions {
  dataDir: string;
  /** One small committed write to the database. */
  writeProbe: (at: string) => Promise<void>;
  lowSpace: LowSpaceThreshold;
  clock: Clock;
  log: FastifyBaseLogger;
  /** How long a successful database write counts as proof; also the background check's period. */
  probeEveryMs?: number;
  /** Monotonic milliseconds for the cache (tests' clocks stand still). */
  nowMs?: () => number;
}

interface Probe {
  atMs: number;
  at: string;
  fault: 'full' | 'read-only' | 'error' | null;
  /** What the failed write said, for the warning and the log. */
  detail: string | null;
}

export const DEFAULT_PROBE_EVERY_MS = 60_000;

/**
 * Watches whether ASE can still save: statfs of the data folder on every look (microseconds), and
 * a real committed write to the database at most once per `probeEveryMs` while it works, on every
 * look while it fails (so health turns green as soon as space is back). A write that failed for
 * lack of disk anywhere in the app is reported here at once (`noticeFault`).
 */
export class StorageWatcher {
  readonly #options: StorageWatcherOptions;
  readonly #probeEveryMs: number;
  readonly #nowMs: () => number;
  #lastProbe: Probe | null = null;
  #probing: Promise<Probe> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #loggedState: StorageState = 'ok';

  constructor(options: StorageWatcherOptions) {
    this.#options = options;
    this.#probeEveryMs = options.probeEveryMs ?? DEFAULT_PROBE_EVERY_MS;
    this.#nowMs = options.nowMs ?? (() => performance.now());
  }

  /** The background look: free space falling is logged and shown even when nobody asks health. */
  start(): void {
    if (this.#timer !== null) return;
    this.#timer = setInterval(() => {
      this.check().catch((error: unknown) => this.#options.log.error({ err: error }, 'storage check failed'));
    }, this.#probeEveryMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    await this.#probing;
  }

  /** The current state (health asks this). */
  async check(): Promise<StorageHealth> {
    const health = this.#assess(await this.#probeIfDue());
    this.#logChange(health);
    return health;
  }

  /**
   * A write somewhere in the app failed because of the disk: record it so health says so at
   * once, and tell what SQLite's unspecific I/O error was (full, read-only, or neither).
   */
  noticeFault(fault: StorageFault): 'full' | 'read-only' | null {
    const resolved = fault === 'io' ? this.#faultOfDataDir() : fault;
    this.#lastProbe = {
      atMs: this.#nowMs(),
      at: this.#options.clock.now().toISOString(),
      fault: resolved,
      detail: null,
    };
    // Nothing found behind an I/O error: the next look writes to the database again.
    if (resolved === null) this.#lastProbe = null;
    else this.#logChange(this.#assess(this.#lastProbe));
    return resolved;
  }

  async #probeIfDue(): Promise<Probe> {
    const last = this.#lastProbe;
    if (last !== null && last.fault === null && this.#nowMs() - last.atMs < this.#probeEveryMs) return last;
    this.#probing ??= this.#probe().finally(() => (this.#probing = null));
    return this.#probing;
  }

  async #probe(): Promise<Probe> {
    const at = this.#options.clock.now().toISOString();
    let fault: Probe['fault'] = null;
    let detail: string | null = null;
    try {
      await this.#options.writeProbe(at);
    } catch (error) {
      const classified = classifyStorageError(error);
      fault =
        classified === 'full' || classified === 'read-only'
          ? classified
          : (this.#faultOfDataDir() ?? 'error');
      const code = (error as { code?: unknown }).code;
      detail = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
    }
    const probe: Probe = { atMs: this.#nowMs(), at, fault, detail };
    this.#lastProbe = probe;
    return probe;
  }

  /** A file written in the data folder says what SQLite's I/O error does not; EIO and the like: null. */
  #faultOfDataDir(): 'full' | 'read-only' | null {
    try {
      const found = probeDataDir(this.#options.dataDir)?.fault ?? null;
      if (found !== null) return found;
      const space = diskSpaceOf(this.#options.dataDir);
      return space.freeBytes < FULL_BELOW_BYTES ? 'full' : null;
    } catch {
      return null;
    }
  }

  #space(): DiskSpace | null {
    try {
      return diskSpaceOf(this.#options.dataDir);
    } catch {
      return null;
    }
  }

  #assess(probe: Probe): StorageHealth {
    const space = this.#space();
    const freeBytes = space?.freeBytes ?? null;
    const base = {
      databaseWritable: probe.fault === null,
      freeBytes,
      totalBytes: space?.totalBytes ?? null,
      writeCheckedAt: probe.at,
    };
    if (probe.fault === 'read-only')
      return { ...base, state: 'read-only', warning: storageReasons.readOnly() };
    if (probe.fault === 'full' || (freeBytes !== null && freeBytes < FULL_BELOW_BYTES))
      return { ...base, state: 'full', warning: storageReasons.full(freeBytes) };
    if (probe.fault === 'error')
      return {
        ...base,
        state: 'error',
        warning: `the database cannot save changes (${probe.detail ?? 'see the server log'}); ASE cannot save anything`,
      };
    if (space !== null && space.freeBytes < this.#lowThreshold(space))
      return { ...base, state: 'low', warning: storageReasons.low(space.freeBytes, space.totalBytes) };
    return { ...base, state: 'ok', warning: null };
  }

  #lowThreshold(space: DiskSpace): number {
    const { freeBytes, freePercent } = this.#options.lowSpace;
    return Math.max(freeBytes, (space.totalBytes * freePercent) / 100);
  }

  /** One log line when the state changes, not one per look. */
  #logChange(health: StorageHealth): void {
    if (health.state === this.#loggedState) return;
    const previous = this.#loggedState;
    this.#loggedState = health.state;
    const fields = { storage: health.state, freeBytes: health.freeBytes, dataDir: this.#options.dataDir };
    if (health.state === 'ok')
      this.#options.log.info({ ...fields, previous }, 'the data folder can save again');
    else if (health.state === 'low') this.#options.log.warn(fields, health.warning ?? 'disk space low');
    else this.#options.log.error(fields, health.warning ?? 'ASE cannot save');
  }
}
