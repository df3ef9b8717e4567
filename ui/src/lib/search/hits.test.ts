import { describe, expect, it } from 'vitest';
import { hrefOf, moveHighlight, orderedHits, type SearchResult } from './hits';

const uuid = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('search hits', () => {
  const result: SearchResult = {
    query: 'civ',
    customers: [
      { id: uuid(1), label: 'Ann', sublabel: '', score: 0.4, matchedOn: 'name' },
      { id: uuid(2), label: 'Bob', sublabel: '', score: 0.6, matchedOn: 'name' },
    ],
    vehicles: [
      { id: uuid(3), customerId: uuid(1), label: 'Civic', sublabel: 'Ann', score: 0.9, matchedOn: 'plate' },
    ],
    repairOrders: [],
  };

  it('puts the group with the best hit first, best first inside each group', () => {
    const ordered = orderedHits(result);
    expect(ordered.map((h) => h.hit.label)).toEqual(['Civic', 'Bob', 'Ann']);
    expect(ordered.map((h) => h.kind)).toEqual(['vehicle', 'customer', 'customer']);
  });

  it('opens each kind on its own page', () => {
    const [vehicle, customer] = orderedHits(result);
    expect(hrefOf(vehicle!)).toBe(`/vehicles/${uuid(3)}`);
    expect(hrefOf(customer!)).toBe(`/customers/${uuid(2)}`);
  });

  it('wraps the arrow-key highlight at both ends', () => {
    expect(moveHighlight(2, 3, 'ArrowDown')).toBe(0);
    expect(moveHighlight(0, 3, 'ArrowUp')).toBe(2);
    expect(moveHighlight(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveHighlight(0, 0, 'ArrowDown')).toBe(-1);
  });
});
