import type { Body, Ok } from '$lib/api/client';
import type { FieldError } from '$lib/api/problem';
import { parseWholeNumber } from '$lib/settings/units';

export type StockMovement = Ok<'/api/inventory/items/{id}/movements', 'get'>['items'][number];
export type MovementKind = StockMovement['kind'];
export type MovementBody = Body<'/api/inventory/items/{id}/movements', 'post'>;
export type LedgerCheck = Ok<'/api/inventory/ledger-check', 'get'>;

export const MOVEMENT_LABELS: Record<MovementKind, string> = {
  receive: 'Received',
  issue: 'Issued to job',
  return: 'Returned',
  adjust: 'Adjusted',
  count: 'Counted',
};

/** "+4", "−2", "0": a movement's signed quantity as the ledger shows it. */
export function signedQuantity(quantity: number): string {
  if (quantity > 0) return `+${quantity}`;
  if (quantity < 0) return `−${-quantity}`;
  return '0';
}

/** The adjust-stock dialog: an adjustment (signed change, with a reason) or a shelf count. */
export interface AdjustForm {
  kind: 'adjust' | 'count';
  /** adjust: the change, "-2" or "+3"; count: what is on the shelf. */
  quantity: string;
  reason: string;
  /** Only asked for when the server says the change takes stock below zero. */
  overrideReason: string;
}

export function emptyAdjustForm(): AdjustForm {
  return { kind: 'adjust', quantity: '', reason: '', overrideReason: '' };
}

/** A signed whole number: "-2", "+3", "−1" (the typographic minus too). */
export function parseSignedWhole(text: string): number | null {
  const cleaned = text.trim().replace(/^−/, '-').replaceAll(' ', '');
  if (!/^[+-]?\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) ? value : null;
}

/** The dialog → the movement to post (with the item version read), or the fields to fix. */
export function movementBody(
  form: AdjustForm,
  version: number,
): { ok: true; body: MovementBody } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  let quantity = 0;
  if (form.kind === 'adjust') {
    const parsed = parseSignedWhole(form.quantity);
    if (parsed === null) errors.push({ path: 'quantity', message: 'enter a change like -2 or 3' });
    else if (parsed === 0) errors.push({ path: 'quantity', message: 'must not be 0 for an adjustment' });
    else quantity = parsed;
    if (form.reason.trim() === '') errors.push({ path: 'reason', message: 'is required for an adjustment' });
  } else {
    const parsed = parseWholeNumber(form.quantity);
    if (!parsed.ok) errors.push({ path: 'quantity', message: 'enter the number counted on the shelf' });
    else quantity = parsed.value;
  }
  if (errors.length > 0) return { ok: false, errors };
  const body: MovementBody = { kind: form.kind, quantity, version };
  if (form.reason.trim() !== '') body.reason = form.reason.trim();
  if (form.overrideReason.trim() !== '') body.overrideReason = form.overrideReason.trim();
  return { ok: true, body };
}

/** The ledger check for one item: null when the check passed for it. */
export function mismatchOf(check: LedgerCheck, itemId: string): LedgerCheck['mismatches'][number] | null {
  return check.mismatches.find((m) => m.itemId === itemId) ?? null;
}
