import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Role } from '../../src/db/schema.js';
import { ROLES } from '../../src/db/schema.js';
import { SessionsService } from '../../src/modules/auth/sessions.service.js';
import { isAllowed } from '../../src/plugins/route-permissions.js';
import { pairKiosk } from '../helpers/kiosk.js';
import { createStaff, createTestApp, problemOf, setupOwner, type TestApp } from '../helpers/test-app.js';

/**
 * Walks every route the app registered and calls it as anonymous and as every role, checking the
 * answer against the declared table. A new route is covered automatically; one that is missing
 * from the table fails here.
 */
let t: TestApp;
const userIdByRole = new Map<Role, string>();
let kioskHeaders: { authorization: string };

beforeAll(async () => {
  t = await createTestApp();
  const owner = await setupOwner(t.app);
  userIdByRole.set('owner', owner.id);
  for (const role of ROLES.filter((r) => r !== 'owner')) {
    userIdByRole.set(role, (await createStaff(t.app, owner.cookie, role)).id);
  }
  kioskHeaders = (await pairKiosk(t.app, owner.cookie)).headers;
});
afterAll(async () => {
  await t.close();
});

/** A fresh session per call, so a route that ends sessions (logout, deactivate) cannot spoil the next check. */
async function cookieFor(role: Role): Promise<string> {
  const sessions = new SessionsService(t.database, t.clock, t.config);
  const { token } = await sessions.create(t.database.kysely, {
    userId: userIdByRole.get(role)!,
    method: role === 'technician' ? 'pin' : 'password',
    mfaVerified: false,
    ip: '127.0.0.1',
    userAgent: 'matrix',
  });
  return `ase_session=${token}`;
}

const SAMPLE_ID = '01900000-0000-7000-8000-00000000abcd';
function concreteUrl(pattern: string): string {
  return pattern.replace(/:[A-Za-z]+/g, SAMPLE_ID).replace(/\*$/, 'index.html');
}

describe('authorization matrix', () => {
  it('declares every registered route in the route × role table', () => {
    const undeclared = t.app.registeredRoutes.filter(
      (r) => t.app.routeTable.accessFor(r.method, r.url) === undefined,
    );
    expect(undeclared).toEqual([]);
    expect(t.app.registeredRoutes.length).toBeGreaterThan(20);
  });

  it('answers every route as the table says, for anonymous and every role', async () => {
    const mismatches: string[] = [];
    let checks = 0;
    for (const route of t.app.registeredRoutes) {
      const access = t.app.routeTable.accessFor(route.method, route.url)!;
      for (const principal of ['anonymous', ...ROLES] as const) {
        const role = principal === 'anonymous' ? null : principal;
        const response = await t.app.inject({
          method: route.method as 'GET',
          url: concreteUrl(route.url),
          headers: role === null ? {} : { cookie: await cookieFor(role) },
          ...(['POST', 'PUT', 'PATCH'].includes(route.method) ? { payload: {} } : {}),
        });
        checks++;
        const status = response.statusCode;
        const allowed = isAllowed(access, role);
        const expected = allowed ? 'not 401/403' : role === null ? '401' : '403';
        const ok = allowed
          ? status !== 401 && status !== 403 && status < 500
          : status === (role === null ? 401 : 403);
        if (!ok)
          mismatches.push(
            `${route.method} ${route.url} as ${principal}: got ${status}, expected ${expected}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
    expect(checks).toBe(t.app.registeredRoutes.length * (ROLES.length + 1));
  });

  it("lets a kiosk token through to the kiosk's own routes only: 403 kiosk-scope everywhere else", async () => {
    const mismatches: string[] = [];
    const opened: string[] = [];
    for (const route of t.app.registeredRoutes) {
      const access = t.app.routeTable.accessFor(route.method, route.url)!;
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: concreteUrl(route.url),
        headers: kioskHeaders,
        ...(['POST', 'PUT', 'PATCH'].includes(route.method) ? { payload: {} } : {}),
      });
      const status = response.statusCode;
      if (access === 'kiosk' || access === 'public' || access === 'live') {
        if (status === 401 || status === 403 || status >= 500)
          mismatches.push(`${route.method} ${route.url}: got ${status}, expected it let through`);
        if (access === 'kiosk') opened.push(`${route.method} ${route.url}`);
      } else if (
        status !== 403 ||
        // HEAD answers carry no body to name the problem
        (route.method !== 'HEAD' && !problemOf(response).type.endsWith('kiosk-scope'))
      ) {
        mismatches.push(`${route.method} ${route.url}: got ${status}, expected 403 kiosk-scope`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(opened).toContain('GET /api/kiosk/self');
  });

  it('denies a route that is missing from the table, to everyone', async () => {
    const app = await buildApp({
      config: t.config,
      database: t.database,
      clock: t.clock,
      logger: pino({ level: 'silent' }),
    });
    app.get('/api/not-in-the-table', () => ({ secret: true }));
    await app.ready();
    try {
      expect(
        app.registeredRoutes.filter((r) => app.routeTable.accessFor(r.method, r.url) === undefined),
      ).toEqual([
        { method: 'GET', url: '/api/not-in-the-table' },
        { method: 'HEAD', url: '/api/not-in-the-table' },
      ]);
      const asOwner = await app.inject({
        method: 'GET',
        url: '/api/not-in-the-table',
        headers: { cookie: await cookieFor('owner') },
      });
      expect(asOwner.statusCode).toBe(403);
      expect(asOwner.body).not.toContain('secret');
    } finally {
      await app.close();
    }
  });
});
