import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
import { createTestApp, injectAs, setupOwner, type TestApp } from '../helpers/test-app.js';

/** Screens that poll the board or an open repair order get 304 until something changes. */
let t: TestApp;
let cookie: string;
let repairOrder: { id: string; jobs: { id: string; version: number }[] };

beforeEach(async () => {
  t = await createTestApp();
  cookie = (await setupOwner(t.app)).cookie;
  const customerId = insertCustomer(t.database);
  const vehicleId = insertVehicle(t.database, customerId);
  const created = await injectAs(t.app, cookie, {
    method: 'POST',
    url: '/api/repair-orders',
    payload: { customerId, vehicleId, concerns: ['Check engine light'] },
  });
  repairOrder = created.json();
});
afterEach(async () => {
  await t.close();
});

describe.each([
  ['the job board', () => '/api/jobs'],
  ['one repair order', () => `/api/repair-orders/${repairOrder.id}`],
])('%s', (_name, url) => {
  it('answers 304 for the version the client holds, and a new ETag after a change', async () => {
    const first = await injectAs(t.app, cookie, { method: 'GET', url: url() });
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers['content-type']).toMatch(/^application\/json/);

    const same = await injectAs(t.app, cookie, {
      method: 'GET',
      url: url(),
      headers: { 'if-none-match': etag },
    });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');

    const job = repairOrder.jobs[0]!;
    const moved = await injectAs(t.app, cookie, {
      method: 'POST',
      url: `/api/jobs/${job.id}/status`,
      payload: { status: 'In_Progress', version: job.version },
    });
    expect(moved.statusCode).toBe(200);

    const changed = await injectAs(t.app, cookie, {
      method: 'GET',
      url: url(),
      headers: { 'if-none-match': etag },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body).toContain('In_Progress');
  });
});
