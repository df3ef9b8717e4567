import type { Db } from '../../db/database.js';
import type { UserRow } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { TimingEqualizer, sha256Hex, verifySecret } from '../../lib/passwords.js';
import { problems } from '../../lib/problem.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { toPublicUser, type UsersService } from '../users/users.service.js';
import type { PublicUser } from '../users/users.schemas.js';
import { consumeRecoveryCode, replaceRecoveryCodes } from './auth.repository.js';
import { lockedProblem, type LoginThrottle, type SignInAttempt } from './login-throttle.js';
import { REMOTE_ROLES } from './remote-access.js';
import type { AuthContext, SessionsService } from './sessions.service.js';
import { enrollmentFor, matchTotp, newRecoveryCodes, newTotpSecret, normalizeRecoveryCode } from './totp.js';
import { inTransaction } from '../../db/after-commit.js';

/** Where a sign-in attempt comes from. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
  /** true when the request came from the shop's own network, not through the tunnel. */
  lan: boolean;
}

export interface SignedIn {
  user: PublicUser;
  token: string;
  expiresAt: string;
}

const WRONG_CREDENTIALS = 'Email or password is incorrect.';

/**
 * Sign-in by password (+ optional TOTP) or by PIN on the LAN, sign-out, own password, and the
 * second factor. Every outcome that matters for security goes to the audit log.
 */
