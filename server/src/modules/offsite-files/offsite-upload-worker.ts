import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Db } from '../../db/database.js';
import { HOUR_MS, type Clock } from '../../lib/clock.js';
import type { ReplicaTarget } from '../../lib/replica-target.js';
import {
  backOffDueFiles,
  findDueFiles,
  markFailed,
  markUploaded,
  type OffsiteFileRow,
} from './offsite-files.repository.js';
import {
  copyToDirectory,
  describeS3Error,
  putToS3,
  s3ClientFor,
  TargetError,
  type ActiveTarget,
  type LocalFile,
  type S3Target,
} from './offsite-target.js';

export interface BackoffPolicy {
  /** First retry after this long; doubles with each failed attempt. */
  baseDelayMs: number;
  /** The longest wait between two attempts: an outage of days is retried hourly, never given up. */
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseDelayMs: 30_000, maxDelayMs: HOUR_MS };

/** 30 s, 1 min, 2 min, ... capped at 1 h, each ±20 % so a shop's files do not all retry in step. */
export function backoffDelayMs(
  attempts: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponential = policy.baseDelayMs * 2 ** Math.min(30, Math.max(0, attempts - 1));
  return Math.round(Math.min(policy.maxDelayMs, exponential) * (0.8 + 0.4 * random()));
}

export interface OffsiteUploadWorkerOptions {
  db: Db;
  clock: Clock;
  /** The data dir: files are at `<dataDir>/media/<hash[0..2]>/<hash>`. */
  dataDir: string;
  targetProvider: () => Promise<ReplicaTarget>;
  /** The stored type of a file (media_files.mime, through the inspections service); null → octet-stream. */
  mimeOf?: (hash: string) => Promise<string | null>;
  /** Milliseconds between polls; 0 turns the timer off (tests call drain()). */
  pollMs: number;
  /** Rows read per round (bounded memory and transaction size). */
  batchSize?: number;
  /** Uploads in flight at once. */
  parallel?: number;
  policy?: BackoffPolicy;
  /** How long stop() lets uploads in flight finish before it interrupts them (they stay queued). */
  stopGraceMs?: number;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export interface PassResult {
  attempted: number;
  uploaded: number;
  failed: number;
}

/**
 * A failure and whom it concerns: the target (unreachable, bucket missing, access denied, disk
 * full: every file would fail the same way) or this one file (missing or damaged on disk).
 */
interface Failure {
  message: string;
  scope: 'target' | 'file';
}

/**
 * Uploads due pending rows of offsite_files to the current target. Passes never overlap (a pass
 * asked for while one runs waits for it), so a file is never sent twice at once by this process;
 * sending it twice anyway (after a crash) is harmless because the object's name is its hash.
 *
 * A failure that concerns the target (no internet, bucket missing, access denied) ends the pass
 * and puts every due row on the same backoff: during an outage the worker makes one attempt per
 * backoff step, not one per file, and the queue simply waits. Nothing is ever dropped.
 */
export class OffsiteUploadWorker {
  readonly #o: OffsiteUploadWorkerOptions;
  readonly #policy: BackoffPolicy;
  #timer: NodeJS.Timeout | null = null;
  #kickTimer: NodeJS.Timeout | null = null;
  #chain: Promise<unknown> = Promise.resolve();
  /** Polling and kicks run only between start() and stop(). */
  #started = false;
  /** Set by stop(): passes end after the uploads in flight (drain() works without start()). */
  #halted = false;
  #tickWaiting = false;
  /** Bumped by requeue: an upload to the old target that finishes later must not count as done. */
  #generation = 0;
  #abort = new AbortController();
  #client: { key: string; client: S3Client } | null = null;

  constructor(options: OffsiteUploadWorkerOptions) {
    this.#o = options;
    this.#policy = options.policy ?? DEFAULT_BACKOFF;
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#halted = false;
    this.#abort = new AbortController();
    if (this.#o.pollMs > 0) {
      this.#timer = setInterval(() => this.#tick(), this.#o.pollMs);
      this.#timer.unref();
      this.kick();
    }
  }

