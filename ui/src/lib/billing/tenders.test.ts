import { describe, expect, it } from 'vitest';
import { ApiProblem, ServerUnreachable } from '$lib/api/problem';
import {
  afterFailure,
  afterSuccess,
  changeDue,
  checkTenders,
  isEditable,
  newIdempotencyKey,
  newTender,
  pending,
  requestFor,
} from './tenders';

let n = 0;
const key = () => `key-${++n}`;

function refusal(status: number): ApiProblem {
  return new ApiProblem({ type: 'urn:x', title: 'No', status, detail: 'refused' });
}

describe('tenders', () => {
  it('gives every tender its own idempotency key, made once', () => {
    const a = newTender('cash', '100', key);
    const b = newTender('card', '', key);
    expect(a.key).not.toBe(b.key);
    const fresh = newIdempotencyKey();
    expect(fresh).toMatch(/^[A-Za-z0-9_.:-]{8,200}$/);
    expect(newIdempotencyKey()).not.toBe(fresh);
  });

  it('builds each request with the method field it needs, the empty last amount being the rest', () => {
    const cash = newTender('cash', '100', key);
    const card = newTender('card', '', key);
    card.cardReference = ' T-778 ';
    expect(requestFor(cash, 28_637)).toEqual({ method: 'cash', amountCents: 10_000 });
    expect(requestFor(card, 18_637)).toEqual({ method: 'card', amountCents: 18_637, cardReference: 'T-778' });
    const check = newTender('check', '20', key);
    check.checkNumber = '1042';
    expect(requestFor(check, null)).toEqual({ method: 'check', amountCents: 2000, checkNumber: '1042' });
    expect(requestFor(newTender('card', '', key), 0)).toBeNull();
    expect(requestFor(newTender('cash', '', key), null)).toBeNull();
  });

  it('checks the rows: amounts, card reference, check number, rest only last and only on invoices', () => {
    const first = newTender('cash', '', key);
    const second = newTender('card', '12.345', key);
    const third = newTender('check', '5', key);
    const errors = checkTenders([first, second, third], true);
    expect(errors).toEqual([
      { key: first.key, field: 'amount', message: 'Only the last tender can be "the rest"' },
      { key: second.key, field: 'amount', message: 'Use dollars and cents, e.g. 86.37' },
      { key: second.key, field: 'cardReference', message: 'The card terminal reference is required' },
      { key: third.key, field: 'checkNumber', message: 'The check number is required' },
    ]);
    const deposit = newTender('cash', '', key);
    expect(checkTenders([deposit], false)).toEqual([
      { key: deposit.key, field: 'amount', message: 'Enter an amount' },
    ]);
    const zero = newTender('cash', '0', key);
    expect(checkTenders([zero], true)[0]?.message).toBe('Must be more than zero');
  });

  it('shows the change due on cash handed over above the amount, and refuses less', () => {
    const cash = newTender('cash', '86.37', key);
    cash.received = '100';
    expect(changeDue(cash)).toBe(1363);
    expect(checkTenders([cash], true)).toEqual([]);
    cash.received = '80';
    expect(changeDue(cash)).toBe(-637);
    expect(checkTenders([cash], true)[0]).toMatchObject({ field: 'received' });
    const rest = newTender('cash', '', key);
    rest.received = '50';
    expect(changeDue(rest)).toBeNull();
    expect(changeDue(rest, 4_250)).toBe(750);
    expect(changeDue(newTender('card', '10', key))).toBeNull();
  });

  it('keeps the sent request frozen after a network failure, so the retry is the same request', () => {
    const card = newTender('card', '', key);
    card.cardReference = 'T-1';
    card.sent = requestFor(card, 5_000);
    card.state = 'sending';
    afterFailure(card, new ServerUnreachable());
    expect(card.state).toBe('failed');
    expect(isEditable(card)).toBe(false);
    // The balance the server shows now is irrelevant: the retry repeats the first request.
    expect(requestFor(card, 1)).toEqual({ method: 'card', amountCents: 5_000, cardReference: 'T-1' });
    expect(checkTenders([card], true)).toEqual([]);
  });

  it('unfreezes a row the server refused (nothing stored), so it can be corrected under the same key', () => {
    const cash = newTender('cash', '500', key);
    const keyBefore = cash.key;
    cash.sent = requestFor(cash, 400);
    afterFailure(cash, refusal(409));
    expect(isEditable(cash)).toBe(true);
    cash.amount = '4.00';
    expect(requestFor(cash, 400)).toEqual({ method: 'cash', amountCents: 400 });
    expect(cash.key).toBe(keyBefore);
    const broken = newTender('cash', '5', key);
    broken.sent = requestFor(broken, 400);
    afterFailure(broken, refusal(500));
    expect(isEditable(broken)).toBe(false);
  });

  it('leaves recorded tenders out of what is still to send', () => {
    const a = newTender('cash', '100', key);
    const b = newTender('card', '', key);
    afterSuccess(a, { id: 'p1', amountCents: 10_000 });
    expect(a.recorded).toEqual({ paymentId: 'p1', amountCents: 10_000 });
    expect(isEditable(a)).toBe(false);
    expect(pending([a, b])).toEqual([b]);
    // A recorded row no longer counts as "not last" for the rest rule.
    expect(checkTenders([a, { ...b, cardReference: 'x' }], true)).toEqual([]);
  });
});
