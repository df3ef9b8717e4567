import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  problemOf,
  setupOwner,
  type TestApp,
} from '../helpers/test-app.js';

let t: TestApp;
let owner: { id: string; cookie: string };
beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
});
afterEach(async () => {
  await t.close();
});

function auditFor(entityId: string): { action: string; data: string; actor_user_id: string | null }[] {
  return t.database.sqlite
    .prepare('SELECT action, data, actor_user_id FROM audit_log WHERE entity_id = ? ORDER BY id')
    .all(entityId) as { action: string; data: string; actor_user_id: string | null }[];
}

describe('staff accounts (owner only)', () => {
  it('creates, lists and reads users', async () => {
    const advisor = await createStaff(t.app, owner.cookie, 'advisor', 'Ada Advisor');
    const list = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/users' });
    expect(list.json().items.map((u: { name: string }) => u.name)).toEqual(['Ada Advisor', 'Olga Owner']);
    const one = await injectAs(t.app, owner.cookie, { method: 'GET', url: `/api/users/${advisor.id}` });
    expect(one.json()).toMatchObject({ role: 'advisor', hasPassword: true, hasPin: false, active: true });
    expect(auditFor(advisor.id).map((a) => a.action)).toEqual(['user.created']);
  });

  it('requires email and password for roles other than technician, and PINs only for technicians', async () => {
    const noEmail = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: '/api/users',
      payload: { name: 'Pat Parts', role: 'parts', pin: '1234' },
    });
    expect(noEmail.statusCode).toBe(400);
    expect(problemOf(noEmail).errors?.map((e) => e.path)).toEqual(['email', 'password']);
    const techWithNothing = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: '/api/users',
      payload: { name: 'Tess', role: 'technician' },
    });
    expect(problemOf(techWithNothing).errors?.[0]?.path).toBe('pin');
    expect(t.database.sqlite.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 1 });
  });

  it('refuses a weak password for a new user, naming the field, and creates nobody', async () => {
    const cases: [string, string][] = [
      ['password', 'must be at least 10 characters'],
      ['Password123!', 'This is similar to a commonly used password. Add more words or characters.'],
      [
        'ada.advisor1',
        'This password is built on your name or email, which anyone can find out. Add words that are not about you.',
      ],
    ];
    for (const [password, message] of cases) {
      const refused = await injectAs(t.app, owner.cookie, {
        method: 'POST',
        url: '/api/users',
        payload: { name: 'Ada Advisor', role: 'advisor', email: 'ada@shop.test', password },
      });
      expect(refused.statusCode, password).toBe(400);
      expect(problemOf(refused).errors).toEqual([{ path: 'password', message }]);
    }
    expect(t.database.sqlite.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 1 });
    expect(
      t.database.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'user.created'").get(),
    ).toEqual({ n: 1 }); // the owner's own, from setup
  });

  it('refuses a weak password on reset; the old password keeps working and no session ends', async () => {
    const staff = await createStaff(t.app, owner.cookie, 'advisor', 'Ada Advisor');
    const cookie = await loginAs(t.app, staff);
    const hashBefore = t.database.sqlite
      .prepare('SELECT password_hash FROM users WHERE id = ?')
      .get(staff.id);
    for (const password of ['password', 'qwertyuiop12', 'ada-advisor-2026']) {
      const refused = await injectAs(t.app, owner.cookie, {
        method: 'POST',
        url: `/api/users/${staff.id}/password`,
        payload: { password },
      });
      expect(refused.statusCode, password).toBe(400);
      expect(problemOf(refused).errors?.map((e) => e.path)).toEqual(['password']);
    }
    expect(t.database.sqlite.prepare('SELECT password_hash FROM users WHERE id = ?').get(staff.id)).toEqual(
      hashBefore,
    );
    expect((await injectAs(t.app, cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect(auditFor(staff.id).map((a) => a.action)).not.toContain('user.password_reset');
  });

  it('refuses a second user with the same email (any case), naming the field', async () => {
    const response = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: '/api/users',
      payload: { name: 'Copy', role: 'advisor', email: 'OLGA@SHOP.TEST', password: 'long enough pw' },
    });
    expect(response.statusCode).toBe(409);
    expect(problemOf(response).errors).toEqual([
      { path: 'email', message: 'is already used by another user' },
    ]);
  });

  it('changes a role with optimistic concurrency, and audits it', async () => {
    const staff = await createStaff(t.app, owner.cookie, 'advisor');
    const changed = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: `/api/users/${staff.id}`,
      payload: { version: staff.version, role: 'parts' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ role: 'parts', version: staff.version + 1 });

    const stale = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: `/api/users/${staff.id}`,
      payload: { version: staff.version, name: 'Lost update' },
    });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale)).toMatchObject({
      currentVersion: staff.version + 1,
      type: 'urn:ase:problem:stale-version',
    });

    const roleChange = auditFor(staff.id).find((a) => a.action === 'user.role_changed')!;
    expect(JSON.parse(roleChange.data)).toEqual({ from: 'advisor', to: 'parts' });
    expect(roleChange.actor_user_id).toBe(owner.id);

    // The new role applies at once to the user's existing session.
    const cookie = await loginAs(t.app, { ...staff });
    const me = await injectAs(t.app, cookie, { method: 'GET', url: '/api/auth/me' });
    expect(me.json().user.role).toBe('parts');
  });

  it('deactivation ends the user’s sessions at once and blocks sign-in; reactivation restores it', async () => {
    const staff = await createStaff(t.app, owner.cookie, 'advisor');
    const cookie = await loginAs(t.app, staff);
    expect((await injectAs(t.app, cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);

    const deactivated = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: `/api/users/${staff.id}/deactivate`,
    });
    expect(deactivated.json().active).toBe(false);
    expect((await injectAs(t.app, cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: staff.email, password: staff.password },
    });
    expect(login.statusCode).toBe(401);

    await injectAs(t.app, owner.cookie, { method: 'POST', url: `/api/users/${staff.id}/reactivate` });
    expect((await loginAs(t.app, staff)).startsWith('ase_session=')).toBe(true);
    expect(auditFor(staff.id).map((a) => a.action)).toEqual(
      expect.arrayContaining(['user.deactivated', 'user.reactivated', 'auth.login.failed']),
    );
  });

  it('protects the last owner from deactivation, demotion and self-deactivation', async () => {
    const self = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: `/api/users/${owner.id}/deactivate`,
    });
    expect(self.statusCode).toBe(409);
    const demote = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: `/api/users/${owner.id}`,
      payload: { version: 1, role: 'advisor' },
    });
    expect(demote.statusCode).toBe(409);
    expect(problemOf(demote).type).toBe('urn:ase:problem:last-owner');
  });

  it('resets a password: old password and sessions stop working', async () => {
    const staff = await createStaff(t.app, owner.cookie, 'advisor');
    const cookie = await loginAs(t.app, staff);
    const reset = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: `/api/users/${staff.id}/password`,
      payload: { password: 'set by the owner' },
    });
    expect(reset.statusCode).toBe(200);
    expect((await injectAs(t.app, cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    await loginAs(t.app, { ...staff, password: 'set by the owner' });
    expect(auditFor(staff.id).map((a) => a.action)).toContain('user.password_reset');
  });

  it('sets and removes a technician PIN, but never the only way to sign in', async () => {
    const tech = await createStaff(t.app, owner.cookie, 'technician');
    const changed = await injectAs(t.app, owner.cookie, {
      method: 'PUT',
      url: `/api/users/${tech.id}/pin`,
      payload: { pin: '97531' },
    });
    expect(changed.statusCode).toBe(200);
    await loginAs(t.app, { ...tech, pin: '97531' });
    const removeOnly = await injectAs(t.app, owner.cookie, {
      method: 'PUT',
      url: `/api/users/${tech.id}/pin`,
      payload: { pin: null },
    });
    expect(removeOnly.statusCode).toBe(400);
    const advisor = await createStaff(t.app, owner.cookie, 'advisor');
    const advisorPin = await injectAs(t.app, owner.cookie, {
      method: 'PUT',
      url: `/api/users/${advisor.id}/pin`,
      payload: { pin: '1111' },
    });
    expect(problemOf(advisorPin).errors?.[0]).toEqual({
      path: 'pin',
      message: 'PIN sign-in is for technicians only',
    });
  });

  it('answers 404 for an unknown user id and 400 for a malformed one', async () => {
    const missing = await injectAs(t.app, owner.cookie, {
      method: 'GET',
      url: '/api/users/01900000-0000-7000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    const malformed = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/users/42' });
    expect(malformed.statusCode).toBe(400);
    expect(problemOf(malformed).errors).toEqual([
      { path: 'params.id', message: 'must be a valid id (UUID)' },
    ]);
  });
});
