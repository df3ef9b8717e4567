import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../src/modules/auth/totp.js';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  OWNER,
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

function login(extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers,
    payload: { email: OWNER.email, password: OWNER.password, ...extra },
  });
}

async function enrol(): Promise<{ secret: string; recoveryCodes: string[] }> {
  const enrolment = await injectAs(t.app, owner.cookie, { method: 'POST', url: '/api/auth/totp/enroll' });
  expect(enrolment.statusCode).toBe(200);
  const { secret, otpauthUrl, qrCodeDataUrl } = enrolment.json<{
    secret: string;
    otpauthUrl: string;
    qrCodeDataUrl: string;
  }>();
  expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/ASE:olga%40shop\.test\?/);
  expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

  const wrong = await injectAs(t.app, owner.cookie, {
    method: 'POST',
    url: '/api/auth/totp/confirm',
    payload: { code: '000000' === totpCodeAt(secret, t.clock.now()) ? '111111' : '000000' },
  });
  expect(wrong.statusCode).toBe(400);

  const confirmed = await injectAs(t.app, owner.cookie, {
    method: 'POST',
    url: '/api/auth/totp/confirm',
    payload: { code: totpCodeAt(secret, t.clock.now()) },
  });
  expect(confirmed.statusCode).toBe(200);
  const { recoveryCodes } = confirmed.json<{ recoveryCodes: string[] }>();
  expect(recoveryCodes).toHaveLength(10);
  expect(new Set(recoveryCodes).size).toBe(10);
  return { secret, recoveryCodes };
}

describe('two-step verification (TOTP)', () => {
  it('enrols with a QR code, then sign-in asks for and checks the code', async () => {
    const { secret } = await enrol();
    const withoutCode = await login();
    expect(withoutCode.statusCode).toBe(401);
    expect(problemOf(withoutCode)).toMatchObject({ type: 'urn:ase:problem:mfa-required', mfaRequired: true });

    t.clock.advance(60_000); // the enrolment code's time step is used up; move to a fresh one
    const code = totpCodeAt(secret, t.clock.now());
    const withCode = await login({ code });
    expect(withCode.statusCode).toBe(200);

    const replay = await login({ code });
    expect(replay.statusCode).toBe(401);
    expect(problemOf(replay).type).toBe('urn:ase:problem:invalid-mfa-code');
  });

  it('accepts each recovery code once, in any case and spacing', async () => {
    const { recoveryCodes } = await enrol();
    const code = recoveryCodes[0]!;
    expect((await login({ code: ` ${code.toUpperCase()} ` })).statusCode).toBe(200);
    expect((await login({ code })).statusCode).toBe(401);
    expect((await login({ code: recoveryCodes[1]! })).statusCode).toBe(200);
  });

  it('lets an owner with two-step verification in from outside the shop', async () => {
    const { secret } = await enrol();
    t.clock.advance(60_000);
    const remote = await login(
      { code: totpCodeAt(secret, t.clock.now()) },
      { 'x-forwarded-for': '203.0.113.7' },
    );
    expect(remote.statusCode).toBe(200);
    const cookie = remote.cookies.find((c) => c.name === 'ase_session')!;
    const me = await injectAs(t.app, `ase_session=${cookie.value}`, {
      method: 'GET',
      url: '/api/auth/me',
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().session).toEqual({ method: 'password', mfaVerified: true, lan: false });
  });

  it('turns off with the password; the owner can reset someone else’s', async () => {
    await enrol();
    const wrongPassword = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: '/api/auth/totp/disable',
      payload: { password: 'nope nope nope' },
    });
    expect(wrongPassword.statusCode).toBe(400);
    // Enrolment does not end the session it was done in.
    const disabled = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: '/api/auth/totp/disable',
      payload: { password: OWNER.password },
    });
    expect(disabled.statusCode).toBe(204);
    expect((await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(
      200,
    );
    expect((await login()).statusCode).toBe(200);

    // An advisor loses their phone: the owner turns their second factor off; their sessions end.
    const advisor = await createStaff(t.app, owner.cookie, 'advisor');
    const advisorCookie = await loginAs(t.app, advisor);
    await injectAs(t.app, advisorCookie, { method: 'POST', url: '/api/auth/totp/enroll' });
    const reset = await injectAs(t.app, owner.cookie, {
      method: 'DELETE',
      url: `/api/users/${advisor.id}/totp`,
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().totpEnabled).toBe(false);
    expect((await injectAs(t.app, advisorCookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(
      401,
    );

    const actions = (
      t.database.sqlite.prepare('SELECT action FROM audit_log').all() as { action: string }[]
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.mfa.enabled', 'auth.mfa.disabled', 'auth.mfa.reset']),
    );
  });

  it('refuses a second enrolment while one is active', async () => {
    await enrol();
    const again = await injectAs(t.app, owner.cookie, { method: 'POST', url: '/api/auth/totp/enroll' });
    expect(again.statusCode).toBe(409);
  });
});
