import { describe, expect, it } from 'vitest';
import {
  createItemBody,
  emptyItemForm,
  isLow,
  isUnchanged,
  itemFormOf,
  updateItemBody,
  type InventoryItem,
} from './items';

const item: InventoryItem = {
  id: '00000000-0000-4000-8000-000000000001',
  sku: 'BP-100',
  name: 'Brake pads',
  binLocation: 'A3',
  vendorId: null,
  vendorPartNumber: null,
  quantityOnHand: 4,
  quantityReserved: 1,
  quantityAvailable: 3,
  reorderLevel: 2,
  costPriceCents: 2999,
  sellPriceCents: 5499,
  coreChargeCents: 0,
  taxable: true,
  active: true,
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('createItemBody', () => {
  it('turns dollars into cents and whole numbers into units, leaving empty boxes out', () => {
    const result = createItemBody({
      ...emptyItemForm(),
      sku: ' BP-100 ',
      name: 'Brake pads',
      cost: '29.99',
      sell: '$54.99',
      openingStock: '6',
      taxable: false,
    });
    expect(result).toEqual({
      ok: true,
      body: {
        sku: 'BP-100',
        name: 'Brake pads',
        binLocation: null,
        vendorPartNumber: null,
        vendorId: null,
        taxable: false,
        costPriceCents: 2999,
        sellPriceCents: 5499,
        quantityOnHand: 6,
      },
    });
  });

  it('names each field it cannot read with the server path', () => {
    const result = createItemBody({
      ...emptyItemForm(),
      sku: 'X',
      name: 'Y',
      cost: '1.999',
      reorderLevel: '-1',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(['costPriceCents', 'reorderLevel']);
  });
});

describe('updateItemBody', () => {
  it('sends only what changed, with the version read', () => {
    const form = { ...itemFormOf(item), sell: '59.99', binLocation: '' };
    expect(updateItemBody(item, form)).toEqual({
      ok: true,
      body: { version: 3, binLocation: null, sellPriceCents: 5999 },
    });
  });

  it('an untouched form changes nothing', () => {
    const result = updateItemBody(item, itemFormOf(item));
    expect(result.ok && isUnchanged(result.body)).toBe(true);
  });
});

describe('isLow', () => {
  it('is at or below the reorder level', () => {
    expect(isLow({ quantityOnHand: 2, reorderLevel: 2 })).toBe(true);
    expect(isLow({ quantityOnHand: 3, reorderLevel: 2 })).toBe(false);
  });
});
