import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';

export interface Health {
  status: 'ok' | 'degraded';
  version: string;
  db: 'ok' | 'error';
  uptimeSeconds: number;
}

/** What a monitor (systemd watchdog, Docker HEALTHCHECK, the owner) asks: is the server well? */
export class SystemService {
  readonly #startedAt: number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly version: string,
  ) {
    this.#startedAt = clock.now().getTime();
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
    };
  }
}
