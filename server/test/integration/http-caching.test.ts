import { gunzipSync } from 'node:zlib';
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

  it('gzips the same JSON for a client that accepts it, and not for one that refuses it', async () => {
    // Enough jobs and lines that either body is worth compressing.
    const job = repairOrder.jobs[0]!;
    for (let i = 0; i < 12; i++) {
      const line = await injectAs(t.app, cookie, {
        method: 'POST',
        url: `/api/jobs/${job.id}/lines`,
        payload: {
          kind: 'fee',
          description: `Shop fee number ${i} with a long description`,
          quantity: 1,
          unitPriceCents: 100,
        },
      });
      expect(line.statusCode).toBe(201);
      const extraJob = await injectAs(t.app, cookie, {
        method: 'POST',
        url: `/api/repair-orders/${repairOrder.id}/jobs`,
        payload: { title: `Inspect and report number ${i}` },
      });
      expect(extraJob.statusCode).toBe(201);
    }
    const plain = await injectAs(t.app, cookie, { method: 'GET', url: url() });
    const gzipped = await injectAs(t.app, cookie, {
      method: 'GET',
      url: url(),
      headers: { 'accept-encoding': 'br, gzip, deflate' },
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toBe('accept-encoding');
    expect(gzipped.headers.etag).toBe(plain.headers.etag);
    expect(gunzipSync(gzipped.rawPayload).toString('utf8')).toBe(plain.body);
    expect(gzipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);

    const refused = await injectAs(t.app, cookie, {
      method: 'GET',
      url: url(),
      headers: { 'accept-encoding': 'gzip;q=0' },
    });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.body);
  });
});