  /**
   * Stops polling and waits for the uploads in flight; after the grace period they are
   * interrupted (their rows stay pending and go at the next start). No timer or socket is left.
   */
  async stop(): Promise<void> {
    this.#started = false;
    this.#halted = true;
    if (this.#timer !== null) clearInterval(this.#timer);
    if (this.#kickTimer !== null) clearTimeout(this.#kickTimer);
    this.#timer = null;
    this.#kickTimer = null;
    const settled = this.#chain.catch(() => undefined);
    let grace: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      grace = setTimeout(() => resolve('timeout'), this.#o.stopGraceMs ?? 10_000);
    });
    if ((await Promise.race([settled, timedOut])) === 'timeout') this.#abort.abort();
    clearTimeout(grace);
    await settled;
    this.#client?.client.destroy();
    this.#client = null;
  }

  /** Soon (not inside the caller's stack): run a pass. No-op when stopped or the timer is off. */
  kick(): void {
    if (!this.#started || this.#o.pollMs <= 0 || this.#kickTimer !== null) return;
    this.#kickTimer = setTimeout(() => {
      this.#kickTimer = null;
      this.#tick();
    }, 10);
    this.#kickTimer.unref();
  }

  /** The target changed: what is in flight now goes to the old one and must not be marked done. */
  invalidateInFlight(): void {
    this.#generation += 1;
  }

