import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KpiReport } from '../../src/modules/reports/reports.schemas.js';
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
 * Issue 15, items 3 and 7: parts come from stock with their cost, reports count gross profit only
 * over lines with a known cost, and parts are received at the shelf with or without a PO.
 */
interface Item {
  id: string;
  sku: string;
  quantityOnHand: number;
  quantityAvailable: number;
  costPriceCents: number;
  sellPriceCents: number;
  vendorPartNumber: string | null;
  version: number;
}

interface Line {
  id: string;
  unitPriceCents: number;
  unitCostCents: number;
  inventoryItemId: string | null;
  partNumber: string | null;
}

let t: TestApp;
let owner: { id: string; cookie: string };

beforeEach(async () => {
  t = await createTestApp();
  t.clock.set('2026-04-06T15:00:00.000Z');
  owner = await setupOwner(t.app);
});
afterEach(async () => {
  await t.close();
});

function as(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, cookie = owner.cookie) {
  return injectAs(t.app, cookie, { method, url, ...(payload === undefined ? {} : { payload }) });
}

async function ok<T>(
  response: Promise<{ statusCode: number; body: string; json: <J>() => J }>,
  status = 200,
) {
  const r = await response;
  expect(r.statusCode, r.body).toBe(status);
  return r.json<T>();
}

async function createItem(payload: Record<string, unknown>): Promise<Item> {
  return ok<Item>(as('POST', '/api/inventory/items', { name: 'Part', ...payload }), 201);
}

async function getItem(id: string): Promise<Item> {
  return ok<Item>(as('GET', `/api/inventory/items/${id}`));
}

/** +100 % on every cost: a part costing $12.34 sells for $24.68. */
async function doubleEverything(): Promise<void> {
  await ok(
    as('PUT', '/api/inventory/pricing-matrix', { tiers: [{ minCostCents: 0, markupBasisPoints: 10_000 }] }),
  );
}

async function newRepairOrder(): Promise<{ id: string; jobId: string }> {
  const customerId = insertCustomer(t.database);
  const vehicleId = insertVehicle(t.database, customerId);
  const ro = await ok<{ id: string; jobs: { id: string }[] }>(
    as('POST', '/api/repair-orders', { customerId, vehicleId, concerns: ['Brakes squeal'] }),
    201,
  );
  return { id: ro.id, jobId: ro.jobs[0]!.id };
}

describe('parts from stock on a repair order', () => {
  it('finds stock by SKU, name, vendor part number or bin, with on hand and available', async () => {
    const pads = await createItem({
      sku: 'BP-100',
      name: 'Brake pads, front',
      vendorPartNumber: 'ACD-17D1210',
      binLocation: 'B-12',
      quantityOnHand: 6,
      costPriceCents: 1234,
    });
    await createItem({ sku: 'OF-1', name: 'Oil filter', binLocation: 'A-1', quantityOnHand: 3 });
    for (const q of ['BP-1', 'pads', '17D1210', 'B-12']) {
      const found = await ok<{ items: Item[] }>(as('GET', `/api/inventory/items?q=${encodeURIComponent(q)}`));
      expect(
        found.items.map((i) => i.sku),
        q,
      ).toEqual(['BP-100']);
      expect(found.items[0]).toMatchObject({
        quantityOnHand: 6,
        quantityAvailable: 6,
        vendorPartNumber: 'ACD-17D1210',
      });
    }
    // The vendor part number is kept and changed like any field of the item.
    const changed = await ok<Item>(
      as('PATCH', `/api/inventory/items/${pads.id}`, { version: pads.version, vendorPartNumber: 'ACD-2' }),
    );
    expect(changed.vendorPartNumber).toBe('ACD-2');
  });

  it('a stock part takes its sell price from the pricing matrix and keeps its unit cost on the line', async () => {
    await doubleEverything();
    const pads = await createItem({ sku: 'BP-100', quantityOnHand: 4, costPriceCents: 1234 });
    const ro = await newRepairOrder();
    const line = await ok<Line>(
      as('POST', `/api/jobs/${ro.jobId}/lines`, {
        kind: 'part',
        description: 'Brake pads, front',
        quantity: 2,
        inventoryItemId: pads.id,
      }),
      201,
    );
    expect(line).toMatchObject({ unitPriceCents: 2468, unitCostCents: 1234, inventoryItemId: pads.id });
    // Approved, it is reserved (available drops) as the inventory module does.
    await ok(
      as('POST', `/api/repair-orders/${ro.id}/approvals`, {
        method: 'in_person',
        approvedBy: 'Ann',
        decisions: [{ lineId: line.id, state: 'approved' }],
      }),
    );
    expect(await getItem(pads.id)).toMatchObject({ quantityOnHand: 4, quantityAvailable: 2 });
  });

  it('a non-stock part keeps the cost typed for it', async () => {
    const ro = await newRepairOrder();
    const line = await ok<Line>(
      as('POST', `/api/jobs/${ro.jobId}/lines`, {
        kind: 'part',
        description: 'Caliper bracket (dealer)',
        partNumber: 'OEM-4711',
        quantity: 1,
        unitPriceCents: 8900,
        unitCostCents: 5200,
      }),
      201,
    );
    expect(line).toMatchObject({ unitPriceCents: 8900, unitCostCents: 5200, inventoryItemId: null });
  });
});

