import type { AppConfig } from '../../config/config.schema.js';
import type { Db } from '../../db/database.js';
import { HOUR_MS, MINUTE_MS, type Clock } from '../../lib/clock.js';
import { problems } from '../../lib/problem.js';
import { clearThrottle, deleteStaleThrottles, findThrottle, saveThrottle } from './auth.repository.js';
import { signInSource } from './sign-in-source.js';

type ThrottleConfig = Pick<AppConfig, 'loginMaxFailures' | 'loginLockoutMinutes'>;

/** One sign-in attempt as the throttle sees it. */
export interface SignInAttempt {
  method: 'password' | 'pin';
  /** The email as typed, or the PIN user's id. */
  account: string;
  /** request.ip: already the client's address when the request came through a trusted proxy. */
  ip: string | null;
  /** Whether the request came from the shop's own network. */
  lan: boolean;
}

/**
 * What a lock covers: `address` = this account from this address only, `device` = every PIN
 * sign-in from this address, `account` = this account from every address in the same zone
 * (shop network or outside).
 */
export type LockScope = 'address' | 'device' | 'account';

export interface ActiveLock {
  scope: LockScope;
  until: Date;
}

export interface FailureOutcome {
  /** Failures in a row for this account from this address. */
  failures: number;
  /** Set when this failure locked something: the attempt is refused at once. */
  lockedUntil: Date | null;
  /** Locks this failure started, for the audit log (a backoff is reported when it begins). */
  tripped: ActiveLock[];
}

interface Counter {
  key: string;
  scope: LockScope;
  /**
   * `lock`: at `threshold` failures the key is locked for the lockout time, then starts over.
   * `backoff`: from `threshold` failures on, each failure makes the next attempt wait twice as
   * long as the one before (1 s, 2 s, 4 s, ...), up to the lockout time.
   */
  mode: 'lock' | 'backoff';
  threshold: number;
  /** A counter whose last failure is older than this starts again from zero. */
  windowMs: number;
}

/**
 * The account-wide ceiling is this many times the per-address limit, and it only ever slows
 * the zone (shop network or outside) the failures came from. Why not a hard lock: any per-account
 * lock can be tripped on purpose by whoever can reach the sign-in page, which is how one stranger
 * used to lock the owner out at the counter. Per-address locks stop a single guesser; what is
 * left is a guesser with many addresses, and for that an exponential delay is enough: past the
 * ceiling the whole outside world gets about one guess per lockout period for that account (about
 * 100 a day with the defaults, where a thousand addresses would otherwise get 480 000), while
 * the shop network keeps its own count and signs in as usual. Remote sign-in also needs a
 * second factor, so the few guesses that remain are not enough on their own.
 */
const ACCOUNT_CEILING_FACTOR = 10;

/**
 * A tablet may mistype PINs for several technicians before it is stopped, so one clumsy
 * technician does not shut the PIN pad for the others; but it cannot walk through the PIN space
 * by spreading its guesses over every technician.
 */
const DEVICE_PIN_FACTOR = 2;

/** The account-wide count is forgotten only after a quiet day, so a patient guesser gains nothing. */
const ACCOUNT_WINDOW_MS = 24 * HOUR_MS;

/** Stale rows (every window has passed) are swept at most this often. */
const PRUNE_INTERVAL_MS = HOUR_MS;

/**
 * Counts failed sign-ins in the database (so a lock survives a restart) per account and source:
 * a lock for one address never stops another address, and failures from outside the shop never
 * slow sign-in on the shop network. Unknown and known emails are counted the same way.
 */
