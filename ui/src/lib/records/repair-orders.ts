import type { Ok } from '$lib/api/client';

/** Repair-order history rows on the customer and vehicle pages. */
export type RepairOrderRow = Ok<'/api/repair-orders', 'get'>['items'][number];
export type RepairOrderStatus = RepairOrderRow['status'];

export const RO_STATUS_LABELS: Record<RepairOrderStatus, string> = {
  estimate: 'Estimate',
  open: 'Open',
  invoiced: 'Invoiced',
  closed: 'Closed',
  void: 'Void',
};

/** Open work first (what the advisor is asked about), then the rest newest first. */
export function historyOrder(rows: RepairOrderRow[]): RepairOrderRow[] {
  const active = (s: RepairOrderStatus) => (s === 'open' || s === 'estimate' ? 0 : 1);
  return [...rows].sort((a, b) => active(a.status) - active(b.status) || b.number - a.number);
}

/** "Brakes squeak; Check engine light" shortened for a table cell. */
export function concernsText(concerns: string[], max = 80): string {
  const text = concerns.join('; ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
