import { afterEach, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../../src/modules/auth/totp.js';
import {
  createStaff,
  createTestApp,
  injectAs,
  OWNER,
  setupOwner,
  type TestApp,
} from '../../helpers/test-app.js';
import { listenLocally, send, setCookieOf } from './http-client.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const login = (port: number, headers: Record<string, string>, extra: Record<string, unknown> = {}) =>
  send(port, {
    method: 'POST',
    path: '/api/auth/login',
    headers,
    json: { email: OWNER.email, password: OWNER.password, ...extra },
  });

async function auditOf(app: TestApp, ownerCookie: string, action: string) {
  const response = await injectAs(app.app, ownerCookie, { method: 'GET', url: '/api/audit-log?limit=500' });
  const items = response.json<{ items: { action: string; ip: string | null }[] }>().items;
  return items.filter((entry) => entry.action === action);
}

async function enrolTotp(app: TestApp, cookie: string): Promise<string> {
  const enrolment = await injectAs(app.app, cookie, { method: 'POST', url: '/api/auth/totp/enroll' });
  const { secret } = enrolment.json<{ secret: string }>();
  const confirmed = await injectAs(app.app, cookie, {
    method: 'POST',
    url: '/api/auth/totp/confirm',
    payload: { code: totpCodeAt(secret, app.clock.now()) },
  });
  expect(confirmed.statusCode).toBe(200);
  app.clock.advance(60_000); // the confirmation used this time step's code
  return secret;
}

describe('trusted proxies (real sockets from 127.0.0.1)', () => {
  it('ignores X-Forwarded-For and X-Forwarded-Proto from an address that is not a trusted proxy', async () => {
    t = await createTestApp({ trustedProxies: '10.9.9.9', loginRateLimitPerMinute: 3 });
    const owner = await setupOwner(t.app);
    const port = await listenLocally(t.app);

    // Forged: "I am 192.168.1.77 on https". The socket is 127.0.0.1 on plain http.
    const forged = (n: number) => ({ 'x-forwarded-for': `192.168.1.${n}`, 'x-forwarded-proto': 'https' });
    const first = await login(port, forged(77));
    expect(first.status).toBe(200);
    const cookie = setCookieOf(first, 'ase_session');
    expect(cookie).toBeDefined();
    expect(cookie).not.toMatch(/;\s*Secure/i); // the forged proto did not make it https

    // The audit names the socket's address, not the forged one.
    const logins = await auditOf(t, owner.cookie, 'auth.login');
    expect(logins.at(0)?.ip).toBe('127.0.0.1');
    expect(logins.some((entry) => entry.ip === '192.168.1.77')).toBe(false);

    // Rate limiting counts the socket: a new forged address per request does not reset it.
    // (setupOwner's own sign-in went through inject from 127.0.0.1 and counts too.)
    const statuses = [];
    for (let n = 78; n < 82; n += 1) statuses.push((await login(port, forged(n))).status);
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeLessThanOrEqual(2);
  });

  it('believes the same headers from a trusted proxy: client address, https and Secure cookie', async () => {
    t = await createTestApp({ trustedProxies: '127.0.0.1' });
    const owner = await setupOwner(t.app);
    const secret = await enrolTotp(t, owner.cookie);
    const port = await listenLocally(t.app);

    // A LAN client straight to the box over http: not Secure (it could not be sent back otherwise).
    const lan = await login(port, {}, { code: totpCodeAt(secret, t.clock.now()) });
    expect(lan.status).toBe(200);
    expect(setCookieOf(lan, 'ase_session')).not.toMatch(/;\s*Secure/i);
    t.clock.advance(60_000);

    // Through the tunnel: cloudflared on the box connects from 127.0.0.1 and names the client.
    const tunnel = { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' };
    const remote = await login(port, tunnel, { code: totpCodeAt(secret, t.clock.now()) });
    expect(remote.status).toBe(200);
    expect(setCookieOf(remote, 'ase_session')).toMatch(/;\s*Secure/i);
    const logins = await auditOf(t, owner.cookie, 'auth.login');
    expect(logins.at(0)?.ip).toBe('203.0.113.7');
  });

  it('through a trusted tunnel: no second factor, no sign-in; technicians’ PINs are refused', async () => {
    t = await createTestApp({ trustedProxies: '127.0.0.1,::1' });
    const owner = await setupOwner(t.app);
    const tech = await createStaff(t.app, owner.cookie, 'technician');
    const advisor = await createStaff(t.app, owner.cookie, 'advisor');
    const port = await listenLocally(t.app);
    const tunnel = { 'x-forwarded-for': '198.51.100.20', 'x-forwarded-proto': 'https' };

    const ownerWithoutTotp = await login(port, tunnel);
    expect(ownerWithoutTotp.status).toBe(403);
    expect(JSON.parse(ownerWithoutTotp.body)).toMatchObject({ type: 'urn:ase:problem:remote-requires-mfa' });
    expect(setCookieOf(ownerWithoutTotp, 'ase_session')).toBeUndefined();

    const advisorWithoutTotp = await send(port, {
      method: 'POST',
      path: '/api/auth/login',
      headers: tunnel,
      json: { email: advisor.email, password: advisor.password },
    });
    expect(advisorWithoutTotp.status).toBe(403);

    const pin = await send(port, {
      method: 'POST',
      path: '/api/auth/pin',
      headers: tunnel,
      json: { userId: tech.id, pin: tech.pin },
    });
    expect(pin.status).toBe(403);
    expect(JSON.parse(pin.body)).toMatchObject({ type: 'urn:ase:problem:lan-only' });

    const refused = await auditOf(t, owner.cookie, 'auth.login.refused_remote');
    expect(refused.map((entry) => entry.ip)).toEqual(['198.51.100.20', '198.51.100.20']);
  });
});
