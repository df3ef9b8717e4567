import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvents } from '../../src/events/domain-events.js';
import { DISPLAY_TOPICS, isValidTopic, topicsFor } from '../../contracts/realtime.js';
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

/**
 * Inventory, round 2: who moved stock, an inventoryChanged event (topic `inventory`) after every
 * change, the receive answer's item figures, the ledger check of one item, the pricing-matrix
 * preview, and stock part lines priced by the inventory module when they name no price.
 */
let t: TestApp;
let owner: { id: string; cookie: string };
let events: DomainEvents['inventoryChanged'][];
let emittedInTransaction: boolean[];

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000abcd';

beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
  events = [];
  emittedInTransaction = [];
  t.app.events.on('inventoryChanged', (event) => {
    events.push(event);
    emittedInTransaction.push(t.database.sqlite.inTransaction);
  });
});
afterEach(async () => {
  await t.close();
});

function as(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, cookie = owner.cookie) {
  return injectAs(t.app, cookie, { method, url, ...(payload === undefined ? {} : { payload }) });
}

interface Item {
  id: string;
  version: number;
  quantityOnHand: number;
  costPriceCents: number;
  sellPriceCents: number;
}

async function createItem(payload: Record<string, unknown>): Promise<Item> {
  const response = await as('POST', '/api/inventory/items', { name: 'Part', ...payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Item>();
}

async function setMatrix(tiers: { minCostCents: number; markupBasisPoints: number }[]) {
  const response = await as('PUT', '/api/inventory/pricing-matrix', { tiers });
  expect(response.statusCode, response.body).toBe(200);
}

describe('inventory events and who moved stock', () => {
  it('announces every item, stock, vendor, PO and matrix change after commit; not a refused one', async () => {
    const item = await createItem({ sku: 'EV-1', quantityOnHand: 5, costPriceCents: 1_000 });
    expect(events).toEqual([
      { itemId: item.id, purchaseOrderId: null, change: 'item_created', at: expect.any(String) },
    ]);
    const patched = await as('PATCH', `/api/inventory/items/${item.id}`, {
      version: item.version,
      binLocation: 'B-2',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const moved = await as('POST', `/api/inventory/items/${item.id}/movements`, {
      kind: 'adjust',
      quantity: -1,
      reason: 'damaged',
      version: patched.json<Item>().version,
    });
    expect(moved.statusCode, moved.body).toBe(201);
    const refused = await as('POST', `/api/inventory/items/${item.id}/movements`, {
      kind: 'adjust',
      quantity: -100,
      reason: 'oops',
      version: moved.json<{ item: Item }>().item.version,
    });
    expect(refused.statusCode).toBe(409);
    const vendor = await as('POST', '/api/inventory/vendors', { name: 'Parts Plus' });
    const vendorId = vendor.json<{ id: string }>().id;
    const po = await as('POST', '/api/inventory/purchase-orders', {
      vendorId,
      lines: [{ itemId: item.id, quantity: 3, unitCostCents: 1_300 }],
    });
    const poBody = po.json<{ id: string; version: number; lines: { id: string }[] }>();
    const ordered = await as('POST', `/api/inventory/purchase-orders/${poBody.id}/order`, {
      version: poBody.version,
    });
    const received = await as('POST', `/api/inventory/purchase-orders/${poBody.id}/receive`, {
      version: ordered.json<{ version: number }>().version,
      lines: [{ lineId: poBody.lines[0]!.id, quantity: 3 }],
    });
    expect(received.statusCode, received.body).toBe(200);
    await setMatrix([{ minCostCents: 0, markupBasisPoints: 5_000 }]);

    expect(events.map((e) => [e.change, e.itemId, e.purchaseOrderId])).toEqual([
      ['item_created', item.id, null],
      ['item_updated', item.id, null],
      ['stock_moved', item.id, null],
      ['vendor_changed', null, null],
      ['purchase_order_changed', null, poBody.id],
      ['purchase_order_changed', null, poBody.id],
      ['purchase_order_received', null, poBody.id],
      ['pricing_matrix_changed', null, null],
    ]);
    expect(emittedInTransaction.every((inside) => !inside)).toBe(true);
    expect(topicsFor({ name: 'inventoryChanged', payload: events[0]! })).toEqual(['inventory']);
    // Staff may subscribe to it; a bay TV may not.
    expect(isValidTopic('inventory')).toBe(true);
    expect(DISPLAY_TOPICS.has('inventory')).toBe(false);
  });

  it('announces the stock a job completion issued, once it committed', async () => {
    const pads = await createItem({ sku: 'EV-PADS', quantityOnHand: 4, sellPriceCents: 5_000 });
    const customerId = insertCustomer(t.database);
    const vehicleId = insertVehicle(t.database, customerId);
    const ro = (
      await as('POST', '/api/repair-orders', { customerId, vehicleId, concerns: ['Brakes'] })
    ).json<{ id: string; jobs: { id: string }[] }>();
    const jobId = ro.jobs[0]!.id;
    const line = await as('POST', `/api/jobs/${jobId}/lines`, {
      kind: 'part',
      description: 'Pads',
      quantity: 2,
      inventoryItemId: pads.id,
    });
    await as('POST', `/api/repair-orders/${ro.id}/approvals`, {
      method: 'in_person',
      approvedBy: 'Ann',
      decisions: [{ lineId: line.json<{ id: string }>().id, state: 'approved' }],
    });
    events = [];
    for (const status of ['In_Progress', 'Completed']) {
      const job = (await as('GET', `/api/jobs/${jobId}`)).json<{ version: number }>();
      const response = await as('POST', `/api/jobs/${jobId}/status`, { status, version: job.version });
      expect(response.statusCode, response.body).toBe(200);
    }
    expect(events.map((e) => [e.change, e.itemId])).toEqual([['stock_moved', pads.id]]);
    expect(emittedInTransaction.every((inside) => !inside)).toBe(true);
  });

  it('names who moved stock on each ledger row', async () => {
    const parts = await createStaff(t.app, owner.cookie, 'parts', 'Pat Parts');
    const partsCookie = await loginAs(t.app, parts);
    const item = await createItem({ sku: 'WHO-1', quantityOnHand: 2 });
    const moved = await as(
      'POST',
      `/api/inventory/items/${item.id}/movements`,
      { kind: 'receive', quantity: 3, version: item.version },
      partsCookie,
    );
    expect(moved.statusCode, moved.body).toBe(201);
    expect(moved.json<{ movement: { actorName: string } }>().movement.actorName).toBe('Pat Parts');
    const ledger = (await as('GET', `/api/inventory/items/${item.id}/movements`)).json<{
      items: { kind: string; actorUserId: string; actorName: string | null }[];
    }>();
    expect(ledger.items.map((m) => [m.kind, m.actorName])).toEqual([
      ['receive', 'Pat Parts'],
      ['count', 'Olga Owner'],
    ]);
  });
});

describe('receive answer, ledger check of one item, pricing preview', () => {
  it('answers a receipt with each received item as it now stands', async () => {
    await setMatrix([{ minCostCents: 0, markupBasisPoints: 10_000 }]);
    const a = await createItem({ sku: 'RC-A', quantityOnHand: 2, costPriceCents: 1_000 });
    const b = await createItem({ sku: 'RC-B', costPriceCents: 500 });
    const vendorId = (await as('POST', '/api/inventory/vendors', { name: 'V' })).json<{ id: string }>().id;
    const po = (
      await as('POST', '/api/inventory/purchase-orders', {
        vendorId,
        lines: [
          { itemId: a.id, quantity: 2, unitCostCents: 2_000 },
          { itemId: b.id, quantity: 4, unitCostCents: 600 },
        ],
      })
    ).json<{ id: string; version: number; lines: { id: string; itemId: string }[] }>();
    const ordered = await as('POST', `/api/inventory/purchase-orders/${po.id}/order`, {
      version: po.version,
    });
    const received = await as('POST', `/api/inventory/purchase-orders/${po.id}/receive`, {
      version: ordered.json<{ version: number }>().version,
      lines: po.lines.map((l) => ({ lineId: l.id, quantity: l.itemId === a.id ? 2 : 1 })),
    });
    expect(received.statusCode, received.body).toBe(200);
    const body = received.json<{
      status: string;
      receivedItems: {
        itemId: string;
        quantityOnHand: number;
        costPriceCents: number;
        sellPriceCents: number;
      }[];
    }>();
    expect(body.status).toBe('partially_received');
    // a: (2 × 1000 + 2 × 2000) / 4 = 1500, +100 % = 3000; b: nothing on hand, so 600 → 1200.
    expect(body.receivedItems).toEqual([
      {
        itemId: a.id,
        sku: 'RC-A',
        quantityOnHand: 4,
        costPriceCents: 1_500,
        sellPriceCents: 3_000,
        version: expect.any(Number),
      },
      {
        itemId: b.id,
        sku: 'RC-B',
        quantityOnHand: 1,
        costPriceCents: 600,
        sellPriceCents: 1_200,
        version: expect.any(Number),
      },
    ]);
    const fresh = (await as('GET', `/api/inventory/items/${a.id}`)).json<Item>();
    expect(body.receivedItems[0]!).toMatchObject({ version: fresh.version });
  });

  it('checks the ledger of one item with ?itemId=', async () => {
    const good = await createItem({ sku: 'LC-1', quantityOnHand: 3 });
    const bad = await createItem({ sku: 'LC-2', quantityOnHand: 3 });
    t.database.sqlite.prepare('UPDATE inventory_items SET quantity_on_hand = 9 WHERE id = ?').run(bad.id);
    const one = await as('GET', `/api/inventory/ledger-check?itemId=${good.id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toEqual({ ok: true, itemsChecked: 1, mismatches: [] });
    const other = (await as('GET', `/api/inventory/ledger-check?itemId=${bad.id}`)).json();
    expect(other).toEqual({
      ok: false,
      itemsChecked: 1,
      mismatches: [{ itemId: bad.id, sku: 'LC-2', quantityOnHand: 9, ledgerSum: 3 }],
    });
    const all = (await as('GET', '/api/inventory/ledger-check')).json<{ itemsChecked: number }>();
    expect(all.itemsChecked).toBeGreaterThanOrEqual(2);
    expect((await as('GET', `/api/inventory/ledger-check?itemId=${UNKNOWN_ID}`)).statusCode).toBe(404);
    expect(problemOf(await as('GET', '/api/inventory/ledger-check?itemId=nope')).errors?.[0]?.path).toMatch(
      /itemId/,
    );
  });

  it('previews the matrix price of a cost, with the tier that prices it', async () => {
    const empty = await as('GET', '/api/inventory/pricing-matrix/preview?costCents=1000');
    expect(empty.json()).toEqual({ costCents: 1_000, sellPriceCents: null, tier: null });
    await setMatrix([
      { minCostCents: 500, markupBasisPoints: 10_000 },
      { minCostCents: 5_000, markupBasisPoints: 5_000 },
    ]);
    const low = await as('GET', '/api/inventory/pricing-matrix/preview?costCents=499');
    expect(low.json()).toEqual({ costCents: 499, sellPriceCents: null, tier: null });
    const mid = await as('GET', '/api/inventory/pricing-matrix/preview?costCents=1234');
    expect(mid.json()).toEqual({
      costCents: 1_234,
      sellPriceCents: 2_468,
      tier: { minCostCents: 500, markupBasisPoints: 10_000 },
    });
    const high = await as('GET', '/api/inventory/pricing-matrix/preview?costCents=5001');
    expect(high.json()).toMatchObject({ sellPriceCents: 7_502, tier: { minCostCents: 5_000 } });
    const bad = await as('GET', '/api/inventory/pricing-matrix/preview?costCents=-5');
    expect(problemOf(bad).errors?.[0]?.path).toMatch(/costCents/);
    expect((await as('GET', '/api/inventory/pricing-matrix/preview')).statusCode).toBe(400);
    const advisor = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'advisor'));
    expect(
      (await as('GET', '/api/inventory/pricing-matrix/preview?costCents=1', undefined, advisor)).statusCode,
    ).toBe(200);
    const tech = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'technician'));
    expect(
      (await as('GET', '/api/inventory/pricing-matrix/preview?costCents=1', undefined, tech)).statusCode,
    ).toBe(403);
  });
});

describe('stock part lines priced by inventory', () => {
  async function job(): Promise<string> {
    const customerId = insertCustomer(t.database);
    const vehicleId = insertVehicle(t.database, customerId);
    const ro = await as('POST', '/api/repair-orders', { customerId, vehicleId, concerns: ['Check'] });
    expect(ro.statusCode, ro.body).toBe(201);
    return ro.json<{ jobs: { id: string }[] }>().jobs[0]!.id;
  }

  it('takes the sell price, else the matrix on the cost, else 0; a given price wins', async () => {
    await setMatrix([{ minCostCents: 1_000, markupBasisPoints: 4_000 }]);
    const priced = await createItem({ sku: 'PL-1', costPriceCents: 2_000, sellPriceCents: 3_500 });
    const unpriced = await createItem({ sku: 'PL-2', costPriceCents: 2_500, sellPriceCents: 0 });
    const cheap = await createItem({ sku: 'PL-3', costPriceCents: 400, sellPriceCents: 0 });
    const jobId = await job();
    const add = async (payload: Record<string, unknown>) => {
      const response = await as('POST', `/api/jobs/${jobId}/lines`, {
        kind: 'part',
        description: 'Part',
        quantity: 1,
        ...payload,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ unitPriceCents: number; unitCostCents: number }>();
    };
    expect(await add({ inventoryItemId: priced.id })).toMatchObject({
      unitPriceCents: 3_500,
      unitCostCents: 2_000,
    });
    // 2500 + 40 % = 3500 (from the matrix, because the item has no sell price).
    expect(await add({ inventoryItemId: unpriced.id })).toMatchObject({
      unitPriceCents: 3_500,
      unitCostCents: 2_500,
    });
    // No tier covers 400: the advisor sees 0 and prices it.
    expect(await add({ inventoryItemId: cheap.id })).toMatchObject({ unitPriceCents: 0, unitCostCents: 400 });
    expect(await add({ inventoryItemId: unpriced.id, unitPriceCents: 9_999 })).toMatchObject({
      unitPriceCents: 9_999,
      unitCostCents: 2_500,
    });
  });

  it('still needs unitPriceCents for a non-stock part or a fee, naming the field', async () => {
    const jobId = await job();
    const nonStock = await as('POST', `/api/jobs/${jobId}/lines`, {
      kind: 'part',
      description: 'Special order',
      quantity: 1,
      partNumber: 'SO-1',
    });
    expect(nonStock.statusCode).toBe(400);
    expect(problemOf(nonStock).errors).toEqual([{ path: 'unitPriceCents', message: expect.any(String) }]);
    const fee = await as('POST', `/api/jobs/${jobId}/lines`, {
      kind: 'fee',
      description: 'Disposal',
      quantity: 1,
    });
    expect(fee.statusCode).toBe(400);
    expect(problemOf(fee).errors?.map((e) => e.path)).toEqual(['unitPriceCents']);
    const unknown = await as('POST', `/api/jobs/${jobId}/lines`, {
      kind: 'part',
      description: 'Ghost',
      quantity: 1,
      inventoryItemId: UNKNOWN_ID,
    });
    expect(problemOf(unknown).errors?.map((e) => e.path)).toEqual(['inventoryItemId']);
  });
});
