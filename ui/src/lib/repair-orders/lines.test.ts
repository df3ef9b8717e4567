import { describe, expect, it } from 'vitest';
import { approvalNote, decisionsFor, emptyLineForm, lineBodyFrom, quantityLabel } from './lines';
import { vehicleLabel } from './vehicles';

describe('lineBodyFrom', () => {
  it('labor without a price takes the shop rate (price left out)', () => {
    const result = lineBodyFrom({ ...emptyLineForm('labor'), description: 'Replace pads', quantity: '1.5' });
    expect(result).toEqual({
      ok: true,
      body: { kind: 'labor', description: 'Replace pads', quantity: 1.5, taxable: true },
    });
  });
  it('a part needs a part number and a price, sent in cents', () => {
    const result = lineBodyFrom({
      ...emptyLineForm('part'),
      description: 'Brake pads',
      quantity: '1',
      unitPrice: '89.99',
      partNumber: ' BP-123 ',
      taxable: false,
    });
    expect(result).toEqual({
      ok: true,
      body: {
        kind: 'part',
        description: 'Brake pads',
        quantity: 1,
        unitPriceCents: 8999,
        partNumber: 'BP-123',
        taxable: false,
      },
    });
  });
  it('names every bad field with the server paths', () => {
    const result = lineBodyFrom({ ...emptyLineForm('part'), quantity: '0' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => e.path)).toEqual([
        'description',
        'quantity',
        'unitPriceCents',
        'partNumber',
      ]);
  });
  it('a stock part needs neither price nor part number (the server prices it) and sends its item', () => {
    const result = lineBodyFrom({
      ...emptyLineForm('part'),
      description: 'Brake pads',
      inventoryItemId: 'item-1',
      unitCost: '12.00',
    });
    expect(result).toEqual({
      ok: true,
      body: {
        kind: 'part',
        description: 'Brake pads',
        quantity: 1,
        inventoryItemId: 'item-1',
        taxable: true,
      },
    });
  });
  it('a part not from stock sends the cost typed for it, and none when left blank', () => {
    const typed = { ...emptyLineForm('part'), description: 'Bracket', unitPrice: '89', partNumber: 'OEM-1' };
    const withCost = lineBodyFrom({ ...typed, unitCost: '52.40' });
    expect(withCost.ok && withCost.body.unitCostCents).toBe(5240);
    const blank = lineBodyFrom(typed);
    expect(blank.ok && 'unitCostCents' in blank.body).toBe(false);
    const bad = lineBodyFrom({ ...typed, unitCost: 'abc' });
    expect(!bad.ok && bad.errors.map((e) => e.path)).toEqual(['unitCostCents']);
  });
  it('does not send a part number for other kinds', () => {
    const result = lineBodyFrom({
      ...emptyLineForm('fee'),
      description: 'Disposal',
      unitPrice: '5',
      partNumber: 'x',
    });
    expect(result.ok && 'partNumber' in result.body).toBe(false);
  });
});

describe('approvals', () => {
  it('offers every decision but the current one', () => {
    expect(decisionsFor('recommended')).toEqual(['approved', 'declined', 'deferred']);
    expect(decisionsFor('approved')).toEqual(['declined', 'deferred']);
  });
  it('says who decided and how', () => {
    expect(approvalNote({ approvalState: 'approved', approvalBy: 'Ann', approvalMethod: 'phone' })).toBe(
      'Approved by Ann, by phone',
    );
    expect(approvalNote({ approvalState: 'recommended', approvalBy: null, approvalMethod: null })).toBe('');
  });
});

describe('labels', () => {
  it('quantity and vehicle', () => {
    expect(quantityLabel('labor', 1.5)).toBe('1.5 h');
    expect(quantityLabel('part', 2)).toBe('2');
    expect(
      vehicleLabel({ year: 2003, make: 'Honda', model: 'Accord', licensePlate: 'ABC1234', vin: null }),
    ).toBe('2003 Honda Accord · ABC1234');
    expect(
      vehicleLabel({ year: null, make: null, model: null, licensePlate: null, vin: '1HGCM82633A004352' }),
    ).toBe('Vehicle · VIN …004352');
  });
});
