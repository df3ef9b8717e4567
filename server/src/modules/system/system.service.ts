import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';

export interface Health {
  status: 'ok' | 'degraded';
  version: string;
  db: 'ok' | 'error';
  uptimeSeconds: number;
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

/** What a monitor (systemd watchdog, Docker HEALTHCHECK, the owner) asks: is the server well? */
export class SystemService {
  readonly #startedAt: number;
  #replication: () => ReplicationHealth = () => REPLICATION_OFF;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly version: string,
  ) {
    this.#startedAt = clock.now().getTime();
  }

  /** The backup module reports here (wired in app.ts; it is built after this service). */
  setReplicationSource(source: () => ReplicationHealth): void {
    this.#replication = source;
  }

  async health(): Promise<Health> {
    let dbOk = true;
    try {
      await sql`SELECT 1`.execute(this.db);
    } catch {
      dbOk = false;
    }
    return {
      status: dbOk ? 'ok' : 'degraded',
      version: this.version,
      db: dbOk ? 'ok' : 'error',
      uptimeSeconds: Math.max(0, Math.floor((this.clock.now().getTime() - this.#startedAt) / 1000)),
      // Status stays 'ok' whatever this says: a backup problem must not make Docker or systemd
      // restart the shop's server; the owner sees the warning instead.
      replication: this.#replication(),
    };
  }
}