describe('gross profit from real costs', () => {
  it('counts a part line without cost as cost missing and leaves it out of GP, never 100 %', async () => {
    const pads = await createItem({
      sku: 'BP-100',
      quantityOnHand: 4,
      costPriceCents: 2000,
      sellPriceCents: 4000,
    });
    const ro = await newRepairOrder();
    const stock = await ok<Line>(
      as('POST', `/api/jobs/${ro.jobId}/lines`, {
        kind: 'part',
        description: 'Brake pads',
        quantity: 1,
        inventoryItemId: pads.id,
      }),
      201,
    );
    const noCost = await ok<Line>(
      as('POST', `/api/jobs/${ro.jobId}/lines`, {
        kind: 'part',
        description: 'Hardware kit',
        partNumber: 'HK-1',
        quantity: 1,
        unitPriceCents: 3000,
        taxable: false,
      }),
      201,
    );
    expect(noCost.unitCostCents).toBe(0);
    await ok(
      as('POST', `/api/repair-orders/${ro.id}/approvals`, {
        method: 'in_person',
        approvedBy: 'Ann',
        decisions: [
          { lineId: stock.id, state: 'approved' },
          { lineId: noCost.id, state: 'approved' },
        ],
      }),
    );
    for (const status of ['In_Progress', 'Completed']) {
      const job = await ok<{ version: number }>(as('GET', `/api/jobs/${ro.jobId}`));
      await ok(as('POST', `/api/jobs/${ro.jobId}/status`, { status, version: job.version }));
    }
    await ok(as('POST', '/api/invoices', { repairOrderId: ro.id }), 201);

    const report = await ok<KpiReport>(
      as('GET', '/api/reports/kpis?from=2026-04-06&to=2026-04-06&period=day'),
    );
    const total = (key: string) => report.metrics.find((m) => m.key === key)!.total;
    expect(total('parts_sales').value).toBe(7000);
    expect(total('parts_cost').value).toBe(2000);
    expect(total('parts_cost_missing_lines').value).toBe(1);
    expect(total('parts_cost_missing_sales').value).toBe(3000);
    // (4000 − 2000) ÷ 4000, not (7000 − 2000) ÷ 7000 = 71.4 % with the hardware kit at no cost.
    expect(total('parts_gp')).toEqual({ value: 50, numerator: 2000, denominator: 4000 });
    // Shop supplies are part of sales; only the line without cost leaves both sides.
    const gp = total('total_gp');
    const sales = total('sales_before_tax').value!;
    expect(gp.denominator).toBe(sales - 3000);
    expect(gp.numerator).toBe(sales - 3000 - 2000);
    expect(gp.value).toBeLessThan(100);
  });
});

