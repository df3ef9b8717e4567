import { describe, expect, it } from 'vitest';
import { INVENTORY_SECTIONS, isCurrentSection } from './sections';

describe('inventory tabs', () => {
  const current = (path: string) =>
    INVENTORY_SECTIONS.filter((s) => isCurrentSection(s, path)).map((s) => s.label);

  it('marks exactly one tab', () => {
    expect(current('/inventory')).toEqual(['Items']);
    expect(current('/inventory/items/abc')).toEqual(['Items']);
    expect(current('/inventory/purchase-orders')).toEqual(['Purchase orders']);
    expect(current('/inventory/vendors')).toEqual(['Vendors']);
    expect(current('/inventory/pricing')).toEqual(['Pricing matrix']);
  });
});
