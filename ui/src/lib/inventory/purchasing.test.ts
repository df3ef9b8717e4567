import { describe, expect, it } from 'vitest';
import {
  createPurchaseOrderBody,
  defaultReceipt,
  groupByVendor,
  parseReceipt,
  poActions,
  purchaseOrderFromSuggestions,
  type PurchaseOrderLine,
  type ReorderSuggestion,
} from './purchasing';

const line = (id: string, ordered: number, received: number): PurchaseOrderLine => ({
  id,
  itemId: `item-${id}`,
  sku: `SKU-${id}`,
  name: `Part ${id}`,
  quantityOrdered: ordered,
  quantityReceived: received,
  unitCostCents: 1000,
});

describe('receiving', () => {
  const po = { lines: [line('a', 5, 2), line('b', 3, 3)] };

  it('starts with what is still to come on each line', () => {
    expect(defaultReceipt(po)).toEqual({ a: '3', b: '0' });
  });

  it('skips empty and zero lines and sends the rest', () => {
    expect(parseReceipt(po, { a: '2', b: '0' })).toEqual({
      lines: [{ lineId: 'a', quantity: 2 }],
      errors: [],
      over: [],
    });
  });

  it('flags more than ordered so the user can confirm', () => {
    const parsed = parseReceipt(po, { a: '4', b: '' });
    expect(parsed.over).toEqual([{ sku: 'SKU-a', total: 6, ordered: 5 }]);
  });

  it('refuses text and an empty receipt', () => {
    expect(parseReceipt(po, { a: 'x' }).errors).toEqual([
      { path: 'lines.0.quantity', message: 'enter a whole number' },
    ]);
    expect(parseReceipt(po, { a: '', b: '0' }).errors[0]?.path).toBe('lines');
  });
});

describe('poActions', () => {
  it('follows draft → ordered → partially received → received', () => {
    expect(poActions('draft')).toEqual({ order: true, receive: false, cancel: true });
    expect(poActions('ordered')).toEqual({ order: false, receive: true, cancel: true });
    expect(poActions('partially_received')).toEqual({ order: false, receive: true, cancel: false });
    expect(poActions('received')).toEqual({ order: false, receive: false, cancel: false });
  });
});

describe('createPurchaseOrderBody', () => {
  it('builds the lines in cents', () => {
    const result = createPurchaseOrderBody('v1', [
      { itemId: 'i1', sku: 'A', name: 'A', quantity: '4', unitCost: '12.50' },
    ]);
    expect(result).toEqual({
      ok: true,
      body: { vendorId: 'v1', lines: [{ itemId: 'i1', quantity: 4, unitCostCents: 1250 }] },
    });
  });

  it('names a missing vendor, an empty order and bad lines', () => {
    expect(createPurchaseOrderBody('', [])).toMatchObject({
      ok: false,
      errors: [{ path: 'vendorId' }, { path: 'lines' }],
    });
    const bad = createPurchaseOrderBody('v1', [
      { itemId: 'i', sku: 'A', name: 'A', quantity: '0', unitCost: 'abc' },
    ]);
    expect(bad).toMatchObject({
      ok: false,
      errors: [{ path: 'lines.0.quantity' }, { path: 'lines.0.unitCostCents' }],
    });
  });
});

describe('reorder suggestions', () => {
  const suggestion = (
    sku: string,
    vendorId: string | null,
    vendorName: string | null,
  ): ReorderSuggestion => ({
    itemId: `id-${sku}`,
    sku,
    name: sku,
    vendorId,
    vendorName,
    quantityOnHand: 0,
    quantityReserved: 0,
    reorderLevel: 2,
    suggestedQuantity: 4,
    costPriceCents: 700,
  });

  it('groups by vendor, items without a vendor last', () => {
    const groups = groupByVendor([
      suggestion('A', null, null),
      suggestion('B', 'v1', 'Acme'),
      suggestion('C', 'v1', 'Acme'),
    ]);
    expect(groups.map((g) => [g.vendorName, g.items.map((i) => i.sku)])).toEqual([
      ['Acme', ['B', 'C']],
      ['No vendor set', ['A']],
    ]);
  });

  it('makes a draft PO of the chosen lines at the current cost', () => {
    expect(purchaseOrderFromSuggestions('v1', [suggestion('B', 'v1', 'Acme')])).toEqual({
      vendorId: 'v1',
      lines: [{ itemId: 'id-B', quantity: 4, unitCostCents: 700 }],
    });
  });
});