describe('receiving at the shelf', () => {
  it('without a PO: a receive movement with the cost, the moving-average cost and the matrix price, audited', async () => {
    await doubleEverything();
    const pads = await createItem({
      sku: 'BP-100',
      quantityOnHand: 4,
      costPriceCents: 1000,
      sellPriceCents: 1800,
    });
    const received = await ok<{ item: Item; movement: Record<string, unknown>; purchaseOrder: null }>(
      as('POST', `/api/inventory/items/${pads.id}/receive`, {
        version: pads.version,
        quantity: 6,
        unitCostCents: 1500,
      }),
      201,
    );
    // (4 × 1000 + 6 × 1500) ÷ 10 = 1300; the matrix doubles it.
    expect(received.item).toMatchObject({ quantityOnHand: 10, costPriceCents: 1300, sellPriceCents: 2600 });
    expect(received.movement).toMatchObject({
      kind: 'receive',
      quantity: 6,
      quantityAfter: 10,
      unitCostCents: 1500,
    });
    expect(received.purchaseOrder).toBeNull();
    const ledger = await ok<{ ok: boolean }>(as('GET', `/api/inventory/ledger-check?itemId=${pads.id}`));
    expect(ledger.ok).toBe(true);
    const actions = (
      t.database.sqlite
        .prepare('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY at, id')
        .all(pads.id) as { action: string }[]
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['inventory_item.cost_changed', 'stock.receive', 'stock.received_at_shelf']),
    );
    // The same submit again (the version read before) receives nothing twice.
    const again = await as('POST', `/api/inventory/items/${pads.id}/receive`, {
      version: pads.version,
      quantity: 6,
      unitCostCents: 1500,
    });
    expect(again.statusCode).toBe(409);
    expect((await getItem(pads.id)).quantityOnHand).toBe(10);
  });

  it('with a PO: receives against its line for the item through the purchasing path', async () => {
    const vendor = await ok<{ id: string }>(
      as('POST', '/api/inventory/vendors', { name: 'Parts Plus' }),
      201,
    );
    const pads = await createItem({ sku: 'BP-100', quantityOnHand: 2, costPriceCents: 1000 });
    const oil = await createItem({ sku: 'OF-1' });
    const draft = await ok<{ id: string; version: number }>(
      as('POST', '/api/inventory/purchase-orders', {
        vendorId: vendor.id,
        lines: [
          { itemId: oil.id, quantity: 1, unitCostCents: 300 },
          { itemId: pads.id, quantity: 5, unitCostCents: 1600 },
        ],
      }),
      201,
    );
    const po = await ok<{ id: string; version: number }>(
      as('POST', `/api/inventory/purchase-orders/${draft.id}/order`, { version: draft.version }),
    );
    const received = await ok<{
      item: Item;
      purchaseOrder: { status: string; lines: { itemId: string; quantityReceived: number }[] };
    }>(
      as('POST', `/api/inventory/items/${pads.id}/receive`, {
        version: pads.version,
        quantity: 3,
        purchaseOrderId: po.id,
      }),
      201,
    );
    // (2 × 1000 + 3 × 1600) ÷ 5 = 1360, at the PO line's cost.
    expect(received.item).toMatchObject({ quantityOnHand: 5, costPriceCents: 1360 });
    expect(received.purchaseOrder.status).toBe('partially_received');
    expect(received.purchaseOrder.lines.find((l) => l.itemId === pads.id)!.quantityReceived).toBe(3);
    const movement = t.database.sqlite
      .prepare(
        `SELECT unit_cost_cents, purchase_order_line_id FROM stock_movements WHERE item_id = ? AND kind = 'receive'`,
      )
      .get(pads.id) as { unit_cost_cents: number; purchase_order_line_id: string | null };
    expect(movement.unit_cost_cents).toBe(1600);
    expect(movement.purchase_order_line_id).not.toBeNull();

    // The rest, at the price on the vendor's invoice: that cost is what the stock cost.
    const after = await getItem(pads.id);
    const rest = await ok<{ item: Item; purchaseOrder: { status: string } }>(
      as('POST', `/api/inventory/items/${pads.id}/receive`, {
        version: after.version,
        quantity: 2,
        unitCostCents: 1700,
        purchaseOrderId: po.id,
      }),
      201,
    );
    // (5 × 1360 + 2 × 1700) ÷ 7 = 1457.14 → 1457.
    expect(rest.item).toMatchObject({ quantityOnHand: 7, costPriceCents: 1457 });
    expect(rest.purchaseOrder.status).toBe('partially_received'); // the oil filter is still to come
    // More than ordered asks for a confirmation, as on the PO screen.
    const over = await as('POST', `/api/inventory/items/${pads.id}/receive`, {
      version: rest.item.version,
      quantity: 1,
      purchaseOrderId: po.id,
    });
    expect(over.statusCode).toBe(409);
    expect((await ok<{ ok: boolean }>(as('GET', '/api/inventory/ledger-check'))).ok).toBe(true);
  });

  it('refuses bad input with a problem naming the field, and writes nothing', async () => {
    const vendor = await ok<{ id: string }>(
      as('POST', '/api/inventory/vendors', { name: 'Parts Plus' }),
      201,
    );
    const pads = await createItem({ sku: 'BP-100', quantityOnHand: 2, costPriceCents: 1000 });
    const oil = await createItem({ sku: 'OF-1' });
    const draft = await ok<{ id: string }>(
      as('POST', '/api/inventory/purchase-orders', {
        vendorId: vendor.id,
        lines: [{ itemId: oil.id, quantity: 1, unitCostCents: 300 }],
      }),
      201,
    );
    const cases: [Record<string, unknown>, number, string][] = [
      [{ quantity: 0, unitCostCents: 100 }, 400, 'quantity'],
      [{ quantity: 2 }, 400, 'unitCostCents'],
      [{ quantity: 2, unitCostCents: -1 }, 400, 'unitCostCents'],
      [{ quantity: 2, purchaseOrderId: '01900000-0000-7000-8000-00000000abcd' }, 400, 'purchaseOrderId'],
      [{ quantity: 2, purchaseOrderId: draft.id }, 400, 'purchaseOrderId'],
    ];
    for (const [body, status, field] of cases) {
      const response = await as('POST', `/api/inventory/items/${pads.id}/receive`, {
        version: pads.version,
        ...body,
      });
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(problemOf(response).errors), JSON.stringify(body)).toContain(field);
    }
    const movements = t.database.sqlite
      .prepare(`SELECT count(*) AS n FROM stock_movements WHERE item_id = ? AND kind = 'receive'`)
      .get(pads.id) as { n: number };
    expect(movements.n).toBe(0);
    expect(await getItem(pads.id)).toMatchObject({ quantityOnHand: 2, costPriceCents: 1000 });
  });

  it('is for the owner, advisors and parts staff; a technician is refused', async () => {
    const pads = await createItem({ sku: 'BP-100' });
    const body = { version: pads.version, quantity: 1, unitCostCents: 500 };
    const tech = await createStaff(t.app, owner.cookie, 'technician');
    const techCookie = await loginAs(t.app, tech);
    expect((await as('POST', `/api/inventory/items/${pads.id}/receive`, body, techCookie)).statusCode).toBe(
      403,
    );
    const parts = await createStaff(t.app, owner.cookie, 'parts');
    const partsCookie = await loginAs(t.app, parts);
    expect((await as('POST', `/api/inventory/items/${pads.id}/receive`, body, partsCookie)).statusCode).toBe(
      201,
    );
  });
});
