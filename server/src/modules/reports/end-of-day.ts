import type { InvoiceFact, PaymentFact } from '../billing/billing-report-facts.js';
import type { EndOfDayReport } from './reports.schemas.js';

/**
 * The end-of-day report, pure: the money taken during one local business day.
 * - payments by method: payments and deposits received that day (not void), refunds given, net;
 * - voided payments: voided that day, whenever received (they count in no total);
 * - invoices issued that day (void ones left out) and those of them charged to account (their
 *   open balance: an invoice carries no separate charge date);
 * - expected cash in the drawer = opening float + cash taken − cash refunded.
 */
const METHODS = ['cash', 'card', 'check'] as const;

export const CASH_FORMULA = 'opening float + cash payments and deposits − cash refunds';

function line(payment: PaymentFact) {
  return {
    id: payment.id,
    kind: payment.kind,
    method: payment.method,
    amountCents: payment.amountCents,
    invoiceNumber: payment.invoiceNumber,
    customerName: payment.customerName,
    cardReference: payment.cardReference,
    checkNumber: payment.checkNumber,
    receivedAt: payment.receivedAt,
  };
}

export function endOfDay(input: {
  date: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  generatedAt: string;
  received: readonly PaymentFact[];
  voided: readonly PaymentFact[];
  invoices: readonly InvoiceFact[];
  openingFloatCents: number | undefined;
}): EndOfDayReport {
  const recorded = input.received.filter((p) => p.status === 'recorded');
  const totalsOf = (payments: readonly PaymentFact[]) => {
    const taken = payments.filter((p) => p.kind !== 'refund');
    const refunds = payments.filter((p) => p.kind === 'refund');
    const paymentsCents = taken.reduce((sum, p) => sum + p.amountCents, 0);
    const refundsCents = refunds.reduce((sum, p) => sum + p.amountCents, 0);
    return {
      count: taken.length,
      paymentsCents,
      refundCount: refunds.length,
      refundsCents,
      netCents: paymentsCents - refundsCents,
    };
  };
  const methods = METHODS.map((method) => ({
    method,
    ...totalsOf(recorded.filter((p) => p.method === method)),
  }));
  const deposits = recorded.filter((p) => p.kind === 'deposit');
  const cash = methods.find((m) => m.method === 'cash')!;
  const openingFloatCents = input.openingFloatCents ?? 0;
  const live = input.invoices.filter((i) => i.status !== 'void');
  const balance = (i: InvoiceFact) => i.totalCents - i.paidCents - i.creditedCents;
  const onAccount = live.filter((i) => i.onAccount);
  return {
    date: input.date,
    timeZone: input.timeZone,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    generatedAt: input.generatedAt,
    methods,
    totals: totalsOf(recorded),
    deposits: {
      count: deposits.length,
      amountCents: deposits.reduce((sum, p) => sum + p.amountCents, 0),
      items: deposits.map(line),
    },
    cardPayments: recorded.filter((p) => p.method === 'card').map(line),
    voidedPayments: input.voided.map((p) => ({
      ...line(p),
      voidedAt: p.voidedAt!,
      voidReason: p.voidReason,
    })),
    invoicesIssued: {
      count: live.length,
      totalCents: live.reduce((sum, i) => sum + i.totalCents, 0),
      items: live.map((i) => ({
        id: i.id,
        number: i.number,
        customerName: i.customerName,
        totalCents: i.totalCents,
        balanceCents: balance(i),
        onAccount: i.onAccount,
        status: i.status as 'issued' | 'paid',
      })),
    },
    chargedToAccount: {
      count: onAccount.length,
      amountCents: onAccount.reduce((sum, i) => sum + balance(i), 0),
      items: onAccount.map((i) => ({
        invoiceId: i.id,
        invoiceNumber: i.number,
        customerName: i.customerName,
        balanceCents: balance(i),
        dueAt: i.dueAt,
      })),
    },
    cash: {
      openingFloatCents,
      openingFloatSource: input.openingFloatCents === undefined ? 'none' : 'query',
      cashInCents: cash.paymentsCents,
      cashRefundedCents: cash.refundsCents,
      expectedCents: openingFloatCents + cash.paymentsCents - cash.refundsCents,
      formula: CASH_FORMULA,
    },
  };
}
