import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CannedJob } from '../../src/modules/repair-orders/repair-orders.schemas.js';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
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

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000abcd';
const ITEM_ID = '01900000-0000-7000-8000-0000000000f1';

function as(cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return injectAs(t.app, cookie, { method, url, ...(payload === undefined ? {} : { payload }) });
}

function insertFilter(): void {
  t.database.sqlite
    .prepare(
      `INSERT INTO inventory_items (id, sku, name, cost_price, sell_price, created_at, updated_at)
       VALUES (?, 'OF-1', 'Oil filter', 400, 1200, '', '')`,
    )
    .run(ITEM_ID);
}

const OIL_CHANGE = {
  name: 'Oil change, synthetic',
  title: 'Oil and filter change',
  concern: 'Due for service',
  lines: [
    { kind: 'labor', description: 'Change oil and filter', quantity: 0.5 },
    { kind: 'part', description: 'Oil filter', quantity: 1, inventoryItemId: ITEM_ID },
    {
      kind: 'part',
      description: '5W-30 synthetic',
      quantity: 5.5,
      unitPriceCents: 900,
      partNumber: 'OIL-5W30',
    },
    { kind: 'fee', description: 'Oil disposal', quantity: 1, unitPriceCents: 300, taxable: false },
  ],
};

async function createOilChange() {
  insertFilter();
  const response = await as(owner.cookie, 'POST', '/api/canned-jobs', OIL_CHANGE);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<CannedJob>();
}

