import { classifyStorageError } from '../../lib/storage-errors.js';
import type { AppConfig } from '../../config/config.schema.js';
import type { Database, Db } from '../../db/database.js';
import type { DomainEvents } from '../../events/domain-events.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Role } from '../../db/schema.js';
import type { SessionMethod } from '../../db/tables/auth.js';
import { MINUTE_MS, HOUR_MS, type Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { randomToken, sha256Hex } from '../../lib/passwords.js';
import { prepareWriteStamp, type WriteStamp } from '../../db/write-stamp.js';
import {
  deleteSession,
  deleteSessionsExpiredBefore,
  deleteSessionsOfUser,
  insertSession,
  touchSession,
} from './auth.repository.js';
import {
  prepareSessionLookup,
  type SessionLookup,
  type SessionWithUser,
} from './session-lookup-read-model.js';

/** What a route knows about the signed-in staff member. */
export interface AuthContext {
  userId: string;
  name: string;
  email: string | null;
  role: Role;
  sessionId: string;
  method: SessionMethod;
  mfaVerified: boolean;
}

export interface NewSession {
  userId: string;
  method: SessionMethod;
  mfaVerified: boolean;
  ip: string | null;
  userAgent: string | null;
}

/** last_seen_at is written at most this often, so browsing does not turn every read into a write. */
const TOUCH_INTERVAL_MS = MINUTE_MS;

/** Session rows kept in memory (a shop has a few dozen signed-in screens; more is an attack). */
const CACHED_SESSIONS = 512;

type SessionsConfig = Pick<AppConfig, 'sessionIdleMinutes' | 'sessionMaxAgeHours' | 'pinSessionIdleMinutes'>;

/**
 * Server-side sessions: the browser holds a random 256-bit token, the database only its SHA-256.
 * A session ends when idle too long, when too old, when the user is deactivated, or on sign-out.
 */
export class SessionsService {
  private readonly db: Db;
  readonly #lookup: SessionLookup;
  readonly #sqlite: Database['sqlite'];
  readonly #writeStamp: WriteStamp;
  /**
   * Session rows by cookie token, each with the write stamp it was read at: every signed-in
   * request looks its session up, and between writes the answer cannot change (sign-out,
   * deactivation, a role change and the last-seen touch are all writes). Profiled on the
   * ten-year shop, the lookup was about 8% of the CPU of a cached repair-order read.
   */
  readonly #cache = new Map<string, { stamp: string; row: SessionWithUser | undefined }>();

  constructor(
    database: Database,
    private readonly clock: Clock,
    private readonly config: SessionsConfig,
    writeStamp?: WriteStamp,
    /**
     * Where sign-outs and access changes are announced, so live connections close at once; tests
     * that only mint sessions pass none.
     */
    private readonly events?: EventBus,
  ) {
    this.db = database.kysely;
    this.#sqlite = database.sqlite;
    this.#lookup = prepareSessionLookup(database.sqlite);
    this.#writeStamp = writeStamp ?? prepareWriteStamp(database.sqlite);
  }

  /** The session row for a token, from memory while nothing was written since it was read. */
  #sessionRow(token: string): SessionWithUser | undefined {
    const stamp = this.#writeStamp();
    const hit = this.#cache.get(token);
    if (hit !== undefined && hit.stamp === stamp) return hit.row;
    const row = this.#lookup(sha256Hex(token));
    // The lookup runs outside Kysely's connection lock, so during another request's transaction it
    // sees that transaction's uncommitted rows; a rollback does not change the stamp, so such a
    // read is used once and not kept.
    if (this.#sqlite.inTransaction) return row;
    this.#cache.delete(token);
    if (this.#cache.size >= CACHED_SESSIONS) this.#cache.clear();
    this.#cache.set(token, { stamp, row });
    return row;
  }

  get maxAgeSeconds(): number {
    return this.config.sessionMaxAgeHours * 3600;
  }

  private idleLimitMs(method: SessionMethod): number {
    switch (method) {
      case 'password':
        return this.config.sessionIdleMinutes * MINUTE_MS;
      case 'pin':
        return this.config.pinSessionIdleMinutes * MINUTE_MS;
    }
  }

  /** Starts a session inside the caller's transaction; returns the token for the cookie. */
  async create(tx: Db, input: NewSession): Promise<{ token: string; sessionId: string }> {
    const token = randomToken(32);
    const now = this.clock.now();
    const at = now.toISOString();
    const sessionId = newId();
    await insertSession(tx, {
      id: sessionId,
      token_hash: sha256Hex(token),
      user_id: input.userId,
      method: input.method,
      mfa_verified: input.mfaVerified ? 1 : 0,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 400) ?? null,
      last_seen_at: at,
      expires_at: new Date(now.getTime() + this.config.sessionMaxAgeHours * HOUR_MS).toISOString(),
      created_at: at,
      updated_at: at,
    });
    return { token, sessionId };
  }

  /** The signed-in staff member for a cookie token, or null when it is unknown, expired or revoked. */
  async authenticate(token: string): Promise<AuthContext | null> {
    const row = this.#sessionRow(token);
    if (row === undefined) return null;
    const now = this.clock.now();
    const idleSince = now.getTime() - new Date(row.last_seen_at).getTime();
    const expired =
      new Date(row.expires_at).getTime() <= now.getTime() || idleSince >= this.idleLimitMs(row.method);
    if (expired || row.user_active !== 1) {
      await bestEffortWrite(() => deleteSession(this.db, row.id));
      return null;
    }
    if (idleSince >= TOUCH_INTERVAL_MS)
      await bestEffortWrite(() => touchSession(this.db, row.id, now.toISOString()));
    return {
      userId: row.user_id,
      name: row.user_name,
      email: row.user_email,
      role: row.user_role,
      sessionId: row.id,
      method: row.method,
      mfaVerified: row.mfa_verified === 1,
    };
  }

  async end(sessionId: string): Promise<void> {
    await deleteSession(this.db, sessionId);
    this.events?.emit('staffSessionEnded', { sessionId, at: this.clock.now().toISOString() });
  }

  /**
   * Tells whoever holds a live connection of this user to check it again now. Call it after the
   * transaction that deactivated the user, changed their role or ended their sessions has committed.
   */
  announceAccessChanged(userId: string, change: DomainEvents['staffAccessChanged']['change']): void {
    this.events?.emit('staffAccessChanged', { userId, change, at: this.clock.now().toISOString() });
  }

  /** Ends every session of a user (deactivation, password reset), optionally keeping one. */
  endAllForUser(tx: Db, userId: string, exceptSessionId?: string): Promise<number> {
    return deleteSessionsOfUser(tx, userId, exceptSessionId);
  }

  /** Housekeeping: drop sessions that can no longer be used. */
  purgeExpired(): Promise<number> {
    const now = this.clock.now().getTime();
    const longestIdle = Math.max(this.idleLimitMs('password'), this.idleLimitMs('pin'));
    return deleteSessionsExpiredBefore(
      this.db,
      new Date(now).toISOString(),
      new Date(now - longestIdle).toISOString(),
    );
  }
}

/**
 * The last-seen touch and the removal of an expired session are housekeeping done while reading:
 * on a full or read-only disk they must not turn every signed-in read into a 507/503 (health and
 * the owner's banner already say what is wrong, and the saves that matter get their own problem).
 * Any other error is a real one and is thrown.
 */
async function bestEffortWrite(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (classifyStorageError(error) === null) throw error;
  }
}
