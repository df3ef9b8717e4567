import { describe, expect, it } from 'vitest';
import { ApiProblem } from '$lib/api/problem';
import {
  BUCKETS,
  discountOf,
  groupLinesByJob,
  invoiceStatus,
  issueRefusal,
  issueRequest,
  paymentActions,
  paymentMethodText,
  type DiscountDraft,
} from './invoice-view';
import type { InvoiceLine, Payment } from './types';

const RO = '0190f0a0-0000-7000-8000-000000000001';

function line(id: string, jobId: string): InvoiceLine {
  return {
    id,
    lineId: `l-${id}`,
    jobId,
    kind: 'labor',
    description: id,
    quantity: 1,
    unitPriceCents: 100,
    taxable: false,
    amountCents: 100,
    discountCents: 0,
  };
}

function payment(id: string, extra: Partial<Payment> = {}): Payment {
  return {
    id,
    kind: 'payment',
    invoiceId: 'i',
    repairOrderId: RO,
    method: 'cash',
    amountCents: 100,
    cardReference: null,
    checkNumber: null,
    refundOf: null,
    reason: null,
    status: 'recorded',
    voidReason: null,
    receivedAt: '2025-01-01T00:00:00.000Z',
    receivedBy: null,
    ...extra,
  };
}

describe('invoice view', () => {
  it('groups lines by job in invoice order, with the repair order titles', () => {
    const groups = groupLinesByJob(
      [line('a', 'j1'), line('b', 'j2'), line('c', 'j1')],
      [{ id: 'j2', title: 'Wipers' }],
    );
    expect(groups.map((g) => [g.title, g.lines.map((l) => l.id)])).toEqual([
      ['Job 1', ['a', 'c']],
      ['Wipers', ['b']],
    ]);
  });

  it('labels status and payment methods', () => {
    expect(invoiceStatus({ status: 'issued', onAccount: false }).label).toBe('Open');
    expect(invoiceStatus({ status: 'issued', onAccount: true }).label).toBe('On account');
    expect(invoiceStatus({ status: 'paid', onAccount: true }).label).toBe('Paid');
    expect(invoiceStatus({ status: 'void', onAccount: false }).tone).toBe('danger');
    expect(paymentMethodText({ method: 'card', cardReference: 'T-9', checkNumber: null })).toBe(
      'Card · ref T-9',
    );
    expect(paymentMethodText({ method: 'check', cardReference: null, checkNumber: '77' })).toBe('Check #77');
    expect(paymentMethodText({ method: 'cash', cardReference: null, checkNumber: null })).toBe('Cash');
  });

  it('offers void and refund only where the server allows them', () => {
    const paid = payment('p1');
    const refund = payment('r1', { kind: 'refund', refundOf: 'p1' });
    expect(paymentActions(paid, [paid], 'paid')).toEqual({ canVoid: true, canRefund: true });
    expect(paymentActions(paid, [paid, refund], 'issued')).toEqual({ canVoid: false, canRefund: true });
    expect(paymentActions(refund, [paid, refund], 'issued')).toEqual({ canVoid: true, canRefund: false });
    expect(paymentActions(payment('v', { status: 'void' }), [], 'issued').canVoid).toBe(false);
    expect(paymentActions(paid, [paid], 'void')).toEqual({ canVoid: false, canRefund: false });
  });

  it('builds the issue request from the discount drafts', () => {
    expect(discountOf({ mode: 'percent', value: '10' })).toEqual({ ok: true, value: { percentBp: 1000 } });
    expect(discountOf({ mode: 'amount', value: '25' })).toEqual({ ok: true, value: { amountCents: 2500 } });
    const none = issueRequest(RO, { mode: 'none', value: 'junk' }, new Map());
    expect(none).toEqual({ ok: true, body: { repairOrderId: RO }, lineOrder: [] });
    const lines = new Map<string, DiscountDraft>([
      ['a', { mode: 'none', value: '' }],
      ['b', { mode: 'amount', value: '5' }],
    ]);
    expect(issueRequest(RO, { mode: 'percent', value: '5' }, lines)).toEqual({
      ok: true,
      lineOrder: ['b'],
      body: {
        repairOrderId: RO,
        discount: { percentBp: 500 },
        lineDiscounts: [{ lineId: 'b', discount: { amountCents: 500 } }],
      },
    });
    const bad = issueRequest(
      RO,
      { mode: 'percent', value: '120' },
      new Map([['b', { mode: 'amount', value: 'x' }]]),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect([...bad.errors.keys()]).toEqual(['discount', 'b']);
  });

  it('turns the server refusal into unfinished job titles and line errors', () => {
    const refusal = new ApiProblem({
      type: 'urn:ase:problem:jobs-not-completed',
      title: 'Conflict',
      status: 409,
      detail: 'Jobs with approved work must be Completed before invoicing: Brakes.',
      jobIds: ['j1'],
    });
    expect(issueRefusal(refusal, [{ id: 'j1', title: 'Brakes' }], []).unfinishedJobs).toEqual(['Brakes']);
    const invalid = new ApiProblem({
      type: 'urn:ase:problem:validation',
      title: 'Invalid',
      status: 400,
      detail: 'x',
      errors: [{ path: 'lineDiscounts.1.discount.amountCents', message: 'exceeds the line (100 cents)' }],
    });
    const result = issueRefusal(invalid, [], ['a', 'b']);
    expect([...result.lineErrors]).toEqual([['b', 'exceeds the line (100 cents)']]);
    expect(result.discountError).toBeUndefined();
  });

  it('labels the server aging buckets in their order', () => {
    expect(BUCKETS.map((b) => b.key)).toEqual(['current', 'days1to30', 'days31to60', 'days61to90', 'over90']);
  });
});
