import type { Db } from '../../db/database.js';
import type { Role, UserRow } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { PasswordPolicy } from '../../lib/password-policy.js';
import { hashSecret } from '../../lib/passwords.js';
import { problems } from '../../lib/problem.js';
import { staleVersionProblem, orNotFound } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { SessionsService } from '../auth/sessions.service.js';
import {
  countActiveWithRole,
  countUsers,
  findUserByEmail,
  findUserById,
  insertUser,
  listActiveUserIdsWithRoles,
  listPinUsers,
  listUserNames,
  listUsers,
  updateTotpLastCounter,
  updateUser,
  updateUserIfVersion,
} from './users.repository.js';
import type { CreateUserInput, PublicUser, UpdateUserInput } from './users.schemas.js';
import { inTransaction } from '../../db/after-commit.js';
import { versionedRecordFields } from '../../lib/row-view.js';

export function toPublicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    active: row.active === 1,
    hasPassword: row.password_hash !== null,
    hasPin: row.pin_hash !== null,
    totpEnabled: row.totp_enabled === 1,
    ...versionedRecordFields(row),
  };
}

function noEmailForPassword(field: string) {
  return problems.validation([{ path: field, message: 'set an email for this user before a password' }]);
}

/** Staff accounts: the owner manages them; sign-in itself lives in the auth module. */
export class UsersService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordPolicy = new PasswordPolicy(),
  ) {}

  async list(): Promise<PublicUser[]> {
    return (await listUsers(this.db)).map(toPublicUser);
  }

  async get(id: string): Promise<PublicUser> {
    return toPublicUser(await this.requireUser(this.db, id));
  }

  count(): Promise<number> {
    return countUsers(this.db);
  }

  /** Lookups for the auth module: raw rows, because it needs the hashes. */
  findByEmail(email: string): Promise<UserRow | undefined> {
    return findUserByEmail(this.db, email);
  }
  findById(id: string): Promise<UserRow | undefined> {
    return findUserById(this.db, id);
  }
  listPinUsers(): Promise<{ id: string; name: string; role: Role }[]> {
    return listPinUsers(this.db);
  }

  /**
   * Staff names by id for other modules' answers ("received by", "moved by"), read in the caller's
   * transaction or on `db`. Null ids and unknown ids are left out of the map.
   */
  async namesOf(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    return new Map((await listUserNames(db, wanted)).map((u) => [u.id, u.name]));
  }

  /**
   * First run: creates the owner, and only while the database has no user at all. `alsoInside`
   * runs in the same transaction as the owner's new account (setup names the shop there).
   */
  async createFirstOwner(
    input: { name: string; email: string; password: string },
    ip: string | null,
    alsoInside?: (tx: Db, actor: Actor) => Promise<void>,
  ) {
    this.passwords.ensureAcceptable(input.password, input);
    const passwordHash = await hashSecret(input.password);
    return inTransaction(this.db, async (tx) => {
      if ((await countUsers(tx)) > 0) {
        throw problems.conflict('Setup is already done: an owner exists. Sign in instead.', 'setup-done');
      }
      const row = this.newRow({ name: input.name, email: input.email, role: 'owner' }, passwordHash, null);
      await insertUser(tx, row);
      await this.audit.record(
        tx,
        { userId: row.id, label: `${row.name} (setup)`, ip },
        {
          action: 'user.created',
          entityType: 'user',
          entityId: row.id,
          data: { role: 'owner', via: 'setup' },
        },
      );
      await alsoInside?.(tx, { userId: row.id, label: row.name, ip });
      return toPublicUser(await this.requireUser(tx, row.id));
    });
  }

  async create(actor: Actor, input: CreateUserInput): Promise<PublicUser> {
    if (input.role !== 'technician' && (input.email === undefined || input.password === undefined)) {
      const missing = [
        input.email === undefined ? 'email' : null,
        input.password === undefined ? 'password' : null,
      ]
        .filter((f): f is string => f !== null)
        .map((path) => ({ path, message: `is required for the ${input.role} role` }));
      throw problems.validation(missing);
    }
    if (input.password === undefined && input.pin === undefined) {
      throw problems.validation([
        { path: 'pin', message: 'a technician needs a PIN or an email and password' },
      ]);
    }
    if (input.pin !== undefined && input.role !== 'technician') {
      throw problems.validation([{ path: 'pin', message: 'PIN sign-in is for technicians only' }]);
    }
    if (input.password !== undefined && input.email === undefined) {
      throw problems.validation([{ path: 'email', message: 'is required when a password is set' }]);
    }
    if (input.password !== undefined) this.passwords.ensureAcceptable(input.password, input);
    const [passwordHash, pinHash] = await Promise.all([
      input.password === undefined ? null : hashSecret(input.password),
      input.pin === undefined ? null : hashSecret(input.pin),
    ]);
    return inTransaction(this.db, async (tx) => {
      if (input.email !== undefined) await this.ensureEmailFree(tx, input.email);
      const row = this.newRow(input, passwordHash, pinHash);
      await insertUser(tx, row);
      await this.audit.record(tx, actor, {
        action: 'user.created',
        entityType: 'user',
        entityId: row.id,
        data: { role: row.role, name: row.name },
      });
      return toPublicUser(await this.requireUser(tx, row.id));
    });
  }

  async update(actor: Actor, id: string, input: UpdateUserInput): Promise<PublicUser> {
    let roleChanged = false;
    const user = await inTransaction(this.db, async (tx) => {
      const current = await this.requireUser(tx, id);
      this.ensureVersion(current, input.version);
      if (input.role !== undefined && input.role !== current.role && current.role === 'owner') {
        await this.ensureNotLastOwner(tx, current, 'change the role of');
      }
      if (input.role !== undefined && input.role !== 'technician' && current.password_hash === null) {
        throw problems.validation([
          { path: 'role', message: 'this user signs in by PIN only; set an email and password first' },
        ]);
      }
      if (input.email === null && current.password_hash !== null) {
        throw problems.validation([
          { path: 'email', message: 'cannot be removed while the user has a password' },
        ]);
      }
      if (
        input.email !== undefined &&
        input.email !== null &&
        input.email.toLowerCase() !== current.email?.toLowerCase()
      ) {
        await this.ensureEmailFree(tx, input.email);
      }
      const changes = {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.email === undefined ? {} : { email: input.email }),
        ...(input.role === undefined ? {} : { role: input.role }),
        updated_at: this.now(),
      };
      if (!(await updateUserIfVersion(tx, id, input.version, changes)))
        this.throwStale(await this.requireUser(tx, id));
      if (input.role !== undefined && input.role !== current.role) {
        roleChanged = true;
        await this.audit.record(tx, actor, {
          action: 'user.role_changed',
          entityType: 'user',
          entityId: id,
          data: { from: current.role, to: input.role },
        });
      }
      if (input.name !== undefined || input.email !== undefined) {
        await this.audit.record(tx, actor, {
          action: 'user.updated',
          entityType: 'user',
          entityId: id,
          data: { fields: Object.keys(input).filter((k) => k !== 'version' && k !== 'role') },
        });
      }
      return toPublicUser(await this.requireUser(tx, id));
    });
    if (roleChanged) this.sessions.announceAccessChanged(id, 'role_changed');
    return user;
  }

  /** Deactivation ends every session of that user at once. */
  async setActive(actor: Actor, id: string, active: boolean): Promise<PublicUser> {
    const user = await inTransaction(this.db, async (tx) => {
      const current = await this.requireUser(tx, id);
      if (!active && actor.userId === id) {
        throw problems.conflict('You cannot deactivate your own account.', 'self-deactivation');
      }
      if (!active && current.role === 'owner') await this.ensureNotLastOwner(tx, current, 'deactivate');
      if ((current.active === 1) === active) return toPublicUser(current);
      await updateUser(tx, id, { active: active ? 1 : 0, updated_at: this.now() });
      const endedSessions = active ? 0 : await this.sessions.endAllForUser(tx, id);
      await this.audit.record(tx, actor, {
        action: active ? 'user.reactivated' : 'user.deactivated',
        entityType: 'user',
        entityId: id,
        data: active ? {} : { endedSessions },
      });
      return toPublicUser(await this.requireUser(tx, id));
    });
    if (!active) this.sessions.announceAccessChanged(id, 'deactivated');
    return user;
  }

  /** The owner sets a new password for someone; their sessions end so the old one is useless. */
  async resetPassword(actor: Actor, id: string, password: string): Promise<PublicUser> {
    this.ensureMayHavePassword(await this.requireUser(this.db, id), password, 'password');
    const hash = await hashSecret(password);
    const user = await inTransaction(this.db, async (tx) => {
      const current = await this.requireUser(tx, id);
      // The email may have been removed since the check above; the policy need not run again.
      if (current.email === null) throw noEmailForPassword('password');
      await updateUser(tx, id, { password_hash: hash, updated_at: this.now() });
      const endedSessions = await this.sessions.endAllForUser(tx, id);
      await this.audit.record(tx, actor, {
        action: 'user.password_reset',
        entityType: 'user',
        entityId: id,
        data: { endedSessions },
      });
      return toPublicUser(await this.requireUser(tx, id));
    });
    this.sessions.announceAccessChanged(id, 'sessions_ended');
    return user;
  }

  /** A user changes their own password (the auth module has checked the current one). */
  async changeOwnPassword(
    actor: Actor,
    id: string,
    newPassword: string,
    keepSessionId: string,
  ): Promise<void> {
    this.passwords.ensureAcceptable(newPassword, await this.requireUser(this.db, id), 'newPassword');
    const hash = await hashSecret(newPassword);
    await inTransaction(this.db, async (tx) => {
      await updateUser(tx, id, { password_hash: hash, updated_at: this.now() });
      const endedSessions = await this.sessions.endAllForUser(tx, id, keepSessionId);
      await this.audit.record(tx, actor, {
        action: 'user.password_changed',
        entityType: 'user',
        entityId: id,
        data: { endedSessions },
      });
    });
    this.sessions.announceAccessChanged(id, 'sessions_ended');
  }

  async setPin(actor: Actor, id: string, pin: string | null): Promise<PublicUser> {
    const hash = pin === null ? null : await hashSecret(pin);
    return inTransaction(this.db, async (tx) => {
      const current = await this.requireUser(tx, id);
      if (hash !== null && current.role !== 'technician') {
        throw problems.validation([{ path: 'pin', message: 'PIN sign-in is for technicians only' }]);
      }
      if (hash === null && current.password_hash === null) {
        throw problems.validation([
          { path: 'pin', message: 'cannot be removed: it is this user’s only way to sign in' },
        ]);
      }
      await updateUser(tx, id, { pin_hash: hash, updated_at: this.now() });
      await this.audit.record(tx, actor, {
        action: hash === null ? 'user.pin_removed' : 'user.pin_set',
        entityType: 'user',
        entityId: id,
      });
      return toPublicUser(await this.requireUser(tx, id));
    });
  }

  /** Second-factor state is written by the auth module through these, in its transaction. */
  async setTotpState(
    tx: Db,
    id: string,
    state: { secret: string | null; enabled: boolean; lastCounter: number | null },
  ): Promise<void> {
    await updateUser(tx, id, {
      totp_secret: state.secret,
      totp_enabled: state.enabled ? 1 : 0,
      totp_last_counter: state.lastCounter,
      updated_at: this.now(),
    });
  }

  async setTotpLastCounter(tx: Db, id: string, counter: number): Promise<void> {
    await updateTotpLastCounter(tx, id, counter);
  }

  /** For notifications: the active staff with one of these roles, in the caller's transaction. */
  activeIdsWithRoles(db: Db, roles: readonly Role[]): Promise<string[]> {
    return listActiveUserIdsWithRoles(db, roles);
  }

  private newRow(
    input: { name: string; email?: string | undefined; role: Role },
    passwordHash: string | null,
    pinHash: string | null,
  ) {
    const at = this.now();
    return {
      id: newId(),
      name: input.name.trim(),
      email: input.email ?? null,
      role: input.role,
      password_hash: passwordHash,
      pin_hash: pinHash,
      active: 1,
      totp_secret: null,
      totp_enabled: 0,
      totp_last_counter: null,
      created_at: at,
      updated_at: at,
    };
  }

  /** A password needs an email to sign in with, and must pass the policy for this person. */
  private ensureMayHavePassword(user: UserRow, password: string, field: string): void {
    if (user.email === null) throw noEmailForPassword(field);
    this.passwords.ensureAcceptable(password, user, field);
  }

  private async requireUser(db: Db, id: string): Promise<UserRow> {
    const row = orNotFound(await findUserById(db, id), 'user', id);
    return row;
  }

  private async ensureEmailFree(db: Db, email: string): Promise<void> {
    if ((await findUserByEmail(db, email)) !== undefined) {
      throw problems.conflict(`Another user already has the email ${email}.`, 'email-taken', {
        errors: [{ path: 'email', message: 'is already used by another user' }],
      });
    }
  }

  private async ensureNotLastOwner(db: Db, user: UserRow, what: string): Promise<void> {
    if (user.active === 1 && (await countActiveWithRole(db, 'owner')) <= 1) {
      throw problems.conflict(
        `Cannot ${what} the last active owner: make someone else an owner first.`,
        'last-owner',
      );
    }
  }

  private ensureVersion(current: UserRow, expected: number): void {
    if (current.version !== expected) this.throwStale(current);
  }

  private throwStale(current: UserRow): never {
    throw staleVersionProblem('user', current.version, toPublicUser(current));
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
