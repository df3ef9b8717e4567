import { describe, expect, it } from 'vitest';
import type { SearchHit } from '$lib/search/hits';
import { customerIdOfHit, pickedLabel } from './pick';
import { concernsText, historyOrder, type RepairOrderRow } from './repair-orders';

const row = (number: number, status: RepairOrderRow['status']) => ({ number, status }) as RepairOrderRow;

describe('repair-order history', () => {
  it('shows open work first, then newest first', () => {
    const ordered = historyOrder([row(1, 'closed'), row(3, 'closed'), row(2, 'open'), row(4, 'estimate')]);
    expect(ordered.map((r) => r.number)).toEqual([4, 2, 3, 1]);
  });
  it('shortens long concerns', () => {
    expect(concernsText(['Brakes squeak', 'Oil change'])).toBe('Brakes squeak; Oil change');
    expect(concernsText(['x'.repeat(100)], 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('picking a customer from a search hit', () => {
  it('uses the customer, or the owner of a vehicle or repair order', () => {
    const customer = { kind: 'customer', hit: { id: 'c1', label: 'Ann' } } as SearchHit;
    const vehicle = { kind: 'vehicle', hit: { id: 'v1', customerId: 'c2', label: 'Civic' } } as SearchHit;
    expect(customerIdOfHit(customer)).toBe('c1');
    expect(customerIdOfHit(vehicle)).toBe('c2');
    expect(pickedLabel(vehicle)).toBe('owner of Civic');
  });
});
