import type { Body, Ok } from '$lib/api/client';
import type { FieldError } from '$lib/api/problem';
import { centsToDollars, dollarsToCents, parseWholeNumber } from '$lib/settings/units';

export type ShelfReceiveBody = Body<'/api/inventory/items/{id}/receive', 'post'>;
export type ShelfReceiveResult = Ok<'/api/inventory/items/{id}/receive', 'post'>;
export type PurchaseOrder = Ok<'/api/inventory/purchase-orders', 'get'>['items'][number];

/** "Receive" on an item's page: the parts in hand, at what cost, and the PO they came on (if any). */
export interface ShelfReceiveForm {
  quantity: string;
  /** Dollars as typed; blank with a PO = the PO line's cost. */
  unitCost: string;
  /** '' = received without a purchase order. */
  purchaseOrderId: string;
  /** Asked only after the server says the PO line would get more than was ordered. */
  confirmOverReceipt: boolean;
}

export function emptyShelfReceiveForm(costPriceCents: number): ShelfReceiveForm {
  return {
    quantity: '',
    unitCost: costPriceCents > 0 ? centsToDollars(costPriceCents) : '',
    purchaseOrderId: '',
    confirmOverReceipt: false,
  };
}

/** This item's line on a purchase order, and what is still to come on it. */
export interface OpenPoLine {
  purchaseOrderId: string;
  label: string;
  unitCostCents: number;
  outstanding: number;
}

/** The purchase orders still open (ordered or partly received) with a line for this item. */
export function openLinesFor(itemId: string, orders: readonly PurchaseOrder[]): OpenPoLine[] {
  const open: OpenPoLine[] = [];
  for (const po of orders) {
    if (po.status !== 'ordered' && po.status !== 'partially_received') continue;
    const line = po.lines.find((l) => l.itemId === itemId && l.quantityReceived < l.quantityOrdered);
    if (!line) continue;
    const outstanding = line.quantityOrdered - line.quantityReceived;
    open.push({
      purchaseOrderId: po.id,
      label: `PO ${po.number} · ${po.vendorName} · ${outstanding} to come at $${centsToDollars(line.unitCostCents)}`,
      unitCostCents: line.unitCostCents,
      outstanding,
    });
  }
  return open;
}

/** The dialog → the body to post (with the item version read), or the fields to fix. */
export function shelfReceiveBody(
  form: ShelfReceiveForm,
  version: number,
): { ok: true; body: ShelfReceiveBody } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const quantity = parseWholeNumber(form.quantity);
  if (!quantity.ok || quantity.value < 1)
    errors.push({ path: 'quantity', message: 'enter how many units arrived, 1 or more' });
  let unitCostCents: number | undefined;
  if (form.unitCost.trim() !== '') {
    const cost = dollarsToCents(form.unitCost);
    if (cost.ok) unitCostCents = cost.value;
    else errors.push({ path: 'unitCostCents', message: cost.message });
  } else if (form.purchaseOrderId === '') {
    errors.push({ path: 'unitCostCents', message: 'enter the unit cost from the vendor invoice' });
  }
  if (errors.length > 0 || !quantity.ok) return { ok: false, errors };
  return {
    ok: true,
    body: {
      version,
      quantity: quantity.value,
      ...(unitCostCents === undefined ? {} : { unitCostCents }),
      ...(form.purchaseOrderId === '' ? {} : { purchaseOrderId: form.purchaseOrderId }),
      ...(form.confirmOverReceipt ? { confirmOverReceipt: true } : {}),
    },
  };
}
