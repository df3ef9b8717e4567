import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../../src/lib/clock.js';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  OWNER,
  problemOf,
  sessionCookieFrom,
  setupOwner,
  type TestApp,
} from '../helpers/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

function auditActions(): string[] {
  return (
    t.database.sqlite.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]
  ).map((r) => r.action);
}

describe('first-run setup', () => {
  it('creates the owner while no user exists, then answers 409', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: true });
    const first = await t.app.inject({ method: 'POST', url: '/api/setup', payload: OWNER });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ name: OWNER.name, email: OWNER.email, role: 'owner', active: true });
    expect(first.json()).not.toHaveProperty('password_hash');

    const second = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...OWNER, email: 'other@shop.test' },
    });
    expect(second.statusCode).toBe(409);
    expect(problemOf(second).detail).toMatch(/already done/);
    expect((await t.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: false });
    expect(auditActions()).toEqual(['user.created']);
  });

  it('stores the password as an argon2id hash', async () => {
    await t.app.inject({ method: 'POST', url: '/api/setup', payload: OWNER });
    const row = t.database.sqlite.prepare('SELECT password_hash FROM users').get() as {
      password_hash: string;
    };
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(OWNER.password);
  });
});

describe('passwords worth the name', () => {
  const COMMON = 'This is similar to a commonly used password. Add more words or characters.';
  const PERSONAL =
    'This password is built on your name or email, which anyone can find out. Add words that are not about you.';

  it('setup refuses a short, a common or a personal password, naming the field, and creates nobody', async () => {
    const cases: [string, string][] = [
      ['password', 'must be at least 10 characters'],
      ['password1234', COMMON],
      ['olga.owner2026', PERSONAL],
    ];
    for (const [password, message] of cases) {
      const refused = await t.app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: { ...OWNER, password },
      });
      expect(refused.statusCode, password).toBe(400);
      expect(problemOf(refused).errors).toEqual([{ path: 'password', message }]);
    }
    expect(t.database.sqlite.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });
    expect(auditActions()).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: true });
  });

  it('a password change refuses a weak new password at newPassword, and the old one keeps working', async () => {
    const owner = await setupOwner(t.app);
    const hashBefore = t.database.sqlite.prepare('SELECT password_hash FROM users').get();
    for (const [newPassword, message] of [
      ['password', 'must be at least 10 characters'],
      ['qwertyuiop12', COMMON],
      ['Olga Owner 2026', PERSONAL],
    ] as const) {
      const refused = await injectAs(t.app, owner.cookie, {
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: OWNER.password, newPassword },
      });
      expect(refused.statusCode, newPassword).toBe(400);
      expect(problemOf(refused).errors).toEqual([{ path: 'newPassword', message }]);
    }
    expect(t.database.sqlite.prepare('SELECT password_hash FROM users').get()).toEqual(hashBefore);
    expect(auditActions()).not.toContain('user.password_changed');
    expect((await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(
      200,
    );
  });
});

