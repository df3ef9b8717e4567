import { afterEach, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../src/lib/clock.js';
import {
  createStaff,
  createTestApp,
  OWNER,
  problemOf,
  setupOwner,
  type StaffMember,
  type TestApp,
} from '../helpers/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function attempt(app: TestApp, email: string, password: string, remoteAddress = '127.0.0.1') {
  return app.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    payload: { email, password },
  });
}

function auditRows(app: TestApp): { action: string; data: Record<string, unknown> }[] {
  const rows = app.database.sqlite.prepare('SELECT action, data FROM audit_log ORDER BY rowid').all() as {
    action: string;
    data: string;
  }[];
  return rows.map((r) => ({ action: r.action, data: JSON.parse(r.data) as Record<string, unknown> }));
}

function pinAttempt(app: TestApp, tech: StaffMember, pin: string, remoteAddress: string) {
  return app.app.inject({
    method: 'POST',
    url: '/api/auth/pin',
    remoteAddress,
    payload: { userId: tech.id, pin },
  });
}

const OUTSIDE = '203.0.113.9';
const COUNTER = '192.168.1.10';

describe('sign-in lockout and rate limit', () => {
  it('locks an account after repeated failures, says when to retry, and unlocks after the wait', async () => {
    t = await createTestApp({ loginMaxFailures: 3, loginLockoutMinutes: 10 });
    await t.app.inject({ method: 'POST', url: '/api/setup', payload: OWNER });

    expect((await attempt(t, OWNER.email, 'wrong one')).statusCode).toBe(401);
    expect((await attempt(t, OWNER.email, 'wrong two')).statusCode).toBe(401);
    const third = await attempt(t, OWNER.email, 'wrong three');
    expect(third.statusCode).toBe(429);
    const problem = problemOf(third);
    expect(problem.type).toBe('urn:ase:problem:account-locked');
    expect(problem.detail).toBe(
      'Too many failed sign-in attempts. Try again in 10 minutes (after 14:10 UTC).',
    );
    expect(third.headers['retry-after']).toBe('600');

    // Even the right password waits out the lock.
    const locked = await attempt(t, OWNER.email, OWNER.password);
    expect(locked.statusCode).toBe(429);
    t.clock.advance(5 * MINUTE_MS);
    expect(problemOf(await attempt(t, OWNER.email, OWNER.password)).detail).toMatch(/Try again in 5 minutes/);

    t.clock.advance(5 * MINUTE_MS);
    expect((await attempt(t, OWNER.email, OWNER.password)).statusCode).toBe(200);

    const actions = (
      t.database.sqlite.prepare('SELECT action FROM audit_log').all() as { action: string }[]
    ).map((r) => r.action);
    expect(actions.filter((a) => a === 'auth.lockout')).toHaveLength(1);
    expect(actions.filter((a) => a === 'auth.login.locked_out')).toHaveLength(2);
  });

  it('a success resets the failure count', async () => {
    t = await createTestApp({ loginMaxFailures: 3 });
    await t.app.inject({ method: 'POST', url: '/api/setup', payload: OWNER });
    await attempt(t, OWNER.email, 'wrong');
    await attempt(t, OWNER.email, 'wrong');
    expect((await attempt(t, OWNER.email, OWNER.password)).statusCode).toBe(200);
    await attempt(t, OWNER.email, 'wrong');
    expect((await attempt(t, OWNER.email, 'wrong')).statusCode).toBe(401);
  });

  it('locks an unknown email exactly like a known one', async () => {
    t = await createTestApp({ loginMaxFailures: 2 });
    await attempt(t, 'ghost@shop.test', 'x');
    const second = await attempt(t, 'ghost@shop.test', 'x');
    expect(second.statusCode).toBe(429);
    expect(problemOf(second).type).toBe('urn:ase:problem:account-locked');
  });

  it('limits sign-in requests per address with a problem+json 429 and Retry-After', async () => {
    t = await createTestApp({ loginRateLimitPerMinute: 4, loginMaxFailures: 100 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await attempt(t, `user${i}@shop.test`, 'x', '192.168.1.77')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const limited = await attempt(t, 'another@shop.test', 'x', '192.168.1.77');
    expect(problemOf(limited)).toMatchObject({ status: 429, type: 'urn:ase:problem:rate-limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await attempt(t, 'someone@shop.test', 'x', '192.168.1.78')).statusCode).toBe(401);
  });
});

describe('a lockout is per account and source', () => {
  it('failures from outside lock that address only: the counter still signs in, again and again', async () => {
    t = await createTestApp();
    await t.app.inject({ method: 'POST', url: '/api/setup', payload: OWNER });
    for (let round = 0; round < 2; round++) {
      const statuses: number[] = [];
      for (let i = 0; i < t.config.loginMaxFailures; i++)
        statuses.push((await attempt(t, OWNER.email, `guess ${i}`, OUTSIDE)).statusCode);
      expect(statuses.at(-1)).toBe(429);
      expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);

      // The owner at the counter is not affected.
      expect((await attempt(t, OWNER.email, OWNER.password, COUNTER)).statusCode).toBe(200);
      // The outside address stays locked, even with the right password.
      const still = await attempt(t, OWNER.email, OWNER.password, OUTSIDE);
      expect(still.statusCode).toBe(429);
      expect(problemOf(still).type).toBe('urn:ase:problem:account-locked');
      // Another outside address is not locked either: it gets the usual answer for an owner
      // without two-step verification.
      const other = await attempt(t, OWNER.email, OWNER.password, '198.51.100.7');
      expect(problemOf(other).type).toBe('urn:ase:problem:remote-requires-mfa');

      t.clock.advance(t.config.loginLockoutMinutes * MINUTE_MS);
    }
    const lockouts = auditRows(t).filter((r) => r.action === 'auth.lockout');
    expect(lockouts).toHaveLength(2);
    expect(lockouts[0]?.data).toMatchObject({ email: OWNER.email, scope: 'address' });
    expect(auditRows(t).filter((r) => r.action === 'auth.login.locked_out')).toHaveLength(2);
  });

  it('an attacker behind the tunnel is counted by the address the tunnel reports', async () => {
    t = await createTestApp({ loginMaxFailures: 2 });
    await t.app.inject({ method: 'POST', url: '/api/setup', payload: OWNER });
    const viaTunnel = (address: string, password: string) =>
      t!.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': address },
        payload: { email: OWNER.email, password },
      });
    expect((await viaTunnel(OUTSIDE, 'nope')).statusCode).toBe(401);
    expect((await viaTunnel(OUTSIDE, 'nope')).statusCode).toBe(429);
    expect((await viaTunnel('198.51.100.7', 'nope')).statusCode).toBe(401);
    // A browser on the box itself (no forwarding header) is on the shop network.
    expect((await attempt(t, OWNER.email, OWNER.password, '127.0.0.1')).statusCode).toBe(200);
  });

  it('counts an outside IPv6 client by its /64, so fresh addresses do not buy fresh guesses', async () => {
    t = await createTestApp({ loginMaxFailures: 2 });
    await t.app.inject({ method: 'POST', url: '/api/setup', payload: OWNER });
    expect((await attempt(t, OWNER.email, 'nope', '2001:db8:1:2::a')).statusCode).toBe(401);
    expect((await attempt(t, OWNER.email, 'nope', '2001:db8:1:2:ffff::b')).statusCode).toBe(429);
    expect((await attempt(t, OWNER.email, 'nope', '2001:db8:1:3::a')).statusCode).toBe(401);
  });

  it('slows a guesser with many outside addresses with a growing delay, never the counter', async () => {
    t = await createTestApp({ loginMaxFailures: 2, loginLockoutMinutes: 15 });
    await t.app.inject({ method: 'POST', url: '/api/setup', payload: OWNER });
    const ceiling = 2 * 10;
    let next = 0;
    const freshAddress = () => `198.51.100.${++next}`;
    // Each address stays under its own limit; together they reach the account's ceiling.
    for (let i = 0; i < ceiling / 2; i++) {
      const address = freshAddress();
      const first = await attempt(t, OWNER.email, 'guess', address);
      expect(first.statusCode).toBe(401);
      const second = await attempt(t, OWNER.email, 'guess', address);
      expect(second.statusCode).toBe(429);
    }
    // Every further outside try, from any address, waits: 1 s, 2 s, 4 s, ... up to the lockout time.
    const waits: number[] = [];
    for (let i = 0; i < 14; i++) {
      const refused = await attempt(t, OWNER.email, 'guess', freshAddress());
      expect(refused.statusCode).toBe(429);
      const wait = Number(refused.headers['retry-after']);
      waits.push(wait);
      // The counter is never slowed by it.
      expect((await attempt(t, OWNER.email, OWNER.password, COUNTER)).statusCode).toBe(200);
      t.clock.advance(wait * 1000);
      expect((await attempt(t, OWNER.email, 'guess', freshAddress())).statusCode).toBe(429);
    }
    expect(waits.slice(0, 6)).toEqual([1, 2, 4, 8, 16, 32]);
    expect(Math.max(...waits)).toBe(15 * 60);

    const accountLocks = auditRows(t).filter(
      (r) => r.action === 'auth.lockout' && r.data.scope === 'account',
    );
    expect(accountLocks).toHaveLength(1);
  });
});

describe('PIN sign-in lockout is per tablet', () => {
  const TABLET_A = '192.168.1.21';
  const TABLET_B = '192.168.1.22';

  it("one tablet's wrong PINs lock that technician on that tablet only", async () => {
    t = await createTestApp();
    const owner = await setupOwner(t.app);
    const tech = await createStaff(t.app, owner.cookie, 'technician', 'Tomás Tech');
    const statuses: number[] = [];
    for (let i = 0; i < t.config.loginMaxFailures; i++)
      statuses.push((await pinAttempt(t, tech, '0000', TABLET_A)).statusCode);
    expect(statuses.at(-1)).toBe(429);
    expect((await pinAttempt(t, tech, tech.pin!, TABLET_A)).statusCode).toBe(429);
    expect((await pinAttempt(t, tech, tech.pin!, TABLET_B)).statusCode).toBe(200);
    const lockout = auditRows(t).find((r) => r.action === 'auth.lockout');
    expect(lockout?.data).toMatchObject({ userId: tech.id, scope: 'address' });
  });

  it('a tablet guessing PINs across technicians is stopped; the other tablets are not', async () => {
    t = await createTestApp({ loginMaxFailures: 3 });
    const owner = await setupOwner(t.app);
    const techs: StaffMember[] = [];
    for (let i = 0; i < 5; i++) techs.push(await createStaff(t.app, owner.cookie, 'technician', `Tech ${i}`));

    // Two wrong PINs each: under the per-technician limit, but six in all reach the tablet's limit.
    const statuses: number[] = [];
    for (const tech of techs.slice(0, 3)) {
      statuses.push((await pinAttempt(t, tech, '0000', TABLET_A)).statusCode);
      statuses.push((await pinAttempt(t, tech, '0001', TABLET_A)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const refused = await pinAttempt(t, techs[4]!, techs[4]!.pin!, TABLET_A);
    expect(refused.statusCode).toBe(429);
    expect(problemOf(refused).type).toBe('urn:ase:problem:account-locked');
    for (const tech of techs) expect((await pinAttempt(t, tech, tech.pin!, TABLET_B)).statusCode).toBe(200);

    const deviceLock = auditRows(t).find((r) => r.action === 'auth.lockout' && r.data.scope === 'device');
    expect(deviceLock).toBeDefined();
  });

  it("a technician's own sign-in on the tablet does not reset its count of wrong PINs", async () => {
    t = await createTestApp({ loginMaxFailures: 3 });
    const owner = await setupOwner(t.app);
    const me = await createStaff(t.app, owner.cookie, 'technician', 'Me');
    const colleagues = [
      await createStaff(t.app, owner.cookie, 'technician', 'Colleague 1'),
      await createStaff(t.app, owner.cookie, 'technician', 'Colleague 2'),
      await createStaff(t.app, owner.cookie, 'technician', 'Colleague 3'),
    ];
    const statuses: number[] = [];
    for (const colleague of colleagues) {
      statuses.push((await pinAttempt(t, colleague, '0000', TABLET_A)).statusCode);
      statuses.push((await pinAttempt(t, colleague, '0001', TABLET_A)).statusCode);
      if (statuses.at(-1) === 401) statuses.push((await pinAttempt(t, me, me.pin!, TABLET_A)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 200, 401, 401, 200, 401, 429]);
  });
});
