import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/db/schema.js';
import { MINUTE_MS } from '../../src/lib/clock.js';
import { isAllowed } from '../../src/plugins/route-permissions.js';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  setupOwner,
  type TestApp,
} from '../helpers/test-app.js';

/**
 * What staff are paid is the owner's business. This reads every JSON answer of every GET route as
 * every role, walks it for keys that name pay (so a field added tomorrow is caught too), and
 * compares what each role saw with the table below.
 */
const ABOUT_PAY = /pay(?!ment)|wage|salary/i;

/** Per role, route -> the paths of the fields that carry what people are paid. Only the owner has any. */
const EXPECTED: Record<Role, Record<string, string[]>> = {
  owner: {
    'GET /api/technicians': ['items[].payBasis', 'items[].payRateCents'],
    'GET /api/reports/technicians': [
      'formulas.pay',
      'technicians[].payBasis',
      'technicians[].payCents',
      'technicians[].payRateCents',
      'totals.payCents',
    ],
  },
  advisor: {},
  technician: {},
  parts: {},
};

/** Answers that describe the API rather than anyone's data: the schema names the fields, no values. */
const DESCRIPTIONS = new Set(['/api/openapi.json']);
const MONTH = 'from=2026-03-01&to=2026-03-31';
const QUERIES: Record<string, string> = {
  '/api/reports/kpis': MONTH,
  '/api/reports/technicians': MONTH,
  '/api/reports/inventory': MONTH,
  '/api/reports/end-of-day': 'date=2026-03-02',
  '/api/timeclock/entries': 'from=2026-03-01T00:00:00.000Z&to=2026-04-01T00:00:00.000Z',
  '/api/timeclock/shifts': 'from=2026-03-01T00:00:00.000Z&to=2026-04-01T00:00:00.000Z',
};
const UNKNOWN_ID = '01900000-0000-7000-8000-00000000abcd';

let t: TestApp;
const cookies = new Map<Role, string>();
/** The id a `:param` stands for, by the path segment before it. */
const idFor = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  const owner = await setupOwner(t.app);
  cookies.set('owner', owner.cookie);
  const members = new Map<Role, Awaited<ReturnType<typeof createStaff>>>();
  for (const role of ROLES.filter((r) => r !== 'owner')) {
    const member = await createStaff(t.app, owner.cookie, role, `${role} person`);
    members.set(role, member);
    cookies.set(role, await loginAs(t.app, member));
  }
  const tech = members.get('technician')!;
  const post = async (url: string, payload: object, cookie: string) => {
    const response = await injectAs(t.app, cookie, { method: 'POST', url, payload });
    expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
    return response.json<{ id: string; jobs?: { id: string }[] }>();
  };
  const techCookie = await loginAs(t.app, tech);
  const technician = await post(
    '/api/technicians',
    { name: 'Tom Tech', userId: tech.id, payRateCents: 3850, payBasis: 'flat_rate' },
    owner.cookie,
  );
  await post('/api/technicians', { name: 'Tina Tech', payRateCents: 2900, payBasis: 'hourly' }, owner.cookie);
  const customerId = insertCustomer(t.database);
  const vehicleId = insertVehicle(t.database, customerId);
  const ro = await post(
    '/api/repair-orders',
    { customerId, vehicleId, concerns: ['Brakes squeal'] },
    owner.cookie,
  );
  const jobId = ro.jobs![0]!.id;
  // Tom clocks on the job for half an hour, so the clock, the time review and the reports have rows.
  await post(`/api/jobs/${jobId}/clock/on`, {}, techCookie);
  t.clock.advance(30 * MINUTE_MS);
  await post(`/api/jobs/${jobId}/clock/off`, {}, techCookie);

  idFor.set('technicians', technician.id);
  idFor.set('users', tech.id);
  idFor.set('repair-orders', ro.id);
  idFor.set('jobs', jobId);
  idFor.set('customers', customerId);
  idFor.set('vehicles', vehicleId);
});
afterAll(async () => {
  await t.close();
});

function concreteUrl(pattern: string): string {
  const path = pattern.replace(/\/:[A-Za-z]+/g, (param, offset: number) => {
    const before = pattern.slice(0, offset).split('/').at(-1) ?? '';
    return `/${idFor.get(before) ?? UNKNOWN_ID}`;
  });
  const query = QUERIES[pattern];
  return query === undefined ? path : `${path}?${query}`;
}

/** Paths like `items[].payRateCents` of every key in `value` that names pay. */
function payFields(value: unknown, path = '', found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) payFields(item, `${path}[]`, found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const here = path === '' ? key : `${path}.${key}`;
      if (ABOUT_PAY.test(key)) found.add(here);
      payFields(inner, here, found);
    }
  }
  return found;
}

/** Every JSON answer `role` gets from a GET route, by route. */
async function readEverything(role: Role): Promise<Map<string, { status: number; body: unknown }>> {
  const answers = new Map<string, { status: number; body: unknown }>();
  for (const route of t.app.registeredRoutes) {
    if (route.method !== 'GET' || !route.url.startsWith('/api/') || DESCRIPTIONS.has(route.url)) continue;
    const access = t.app.routeTable.accessFor(route.method, route.url);
    if (access === undefined || access === 'public' || !isAllowed(access, role)) continue;
    const response = await injectAs(t.app, cookies.get(role)!, {
      method: 'GET',
      url: concreteUrl(route.url),
    });
    if (!String(response.headers['content-type']).includes('json')) continue;
    answers.set(`GET ${route.url}`, { status: response.statusCode, body: response.json() });
  }
  return answers;
}

describe('who sees what staff are paid', () => {
  it.each(ROLES)('as %s: pay fields only where the table says', async (role) => {
    const answers = await readEverything(role);
    const seen: Record<string, string[]> = {};
    for (const [route, { body }] of answers) {
      const fields = [...payFields(body)].sort();
      if (fields.length > 0) seen[route] = fields;
    }
    expect(seen).toEqual(EXPECTED[role]);
    // The routes that carry technicians were read for real, not refused or emptied by bad input.
    const mustRead = [
      'GET /api/technicians',
      'GET /api/auth/me',
      ...(role === 'parts' ? [] : ['GET /api/timeclock/me']),
      ...(role === 'owner' || role === 'advisor'
        ? [
            'GET /api/timeclock/technicians/:id',
            'GET /api/timeclock/entries',
            'GET /api/timeclock/shifts',
            'GET /api/jobs/:id/clock',
          ]
        : []),
      ...(role === 'owner' ? ['GET /api/users', 'GET /api/users/:id', 'GET /api/reports/technicians'] : []),
    ];
    for (const route of mustRead) expect(answers.get(route)?.status, `${role}: ${route}`).toBe(200);
  });

  it('still names every technician for every role', async () => {
    for (const role of ROLES) {
      const response = await injectAs(t.app, cookies.get(role)!, { method: 'GET', url: '/api/technicians' });
      expect(response.statusCode).toBe(200);
      const items = response.json<{ items: { name: string; payRateCents?: number }[] }>().items;
      expect(items.map((i) => i.name).sort(), role).toEqual(['Tina Tech', 'Tom Tech']);
      if (role === 'owner') expect(items.map((i) => i.payRateCents).sort()).toEqual([2900, 3850]);
    }
  });
});
