import { afterEach, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../src/lib/clock.js';
import { createTestApp, OWNER, problemOf, type TestApp } from '../helpers/test-app.js';

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