export class LoginThrottle {
  #lastPruneMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly clock: Clock,
    private readonly config: ThrottleConfig,
  ) {}

  /** The lock that refuses this attempt now (the one that lasts longest), or null. */
  async activeLock(db: Db, attempt: SignInAttempt): Promise<ActiveLock | null> {
    const now = this.clock.now().getTime();
    let longest: ActiveLock | null = null;
    for (const counter of this.countersFor(attempt)) {
      const row = await findThrottle(db, counter.key);
      if (row?.locked_until == null) continue;
      const until = new Date(row.locked_until);
      if (until.getTime() > now && (longest === null || until > longest.until)) {
        longest = { scope: counter.scope, until };
      }
    }
    return longest;
  }

  async recordFailure(db: Db, attempt: SignInAttempt): Promise<FailureOutcome> {
    const now = this.clock.now();
    const at = now.toISOString();
    let failuresFromAddress = 0;
    let lockedUntil: Date | null = null;
    const tripped: ActiveLock[] = [];
    for (const counter of this.countersFor(attempt)) {
      const row = await findThrottle(db, counter.key);
      const failures = (row === undefined || this.startsOver(counter, row, now) ? 0 : row.failures) + 1;
      const until = this.lockAfter(counter, failures, now);
      await saveThrottle(db, counter.key, failures, until?.toISOString() ?? null, at);
      if (counter.scope === 'address') failuresFromAddress = failures;
      if (until === null) continue;
      if (lockedUntil === null || until > lockedUntil) lockedUntil = until;
      if (failures === counter.threshold) tripped.push({ scope: counter.scope, until });
    }
    await this.pruneNowAndThen(db, now);
    return { failures: failuresFromAddress, lockedUntil, tripped };
  }

  /**
   * A success clears this address's count and the account's count in its zone. A PIN device's
   * count is left to run out: otherwise a technician could sign in as themselves between guesses
   * at a colleague's PIN and never be stopped.
   */
  async recordSuccess(db: Db, attempt: SignInAttempt): Promise<void> {
    for (const counter of this.countersFor(attempt)) {
      if (counter.scope !== 'device') await clearThrottle(db, counter.key);
    }
  }

  private countersFor(attempt: SignInAttempt): Counter[] {
    const { loginMaxFailures: max, loginLockoutMinutes } = this.config;
    const lockoutMs = loginLockoutMinutes * MINUTE_MS;
    const source = signInSource(attempt.ip, attempt.lan);
    const account = `${attempt.method === 'password' ? 'email' : 'pin'}:${attempt.account}`;
    const counters: Counter[] = [
      {
        key: `${account}|from:${source}`,
        scope: 'address',
        mode: 'lock',
        threshold: max,
        windowMs: lockoutMs,
      },
      {
        key: `${account}|zone:${attempt.lan ? 'lan' : 'outside'}`,
        scope: 'account',
        mode: 'backoff',
        threshold: max * ACCOUNT_CEILING_FACTOR,
        windowMs: ACCOUNT_WINDOW_MS,
      },
    ];
    if (attempt.method === 'pin') {
      counters.push({
        key: `pin-device:${source}`,
        scope: 'device',
        mode: 'lock',
        threshold: max * DEVICE_PIN_FACTOR,
        windowMs: lockoutMs,
      });
    }
    return counters;
  }

  private startsOver(
    counter: Counter,
    row: { locked_until: string | null; updated_at: string },
    now: Date,
  ): boolean {
    if (now.getTime() - new Date(row.updated_at).getTime() > counter.windowMs) return true;
    // A lock that has run out starts a fresh count; a backoff keeps counting until a success.
    return counter.mode === 'lock' && row.locked_until !== null && new Date(row.locked_until) <= now;
  }

  private lockAfter(counter: Counter, failures: number, now: Date): Date | null {
    if (failures < counter.threshold) return null;
    const lockoutMs = this.config.loginLockoutMinutes * MINUTE_MS;
    if (counter.mode === 'lock') return new Date(now.getTime() + lockoutMs);
    // 2^30 s is far past any lockout time; the cap keeps the exponent from overflowing.
    const exponent = Math.min(failures - counter.threshold, 30);
    return new Date(now.getTime() + Math.min(2 ** exponent * 1000, lockoutMs));
  }

  /** Rows past every window (an attacker's thousand addresses) are dropped about once an hour. */
  private async pruneNowAndThen(db: Db, now: Date): Promise<void> {
    if (now.getTime() - this.#lastPruneMs < PRUNE_INTERVAL_MS) return;
    this.#lastPruneMs = now.getTime();
    const longestWindow = Math.max(ACCOUNT_WINDOW_MS, this.config.loginLockoutMinutes * MINUTE_MS);
    await deleteStaleThrottles(db, new Date(now.getTime() - longestWindow).toISOString(), now.toISOString());
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