describe('password sign-in', () => {
  beforeEach(async () => {
    await t.app.inject({ method: 'POST', url: '/api/setup', payload: OWNER });
  });

  it('sets an httpOnly SameSite=Lax cookie and returns the user; me and logout work', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'OLGA@shop.test', password: OWNER.password },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ email: OWNER.email, role: 'owner' });
    const cookie = login.cookies.find((c) => c.name === 'ase_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy(); // plain http on the LAN
    expect(cookie.value.length).toBeGreaterThanOrEqual(43); // 256 random bits

    const header = sessionCookieFrom(login);
    const me = await injectAs(t.app, header, { method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { email: OWNER.email },
      session: { method: 'password', lan: true },
    });

    const logout = await injectAs(t.app, header, { method: 'POST', url: '/api/auth/logout' });
    expect(logout.statusCode).toBe(204);
    const after = await injectAs(t.app, header, { method: 'GET', url: '/api/auth/me' });
    expect(after.statusCode).toBe(401);
    expect(auditActions()).toEqual(['user.created', 'auth.login', 'auth.logout']);
  });

  it('marks the cookie Secure when served over HTTPS (behind a trusted proxy)', async () => {
    const proxied = await createTestApp({ trustedProxies: '127.0.0.1' });
    try {
      await proxied.app.inject({ method: 'POST', url: '/api/setup', payload: OWNER });
      const login = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: OWNER.email, password: OWNER.password },
      });
      expect(login.cookies.find((c) => c.name === 'ase_session')?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('answers the same 401 for an unknown email and a wrong password', async () => {
    const wrongPassword = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: OWNER.email, password: 'not the password' },
    });
    const unknownEmail = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@shop.test', password: 'not the password' },
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    const a = problemOf(wrongPassword);
    const b = problemOf(unknownEmail);
    expect({ ...a, instance: undefined }).toEqual({ ...b, instance: undefined });
    expect(a.detail).toBe('Email or password is incorrect.');
    expect(wrongPassword.cookies).toHaveLength(0);
    expect(auditActions().filter((a) => a === 'auth.login.failed')).toHaveLength(2);
  });

  it('answers 401 on me without a session, and for a made-up cookie', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const forged = await injectAs(t.app, 'ase_session=made-up', { method: 'GET', url: '/api/auth/me' });
    expect(forged.statusCode).toBe(401);
    expect(problemOf(forged).detail).toBe('Sign in first.');
  });

  it('ends an idle session and an old session', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: OWNER.email, password: OWNER.password },
    });
    const cookie = sessionCookieFrom(login);
    t.clock.advance(t.config.sessionIdleMinutes * MINUTE_MS - MINUTE_MS);
    expect((await injectAs(t.app, cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    t.clock.advance(t.config.sessionIdleMinutes * MINUTE_MS); // idle for the whole limit
    expect((await injectAs(t.app, cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);

    // Absolute limit: used every few hours, the session still ends at sessionMaxAgeHours.
    const again = sessionCookieFrom(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: OWNER.email, password: OWNER.password },
      }),
    );
    for (let hours = 0; hours < t.config.sessionMaxAgeHours - 4; hours += 4) {
      t.clock.advance(4 * HOUR_MS);
      expect((await injectAs(t.app, again, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    }
    t.clock.advance(5 * HOUR_MS);
    expect((await injectAs(t.app, again, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('lets a user change their own password; other sessions end, this one stays', async () => {
    const login = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: OWNER.email, password: OWNER.password },
      });
    const here = sessionCookieFrom(await login());
    const elsewhere = sessionCookieFrom(await login());

    const wrong = await injectAs(t.app, here, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'guess guess', newPassword: 'brand new password' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(problemOf(wrong).errors).toEqual([
      { path: 'currentPassword', message: 'is not your current password' },
    ]);

    const changed = await injectAs(t.app, here, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: OWNER.password, newPassword: 'brand new password' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await injectAs(t.app, here, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await injectAs(t.app, elsewhere, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await login()).statusCode).toBe(401);
    const withNew = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: OWNER.email, password: 'brand new password' },
    });
    expect(withNew.statusCode).toBe(200);
    expect(auditActions()).toContain('user.password_changed');
  });
});

describe('technician PIN sign-in', () => {
  it('works on the shop network, and lists who may use the PIN pad', async () => {
    const owner = await setupOwner(t.app);
    const tech = await createStaff(t.app, owner.cookie, 'technician', 'Tomás Tech');
    const pad = await t.app.inject({
      method: 'GET',
      url: '/api/auth/pin-users',
      remoteAddress: '192.168.1.23',
    });
    expect(pad.json().items).toEqual([{ id: tech.id, name: 'Tomás Tech', role: 'technician' }]);

    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/pin',
      remoteAddress: '192.168.1.23',
      payload: { userId: tech.id, pin: tech.pin },
    });
    expect(ok.statusCode).toBe(200);
    const me = await injectAs(t.app, sessionCookieFrom(ok), { method: 'GET', url: '/api/auth/me' });
    expect(me.json().session.method).toBe('pin');

    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/pin',
      payload: { userId: tech.id, pin: '0000' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(problemOf(wrong).detail).toBe('Wrong PIN.');
  });

  it('is refused from outside the shop network, including through a tunnel', async () => {
    const owner = await setupOwner(t.app);
    const tech = await createStaff(t.app, owner.cookie, 'technician');
    const publicAddress = await t.app.inject({
      method: 'POST',
      url: '/api/auth/pin',
      remoteAddress: '198.51.100.20',
      payload: { userId: tech.id, pin: tech.pin },
    });
    expect(publicAddress.statusCode).toBe(403);
    expect(problemOf(publicAddress).detail).toMatch(/only on the shop's own network/);
    const tunnel = await t.app.inject({
      method: 'POST',
      url: '/api/auth/pin',
      headers: { 'cf-connecting-ip': '198.51.100.20' },
      payload: { userId: tech.id, pin: tech.pin },
    });
    expect(tunnel.statusCode).toBe(403);
    const pad = await t.app.inject({
      method: 'GET',
      url: '/api/auth/pin-users',
      remoteAddress: '198.51.100.20',
    });
    expect(pad.statusCode).toBe(403);
  });

  it('ends a PIN session after its shorter idle limit', async () => {
    const owner = await setupOwner(t.app);
    const tech = await createStaff(t.app, owner.cookie, 'technician');
    const cookie = await loginAs(t.app, tech);
    t.clock.advance(t.config.pinSessionIdleMinutes * MINUTE_MS);
    expect((await injectAs(t.app, cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });
});

describe('remote access through the tunnel', () => {
  it('refuses a remote sign-in without a second factor, and a LAN session used remotely', async () => {
    const owner = await setupOwner(t.app);
    const remote = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': '203.0.113.50' },
      payload: { email: OWNER.email, password: OWNER.password },
    });
    expect(remote.statusCode).toBe(403);
    expect(problemOf(remote).type).toBe('urn:ase:problem:remote-requires-mfa');

    const usedRemotely = await injectAs(t.app, owner.cookie, {
      method: 'GET',
      url: '/api/auth/me',
      headers: { 'x-forwarded-for': '203.0.113.50' },
    });
    expect(usedRemotely.statusCode).toBe(401);
    expect(problemOf(usedRemotely).type).toBe('urn:ase:problem:remote-requires-mfa');
    expect(auditActions()).toContain('auth.login.refused_remote');
  });
});
