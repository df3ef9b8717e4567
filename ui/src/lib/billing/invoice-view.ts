import type { Body } from '$lib/api/client';
import { ApiProblem } from '$lib/api/problem';
import { parseCents, parsePercentBp } from './money-input';
import type { Aging, Invoice, InvoiceLine, Payment } from './types';

/** How the invoice screens read: lines by job, status, payments, discounts, aging. No money sums. */

export interface JobGroup {
  jobId: string;
  title: string;
  lines: InvoiceLine[];
}

/** Lines grouped by job in the invoice's order; titles from the repair order when known. */
export function groupLinesByJob(
  lines: readonly InvoiceLine[],
  jobs: readonly { id: string; title: string }[],
): JobGroup[] {
  const groups = new Map<string, JobGroup>();
  for (const line of lines) {
    let group = groups.get(line.jobId);
    if (group === undefined) {
      const title = jobs.find((j) => j.id === line.jobId)?.title ?? `Job ${groups.size + 1}`;
      group = { jobId: line.jobId, title, lines: [] };
      groups.set(line.jobId, group);
    }
    group.lines.push(line);
  }
  return [...groups.values()];
}

export type Tone = 'ok' | 'warning' | 'danger' | 'info';

/** "Paid", "Open", "On account", "Void" and the badge's tone. */
export function invoiceStatus(invoice: Pick<Invoice, 'status' | 'onAccount'>): { label: string; tone: Tone } {
  if (invoice.status === 'paid') return { label: 'Paid', tone: 'ok' };
  if (invoice.status === 'void') return { label: 'Void', tone: 'danger' };
  if (invoice.onAccount) return { label: 'On account', tone: 'info' };
  return { label: 'Open', tone: 'warning' };
}

/** "Card · ref T-778", "Check #1042", "Cash". */
export function paymentMethodText(
  payment: Pick<Payment, 'method' | 'cardReference' | 'checkNumber'>,
): string {
  if (payment.method === 'card')
    return payment.cardReference ? `Card · ref ${payment.cardReference}` : 'Card';
  if (payment.method === 'check') return payment.checkNumber ? `Check #${payment.checkNumber}` : 'Check';
  return 'Cash';
}

export function paymentKindText(payment: Pick<Payment, 'kind'>): string {
  return payment.kind === 'deposit' ? 'Deposit' : payment.kind === 'refund' ? 'Refund' : 'Payment';
}

/** A payment that can still be voided or refunded from the invoice screen. */
export function paymentActions(
  payment: Payment,
  all: readonly Payment[],
  invoiceStatus: Invoice['status'],
): { canVoid: boolean; canRefund: boolean } {
  if (payment.status !== 'recorded' || invoiceStatus === 'void') return { canVoid: false, canRefund: false };
  const hasRefunds = all.some((p) => p.refundOf === payment.id && p.status === 'recorded');
  return {
    canVoid: payment.kind === 'refund' || !hasRefunds,
    canRefund: payment.kind !== 'refund',
  };
}

export type DiscountMode = 'none' | 'percent' | 'amount';
export type IssueRequest = Body<'/api/invoices', 'post'>;
type Discount = NonNullable<IssueRequest['discount']>;

export interface DiscountDraft {
  mode: DiscountMode;
  value: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** A discount as typed: none, a percentage ("10" → 1000 bp) or an amount ("25.00" → 2500 cents). */
export function discountOf(draft: DiscountDraft): Checked<Discount | undefined> {
  if (draft.mode === 'none') return { ok: true, value: undefined };
  if (draft.mode === 'percent') {
    const bp = parsePercentBp(draft.value);
    return bp.ok ? { ok: true, value: { percentBp: bp.value } } : bp;
  }
  const cents = parseCents(draft.value);
  return cents.ok ? { ok: true, value: { amountCents: cents.value } } : cents;
}

/**
 * The issue request from the panel's drafts: the invoice discount and the line discounts that were
 * filled in. Errors are keyed 'discount' or the line id, next to the field that has them.
 */
export function issueRequest(
  repairOrderId: string,
  discount: DiscountDraft,
  lineDiscounts: ReadonlyMap<string, DiscountDraft>,
): { ok: true; body: IssueRequest; lineOrder: string[] } | { ok: false; errors: Map<string, string> } {
  const errors = new Map<string, string>();
  const whole = discountOf(discount);
  if (!whole.ok) errors.set('discount', whole.message);
  const lines: { lineId: string; discount: Discount }[] = [];
  for (const [lineId, draft] of lineDiscounts) {
    if (draft.mode === 'none') continue;
    const checked = discountOf(draft);
    if (!checked.ok) errors.set(lineId, checked.message);
    else if (checked.value !== undefined) lines.push({ lineId, discount: checked.value });
  }
  if (errors.size > 0) return { ok: false, errors };
  return {
    ok: true,
    lineOrder: lines.map((l) => l.lineId),
    body: {
      repairOrderId,
      ...(whole.ok && whole.value !== undefined ? { discount: whole.value } : {}),
      ...(lines.length > 0 ? { lineDiscounts: lines } : {}),
    },
  };
}

/**
 * The server's answer to an issue request, turned to what the advisor acts on: the jobs that are
 * not yet completed (by title), and line-discount field errors by line id.
 */
export function issueRefusal(
  error: unknown,
  jobs: readonly { id: string; title: string }[],
  lineOrder: readonly string[],
): { unfinishedJobs: string[]; lineErrors: Map<string, string>; discountError: string | undefined } {
  const lineErrors = new Map<string, string>();
  if (!(error instanceof ApiProblem)) return { unfinishedJobs: [], lineErrors, discountError: undefined };
  const ids = Array.isArray(error.body.jobIds) ? (error.body.jobIds as unknown[]) : [];
  const unfinishedJobs = ids
    .map((id) => jobs.find((j) => j.id === id)?.title)
    .filter((title): title is string => title !== undefined);
  for (const e of error.errors) {
    const match = /lineDiscounts\.(\d+)\./.exec(e.path);
    const lineId = match ? lineOrder[Number(match[1])] : undefined;
    if (lineId !== undefined) lineErrors.set(lineId, e.message);
  }
  const discountError = error.errors.find(
    (e) => /(^|\.)discount(\.|$)/.test(e.path) && !e.path.includes('lineDiscounts'),
  )?.message;
  return { unfinishedJobs, lineErrors, discountError };
}

/** The server's aging buckets (it decides which invoice sits in which: see Aging['invoices']). */
export type BucketKey = keyof Aging['invoices'];

export const BUCKETS: { key: BucketKey; label: string }[] = [
  { key: 'current', label: 'Current' },
  { key: 'days1to30', label: '1–30 days' },
  { key: 'days31to60', label: '31–60 days' },
  { key: 'days61to90', label: '61–90 days' },
  { key: 'over90', label: 'Over 90 days' },
];
