import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
import { createTestApp, injectAs, problemOf, setupOwner, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let cookie: string;
let customerId: string;
let vehicleId: string;

beforeEach(async () => {
  t = await createTestApp();
  cookie = (await setupOwner(t.app)).cookie;
  customerId = insertCustomer(t.database);
  vehicleId = insertVehicle(t.database, customerId);
});
afterEach(async () => {
  await t.close();
});

describe('optimistic concurrency on a repair order', () => {
  it('20 parallel PATCHes with the same version: exactly one 200, nineteen 409 naming the current version', async () => {
    const ro = (
      await injectAs(t.app, cookie, {
        method: 'POST',
        url: '/api/repair-orders',
        payload: { customerId, vehicleId, concerns: ['Noise'] },
      })
    ).json();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        injectAs(t.app, cookie, {
          method: 'PATCH',
          url: `/api/repair-orders/${ro.id}`,
          payload: { version: ro.version, notes: `writer ${i}` },
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const winner = responses.find((r) => r.statusCode === 200)!.json();
    for (const loser of responses.filter((r) => r.statusCode === 409)) {
      expect(problemOf(loser)).toMatchObject({ type: 'urn:ase:problem:stale-version', currentVersion: 2 });
    }
    const stored = (
      await injectAs(t.app, cookie, { method: 'GET', url: `/api/repair-orders/${ro.id}` })
    ).json();
    expect(stored).toMatchObject({ version: 2, notes: winner.notes });
    const updates = t.database.sqlite
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'repair_order.updated'`)
      .get();
    expect(updates).toEqual({ n: 1 });
  });

  it('parallel check-ins get distinct consecutive numbers', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        injectAs(t.app, cookie, {
          method: 'POST',
          url: '/api/repair-orders',
          payload: { customerId, vehicleId, concerns: [] },
        }),
      ),
    );
    const numbers = responses.map((r) => r.json<{ number: number }>().number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => 1001 + i));
  });

  it('parallel status changes of one job: one wins, the rest are stale', async () => {
    const ro = (
      await injectAs(t.app, cookie, {
        method: 'POST',
        url: '/api/repair-orders',
        payload: { customerId, vehicleId, concerns: ['Noise'] },
      })
    ).json();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        injectAs(t.app, cookie, {
          method: 'POST',
          url: `/api/jobs/${ro.jobs[0].id}/status`,
          payload: { status: 'In_Progress', version: 1 },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    const changes = t.database.sqlite
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'job.status_changed'`)
      .get();
    expect(changes).toEqual({ n: 1 });
  });
});
