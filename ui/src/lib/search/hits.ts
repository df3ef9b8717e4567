import type { Ok } from '$lib/api/client';

export type SearchResult = Ok<'/api/search', 'get'>;

export type SearchHit =
  | { kind: 'customer'; hit: SearchResult['customers'][number] }
  | { kind: 'vehicle'; hit: SearchResult['vehicles'][number] }
  | { kind: 'repairOrder'; hit: SearchResult['repairOrders'][number] };

export const KIND_LABELS: Record<SearchHit['kind'], string> = {
  repairOrder: 'Repair orders',
  customer: 'Customers',
  vehicle: 'Vehicles',
};

/**
 * The hits in the order the list shows them: grouped by kind, the group with the best match
 * first, best match first inside a group. Arrow keys walk this flat list.
 */
export function orderedHits(result: SearchResult): SearchHit[] {
  const groups: SearchHit[][] = [
    result.repairOrders.map((hit) => ({ kind: 'repairOrder' as const, hit })),
    result.customers.map((hit) => ({ kind: 'customer' as const, hit })),
    result.vehicles.map((hit) => ({ kind: 'vehicle' as const, hit })),
  ].filter((group) => group.length > 0);
  for (const group of groups) group.sort((a, b) => b.hit.score - a.hit.score);
  groups.sort((a, b) => (b[0]?.hit.score ?? 0) - (a[0]?.hit.score ?? 0));
  return groups.flat();
}

/** Where a hit opens in the app. */
export function hrefOf(hit: SearchHit): string {
  switch (hit.kind) {
    case 'customer':
      return `/customers/${hit.hit.id}`;
    case 'vehicle':
      return `/vehicles/${hit.hit.id}`;
    case 'repairOrder':
      return `/repair-orders/${hit.hit.id}`;
  }
}

/** The next highlighted index for an arrow key, wrapping at both ends; -1 means none. */
export function moveHighlight(current: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return current >= count - 1 ? 0 : current + 1;
  return current <= 0 ? count - 1 : current - 1;
}
