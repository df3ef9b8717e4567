import type { Db } from '../../db/database.js';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../lib/clock.js';
import type { StorageFault } from '../../lib/storage-errors.js';
import { pingDatabase, touchWriteProbe } from './system.repository.js';
import { StorageWatcher, type LowSpaceThreshold, type StorageHealth } from './storage-watcher.js';

export interface Health {
  status: 'ok' | 'degraded';
  version: string;
  /** 'error' when the database does not answer or cannot save (a full or read-only disk). */
  db: 'ok' | 'error';
  uptimeSeconds: number;
  /** Can ASE save, and how much room is left; full or read-only makes the status degraded. */
  storage: StorageHealth;
  /** Off-site replication of the database; a problem here never turns the health check red. */
  replication: ReplicationHealth;
}

export interface ReplicationHealth {
  state: 'off' | 'starting' | 'replicating' | 'error';
  lastSyncAt: string | null;
  lagSeconds: number | null;
  warning: string | null;
}

const REPLICATION_OFF: ReplicationHealth = {
  state: 'off',
  lastSyncAt: null,
  lagSeconds: null,
  warning: null,
};

export interface StorageOptions {
  dataDir: string;
  lowSpace: LowSpaceThreshold;
  log: FastifyBaseLogger;
  probeEveryMs?: number;
}

/** What a monitor (systemd watchdog, Docker HEALTHCHECK, the owner) asks: is the server well? */
export class SystemService {
  readonly #startedAt: number;
  readonly #storage: StorageWatcher;
  #replication: () => ReplicationHealth = () => REPLICATION_OFF;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly version: string,
    storage: StorageOptions,
  ) {
    this.#startedAt = clock.now().getTime();
    this.#storage = new StorageWatcher({
      ...storage,
      clock,
      writeProbe: (at) => touchWriteProbe(db, at),
    });
  }

  /** The background watch of free space (started and stopped with the app). */
  start(): void {
    this.#storage.start();
  }

  async stop(): Promise<void> {
    await this.#storage.stop();
  }

  /**
   * A request failed because of the disk (the error handler calls this): health says so at once;
   * returns what an unspecific disk I/O error turned out to be.
   */
  noticeStorageFault(fault: StorageFault): 'full' | 'read-only' | null {
    return this.#storage.noticeFault(fault);
  }

  /** The backup module reports here (wired in app.ts; it is built after this service). */
  setReplicationSource(source: () => ReplicationHealth): void {
    this.#replication = source;
  }

  async health(): Promise<Health> {
    let dbOk = true;
    try {
      await pingDatabase(this.db);
    } catch {
      dbOk = false;
    }
    const storage = await this.#storage.check();
    const canSave = storage.databaseWritable && storage.state !== 'full' && storage.state !== 'read-only';
    return {
      status: dbOk && canSave ? 'ok' : 'degraded',
      version: this.version,
      db: dbOk && storage.databaseWritable ? 'ok' : 'error',
      uptimeSeconds: Math.max(0, Math.floor((this.clock.now().getTime() - this.#startedAt) / 1000)),
      // Status stays 'ok' whatever this says: a backup problem must not make Docker or systemd
      // restart the shop's server; the owner sees the warning instead.
      replication: this.#replication(),
      storage,
    };
  }
}