  #tick(): void {
    if (!this.#started || this.#tickWaiting) return;
    // At most one pass waits behind the running one: polls during a long video upload do not pile up.
    this.#tickWaiting = true;
    void this.#chain
      .then(() => {
        this.#tickWaiting = false;
        return this.#started ? this.drain() : undefined;
      })
      .catch((error: unknown) => this.#o.log.error({ err: error }, 'off-site file upload pass failed'));
  }

  /**
   * Uploads every row due now (a retry scheduled later waits for its time), in rounds of
   * `batchSize`, `parallel` at a time. Safe to call any time; passes never overlap.
   */
  drain(): Promise<PassResult> {
    const pass = this.#chain.then(() => this.#drainOnce());
    this.#chain = pass.catch(() => undefined);
    return pass;
  }

  async #drainOnce(): Promise<PassResult> {
    const result: PassResult = { attempted: 0, uploaded: 0, failed: 0 };
    const target = await this.#o.targetProvider();
    if (target.kind === 'off') return result;
    const generation = this.#generation;
    const seen = new Set<string>();
    const signal = this.#abort.signal;
    // A stop ends the pass after the uploads in flight: the rest of the queue waits for the next start.
    while (!this.#halted && !signal.aborted && generation === this.#generation) {
      const now = this.#o.clock.now().toISOString();
      const due = (await findDueFiles(this.#o.db, now, this.#o.batchSize ?? 20)).filter(
        (row) => !seen.has(row.hash),
      );
      if (due.length === 0) break;
      for (const row of due) seen.add(row.hash);
      const outage = await this.#round(target, due, generation, result, signal);
      if (outage !== null) {
        await this.#backOffEverythingDue(outage, generation);
        break;
      }
    }
    return result;
  }

  /** One round: up to `parallel` uploads at a time. Returns the first target-wide failure, if any. */
  async #round(
    target: ActiveTarget,
    rows: OffsiteFileRow[],
    generation: number,
    result: PassResult,
    signal: AbortSignal,
  ): Promise<{ row: OffsiteFileRow; failure: Failure } | null> {
    let next = 0;
    let outage: { row: OffsiteFileRow; failure: Failure } | null = null;
    const lane = async (): Promise<void> => {
      while (outage === null && !this.#halted && !signal.aborted && next < rows.length) {
        const row = rows[next++]!;
        result.attempted += 1;
        const failure = await this.#upload(target, row, signal);
        if (signal.aborted) return; // stopping: leave the row as it was, it goes next start
        if (failure === null) {
          result.uploaded += 1;
          if (generation === this.#generation)
            await markUploaded(this.#o.db, row.hash, this.#o.clock.now().toISOString());
        } else if (failure.scope === 'target') {
          result.failed += 1;
          outage ??= { row, failure };
        } else {
          result.failed += 1;
          await this.#recordFailure(row, failure, generation);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.#o.parallel ?? 4, rows.length) }, lane));
    return outage;
  }

  async #upload(target: ActiveTarget, row: OffsiteFileRow, signal: AbortSignal): Promise<Failure | null> {
    let file: LocalFile;
    try {
      file = await this.#readLocal(row.hash);
    } catch (error) {
      return { scope: 'file', message: error instanceof Error ? error.message : String(error) };
    }
    try {
      if (target.kind === 's3') await putToS3(this.#clientFor(target), target, file, signal);
      else await copyToDirectory(target, file, signal);
      return null;
    } catch (error) {
      const message = target.kind === 's3' ? describeS3Error(target, error) : (error as Error).message;
      // A size mismatch after a put concerns this object; everything else concerns the target.
      const scope = error instanceof TargetError && target.kind === 's3' ? 'file' : 'target';
      if (!(error instanceof TargetError) && target.kind === 'file')
        this.#o.log.error({ err: error, hash: row.hash }, 'off-site copy crashed');
      return { scope, message };
    }
  }

  /** Reads the file once: its size, its MD5 for the upload, and its SHA-256 against its name. */
  async #readLocal(hash: string): Promise<LocalFile> {
    const path = join(this.#o.dataDir, 'media', hash.slice(0, 2), hash);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      throw new TargetError(
        `The file ${hash} is missing from this server's disk (${path}); it stays queued until it is back.`,
      );
    }
    const sha = createHash('sha256');
    const md5 = createHash('md5');
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      sha.update(chunk);
      md5.update(chunk);
    }
    if (sha.digest('hex') !== hash)
      throw new TargetError(
        `The file ${hash} on this server's disk is damaged (its content no longer matches its name); it is not uploaded.`,
      );
    const mime = (await this.#o.mimeOf?.(hash).catch(() => null)) ?? null;
    return { hash, path, size, md5Base64: md5.digest('base64'), mime: mime ?? 'application/octet-stream' };
  }

  #clientFor(target: S3Target): S3Client {
    const key = JSON.stringify(target);
    if (this.#client?.key !== key) {
      this.#client?.client.destroy();
      this.#client = { key, client: s3ClientFor(target) };
    }
    return this.#client.client;
  }

  async #recordFailure(row: OffsiteFileRow, failure: Failure, generation: number): Promise<void> {
    if (generation !== this.#generation) return;
    const now = this.#o.clock.now();
    const attempts = row.attempts + 1;
    await markFailed(
      this.#o.db,
      row.hash,
      {
        attempts,
        lastError: failure.message,
        nextAttemptAt: new Date(now.getTime() + backoffDelayMs(attempts, this.#policy)).toISOString(),
      },
      now.toISOString(),
    );
  }

  /**
   * The target is down or refuses us: every row due now (this round's that did not get through,
   * and the rest of the queue that would meet the same answer) waits out the same backoff as the
   * one that failed. During an outage that is one probe per backoff step, not one per file.
   */
  async #backOffEverythingDue(
    outage: { row: OffsiteFileRow; failure: Failure },
    generation: number,
  ): Promise<void> {
    if (generation !== this.#generation) return;
    const attempts = outage.row.attempts + 1;
    this.#o.log.warn(
      { hash: outage.row.hash, attempts },
      `off-site file upload waits: ${outage.failure.message}`,
    );
    const now = this.#o.clock.now();
    const nextAttemptAt = new Date(now.getTime() + backoffDelayMs(attempts, this.#policy)).toISOString();
    await backOffDueFiles(
      this.#o.db,
      { lastError: outage.failure.message, nextAttemptAt },
      now.toISOString(),
    );
  }
}
