import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
let vendorId: string;

beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
  vendorId = (await as('POST', '/api/inventory/vendors', { name: 'Parts Plus' })).json<{ id: string }>().id;
});
afterEach(async () => {
  await t.close();
});

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000abcd';

function as(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, cookie = owner.cookie) {
  return injectAs(t.app, cookie, { method, url, ...(payload === undefined ? {} : { payload }) });
}

function count(table: string): number {
  return (t.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

interface Po {
  id: string;
  number: number;
  status: string;
  version: number;
  totalCents: number;
  lines: { id: string; quantityOrdered: number; quantityReceived: number }[];
}

async function item(payload: Record<string, unknown>) {
  const response = await as('POST', '/api/inventory/items', { name: 'Part', ...payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function getItem(id: string) {
  return (await as('GET', `/api/inventory/items/${id}`)).json<{
    quantityOnHand: number;
    costPriceCents: number;
    sellPriceCents: number;
  }>();
}

async function orderedPo(lines: { itemId: string; quantity: number; unitCostCents: number }[]): Promise<Po> {
  const created = await as('POST', '/api/inventory/purchase-orders', { vendorId, lines });
  expect(created.statusCode, created.body).toBe(201);
  const draft = created.json<Po>();
  const ordered = await as('POST', `/api/inventory/purchase-orders/${draft.id}/order`, {
    version: draft.version,
  });
  expect(ordered.statusCode, ordered.body).toBe(200);
  return ordered.json<Po>();
}

describe('purchase orders', () => {
  it('draft → ordered → partially received → received, with stock, moving-average cost and audit', async () => {
    const pads = await item({ sku: 'BP-1', quantityOnHand: 10, costPriceCents: 1000, sellPriceCents: 2000 });
    const rotor = await item({ sku: 'RT-1', costPriceCents: 0 });
    const po = await orderedPo([
      { itemId: pads, quantity: 10, unitCostCents: 1200 },
      { itemId: rotor, quantity: 2, unitCostCents: 4599 },
    ]);
    expect(po).toMatchObject({ number: 1, status: 'ordered', totalCents: 10 * 1200 + 2 * 4599 });

    const first = await as('POST', `/api/inventory/purchase-orders/${po.id}/receive`, {
      version: po.version,
      lines: [{ lineId: po.lines[0]!.id, quantity: 10 }],
    });
    expect(first.statusCode, first.body).toBe(200);
    const partial = first.json<Po>();
    expect(partial.status).toBe('partially_received');
    expect(await getItem(pads)).toMatchObject({
      quantityOnHand: 20,
      costPriceCents: 1100,
      sellPriceCents: 2000,
    });

    const second = await as('POST', `/api/inventory/purchase-orders/${po.id}/receive`, {
      version: partial.version,
      lines: [{ lineId: po.lines[1]!.id, quantity: 2 }],
    });
    expect(second.json<Po>().status).toBe('received');
    expect(await getItem(rotor)).toMatchObject({ quantityOnHand: 2, costPriceCents: 4599 });

    const receives = t.database.sqlite
      .prepare(
        `SELECT quantity, unit_cost_cents, purchase_order_line_id FROM stock_movements WHERE kind = 'receive' ORDER BY quantity`,
      )
      .all();
    expect(receives).toEqual([
      { quantity: 2, unit_cost_cents: 4599, purchase_order_line_id: po.lines[1]!.id },
      { quantity: 10, unit_cost_cents: 1200, purchase_order_line_id: po.lines[0]!.id },
    ]);
    const actions = (
      t.database.sqlite
        .prepare(`SELECT action FROM audit_log WHERE entity_id = ? ORDER BY at, id`)
        .all(po.id) as {
        action: string;
      }[]
    ).map((r) => r.action);
    expect(actions).toEqual([
      'purchase_order.created',
      'purchase_order.ordered',
      'purchase_order.received',
      'purchase_order.received',
    ]);
    expect((await as('GET', '/api/inventory/ledger-check')).json().ok).toBe(true);
    // Nothing more to receive on a received PO.
    const again = await as('POST', `/api/inventory/purchase-orders/${po.id}/receive`, {
      version: second.json<Po>().version,
      lines: [{ lineId: po.lines[1]!.id, quantity: 1 }],
    });
    expect(again.statusCode).toBe(409);
  });

  it('receiving more than ordered needs confirmOverReceipt (409 naming the line), nothing written', async () => {
    const pads = await item({ sku: 'BP-1' });
    const po = await orderedPo([{ itemId: pads, quantity: 4, unitCostCents: 1000 }]);
    const before = { moves: count('stock_movements'), audit: count('audit_log') };
    const refused = await as('POST', `/api/inventory/purchase-orders/${po.id}/receive`, {
      version: po.version,
      lines: [{ lineId: po.lines[0]!.id, quantity: 5 }],
    });
    expect(refused.statusCode).toBe(409);
    expect(problemOf(refused).errors).toEqual([expect.objectContaining({ path: 'lines.0.quantity' })]);
    expect({ moves: count('stock_movements'), audit: count('audit_log') }).toEqual(before);

    const confirmed = await as('POST', `/api/inventory/purchase-orders/${po.id}/receive`, {
      version: po.version,
      lines: [{ lineId: po.lines[0]!.id, quantity: 5 }],
      confirmOverReceipt: true,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json<Po>()).toMatchObject({
      status: 'received',
      lines: [{ quantityOrdered: 4, quantityReceived: 5 }],
    });
    expect(await getItem(pads)).toMatchObject({ quantityOnHand: 5 });
  });

  it('refuses bad input naming the field; a draft cannot be received; cancel only before receiving', async () => {
    const pads = await item({ sku: 'BP-1' });
    const before = { pos: count('purchase_orders'), audit: count('audit_log') };
    const cases: [Record<string, unknown>, string][] = [
      [{ vendorId: UNKNOWN_ID, lines: [{ itemId: pads, quantity: 1, unitCostCents: 1 }] }, 'vendorId'],
      [{ vendorId, lines: [{ itemId: UNKNOWN_ID, quantity: 1, unitCostCents: 1 }] }, 'lines.0.itemId'],
      [{ vendorId, lines: [{ itemId: pads, quantity: 1, unitCostCents: -1 }] }, 'unitCostCents'],
      [{ vendorId, lines: [{ itemId: pads, quantity: 1, unitCostCents: 10.5 }] }, 'unitCostCents'],
      [{ vendorId, lines: [{ itemId: pads, quantity: 0, unitCostCents: 1 }] }, 'quantity'],
      [{ vendorId, lines: [] }, 'lines'],
    ];
    for (const [payload, field] of cases) {
      const response = await as('POST', '/api/inventory/purchase-orders', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(problemOf(response).errors)).toContain(field);
    }
    expect({ pos: count('purchase_orders'), audit: count('audit_log') }).toEqual(before);

    const draft = (
      await as('POST', '/api/inventory/purchase-orders', {
        vendorId,
        lines: [{ itemId: pads, quantity: 2, unitCostCents: 5 }],
      })
    ).json<Po>();
    const early = await as('POST', `/api/inventory/purchase-orders/${draft.id}/receive`, {
      version: draft.version,
      lines: [{ lineId: draft.lines[0]!.id, quantity: 1 }],
    });
    expect(early.statusCode).toBe(409);
    const wrongLine = await as('POST', `/api/inventory/purchase-orders/${draft.id}/order`, {
      version: draft.version,
    });
    const ordered = wrongLine.json<Po>();
    const unknownLine = await as('POST', `/api/inventory/purchase-orders/${draft.id}/receive`, {
      version: ordered.version,
      lines: [{ lineId: UNKNOWN_ID, quantity: 1 }],
    });
    expect(unknownLine.statusCode).toBe(400);
    expect(problemOf(unknownLine).errors).toEqual([expect.objectContaining({ path: 'lines.0.lineId' })]);
    const cancelled = await as('POST', `/api/inventory/purchase-orders/${draft.id}/cancel`, {
      version: ordered.version,
    });
    expect(cancelled.json<Po>().status).toBe('cancelled');
    expect(
      (await as('POST', `/api/inventory/purchase-orders/${draft.id}/order`, { version: ordered.version + 1 }))
        .statusCode,
    ).toBe(409);
    expect((await as('GET', '/api/inventory/purchase-orders?status=cancelled')).json().items).toHaveLength(1);
  });
});

describe('pricing matrix', () => {
  it('sets the sell price from the new cost when a receipt changes it; owner only; audited', async () => {
    const parts = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'parts'));
    const tiers = [
      { minCostCents: 0, markupBasisPoints: 10_000 },
      { minCostCents: 1000, markupBasisPoints: 5000 },
    ];
    expect((await as('PUT', '/api/inventory/pricing-matrix', { tiers }, parts)).statusCode).toBe(403);
    const bad = await as('PUT', '/api/inventory/pricing-matrix', {
      tiers: [...tiers, { minCostCents: 1000, markupBasisPoints: 1 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(problemOf(bad).errors).toEqual([expect.objectContaining({ path: 'tiers.2.minCostCents' })]);
    expect(
      (
        await as('PUT', '/api/inventory/pricing-matrix', {
          tiers: [{ minCostCents: -1, markupBasisPoints: 1 }],
        })
      ).statusCode,
    ).toBe(400);
    const set = await as('PUT', '/api/inventory/pricing-matrix', { tiers });
    expect(set.statusCode, set.body).toBe(200);
    expect((await as('GET', '/api/inventory/pricing-matrix', undefined, parts)).json()).toEqual({ tiers });
    expect(count("audit_log WHERE action = 'pricing_matrix.changed'")).toBe(1);

    const pads = await item({ sku: 'BP-1', quantityOnHand: 1, costPriceCents: 1000, sellPriceCents: 1234 });
    const po = await orderedPo([{ itemId: pads, quantity: 1, unitCostCents: 1003 }]);
    await as('POST', `/api/inventory/purchase-orders/${po.id}/receive`, {
      version: po.version,
      lines: [{ lineId: po.lines[0]!.id, quantity: 1 }],
    });
    // (1 × 1000 + 1 × 1003) / 2 = 1001.5 → 1002; 1002 + 50 % = 1503.
    expect(await getItem(pads)).toMatchObject({ costPriceCents: 1002, sellPriceCents: 1503 });
    const audit = t.database.sqlite
      .prepare(`SELECT data FROM audit_log WHERE action = 'inventory_item.cost_changed' AND entity_id = ?`)
      .get(pads) as { data: string };
    expect(JSON.parse(audit.data)).toMatchObject({
      costPriceCents: { from: 1000, to: 1002 },
      sellPriceCents: { from: 1234, to: 1503 },
      purchaseOrderNumber: 1,
    });
  });
});
