import type { AppConfig } from '../../config/config.schema.js';
import type { Db } from '../../db/database.js';
import { MINUTE_MS, type Clock } from '../../lib/clock.js';
import { problems } from '../../lib/problem.js';
import { clearThrottle, findThrottle, saveThrottle } from './auth.repository.js';

type ThrottleConfig = Pick<AppConfig, 'loginMaxFailures' | 'loginLockoutMinutes'>;

export interface FailureOutcome {
  failures: number;
  /** Set when this failure locked the key. */
  lockedUntil: Date | null;
}

/**
 * Counts failed sign-ins per key (an email as typed, or a PIN user's id) in the database, so a
 * lockout survives a restart and applies the same to unknown and known emails.
 */
export class LoginThrottle {
  constructor(
    private readonly clock: Clock,
    private readonly config: ThrottleConfig,
  ) {}

  /** Throws 429 with the time to retry while the key is locked. */
  async ensureNotLocked(db: Db, key: string): Promise<void> {
    const row = await findThrottle(db, key);
    if (row?.locked_until == null) return;
    const until = new Date(row.locked_until);
    const now = this.clock.now();
    if (until.getTime() <= now.getTime()) return;
    throw lockedProblem(until, now);
  }

  async recordFailure(db: Db, key: string): Promise<FailureOutcome> {
    const now = this.clock.now();
    const at = now.toISOString();
    const row = await findThrottle(db, key);
    const lockExpired = row?.locked_until != null && new Date(row.locked_until).getTime() <= now.getTime();
    const failures = (row === undefined || lockExpired ? 0 : row.failures) + 1;
    const lockedUntil =
      failures >= this.config.loginMaxFailures
        ? new Date(now.getTime() + this.config.loginLockoutMinutes * MINUTE_MS)
        : null;
    await saveThrottle(db, key, failures, lockedUntil?.toISOString() ?? null, at);
    return { failures, lockedUntil };
  }

  async recordSuccess(db: Db, key: string): Promise<void> {
    await clearThrottle(db, key);
  }
}

export function lockedProblem(until: Date, now: Date) {
  const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
  const minutes = Math.ceil(seconds / 60);
  const clock = until.toISOString().slice(11, 16);
  return problems.tooManyRequests(
    `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${clock} UTC).`,
    seconds,
    'account-locked',
  );
}
