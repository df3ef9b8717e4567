import type { Body } from '$lib/api/client';
import { ApiProblem } from '$lib/api/problem';
import { parseCents } from './money-input';
import type { PaymentMethod } from './types';

/**
 * The payment dialog's tenders ($100 cash + the rest by card). Each tender is its own payment with
 * its own idempotency key, made once when the row is created and kept across retries, so a double
 * click or a retry after a network error never records it twice. Once a request has gone out its
 * body is frozen: a retry sends exactly the same request (the server replays the first answer).
 * Only when the server refused it (4xx: nothing stored) may the row be corrected.
 */
export type PaymentRequest = Body<'/api/invoices/{id}/payments', 'post'>;
export type TenderState = 'draft' | 'sending' | 'recorded' | 'failed';

export interface Tender {
  /** The Idempotency-Key of this tender's payment. */
  key: string;
  method: PaymentMethod;
  /** As typed. Empty on a later tender of an invoice payment = the rest of the balance. */
  amount: string;
  /** Cash only, optional: what the customer handed over (for the change due). */
  received: string;
  cardReference: string;
  checkNumber: string;
  state: TenderState;
  /** The request as first sent; null until sent, and again after the server refused it. */
  sent: PaymentRequest | null;
  error: unknown;
  /** The recorded payment's id and amount (from the server's answer). */
  recorded: { paymentId: string; amountCents: number } | null;
}

export const METHODS: { value: PaymentMethod; label: string }[] = [
  { value: 'cash', label: 'Cash' },
  { value: 'card', label: 'Card' },
  { value: 'check', label: 'Check' },
];

/**
 * A fresh idempotency key. crypto.randomUUID exists only in secure contexts (https, localhost);
 * the shop's LAN address is plain http, so fall back to getRandomValues, which exists everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `k-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function newTender(
  method: PaymentMethod,
  amount: string,
  makeKey: () => string = newIdempotencyKey,
): Tender {
  return {
    key: makeKey(),
    method,
    amount,
    received: '',
    cardReference: '',
    checkNumber: '',
    state: 'draft',
    sent: null,
    error: null,
    recorded: null,
  };
}

/** A frozen request is never edited: the server may already have recorded it. */
export function isEditable(tender: Tender): boolean {
  return tender.state !== 'recorded' && tender.state !== 'sending' && tender.sent === null;
}

export interface TenderError {
  key: string;
  field: 'amount' | 'received' | 'cardReference' | 'checkNumber';
  message: string;
}

/**
 * What is wrong with the tenders before anything is sent (the server checks again). `restAllowed`:
 * an invoice payment may leave the last tender's amount empty = the rest of the balance.
 */
export function checkTenders(tenders: readonly Tender[], restAllowed: boolean): TenderError[] {
  const errors: TenderError[] = [];
  const open = tenders.filter((t) => t.state !== 'recorded');
  open.forEach((tender, i) => {
    if (tender.sent !== null) return;
    const add = (field: TenderError['field'], message: string) =>
      errors.push({ key: tender.key, field, message });
    const last = i === open.length - 1;
    if (tender.amount.trim() === '') {
      if (!restAllowed) add('amount', 'Enter an amount');
      else if (!last) add('amount', 'Only the last tender can be "the rest"');
    } else {
      const amount = parseCents(tender.amount);
      if (!amount.ok) add('amount', amount.message);
      else if (amount.value === 0) add('amount', 'Must be more than zero');
    }
    if (tender.method === 'card' && tender.cardReference.trim() === '')
      add('cardReference', 'The card terminal reference is required');
    if (tender.method === 'check' && tender.checkNumber.trim() === '')
      add('checkNumber', 'The check number is required');
    if (tender.method === 'cash' && tender.received.trim() !== '') {
      const received = parseCents(tender.received);
      if (!received.ok) add('received', received.message);
      else {
        const change = changeDue(tender);
        if (change !== null && change < 0) add('received', 'Less than the amount to record');
      }
    }
  });
  return errors;
}

/**
 * Cash handed over above the amount recorded: the only arithmetic the UI does on money (display
 * only; the payment records the amount, never what was handed over). Null when not computable.
 */
export function changeDue(tender: Tender, restCents: number | null = null): number | null {
  if (tender.method !== 'cash' || tender.received.trim() === '') return null;
  const received = parseCents(tender.received);
  if (!received.ok) return null;
  const amount = tender.recorded?.amountCents ?? amountOf(tender, restCents);
  return amount === null ? null : received.value - amount;
}

function amountOf(tender: Tender, restCents: number | null): number | null {
  if (tender.sent !== null) return tender.sent.amountCents;
  if (tender.amount.trim() === '') return restCents;
  const parsed = parseCents(tender.amount);
  return parsed.ok ? parsed.value : null;
}

/**
 * The request to send for a tender: the frozen one when it went out before (a retry must be the
 * same request), else built from the row. `balanceCents` is the server's open balance right now,
 * used for an empty amount ("the rest"). Null when there is nothing to send.
 */
export function requestFor(tender: Tender, balanceCents: number | null): PaymentRequest | null {
  if (tender.sent !== null) return tender.sent;
  const amountCents = amountOf(tender, balanceCents);
  if (amountCents === null || amountCents <= 0) return null;
  return {
    method: tender.method,
    amountCents,
    ...(tender.method === 'card' ? { cardReference: tender.cardReference.trim() } : {}),
    ...(tender.method === 'check' ? { checkNumber: tender.checkNumber.trim() } : {}),
  };
}

/** After a failed send: a refusal (4xx, nothing stored) unfreezes the row; anything else keeps it. */
export function afterFailure(tender: Tender, error: unknown): void {
  tender.state = 'failed';
  tender.error = error;
  const refused = error instanceof ApiProblem && error.status >= 400 && error.status < 500;
  if (refused) tender.sent = null;
}

export function afterSuccess(tender: Tender, payment: { id: string; amountCents: number }): void {
  tender.state = 'recorded';
  tender.error = null;
  tender.recorded = { paymentId: payment.id, amountCents: payment.amountCents };
}

/** The rows still to send, in order (a failed one is retried first, with its own key). */
export function pending(tenders: readonly Tender[]): Tender[] {
  return tenders.filter((t) => t.state !== 'recorded');
}

export function methodLabel(method: PaymentMethod): string {
  return METHODS.find((m) => m.value === method)?.label ?? method;
}
