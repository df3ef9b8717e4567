import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { ReplicaTarget } from '../../lib/replica-target.js';
import { latestError, makeFailingDueNow, queueCounts, requeueAllFiles } from './offsite-files.repository.js';
import type { OffsiteFilesStatus } from './offsite-files.schemas.js';
import { OffsiteUploadWorker, type BackoffPolicy, type PassResult } from './offsite-upload-worker.js';

export interface OffsiteFilesOptions {
  db: Db;
  clock: Clock;
  /** The data dir: files are at `<dataDir>/media/<hash[0..2]>/<hash>`. */
  dataDir: string;
  /** Where files go now (the backup module's settings); asked at each pass, so a change is seen. */
  targetProvider: () => Promise<ReplicaTarget>;
  /** The stored type of a file (media_files.mime via the inspections service), for Content-Type. */
  mimeOf?: (hash: string) => Promise<string | null>;
  /** Milliseconds between polls of the queue; 0 turns the timer off (tests call drain()). */
  pollMs?: number;
  batchSize?: number;
  parallel?: number;
  policy?: BackoffPolicy;
  stopGraceMs?: number;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/** Every few seconds: a photo taken now is off-site a few seconds later when the internet is up. */
export const DEFAULT_POLL_MS = 5_000;

/**
 * The off-site copy of the photos and other media files: a durable queue (offsite_files, filled by
 * a trigger in the same transaction that records a file) and the worker that empties it into the
 * replica target. The database itself goes off-site through Litestream (the backup module); both
 * land in the same bucket or folder, so one restore finds everything.
 */
export class OffsiteFilesService {
  readonly #o: OffsiteFilesOptions;
  readonly #worker: OffsiteUploadWorker;

  constructor(options: OffsiteFilesOptions) {
    this.#o = options;
    this.#worker = new OffsiteUploadWorker({
      db: options.db,
      clock: options.clock,
      dataDir: options.dataDir,
      targetProvider: options.targetProvider,
      ...(options.mimeOf ? { mimeOf: options.mimeOf } : {}),
      pollMs: options.pollMs ?? DEFAULT_POLL_MS,
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      ...(options.parallel === undefined ? {} : { parallel: options.parallel }),
      ...(options.policy ? { policy: options.policy } : {}),
      ...(options.stopGraceMs === undefined ? {} : { stopGraceMs: options.stopGraceMs }),
      log: options.log,
    });
  }

  /** Starts polling (app onReady). */
  start(): void {
    this.#worker.start();
  }

  /** Stops polling and waits for the uploads in flight (app onClose). */
  stop(): Promise<void> {
    return this.#worker.stop();
  }

  /** Look at the queue now rather than at the next poll. */
  kick(): void {
    this.#worker.kick();
  }

  /** Uploads everything due now and resolves when done (tests, the restore drill, a CLI). */
  drain(): Promise<PassResult> {
    return this.#worker.drain();
  }

  /**
   * The target changed: the new bucket or folder holds none of our files, so every row goes back
   * to pending, due now. Files already there (same size) are recognised and not sent again.
   */
  async requeueAll(): Promise<number> {
    this.#worker.invalidateInFlight();
    const count = await requeueAllFiles(this.#o.db, this.#o.clock.now().toISOString());
    this.#worker.kick();
    return count;
  }

  /** The owner's "retry now": failing rows become due at once, and a pass starts. */
  async retryNow(): Promise<OffsiteFilesStatus> {
    await makeFailingDueNow(this.#o.db, this.#o.clock.now().toISOString());
    this.#worker.kick();
    return this.status();
  }

  async status(): Promise<OffsiteFilesStatus> {
    const [target, counts, error] = await Promise.all([
      this.#o.targetProvider(),
      queueCounts(this.#o.db),
      latestError(this.#o.db),
    ]);
    return {
      target: target.kind,
      pending: counts.pending,
      uploaded: counts.uploaded,
      failing: counts.failing,
      lastUploadAt: counts.lastUploadAt,
      lastError: error?.lastError ?? null,
      // With no target nothing is attempted, so there is no next attempt to show.
      nextAttemptAt: target.kind === 'off' ? null : counts.nextAttemptAt,
    };
  }

  /**
   * The same queue with another target (tests; a one-off copy to a second disk), optionally with
   * other worker settings. It has its own worker: drain it, or start it and stop it when done.
   */
  withTarget(
    targetProvider: () => Promise<ReplicaTarget>,
    overrides: Partial<
      Pick<OffsiteFilesOptions, 'pollMs' | 'batchSize' | 'parallel' | 'policy' | 'stopGraceMs'>
    > = {},
  ): OffsiteFilesService {
    return new OffsiteFilesService({ ...this.#o, ...overrides, targetProvider });
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The off-site file queue (the backup module requeues on a target change; tests reach it here). */
    offsiteFiles: OffsiteFilesService;
  }
}
