import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
beforeEach(async () => {
  t = await createTestApp({ bodyLimitBytes: 4096 });
});
afterEach(async () => {
  await t.close();
});

function userCount(): number {
  return (t.database.sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

function expectProblemShape(problem: ReturnType<typeof problemOf>, status: number) {
  expect(problem).toMatchObject({ status, type: expect.stringMatching(/^urn:ase:problem:/) });
  expect(problem.title).toEqual(expect.any(String));
  expect(problem.detail).toEqual(expect.any(String));
  expect(problem.detail.length).toBeGreaterThan(5);
}

describe('bad input gets a problem+json 4xx naming the field, and writes nothing', () => {
  it('malformed JSON → 400', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "Olga", ',
    });
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response);
    expectProblemShape(problem, 400);
    expect(problem.detail).toMatch(/not valid JSON/);
    expect(userCount()).toBe(0);
  });

  it('wrong types → 400 with one error per field, no coercion', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { name: 5, email: 'not-an-email', password: 12345678 },
    });
    const problem = problemOf(response);
    expectProblemShape(problem, 400);
    expect(problem.errors).toEqual([
      { path: 'name', message: 'must be of type string' },
      { path: 'email', message: 'must be a valid email address' },
      { path: 'password', message: 'must be of type string' },
    ]);
    expect(userCount()).toBe(0);
  });

  it('missing and unknown fields → 400 naming each', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { name: 'Olga', email: OWNER.email, password: OWNER.password, isAdmin: true, role: 'owner' },
    });
    expect(problemOf(response).errors).toEqual([
      { path: 'isAdmin', message: 'is not an allowed field' },
      { path: 'role', message: 'is not an allowed field' },
    ]);
    const missing = await t.app.inject({ method: 'POST', url: '/api/setup', payload: { name: 'Olga' } });
    expect(problemOf(missing).errors).toEqual([
      { path: 'email', message: 'is required' },
      { path: 'password', message: 'is required' },
    ]);
    expect(userCount()).toBe(0);
  });

  it('a body that is not an object, or a wrong content type → 4xx problem', async () => {
    const array = await t.app.inject({ method: 'POST', url: '/api/setup', payload: [1, 2] });
    expect(array.statusCode).toBe(400);
    expect(problemOf(array).errors?.[0]?.path).toBe('body');
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: { 'content-type': 'text/plain' },
      payload: 'name=Olga',
    });
    expect(text.statusCode).toBe(415);
    expectProblemShape(problemOf(text), 415);
  });

  it('an oversize body → 413 problem', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { name: 'x'.repeat(10_000), email: OWNER.email, password: OWNER.password },
    });
    expect(response.statusCode).toBe(413);
    expectProblemShape(problemOf(response), 413);
    expect(userCount()).toBe(0);
  });

  it('a bad query value names the query parameter', async () => {
    const owner = await setupOwner(t.app);
    const response = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/audit-log?limit=5000' });
    expect(problemOf(response).errors).toEqual([{ path: 'query.limit', message: 'must be at most 500' }]);
  });
});

describe('every error status has the RFC 9457 shape', () => {
  it('401, 403, 404 and 409', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/users' });
    expectProblemShape(problemOf(anonymous), 401);

    const owner = await setupOwner(t.app);
    const tech = await createStaff(t.app, owner.cookie, 'technician');
    const forbidden = await injectAs(t.app, await loginAs(t.app, tech), { method: 'GET', url: '/api/users' });
    expectProblemShape(problemOf(forbidden), 403);
    expect(problemOf(forbidden).detail).toBe('Your role (technician) may not do this.');

    const notFound = await t.app.inject({ method: 'GET', url: '/api/no-such-thing?x=1' });
    expectProblemShape(problemOf(notFound), 404);
    expect(problemOf(notFound).detail).toBe('There is no GET /api/no-such-thing.');

    const conflict = await t.app.inject({ method: 'POST', url: '/api/setup', payload: OWNER });
    expectProblemShape(problemOf(conflict), 409);
  });

  it('a 500 leaks no stack, SQL or internals', async () => {
    t.database.sqlite.close(); // the database goes away under the running app
    const response = await t.app.inject({ method: 'GET', url: '/api/setup' });
    expect(response.statusCode).toBe(500);
    const problem = problemOf(response);
    expectProblemShape(problem, 500);
    expect(problem.detail).toBe('Something went wrong on the server. It has been logged; please try again.');
    expect(response.body).not.toMatch(/database|sqlite|select|at .*\.ts|stack/i);

    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: 'degraded', db: 'error' });
  });
});

describe('a database held locked by another process', () => {
  it('a save that waited past the busy timeout is a 503 to retry, with nothing of it written', async () => {
    const owner = await setupOwner(t.app);
    t.database.sqlite.pragma('busy_timeout = 50'); // the shop's 5 s, shortened for the test
    const other = new BetterSqlite3(t.database.path);
    try {
      other.exec('BEGIN IMMEDIATE'); // as Litestream holds it while it checkpoints a large WAL
      const refused = await injectAs(t.app, owner.cookie, {
        method: 'POST',
        url: '/api/customers',
        payload: { name: 'Busy Bea' },
      });
      expect(refused.statusCode, refused.body).toBe(503);
      expect(refused.headers['retry-after']).toBe('2');
      expect(problemOf(refused)).toMatchObject({ type: 'urn:ase:problem:database-busy', status: 503 });
      other.exec('ROLLBACK');
      const saved = await injectAs(t.app, owner.cookie, {
        method: 'POST',
        url: '/api/customers',
        payload: { name: 'Busy Bea' },
      });
      expect(saved.statusCode).toBe(201);
      expect(
        t.database.sqlite.prepare(`SELECT count(*) FROM customers WHERE name = 'Busy Bea'`).pluck().get(),
      ).toBe(1);
    } finally {
      other.close();
    }
  });
});

describe('health and API documents', () => {
  it('GET /api/health → 200 with version, db and uptime', async () => {
    t.clock.advance(90_000);
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      db: 'ok',
      uptimeSeconds: 90,
      // No backup target configured yet: nothing replicates, and health says so without failing.
      replication: { state: 'off', lastSyncAt: null, lagSeconds: null, warning: null },
      // The database took a small write just now (its free space is the test machine's own).
      storage: expect.objectContaining({
        databaseWritable: true,
        writeCheckedAt: '2026-03-02T14:01:30.000Z',
        freeBytes: expect.any(Number),
      }),
    });
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas, and the docs page', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/auth/login', '/api/users/{id}']),
    );
    const login = doc.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
  });
});
