import type { Body, Ok } from '$lib/api/client';
import type { FieldError } from '$lib/api/problem';
import { dollarsToCents, parseWholeNumber } from '$lib/settings/units';

export type PurchaseOrder = Ok<'/api/inventory/purchase-orders/{id}', 'get'>;
export type PurchaseOrderLine = PurchaseOrder['lines'][number];
export type PoStatus = PurchaseOrder['status'];
export type ReorderSuggestion = Ok<'/api/inventory/reorder-suggestions', 'get'>['items'][number];
export type CreatePurchaseOrderBody = Body<'/api/inventory/purchase-orders', 'post'>;
export type ReceiveBody = Body<'/api/inventory/purchase-orders/{id}/receive', 'post'>;
export type ReceiveResult = Ok<'/api/inventory/purchase-orders/{id}/receive', 'post'>;
/** A received part as it stands after the receipt (stock, moving-average cost, sell price). */
export type ReceivedItem = ReceiveResult['receivedItems'][number];

export const PO_STATUSES: readonly PoStatus[] = [
  'draft',
  'ordered',
  'partially_received',
  'received',
  'cancelled',
];

export const PO_STATUS_LABELS: Record<PoStatus, string> = {
  draft: 'Draft',
  ordered: 'Ordered',
  partially_received: 'Partially received',
  received: 'Received',
  cancelled: 'Cancelled',
};

/** What can be done to a purchase order in its status (the server refuses the rest). */
export function poActions(status: PoStatus): { order: boolean; receive: boolean; cancel: boolean } {
  return {
    order: status === 'draft',
    receive: status === 'ordered' || status === 'partially_received',
    cancel: status === 'draft' || status === 'ordered',
  };
}

/** Units still to come on a line (0 once it is complete or over-received). */
export function remaining(line: Pick<PurchaseOrderLine, 'quantityOrdered' | 'quantityReceived'>): number {
  return Math.max(line.quantityOrdered - line.quantityReceived, 0);
}

/** The receive dialog starts with what is still to come on every line. */
export function defaultReceipt(po: Pick<PurchaseOrder, 'lines'>): Record<string, string> {
  return Object.fromEntries(po.lines.map((line) => [line.id, String(remaining(line))]));
}

export interface ParsedReceipt {
  lines: ReceiveBody['lines'];
  errors: FieldError[];
  /** Lines that would receive more than ordered: the user confirms before the flag is sent. */
  over: { sku: string; total: number; ordered: number }[];
}

/**
 * The receive dialog's quantities (text per line id) → the lines to send. An empty box or 0 skips
 * the line; errors use the server's paths (`lines.<index>.quantity`, index in the PO's lines).
 */
export function parseReceipt(
  po: Pick<PurchaseOrder, 'lines'>,
  quantities: Record<string, string>,
): ParsedReceipt {
  const lines: ReceiveBody['lines'] = [];
  const errors: FieldError[] = [];
  const over: ParsedReceipt['over'] = [];
  po.lines.forEach((line, index) => {
    const text = (quantities[line.id] ?? '').trim();
    if (text === '') return;
    const parsed = parseWholeNumber(text);
    if (!parsed.ok) {
      errors.push({ path: `lines.${index}.quantity`, message: parsed.message });
      return;
    }
    if (parsed.value === 0) return;
    lines.push({ lineId: line.id, quantity: parsed.value });
    const total = line.quantityReceived + parsed.value;
    if (total > line.quantityOrdered) over.push({ sku: line.sku, total, ordered: line.quantityOrdered });
  });
  if (errors.length === 0 && lines.length === 0)
    errors.push({ path: 'lines', message: 'enter a quantity received on at least one line' });
  return { lines, errors, over };
}

/** A line of the new-PO form. */
export interface DraftLine {
  itemId: string;
  sku: string;
  name: string;
  quantity: string;
  unitCost: string;
}

/** The new-PO form → its body, or the fields that could not be read (server paths). */
export function createPurchaseOrderBody(
  vendorId: string,
  lines: readonly DraftLine[],
  notes = '',
): { ok: true; body: CreatePurchaseOrderBody } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (vendorId === '') errors.push({ path: 'vendorId', message: 'choose a vendor' });
  if (lines.length === 0) errors.push({ path: 'lines', message: 'add at least one part' });
  const body: CreatePurchaseOrderBody = { vendorId, lines: [] };
  if (notes.trim() !== '') body.notes = notes.trim();
  lines.forEach((line, index) => {
    const quantity = parseWholeNumber(line.quantity);
    if (!quantity.ok || quantity.value < 1)
      errors.push({ path: `lines.${index}.quantity`, message: 'enter a whole number of at least 1' });
    const cost = dollarsToCents(line.unitCost);
    if (!cost.ok) errors.push({ path: `lines.${index}.unitCostCents`, message: cost.message });
    if (quantity.ok && cost.ok)
      body.lines.push({ itemId: line.itemId, quantity: quantity.value, unitCostCents: cost.value });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, body };
}

export interface VendorSuggestions {
  /** null: items with no vendor set (they cannot go on a purchase order until one is chosen). */
  vendorId: string | null;
  vendorName: string;
  items: ReorderSuggestion[];
}

/** Reorder suggestions grouped by vendor, in the server's order (vendor name, then SKU). */
export function groupByVendor(suggestions: readonly ReorderSuggestion[]): VendorSuggestions[] {
  const groups = new Map<string, VendorSuggestions>();
  for (const s of suggestions) {
    const key = s.vendorId ?? '';
    let group = groups.get(key);
    if (!group) {
      group = { vendorId: s.vendorId, vendorName: s.vendorName ?? 'No vendor set', items: [] };
      groups.set(key, group);
    }
    group.items.push(s);
  }
  return [...groups.values()].sort((a, b) => Number(a.vendorId === null) - Number(b.vendorId === null));
}

/** The chosen suggestions of one vendor → a draft PO at each item's current cost. */
export function purchaseOrderFromSuggestions(
  vendorId: string,
  chosen: readonly ReorderSuggestion[],
): CreatePurchaseOrderBody {
  return {
    vendorId,
    lines: chosen.map((s) => ({
      itemId: s.itemId,
      quantity: Math.max(s.suggestedQuantity, 1),
      unitCostCents: s.costPriceCents,
    })),
  };
}

/** Field paths from the server (dotted; older servers sent `lines/0/quantity`) as the form names them. */
export function dottedPath(path: string): string {
  return path.replaceAll('/', '.');
}

/** The server refused a receipt because a line would get more than was ordered. */
export function isOverReceipt(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { type?: unknown }).type === 'urn:ase:problem:over-receipt'
  );
}
