import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

interface Item {
  id: string;
  sku: string;
  quantityOnHand: number;
  quantityReserved: number;
  quantityAvailable: number;
  version: number;
  [key: string]: unknown;
}

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

function as(cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return injectAs(t.app, cookie, { method, url, ...(payload === undefined ? {} : { payload }) });
}

function count(table: string): number {
  return (t.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function auditActions(entityId: string): { action: string; data: Record<string, unknown> }[] {
  return (
    t.database.sqlite
      .prepare('SELECT action, data FROM audit_log WHERE entity_id = ? ORDER BY at, id')
      .all(entityId) as { action: string; data: string }[]
  ).map((row) => ({ action: row.action, data: JSON.parse(row.data) }));
}

async function createItem(payload: Record<string, unknown> = {}): Promise<Item> {
  const response = await as(owner.cookie, 'POST', '/api/inventory/items', {
    sku: 'BP-100',
    name: 'Brake pads, front',
    costPriceCents: 2500,
    sellPriceCents: 5500,
    ...payload,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Item>();
}

async function ledgerCheck() {
  const response = await as(owner.cookie, 'GET', '/api/inventory/ledger-check');
  expect(response.statusCode).toBe(200);
  return response.json<{ ok: boolean; itemsChecked: number; mismatches: unknown[] }>();
}

describe('inventory items', () => {
  it('creates an item with the new fields; opening stock is a ledger row; audited', async () => {
    const vendor = (
      await as(owner.cookie, 'POST', '/api/inventory/vendors', { name: 'Parts Plus', phone: '555-0100' })
    ).json<{ id: string }>();
    const item = await createItem({
      quantityOnHand: 12,
      reorderLevel: 4,
      binLocation: 'A-3',
      vendorId: vendor.id,
      coreChargeCents: 1500,
      taxable: false,
    });
    expect(item).toMatchObject({
      sku: 'BP-100',
      binLocation: 'A-3',
      vendorId: vendor.id,
      quantityOnHand: 12,
      quantityReserved: 0,
      quantityAvailable: 12,
      reorderLevel: 4,
      coreChargeCents: 1500,
      taxable: false,
      active: true,
    });
    const movements = (await as(owner.cookie, 'GET', `/api/inventory/items/${item.id}/movements`)).json<{
      items: { kind: string; quantity: number; quantityAfter: number }[];
    }>().items;
    expect(movements).toEqual([expect.objectContaining({ kind: 'count', quantity: 12, quantityAfter: 12 })]);
    expect(auditActions(item.id).map((a) => a.action)).toEqual(['inventory_item.created', 'stock.count']);
    expect(await ledgerCheck()).toMatchObject({ ok: true, mismatches: [] });
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    await createItem();
    const before = {
      items: count('inventory_items'),
      audit: count('audit_log'),
      moves: count('stock_movements'),
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ sku: 'X', name: 'x', costPriceCents: -1 }, 'costPriceCents'],
      [{ sku: 'X', name: 'x', sellPriceCents: 10.5 }, 'sellPriceCents'],
      [{ sku: 'X', name: 'x', quantityOnHand: -3 }, 'quantityOnHand'],
      [{ sku: 'X', name: 'x', vendorId: UNKNOWN_ID }, 'vendorId'],
      [{ sku: '   ', name: 'x' }, 'sku'],
      [{ name: 'x' }, 'sku'],
    ];
    for (const [payload, field] of cases) {
      const response = await as(owner.cookie, 'POST', '/api/inventory/items', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(problemOf(response).errors)).toContain(field);
    }
    const duplicate = await as(owner.cookie, 'POST', '/api/inventory/items', {
      sku: 'BP-100',
      name: 'again',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(problemOf(duplicate).errors).toEqual([expect.objectContaining({ path: 'sku' })]);
    expect({
      items: count('inventory_items'),
      audit: count('audit_log'),
      moves: count('stock_movements'),
    }).toEqual(before);
  });

  it('updates with optimistic versions; a stale write is 409; price changes are audited', async () => {
    const item = await createItem();
    const ok = await as(owner.cookie, 'PATCH', `/api/inventory/items/${item.id}`, {
      version: item.version,
      costPriceCents: 2700,
      binLocation: 'B-1',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ costPriceCents: 2700, binLocation: 'B-1', version: item.version + 1 });
    const stale = await as(owner.cookie, 'PATCH', `/api/inventory/items/${item.id}`, {
      version: item.version,
      name: 'Lost update',
    });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale).type).toContain('stale-version');
    const updated = auditActions(item.id).find((a) => a.action === 'inventory_item.updated')!;
    expect(updated.data).toMatchObject({ costPriceCents: { from: 2500, to: 2700 } });
    expect((await as(owner.cookie, 'GET', `/api/inventory/items/${UNKNOWN_ID}`)).statusCode).toBe(404);
  });

  it('lists by SKU, searches by sku or name, and filters low stock', async () => {
    await createItem({ sku: 'OF-1', name: 'Oil filter', quantityOnHand: 2, reorderLevel: 5 });
    await createItem({ sku: 'AF-9', name: 'Air filter', quantityOnHand: 10, reorderLevel: 5 });
    await createItem({ sku: 'WB-22', name: 'Wiper blade 22"', quantityOnHand: 5, reorderLevel: 5 });
    const list = async (query: string) =>
      (await as(owner.cookie, 'GET', `/api/inventory/items${query}`))
        .json<{ items: Item[] }>()
        .items.map((i) => i.sku);
    expect(await list('')).toEqual(['AF-9', 'OF-1', 'WB-22']);
    expect(await list('?q=filter')).toEqual(['AF-9', 'OF-1']);
    expect(await list('?q=wb-')).toEqual(['WB-22']);
    expect(await list('?q=%25')).toEqual([]);
    expect(await list('?lowStock=true')).toEqual(['OF-1', 'WB-22']);
  });
});

describe('stock movements', () => {
  it('receives, returns, adjusts and counts; quantity on hand always equals the ledger', async () => {
    let item = await createItem({ quantityOnHand: 5 });
    const post = async (payload: Record<string, unknown>) => {
      const response = await as(owner.cookie, 'POST', `/api/inventory/items/${item.id}/movements`, {
        version: item.version,
        ...payload,
      });
      expect(response.statusCode, response.body).toBe(201);
      item = response.json<{ item: Item }>().item;
      return response.json<{ movement: { kind: string; quantity: number; quantityAfter: number } }>()
        .movement;
    };
    expect(await post({ kind: 'receive', quantity: 10, unitCostCents: 2400 })).toMatchObject({
      quantity: 10,
      quantityAfter: 15,
    });
    expect(await post({ kind: 'return', quantity: 1 })).toMatchObject({ quantityAfter: 16 });
    expect(await post({ kind: 'adjust', quantity: -2, reason: 'damaged in shipping' })).toMatchObject({
      quantityAfter: 14,
    });
    expect(await post({ kind: 'count', quantity: 11 })).toMatchObject({
      kind: 'count',
      quantity: -3,
      quantityAfter: 11,
    });
    expect(item.quantityOnHand).toBe(11);
    const sum = t.database.sqlite
      .prepare('SELECT sum(quantity) AS s FROM stock_movements WHERE item_id = ?')
      .get(item.id) as { s: number };
    expect(sum.s).toBe(11);
    expect(auditActions(item.id).map((a) => a.action)).toEqual([
      'inventory_item.created',
      'stock.count',
      'stock.receive',
      'stock.return',
      'stock.adjust',
      'stock.count',
    ]);
    expect(await ledgerCheck()).toMatchObject({ ok: true });
  });

  it('refuses bad movements naming the field; below zero needs an override reason', async () => {
    const item = await createItem({ quantityOnHand: 2 });
    const before = { audit: count('audit_log'), moves: count('stock_movements') };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ kind: 'receive', quantity: 0 }, 400, 'quantity'],
      [{ kind: 'receive', quantity: 1.5 }, 400, 'quantity'],
      [{ kind: 'receive', quantity: 3, unitCostCents: -5 }, 400, 'unitCostCents'],
      [{ kind: 'adjust', quantity: -1 }, 400, 'reason'],
      [{ kind: 'issue', quantity: 1 }, 400, 'kind'],
      [{ kind: 'count', quantity: -1 }, 400, 'quantity'],
      [{ kind: 'adjust', quantity: -5, reason: 'shrinkage' }, 409, 'overrideReason'],
    ];
    for (const [payload, status, field] of cases) {
      const response = await as(owner.cookie, 'POST', `/api/inventory/items/${item.id}/movements`, {
        version: item.version,
        ...payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(JSON.stringify(problemOf(response).errors), JSON.stringify(payload)).toContain(field);
    }
    const stale = await as(owner.cookie, 'POST', `/api/inventory/items/${item.id}/movements`, {
      version: item.version - 1,
      kind: 'receive',
      quantity: 1,
    });
    expect(stale.statusCode).toBe(409);
    const unknown = await as(owner.cookie, 'POST', `/api/inventory/items/${UNKNOWN_ID}/movements`, {
      version: 1,
      kind: 'receive',
      quantity: 1,
    });
    expect(unknown.statusCode).toBe(404);
    expect({ audit: count('audit_log'), moves: count('stock_movements') }).toEqual(before);

    const override = await as(owner.cookie, 'POST', `/api/inventory/items/${item.id}/movements`, {
      version: item.version,
      kind: 'adjust',
      quantity: -5,
      reason: 'shrinkage',
      overrideReason: 'found missing at count, owner approved',
    });
    expect(override.statusCode, override.body).toBe(201);
    expect(override.json().item.quantityOnHand).toBe(-3);
    expect(auditActions(item.id).at(-1)!.data).toMatchObject({
      belowZeroOverride: 'found missing at count, owner approved',
    });
    expect(await ledgerCheck()).toMatchObject({ ok: true });
  });

  it('the ledger check finds an item whose quantity was changed outside the ledger', async () => {
    const item = await createItem({ quantityOnHand: 4 });
    t.database.sqlite.prepare('UPDATE inventory_items SET quantity_on_hand = 9 WHERE id = ?').run(item.id);
    expect(await ledgerCheck()).toMatchObject({
      ok: false,
      mismatches: [{ itemId: item.id, sku: 'BP-100', quantityOnHand: 9, ledgerSum: 4 }],
    });
  });

  it('items inserted with stock outside the service (seed, import) get an opening ledger row', async () => {
    t.database.sqlite
      .prepare(
        `INSERT INTO inventory_items (id, sku, name, quantity_on_hand, created_at, updated_at)
         VALUES ('01900000-0000-7000-8000-0000000000f1', 'SEED-1', 'Seeded', 7, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
      )
      .run();
    expect(await ledgerCheck()).toMatchObject({ ok: true });
  });
});

describe('roles', () => {
  it('parts staff manage stock; technicians only read; nobody signed out', async () => {
    const item = await createItem();
    const parts = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'parts'));
    const tech = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'technician'));
    expect(
      (await as(parts, 'POST', '/api/inventory/items', { sku: 'P-1', name: 'By parts' })).statusCode,
    ).toBe(201);
    expect(
      (
        await as(parts, 'POST', `/api/inventory/items/${item.id}/movements`, {
          version: item.version,
          kind: 'receive',
          quantity: 2,
        })
      ).statusCode,
    ).toBe(201);
    expect((await as(tech, 'GET', '/api/inventory/items')).statusCode).toBe(200);
    expect((await as(tech, 'POST', '/api/inventory/items', { sku: 'T-1', name: 'By tech' })).statusCode).toBe(
      403,
    );
    expect(
      (
        await as(tech, 'POST', `/api/inventory/items/${item.id}/movements`, {
          version: 2,
          kind: 'receive',
          quantity: 2,
        })
      ).statusCode,
    ).toBe(403);
    expect((await as(tech, 'GET', '/api/inventory/ledger-check')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/inventory/items' })).statusCode).toBe(401);
  });
});

describe('vendors and reorder suggestions', () => {
  it('creates and updates vendors (unique name, versioned) and suggests reorders with the vendor', async () => {
    const created = await as(owner.cookie, 'POST', '/api/inventory/vendors', { name: 'Parts Plus' });
    expect(created.statusCode).toBe(201);
    const vendor = created.json<{ id: string; version: number }>();
    expect(
      (await as(owner.cookie, 'POST', '/api/inventory/vendors', { name: 'Parts Plus' })).statusCode,
    ).toBe(409);
    expect(
      (await as(owner.cookie, 'POST', '/api/inventory/vendors', { name: 'X', email: 'nope' })).statusCode,
    ).toBe(400);
    const renamed = await as(owner.cookie, 'PATCH', `/api/inventory/vendors/${vendor.id}`, {
      version: vendor.version,
      name: 'Parts Plus Ltd',
    });
    expect(renamed.json()).toMatchObject({ name: 'Parts Plus Ltd', version: 2 });
    expect(
      (await as(owner.cookie, 'PATCH', `/api/inventory/vendors/${vendor.id}`, { version: 1, name: 'Stale' }))
        .statusCode,
    ).toBe(409);

    await createItem({
      sku: 'OF-1',
      name: 'Oil filter',
      quantityOnHand: 2,
      reorderLevel: 5,
      vendorId: vendor.id,
    });
    await createItem({ sku: 'AF-9', name: 'Air filter', quantityOnHand: 10, reorderLevel: 5 });
    const suggestions = (await as(owner.cookie, 'GET', '/api/inventory/reorder-suggestions')).json().items;
    expect(suggestions).toEqual([
      expect.objectContaining({
        sku: 'OF-1',
        vendorId: vendor.id,
        vendorName: 'Parts Plus Ltd',
        quantityOnHand: 2,
        reorderLevel: 5,
        suggestedQuantity: 8,
      }),
    ]);
  });
});

describe('reservations and issue on job completion', () => {
  async function jobWithPart(itemId: string, quantity: number, approve = true) {
    const customerId = insertCustomer(t.database);
    const vehicleId = insertVehicle(t.database, customerId);
    const ro = (
      await as(owner.cookie, 'POST', '/api/repair-orders', {
        customerId,
        vehicleId,
        concerns: ['Brakes squeal'],
      })
    ).json<{ id: string; jobs: { id: string }[] }>();
    const jobId = ro.jobs[0]!.id;
    const line = await as(owner.cookie, 'POST', `/api/jobs/${jobId}/lines`, {
      kind: 'part',
      description: 'Brake pads',
      quantity,
      unitPriceCents: 5500,
      inventoryItemId: itemId,
    });
    expect(line.statusCode, line.body).toBe(201);
    const lineId = line.json<{ id: string }>().id;
    if (approve) {
      const approved = await as(owner.cookie, 'POST', `/api/repair-orders/${ro.id}/approvals`, {
        method: 'in_person',
        approvedBy: 'Ann',
        decisions: [{ lineId, state: 'approved' }],
      });
      expect(approved.statusCode, approved.body).toBe(200);
    }
    return { roId: ro.id, jobId, lineId };
  }

  async function setStatus(jobId: string, status: string, extra: Record<string, unknown> = {}) {
    const job = (await as(owner.cookie, 'GET', `/api/jobs/${jobId}`)).json<{ version: number }>();
    return as(owner.cookie, 'POST', `/api/jobs/${jobId}/status`, { status, version: job.version, ...extra });
  }

  async function item(id: string) {
    return (await as(owner.cookie, 'GET', `/api/inventory/items/${id}`)).json<Item>();
  }

  it('reserves approved parts of open jobs only, and issues them once when the job completes', async () => {
    const pads = await createItem({ quantityOnHand: 10 });
    const { jobId, lineId } = await jobWithPart(pads.id, 2);
    await jobWithPart(pads.id, 3, false); // recommended only: not reserved
    expect(await item(pads.id)).toMatchObject({
      quantityOnHand: 10,
      quantityReserved: 2,
      quantityAvailable: 8,
    });

    expect((await setStatus(jobId, 'In_Progress')).statusCode).toBe(200);
    const done = await setStatus(jobId, 'Completed');
    expect(done.statusCode, done.body).toBe(200);
    expect(await item(pads.id)).toMatchObject({
      quantityOnHand: 8,
      quantityReserved: 0,
      quantityAvailable: 8,
    });
    const issues = t.database.sqlite
      .prepare(`SELECT quantity, job_id, line_item_id FROM stock_movements WHERE kind = 'issue'`)
      .all();
    expect(issues).toEqual([{ quantity: -2, job_id: jobId, line_item_id: lineId }]);
    expect(auditActions(pads.id).map((a) => a.action)).toContain('stock.issue');

    // The database itself refuses a second issue of the same line.
    expect(() =>
      t.database.sqlite
        .prepare(
          `INSERT INTO stock_movements (id, item_id, kind, quantity, quantity_after, line_item_id, line_cycle, at, created_at, updated_at)
           VALUES ('dup', ?, 'issue', -2, 6, ?, 0, 'x', 'x', 'x')`,
        )
        .run(pads.id, lineId),
    ).toThrow(/UNIQUE/);
    expect(await ledgerCheck()).toMatchObject({ ok: true });
  });

  it('refuses a completion that would take stock below zero (409 naming the part), nothing written', async () => {
    const pads = await createItem({ quantityOnHand: 1 });
    const { jobId } = await jobWithPart(pads.id, 3);
    await setStatus(jobId, 'In_Progress');
    const before = { audit: count('audit_log'), moves: count('stock_movements') };
    const refused = await setStatus(jobId, 'Completed');
    expect(refused.statusCode).toBe(409);
    const problem = problemOf(refused);
    expect(problem.detail).toContain('BP-100');
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'stockOverrideReason' })]);
    expect(problem.shortages).toEqual([{ itemId: pads.id, sku: 'BP-100', onHand: 1, needed: 3 }]);
    expect({ audit: count('audit_log'), moves: count('stock_movements') }).toEqual(before);
    expect((await as(owner.cookie, 'GET', `/api/jobs/${jobId}`)).json().status).toBe('In_Progress');
    expect(await item(pads.id)).toMatchObject({ quantityOnHand: 1, quantityReserved: 3 });
  });

  it('completes below zero with an override reason, which is stored and audited', async () => {
    const pads = await createItem({ quantityOnHand: 1 });
    const { jobId } = await jobWithPart(pads.id, 2.5);
    await setStatus(jobId, 'In_Progress');
    const done = await setStatus(jobId, 'Completed', {
      stockOverrideReason: 'pads on the shelf, not yet received',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(await item(pads.id)).toMatchObject({ quantityOnHand: -2 }); // 2.5 rounds up to 3 whole units
    const movement = t.database.sqlite
      .prepare(`SELECT override_reason FROM stock_movements WHERE kind = 'issue'`)
      .get() as { override_reason: string };
    expect(movement.override_reason).toBe('pads on the shelf, not yet received');
    expect(auditActions(pads.id).at(-1)).toMatchObject({
      action: 'stock.issue',
      data: { belowZeroOverride: 'pads on the shelf, not yet received', jobId },
    });
    expect(await ledgerCheck()).toMatchObject({ ok: true });
  });

  it('two jobs completed at once for the last units: one issues, the other is refused', async () => {
    const pads = await createItem({ quantityOnHand: 2 });
    const a = await jobWithPart(pads.id, 2);
    const b = await jobWithPart(pads.id, 2);
    await setStatus(a.jobId, 'In_Progress');
    await setStatus(b.jobId, 'In_Progress');
    expect(await item(pads.id)).toMatchObject({ quantityReserved: 4, quantityAvailable: -2 });
    const results = await Promise.all([setStatus(a.jobId, 'Completed'), setStatus(b.jobId, 'Completed')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await item(pads.id)).toMatchObject({ quantityOnHand: 0, quantityReserved: 2 });
    expect(count("stock_movements WHERE kind = 'issue'")).toBe(1);
    expect(await ledgerCheck()).toMatchObject({ ok: true });
  });

  it('a job with no stocked parts completes as before', async () => {
    const customerId = insertCustomer(t.database);
    const vehicleId = insertVehicle(t.database, customerId);
    const ro = (
      await as(owner.cookie, 'POST', '/api/repair-orders', { customerId, vehicleId, concerns: ['Noise'] })
    ).json<{ jobs: { id: string }[] }>();
    await setStatus(ro.jobs[0]!.id, 'In_Progress');
    expect((await setStatus(ro.jobs[0]!.id, 'Completed')).statusCode).toBe(200);
    expect(count('stock_movements')).toBe(0);
  });
});
