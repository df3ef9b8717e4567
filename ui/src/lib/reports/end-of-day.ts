/**
 * The end-of-day report's small rules: the opening float typed in dollars becomes cents (the
 * API's `openingFloatCents`), and the query and CSV link of a day.
 */
import type { Ok } from '$lib/api/client';
import { parseCents } from '$lib/billing/money-input';

export type EndOfDayReport = Ok<'/api/reports/end-of-day', 'get'>;
export type PaymentMethod = EndOfDayReport['methods'][number]['method'];

/** The server takes at most this as an opening float ($100,000.00). */
export const MAX_FLOAT_CENTS = 10_000_000;

export const METHOD_LABELS: Record<PaymentMethod, string> = { cash: 'Cash', card: 'Card', check: 'Check' };
export const KIND_LABELS: Record<'payment' | 'deposit' | 'refund', string> = {
  payment: 'Payment',
  deposit: 'Deposit',
  refund: 'Refund',
};

export type FloatInput = { ok: true; cents: number | null } | { ok: false; message: string };

/**
 * "150", "$1,200.50" → cents; an empty field means no float was counted (null: the server then
 * takes 0 and says so). Refuses negatives, fractions of a cent and more than $100,000.
 */
export function parseOpeningFloat(text: string): FloatInput {
  if (text.trim() === '') return { ok: true, cents: null };
  const parsed = parseCents(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  if (parsed.value > MAX_FLOAT_CENTS) return { ok: false, message: 'At most $100,000.00' };
  return { ok: true, cents: parsed.value };
}

/** The API query of a day: `{ date, openingFloatCents? }`. */
export function endOfDayQuery(
  date: string,
  floatCents: number | null,
): { date: string; openingFloatCents?: number } {
  return floatCents === null ? { date } : { date, openingFloatCents: floatCents };
}

/** `date=…[&openingFloatCents=…]`: the address of the screen and of its CSV. */
export function endOfDaySearch(date: string, floatCents: number | null): string {
  const params = new URLSearchParams({ date });
  if (floatCents !== null) params.set('openingFloatCents', String(floatCents));
  return params.toString();
}