describe('canned jobs', () => {
  it('creates, reads, lists and audits a canned job with its lines', async () => {
    const canned = await createOilChange();
    expect(canned).toMatchObject({ name: 'Oil change, synthetic', active: true, version: 1 });
    expect(canned.lines[0]).toEqual({
      kind: 'labor',
      description: 'Change oil and filter',
      quantity: 0.5,
      unitPriceCents: null,
      unitCostCents: null,
      taxable: true,
      inventoryItemId: null,
      partNumber: null,
    });
    expect((await as(owner.cookie, 'GET', `/api/canned-jobs/${canned.id}`)).json()).toEqual(canned);
    expect((await as(owner.cookie, 'GET', '/api/canned-jobs')).json().items).toEqual([canned]);
    expect((await as(owner.cookie, 'GET', `/api/canned-jobs/${UNKNOWN_ID}`)).statusCode).toBe(404);
    const audit = t.database.sqlite
      .prepare('SELECT action FROM audit_log WHERE entity_id = ?')
      .all(canned.id);
    expect(audit).toEqual([{ action: 'canned_job.created' }]);
  });

  it('refuses a duplicate name (any case) and bad lines, naming the field, writing nothing', async () => {
    await createOilChange();
    const duplicate = await as(owner.cookie, 'POST', '/api/canned-jobs', {
      ...OIL_CHANGE,
      name: 'OIL CHANGE, SYNTHETIC',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(problemOf(duplicate).errors).toEqual([
      { path: 'name', message: 'is already used by another canned job' },
    ]);
    const badLines = await as(owner.cookie, 'POST', '/api/canned-jobs', {
      name: 'Brakes',
      title: 'Brakes',
      lines: [
        { kind: 'labor', description: 'ok', quantity: 1 },
        { kind: 'part', description: 'pads', quantity: -1, inventoryItemId: UNKNOWN_ID },
        { kind: 'sublet', description: 'machining', quantity: 1 },
      ],
    });
    expect(badLines.statusCode).toBe(400);
    expect(problemOf(badLines).errors?.map((e) => e.path)).toEqual(['lines.1.quantity']);
    const badLines2 = await as(owner.cookie, 'POST', '/api/canned-jobs', {
      name: 'Brakes',
      title: 'Brakes',
      lines: [
        { kind: 'part', description: 'pads', quantity: 1, inventoryItemId: UNKNOWN_ID },
        { kind: 'sublet', description: 'machining', quantity: 1 },
      ],
    });
    expect(problemOf(badLines2).errors?.map((e) => e.path)).toEqual([
      'lines.1.unitPriceCents',
      'lines.0.inventoryItemId',
    ]);
    expect(t.database.sqlite.prepare('SELECT count(*) AS n FROM canned_jobs').get()).toEqual({ n: 1 });
  });

  it('updates with the version (409 stale), and a parts user may only read (403)', async () => {
    const canned = await createOilChange();
    const updated = await as(owner.cookie, 'PATCH', `/api/canned-jobs/${canned.id}`, {
      version: 1,
      title: 'Synthetic oil change',
      lines: [{ kind: 'labor', description: 'Change oil', quantity: 0.4 }],
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      title: 'Synthetic oil change',
      version: 2,
      lines: [{ quantity: 0.4 }],
    });
    const stale = await as(owner.cookie, 'PATCH', `/api/canned-jobs/${canned.id}`, {
      version: 1,
      title: 'x',
    });
    expect(problemOf(stale)).toMatchObject({ type: 'urn:ase:problem:stale-version', currentVersion: 2 });
    expect(
      (await as(owner.cookie, 'PATCH', `/api/canned-jobs/${UNKNOWN_ID}`, { version: 1 })).statusCode,
    ).toBe(404);
    const parts = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'parts'));
    expect((await as(parts, 'GET', '/api/canned-jobs')).statusCode).toBe(200);
    expect((await as(parts, 'POST', '/api/canned-jobs', { name: 'x', title: 'x' })).statusCode).toBe(403);
    expect((await as(parts, 'PATCH', `/api/canned-jobs/${canned.id}`, { version: 2 })).statusCode).toBe(403);
    expect((await as(parts, 'DELETE', `/api/canned-jobs/${canned.id}`)).statusCode).toBe(403);
  });

  it('adds a job from a canned job: lines copied, labour at the shop rate, stock part at its price', async () => {
    const canned = await createOilChange();
    const customerId = insertCustomer(t.database);
    const vehicleId = insertVehicle(t.database, customerId);
    const ro = (
      await as(owner.cookie, 'POST', '/api/repair-orders', { customerId, vehicleId, concerns: [] })
    ).json();
    const response = await as(owner.cookie, 'POST', `/api/repair-orders/${ro.id}/jobs`, {
      cannedJobId: canned.id,
    });
    expect(response.statusCode, response.body).toBe(201);
    const job = response.json();
    expect(job).toMatchObject({
      title: 'Oil and filter change',
      concern: 'Due for service',
      cannedJobId: canned.id,
    });
    expect(
      job.lines.map(
        (l: { kind: string; unitPriceCents: number; amountCents: number; approvalState: string }) => [
          l.kind,
          l.unitPriceCents,
          l.amountCents,
          l.approvalState,
        ],
      ),
    ).toEqual(
      [
        ['labor', 14_000, 7_000],
        ['part', 1_200, 1_200],
        ['part', 900, 4_950],
        ['fee', 300, 300],
      ].map((row) => [...row, 'recommended']),
    );
    expect(job.lines[1]).toMatchObject({ inventoryItemId: ITEM_ID, unitCostCents: 400 });
    expect(job.subtotals).toEqual({ estimateCents: 13_450, approvedCents: 0 });
    const lineAudits = t.database.sqlite
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'line.added'`)
      .get();
    expect(lineAudits).toEqual({ n: 4 });
  });

  it('deletes an unused canned job; archives one that jobs came from', async () => {
    const canned = await createOilChange();
    const spare = (
      await as(owner.cookie, 'POST', '/api/canned-jobs', { name: 'Wipers', title: 'Wipers' })
    ).json();
    expect((await as(owner.cookie, 'DELETE', `/api/canned-jobs/${spare.id}?version=5`)).statusCode).toBe(409);
    expect((await as(owner.cookie, 'DELETE', `/api/canned-jobs/${spare.id}`)).statusCode).toBe(204);
    expect((await as(owner.cookie, 'GET', `/api/canned-jobs/${spare.id}`)).statusCode).toBe(404);

    const customerId = insertCustomer(t.database);
    const vehicleId = insertVehicle(t.database, customerId);
    const ro = (
      await as(owner.cookie, 'POST', '/api/repair-orders', { customerId, vehicleId, concerns: [] })
    ).json();
    await as(owner.cookie, 'POST', `/api/repair-orders/${ro.id}/jobs`, { cannedJobId: canned.id });
    expect((await as(owner.cookie, 'DELETE', `/api/canned-jobs/${canned.id}`)).statusCode).toBe(204);
    expect((await as(owner.cookie, 'GET', '/api/canned-jobs')).json().items).toEqual([]);
    const archived = (await as(owner.cookie, 'GET', '/api/canned-jobs?includeInactive=true')).json().items;
    expect(archived).toMatchObject([{ id: canned.id, active: false }]);
    const reuse = await as(owner.cookie, 'POST', `/api/repair-orders/${ro.id}/jobs`, {
      cannedJobId: canned.id,
    });
    expect(problemOf(reuse).errors?.[0]?.path).toBe('cannedJobId');
    expect((await as(owner.cookie, 'DELETE', `/api/canned-jobs/${UNKNOWN_ID}`)).statusCode).toBe(404);
  });
});