export class AuthService {
  readonly #equalizer = new TimingEqualizer();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
  ) {}

  async setupNeeded(): Promise<boolean> {
    return (await this.users.count()) === 0;
  }

  /** Creates the owner and, when given, names the shop: both or neither (one transaction). */
  setup(
    input: { name: string; email: string; password: string; shopName?: string | undefined },
    origin: RequestOrigin,
  ): Promise<PublicUser> {
    const { shopName, ...owner } = input;
    const nameShop =
      shopName === undefined
        ? undefined
        : (tx: Db, actor: Actor) => this.settings.nameShop(tx, actor, shopName.trim());
    return this.users.createFirstOwner(owner, origin.ip, nameShop);
  }

  async loginWithPassword(
    input: { email: string; password: string; code?: string | undefined },
    origin: RequestOrigin,
  ): Promise<SignedIn> {
    const attempt = this.attemptOf('password', input.email.trim().toLowerCase(), origin);
    await this.ensureNotLocked(attempt, { email: input.email }, origin);

    const user = await this.users.findByEmail(input.email.trim());
    const usable = user !== undefined && user.active === 1 && user.password_hash !== null;
    let passwordOk = false;
    if (usable) passwordOk = await verifySecret(user.password_hash!, input.password);
    else await this.#equalizer.burn(input.password); // same time whether or not the email exists

    if (!usable || !passwordOk) {
      await this.fail(attempt, origin, user?.id ?? null, { email: input.email, reason: 'credentials' });
      throw problems.unauthorized(WRONG_CREDENTIALS, 'invalid-credentials');
    }

    if (!origin.lan && (!REMOTE_ROLES.has(user.role) || user.totp_enabled !== 1)) {
      await this.recordSecurityEvent(user, origin, 'auth.login.refused_remote', { role: user.role });
      throw problems.forbidden(
        'Signing in from outside the shop needs an owner or advisor account with two-step verification ' +
          'turned on. Sign in at the shop and turn it on under your account first.',
        'remote-requires-mfa',
      );
    }

    let mfaVerified = false;
    if (user.totp_enabled === 1) {
      if (input.code === undefined) {
        throw problems.unauthorized('Enter the 6-digit code from your authenticator app.', 'mfa-required', {
          mfaRequired: true,
        });
      }
      if (!(await this.verifySecondFactor(user, input.code))) {
        await this.fail(attempt, origin, user.id, { email: input.email, reason: 'second-factor' });
        throw problems.unauthorized('That code is not right, or was already used.', 'invalid-mfa-code', {
          mfaRequired: true,
        });
      }
      mfaVerified = true;
    }

    return this.startSession(user, 'password', mfaVerified, attempt, origin);
  }

  async loginWithPin(input: { userId: string; pin: string }, origin: RequestOrigin): Promise<SignedIn> {
    this.ensureLan(origin, 'PIN sign-in');
    const attempt = this.attemptOf('pin', input.userId, origin);
    await this.ensureNotLocked(attempt, { userId: input.userId }, origin);
    const user = await this.users.findById(input.userId);
    const usable =
      user !== undefined && user.active === 1 && user.pin_hash !== null && user.role === 'technician';
    let pinOk = false;
    if (usable) pinOk = await verifySecret(user.pin_hash!, input.pin);
    else await this.#equalizer.burn(input.pin);
    if (!usable || !pinOk) {
      await this.fail(attempt, origin, user?.id ?? null, { userId: input.userId, reason: 'pin' });
      throw problems.unauthorized('Wrong PIN.', 'invalid-pin');
    }
    return this.startSession(user, 'pin', false, attempt, origin);
  }

  /** The PIN pad on a shared tablet lists who can sign in with a PIN (LAN only). */
  async pinUsers(origin: RequestOrigin) {
    this.ensureLan(origin, 'The PIN pad');
    return (await this.users.listPinUsers()).filter((u) => u.role === 'technician');
  }

  async logout(auth: AuthContext, origin: RequestOrigin): Promise<void> {
    await this.sessions.end(auth.sessionId);
    await this.audit.record(this.db, this.actor(auth, origin), {
      action: 'auth.logout',
      entityType: 'user',
      entityId: auth.userId,
    });
  }

  /** What the app's header and clocks need from the shop's settings. */
  async shopBasics(): Promise<{ name: string; timezone: string }> {
    const settings = await this.settings.get();
    return { name: settings.shopName, timezone: settings.timezone };
  }

  async me(auth: AuthContext): Promise<PublicUser> {
    const user = await this.users.findById(auth.userId);
    if (user === undefined) throw problems.unauthorized('Your account no longer exists.');
    return toPublicUser(user);
  }

  async changeOwnPassword(
    auth: AuthContext,
    input: { currentPassword: string; newPassword: string },
    origin: RequestOrigin,
  ): Promise<void> {
    const user = await this.requireUser(auth.userId);
    if (user.password_hash === null) {
      throw problems.validation([{ path: 'currentPassword', message: 'this account signs in by PIN only' }]);
    }
    if (!(await verifySecret(user.password_hash, input.currentPassword))) {
      await this.recordSecurityEvent(user, origin, 'auth.password_change.failed', {});
      throw problems.validation([{ path: 'currentPassword', message: 'is not your current password' }]);
    }
    await this.users.changeOwnPassword(this.actor(auth, origin), user.id, input.newPassword, auth.sessionId);
  }

  async startTotpEnrollment(auth: AuthContext) {
    const user = await this.requireUser(auth.userId);
    if (user.totp_enabled === 1) {
      throw problems.conflict(
        'Two-step verification is already on. Turn it off first to enroll a new device.',
      );
    }
    if (user.password_hash === null) {
      throw problems.badRequest('Two-step verification needs a password sign-in; this account uses a PIN.');
    }
    const secret = newTotpSecret();
    await this.users.setTotpState(this.db, user.id, { secret, enabled: false, lastCounter: null });
    return enrollmentFor(secret, user.email ?? user.name);
  }

  async confirmTotp(auth: AuthContext, code: string, origin: RequestOrigin): Promise<string[]> {
    const user = await this.requireUser(auth.userId);
    if (user.totp_enabled === 1) throw problems.conflict('Two-step verification is already on.');
    if (user.totp_secret === null)
      throw problems.conflict('Start the enrollment first (POST /api/auth/totp/enroll).');
    const counter = matchTotp(user.totp_secret, code, this.clock.now());
    if (counter === null) {
      throw problems.validation([{ path: 'code', message: 'does not match; check the time on the device' }]);
    }
    const codes = newRecoveryCodes();
    const at = this.clock.now().toISOString();
    await inTransaction(this.db, async (tx) => {
      await this.users.setTotpState(tx, user.id, {
        secret: user.totp_secret,
        enabled: true,
        lastCounter: counter,
      });
      await replaceRecoveryCodes(
        tx,
        user.id,
        codes.map((c) => sha256Hex(normalizeRecoveryCode(c))),
        at,
      );
      await this.audit.record(tx, this.actor(auth, origin), {
        action: 'auth.mfa.enabled',
        entityType: 'user',
        entityId: user.id,
      });
    });
    return codes;
  }

  async disableTotp(auth: AuthContext, password: string, origin: RequestOrigin): Promise<void> {
    const user = await this.requireUser(auth.userId);
    if (user.password_hash === null || !(await verifySecret(user.password_hash, password))) {
      throw problems.validation([{ path: 'password', message: 'is not your current password' }]);
    }
    await this.clearTotp(user.id, this.actor(auth, origin), 'auth.mfa.disabled', auth.sessionId);
  }

  /** The owner turns off someone's second factor (a lost phone), so they can enroll again. */
  async resetTotpFor(auth: AuthContext, userId: string, origin: RequestOrigin): Promise<PublicUser> {
    await this.requireUser(userId, 404);
    await this.clearTotp(userId, this.actor(auth, origin), 'auth.mfa.reset');
    return toPublicUser(await this.requireUser(userId));
  }

  actor(auth: AuthContext, origin: RequestOrigin): Actor {
    return { userId: auth.userId, label: auth.name, ip: origin.ip };
  }

  /** Sessions signed in with the old factor end; the caller's own session may be kept. */
  private async clearTotp(
    userId: string,
    actor: Actor,
    action: string,
    keepSessionId?: string,
  ): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      await this.users.setTotpState(tx, userId, { secret: null, enabled: false, lastCounter: null });
      await replaceRecoveryCodes(tx, userId, [], this.clock.now().toISOString());
      await this.sessions.endAllForUser(tx, userId, keepSessionId);
      await this.audit.record(tx, actor, { action, entityType: 'user', entityId: userId });
    });
    // After the commit: their open live sockets (other than the kept session's) close now.
    this.sessions.announceAccessChanged(userId, 'sessions_ended');
  }

  private async verifySecondFactor(user: UserRow, code: string): Promise<boolean> {
    const now = this.clock.now();
    if (/^\d{6}$/.test(code.trim())) {
      const counter = matchTotp(user.totp_secret ?? '', code.trim(), now);
      if (counter === null || (user.totp_last_counter !== null && counter <= user.totp_last_counter))
        return false;
      await this.users.setTotpLastCounter(this.db, user.id, counter);
      return true;
    }
    return consumeRecoveryCode(this.db, user.id, sha256Hex(normalizeRecoveryCode(code)), now.toISOString());
  }

  private async startSession(
    user: UserRow,
    method: 'password' | 'pin',
    mfaVerified: boolean,
    attempt: SignInAttempt,
    origin: RequestOrigin,
  ): Promise<SignedIn> {
    const { token } = await inTransaction(this.db, async (tx) => {
      await this.throttle.recordSuccess(tx, attempt);
      const created = await this.sessions.create(tx, {
        userId: user.id,
        method,
        mfaVerified,
        ip: origin.ip,
        userAgent: origin.userAgent,
      });
      await this.audit.record(
        tx,
        { userId: user.id, label: user.name, ip: origin.ip },
        {
          action: 'auth.login',
          entityType: 'user',
          entityId: user.id,
          data: { method, mfa: mfaVerified, lan: origin.lan },
        },
      );
      return created;
    });
    const expiresAt = new Date(this.clock.now().getTime() + this.sessions.maxAgeSeconds * 1000).toISOString();
    return { user: toPublicUser(user), token, expiresAt };
  }

  private attemptOf(method: SignInAttempt['method'], account: string, origin: RequestOrigin): SignInAttempt {
    return { method, account, ip: origin.ip, lan: origin.lan };
  }

  private async ensureNotLocked(
    attempt: SignInAttempt,
    data: Record<string, unknown>,
    origin: RequestOrigin,
  ): Promise<void> {
    const lock = await this.throttle.activeLock(this.db, attempt);
    if (lock === null) return;
    await this.audit.record(
      this.db,
      { userId: null, label: 'anonymous', ip: origin.ip },
      {
        action: 'auth.login.locked_out',
        entityType: 'login',
        data: { ...data, scope: lock.scope },
      },
    );
    throw lockedProblem(lock.until, this.clock.now());
  }

  private async fail(
    attempt: SignInAttempt,
    origin: RequestOrigin,
    userId: string | null,
    data: Record<string, unknown>,
  ): Promise<void> {
    const outcome = await inTransaction(this.db, async (tx) => {
      const result = await this.throttle.recordFailure(tx, attempt);
      const actor = { userId: null, label: 'anonymous', ip: origin.ip };
      await this.audit.record(tx, actor, {
        action: 'auth.login.failed',
        entityType: userId === null ? 'login' : 'user',
        entityId: userId,
        data: { ...data, failures: result.failures },
      });
      for (const lock of result.tripped) {
        await this.audit.record(tx, actor, {
          action: 'auth.lockout',
          entityType: userId === null ? 'login' : 'user',
          entityId: userId,
          data: { ...data, scope: lock.scope, lockedUntil: lock.until.toISOString() },
        });
      }
      return result;
    });
    // The attempt that trips the lock is told at once, not on the next try.
    if (outcome.lockedUntil !== null) throw lockedProblem(outcome.lockedUntil, this.clock.now());
  }

  private async recordSecurityEvent(
    user: UserRow,
    origin: RequestOrigin,
    action: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(
      this.db,
      { userId: user.id, label: user.name, ip: origin.ip },
      {
        action,
        entityType: 'user',
        entityId: user.id,
        data,
      },
    );
  }

  private ensureLan(origin: RequestOrigin, what: string): void {
    if (!origin.lan) {
      throw problems.forbidden(`${what} works only on the shop's own network.`, 'lan-only');
    }
  }

  private async requireUser(id: string, missingStatus: 401 | 404 = 401): Promise<UserRow> {
    const user = await this.users.findById(id);
    if (user === undefined) {
      throw missingStatus === 404
        ? problems.notFound(`No user with id ${id}.`)
        : problems.unauthorized('Your account no longer exists.');
    }
    return user;
  }
}
