import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Invoice } from '../../src/modules/billing/billing.schemas.js';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  problemOf,
  setupOwner,
  type TestApp,
} from '../helpers/test-app.js';

let t: TestApp;
let owner: { id: string; cookie: string };
let customerId: string;
let vehicleId: string;
let keyCounter = 0;

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000abcd';

beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
  customerId = insertCustomer(t.database, { name: 'Ann Example' });
  vehicleId = insertVehicle(t.database, customerId, { make: 'Toyota', model: 'Camry', year: 2015 });
});
afterEach(async () => {
  await t.close();
});

function as(
  cookie: string,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) {
  return injectAs(t.app, cookie, { method, url, headers, ...(payload === undefined ? {} : { payload }) });
}

function newKey(): string {
  keyCounter += 1;
  return `test-key-${keyCounter}-${Math.random().toString(36).slice(2)}`;
}

function count(table: string): number {
  return (t.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function auditActions(entityId: string): string[] {
  return (
    t.database.sqlite
      .prepare('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY id')
      .all(entityId) as {
      action: string;
    }[]
  ).map((row) => row.action);
}

interface Prepared {
  roId: string;
  jobId: string;
  lineIds: { labor: string; part: string; declined: string; deferred: string };
}

/**
 * An RO with one job: 1.5 h labor at $120 (approved), 2 parts at $45.50 taxable (approved), a
 * declined part and a deferred fee. Default settings: parts taxed 7 %, labor 0 %, shop supplies
 * 5 % of labor capped at $35. Approved: 18000 + 9100 = 27100; supplies 900; tax 637; total 28637.
 */
async function prepareRo(
  options: { complete?: boolean; customer?: string; vehicle?: string } = {},
): Promise<Prepared> {
  const ro = await as(owner.cookie, 'POST', '/api/repair-orders', {
    customerId: options.customer ?? customerId,
    vehicleId: options.vehicle ?? vehicleId,
    concerns: ['Brakes squeal'],
  });
  expect(ro.statusCode, ro.body).toBe(201);
  const roId = ro.json<{ id: string }>().id;
  const jobId = ro.json<{ jobs: { id: string }[] }>().jobs[0]!.id;
  const add = async (payload: object) => {
    const response = await as(owner.cookie, 'POST', `/api/jobs/${jobId}/lines`, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };
  const labor = await add({
    kind: 'labor',
    description: 'Replace front pads',
    quantity: 1.5,
    unitPriceCents: 12_000,
    taxable: false,
  });
  const part = await add({
    kind: 'part',
    description: 'Brake pad set',
    partNumber: 'BP-1',
    quantity: 2,
    unitPriceCents: 4_550,
  });
  const declined = await add({
    kind: 'part',
    description: 'Rotors',
    partNumber: 'RT-2',
    quantity: 1,
    unitPriceCents: 10_000,
  });
  const deferred = await add({ kind: 'fee', description: 'Disposal', quantity: 1, unitPriceCents: 500 });
  const approvals = await as(owner.cookie, 'POST', `/api/repair-orders/${roId}/approvals`, {
    method: 'in_person',
    approvedBy: 'Ann Example',
    decisions: [
      { lineId: labor, state: 'approved' },
      { lineId: part, state: 'approved' },
      { lineId: declined, state: 'declined', reason: 'later' },
      { lineId: deferred, state: 'deferred', reason: 'next visit' },
    ],
  });
  expect(approvals.statusCode, approvals.body).toBe(200);
  if (options.complete !== false) await completeJob(jobId);
  return { roId, jobId, lineIds: { labor, part, declined, deferred } };
}

async function completeJob(jobId: string) {
  for (const status of ['In_Progress', 'Completed']) {
    const job = await as(owner.cookie, 'GET', `/api/jobs/${jobId}`);
    const response = await as(owner.cookie, 'POST', `/api/jobs/${jobId}/status`, {
      status,
      version: job.json<{ version: number }>().version,
    });
    expect(response.statusCode, response.body).toBe(200);
  }
}

async function issue(roId: string, extra: object = {}): Promise<Invoice> {
  const response = await as(owner.cookie, 'POST', '/api/invoices', { repairOrderId: roId, ...extra });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Invoice>();
}

function pay(invoiceId: string, payload: object, key: string | null = newKey(), cookie = owner.cookie) {
  return as(
    cookie,
    'POST',
    `/api/invoices/${invoiceId}/payments`,
    payload,
    key === null ? {} : { 'idempotency-key': key },
  );
}

function roStatus(roId: string): string {
  return (
    t.database.sqlite.prepare('SELECT status FROM repair_orders WHERE id = ?').get(roId) as { status: string }
  ).status;
}

function jobStatus(jobId: string): string {
  return (
    t.database.sqlite.prepare('SELECT status FROM service_jobs WHERE id = ?').get(jobId) as { status: string }
  ).status;
}

describe('issuing invoices', () => {
  it('invoices approved lines only, with tax, shop supplies and a gapless number, and locks the RO', async () => {
    const { roId, jobId, lineIds } = await prepareRo();
    const invoice = await issue(roId);
    expect(invoice).toMatchObject({
      number: 1,
      status: 'issued',
      repairOrderId: roId,
      customer: { id: customerId, name: 'Ann Example', kind: 'person' },
      vehicle: { id: vehicleId, make: 'Toyota', model: 'Camry', year: 2015 },
      subtotalCents: 27_100,
      discountCents: 0,
      shopSuppliesCents: 900,
      taxCents: 637,
      taxes: { labor: 0, part: 637, fee: 0, sublet: 0 },
      totalCents: 28_637,
      paidCents: 0,
      balanceCents: 28_637,
    });
    expect(
      invoice.lines.map((l) => [l.lineId, l.jobId, l.kind, l.quantity, l.unitPriceCents, l.amountCents]),
    ).toEqual([
      [lineIds.labor, jobId, 'labor', 1.5, 12_000, 18_000],
      [lineIds.part, jobId, 'part', 2, 4_550, 9_100],
    ]);
    expect(roStatus(roId)).toBe('invoiced');
    expect(auditActions(invoice.id)).toEqual(['invoice.issued']);
    // The work is locked: a new line on the invoiced RO is refused.
    const locked = await as(owner.cookie, 'POST', `/api/jobs/${jobId}/lines`, {
      kind: 'part',
      description: 'Late addition',
      quantity: 1,
      unitPriceCents: 100,
    });
    expect(locked.statusCode).toBe(409);
    // A second invoice for the same RO is refused; the read is the same as the issue answer.
    const again = await as(owner.cookie, 'POST', '/api/invoices', { repairOrderId: roId });
    expect(again.statusCode).toBe(409);
    expect(problemOf(again).type).toMatch(/already-invoiced/);
    expect((await as(owner.cookie, 'GET', `/api/invoices/${invoice.id}`)).json()).toEqual(invoice);
    // Numbers continue without gaps on the next RO.
    const second = await prepareRo();
    expect((await issue(second.roId)).number).toBe(2);
  });

  it('keeps an issued invoice immutable even below the service', async () => {
    const { roId } = await prepareRo();
    const invoice = await issue(roId);
    const sqlite = t.database.sqlite;
    expect(() => sqlite.prepare('UPDATE invoice_lines SET unit_price_cents = 1').run()).toThrow(/immutable/);
    expect(() => sqlite.prepare('DELETE FROM invoice_lines').run()).toThrow(/immutable/);
    expect(() => sqlite.prepare('UPDATE invoices SET total_cents = 1').run()).toThrow(/immutable/);
    expect(() => sqlite.prepare('DELETE FROM invoices').run()).toThrow(/never deleted/);
    expect((await as(owner.cookie, 'GET', `/api/invoices/${invoice.id}`)).json()).toEqual(invoice);
    const list = await as(owner.cookie, 'GET', `/api/invoices?repairOrderId=${roId}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ items: Invoice[] }>().items.map((i) => i.id)).toEqual([invoice.id]);
  });

  it('applies line and invoice discounts in integer cents', async () => {
    const { roId, lineIds } = await prepareRo();
    const invoice = await issue(roId, {
      lineDiscounts: [{ lineId: lineIds.labor, discount: { percentBp: 1_000 } }],
      discount: { amountCents: 1_000 },
    });
    // Labor −1800 (10 %); 1000 spread over 16200 labor / 9100 part by largest remainder: 640 / 360.
    expect(invoice.lines.map((l) => l.discountCents)).toEqual([2_440, 360]);
    expect(invoice.discountCents).toBe(2_800);
    expect(invoice.shopSuppliesCents).toBe(778); // 5 % of 15560 labor, rounded half up
    expect(invoice.taxCents).toBe(612); // 7 % of 8740
    expect(invoice.totalCents).toBe(27_100 - 2_800 + 778 + 612);
  });

  it('refuses bad input naming the field and writes nothing', async () => {
    const { roId, lineIds } = await prepareRo();
    const before = [count('invoices'), count('invoice_lines'), count('audit_log')];
    const cases: [object, string][] = [
      [{ repairOrderId: UNKNOWN_ID }, 'repairOrderId'],
      [{ repairOrderId: roId, discount: { amountCents: -5 } }, 'discount'],
      [{ repairOrderId: roId, discount: { amountCents: 1.5 } }, 'discount'],
      [{ repairOrderId: roId, discount: { amountCents: 10_000_000 } }, 'discount.amountCents'],
      [
        { repairOrderId: roId, lineDiscounts: [{ lineId: lineIds.declined, discount: { percentBp: 100 } }] },
        'lineDiscounts.0.lineId',
      ],
      [
        { repairOrderId: roId, lineDiscounts: [{ lineId: lineIds.part, discount: { amountCents: 9_101 } }] },
        'lineDiscounts.0.discount.amountCents',
      ],
    ];
    for (const [payload, path] of cases) {
      const response = await as(owner.cookie, 'POST', '/api/invoices', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(problemOf(response).errors)).toContain(path);
    }
    expect([count('invoices'), count('invoice_lines'), count('audit_log')]).toEqual(before);
    expect(roStatus(roId)).toBe('open');
  });

  it('refuses to invoice unfinished jobs or an RO with nothing approved', async () => {
    const { roId } = await prepareRo({ complete: false });
    const response = await as(owner.cookie, 'POST', '/api/invoices', { repairOrderId: roId });
    expect(response.statusCode).toBe(409);
    expect(problemOf(response).type).toMatch(/jobs-not-completed/);
    const empty = await as(owner.cookie, 'POST', '/api/repair-orders', {
      customerId,
      vehicleId,
      concerns: ['Look'],
    });
    const none = await as(owner.cookie, 'POST', '/api/invoices', {
      repairOrderId: empty.json<{ id: string }>().id,
    });
    expect(none.statusCode).toBe(409);
    expect(problemOf(none).type).toMatch(/nothing-to-invoice/);
    expect(count('invoices')).toBe(0);
    // The counter did not move: the next invoice is still number 1.
    await completeJob(
      (await as(owner.cookie, 'GET', `/api/repair-orders/${roId}`)).json<{ jobs: { id: string }[] }>()
        .jobs[0]!.id,
    );
    expect((await issue(roId)).number).toBe(1);
  });
});

describe('payments', () => {
  it('takes split and partial payments; the last cent marks the jobs Paid and closes the RO', async () => {
    const { roId, jobId } = await prepareRo();
    const invoice = await issue(roId);
    const cash = await pay(invoice.id, { method: 'cash', amountCents: 10_000 });
    expect(cash.statusCode, cash.body).toBe(201);
    expect(cash.json()).toMatchObject({
      payment: { method: 'cash', amountCents: 10_000 },
      invoice: { balanceCents: 18_637, status: 'issued' },
    });
    expect(jobStatus(jobId)).toBe('Completed');
    const card = await pay(invoice.id, { method: 'card', amountCents: 8_637, cardReference: 'TERM-778' });
    expect(card.statusCode, card.body).toBe(201);
    const events: { jobId: string; to: string }[] = [];
    t.app.events.on('jobStatusChanged', (event) => events.push({ jobId: event.jobId, to: event.to }));
    const check = await pay(invoice.id, { method: 'check', amountCents: 10_000, checkNumber: '1042' });
    expect(check.statusCode, check.body).toBe(201);
    expect(events).toEqual([{ jobId, to: 'Paid' }]);
    const final = check.json<{ invoice: Invoice }>().invoice;
    expect(final).toMatchObject({ status: 'paid', balanceCents: 0, paidCents: 28_637 });
    expect(final.payments.map((p) => [p.method, p.cardReference, p.checkNumber])).toEqual([
      ['cash', null, null],
      ['card', 'TERM-778', null],
      ['check', null, '1042'],
    ]);
    expect(jobStatus(jobId)).toBe('Paid');
    expect(roStatus(roId)).toBe('closed');
    expect(auditActions(invoice.id)).toEqual([
      'invoice.issued',
      'payment.recorded',
      'payment.recorded',
      'payment.recorded',
      'invoice.paid',
    ]);
    // Nothing more can be paid.
    const extra = await pay(invoice.id, { method: 'cash', amountCents: 1 });
    expect(extra.statusCode).toBe(409);
    expect(problemOf(extra).errors?.[0]?.path).toBe('amountCents');
  });

  it('refuses overpayment naming amountCents and bad amounts, writing nothing', async () => {
    const { roId } = await prepareRo();
    const invoice = await issue(roId);
    const before = [count('payments'), count('audit_log'), count('idempotency_keys')];
    const over = await pay(invoice.id, { method: 'cash', amountCents: 28_638 });
    expect(over.statusCode).toBe(409);
    expect(problemOf(over).errors).toEqual([
      { path: 'amountCents', message: expect.stringContaining('28637') },
    ]);
    for (const amountCents of [-100, 0, 12.5]) {
      const response = await pay(invoice.id, { method: 'cash', amountCents });
      expect(response.statusCode).toBe(400);
      expect(JSON.stringify(problemOf(response).errors)).toContain('amountCents');
    }
    const noRef = await pay(invoice.id, { method: 'card', amountCents: 100 });
    expect(noRef.statusCode).toBe(400);
    expect(problemOf(noRef).errors?.[0]?.path).toBe('cardReference');
    const noNumber = await pay(invoice.id, { method: 'check', amountCents: 100 });
    expect(problemOf(noNumber).errors?.[0]?.path).toBe('checkNumber');
    const noKey = await pay(invoice.id, { method: 'cash', amountCents: 100 }, null);
    expect(noKey.statusCode).toBe(400);
    expect(problemOf(noKey).errors?.[0]?.path).toBe('Idempotency-Key');
    expect((await pay(UNKNOWN_ID, { method: 'cash', amountCents: 100 })).statusCode).toBe(404);
    expect([count('payments'), count('audit_log'), count('idempotency_keys')]).toEqual(before);
  });

  it('a replayed idempotency key returns the first result; another body with it is a 409', async () => {
    const { roId } = await prepareRo();
    const invoice = await issue(roId);
    const key = newKey();
    const first = await pay(invoice.id, { method: 'cash', amountCents: 5_000 }, key);
    expect(first.statusCode).toBe(201);
    const replay = await pay(invoice.id, { method: 'cash', amountCents: 5_000 }, key);
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(first.json());
    // The key may also travel in the body.
    const inBody = await pay(invoice.id, { method: 'cash', amountCents: 5_000, idempotencyKey: key }, null);
    expect(inBody.json()).toEqual(first.json());
    const different = await pay(invoice.id, { method: 'cash', amountCents: 6_000 }, key);
    expect(different.statusCode).toBe(409);
    expect(problemOf(different).type).toMatch(/idempotency-key-reused/);
    expect(count('payments')).toBe(1);
    expect((await as(owner.cookie, 'GET', `/api/invoices/${invoice.id}`)).json<Invoice>().paidCents).toBe(
      5_000,
    );
  });

  it('20 parallel payments never overpay, and parallel replays record once', async () => {
    const { roId, jobId } = await prepareRo();
    const invoice = await issue(roId); // 28637 due
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => pay(invoice.id, { method: 'cash', amountCents: 2_000 })),
    );
    const ok = responses.filter((r) => r.statusCode === 201);
    const refused = responses.filter((r) => r.statusCode === 409);
    expect(ok).toHaveLength(14); // 14 × 2000 = 28000 ≤ 28637 < 30000
    expect(refused).toHaveLength(6);
    for (const r of refused) expect(problemOf(r).errors?.[0]?.path).toBe('amountCents');
    const paid = t.database.sqlite
      .prepare(`SELECT sum(amount_cents) AS s FROM payments WHERE invoice_id = ?`)
      .get(invoice.id) as { s: number };
    expect(paid.s).toBe(28_000);
    const key = newKey();
    const replays = await Promise.all(
      Array.from({ length: 20 }, () => pay(invoice.id, { method: 'cash', amountCents: 637 }, key)),
    );
    expect(replays.every((r) => r.statusCode === 201)).toBe(true);
    expect(new Set(replays.map((r) => r.body)).size).toBe(1);
    expect(count('payments')).toBe(15);
    expect(jobStatus(jobId)).toBe('Paid');
  });

  it('refuses payments on a void invoice', async () => {
    const { roId } = await prepareRo();
    const invoice = await issue(roId);
    const voided = await as(owner.cookie, 'POST', `/api/invoices/${invoice.id}/void`, {
      reason: 'wrong customer',
    });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.json()).toMatchObject({ status: 'void', voidReason: 'wrong customer' });
    expect(roStatus(roId)).toBe('open');
    const response = await pay(invoice.id, { method: 'cash', amountCents: 100 });
    expect(response.statusCode).toBe(409);
    expect(problemOf(response).type).toMatch(/invoice-void/);
    // The RO can be invoiced again, with the next number.
    expect((await issue(roId)).number).toBe(2);
  });

  it('only the counter takes payments', async () => {
    const { roId } = await prepareRo();
    const invoice = await issue(roId);
    const tech = await createStaff(t.app, owner.cookie, 'parts');
    const cookie = await loginAs(t.app, tech);
    expect((await pay(invoice.id, { method: 'cash', amountCents: 100 }, newKey(), cookie)).statusCode).toBe(
      403,
    );
    expect((await as(cookie, 'POST', '/api/invoices', { repairOrderId: roId })).statusCode).toBe(403);
    const advisor = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'advisor'));
    expect((await pay(invoice.id, { method: 'cash', amountCents: 100 }, newKey(), advisor)).statusCode).toBe(
      201,
    );
    expect((await as(advisor, 'GET', '/api/accounts-receivable/aging')).statusCode).toBe(403);
  });
});

describe('refunds, voids and credit notes', () => {
  it('refunds part of a payment with a reason, never more than was paid', async () => {
    const { roId } = await prepareRo();
    const invoice = await issue(roId);
    const payment = (
      await pay(invoice.id, { method: 'card', amountCents: 10_000, cardReference: 'T1' })
    ).json<{
      payment: { id: string };
    }>().payment;
    const refund = (payload: object, key = newKey()) =>
      as(owner.cookie, 'POST', `/api/invoices/${invoice.id}/refunds`, payload, { 'idempotency-key': key });
    const ok = await refund({ paymentId: payment.id, amountCents: 3_000, reason: 'overcharged' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      payment: {
        kind: 'refund',
        method: 'card',
        amountCents: 3_000,
        refundOf: payment.id,
        reason: 'overcharged',
      },
      invoice: { paidCents: 7_000, balanceCents: 21_637 },
    });
    const tooMuch = await refund({ paymentId: payment.id, amountCents: 7_001, reason: 'x' });
    expect(tooMuch.statusCode).toBe(409);
    expect(problemOf(tooMuch).errors?.[0]?.path).toBe('amountCents');
    const noReason = await refund({ paymentId: payment.id, amountCents: 1 });
    expect(noReason.statusCode).toBe(400);
    const other = await refund({ paymentId: UNKNOWN_ID, amountCents: 1, reason: 'x' });
    expect(problemOf(other).errors?.[0]?.path).toBe('paymentId');
  });

  it('voids a mistaken payment; a credit note lowers the balance with its own number and can settle', async () => {
    const { roId, jobId } = await prepareRo();
    const invoice = await issue(roId);
    const payment = (await pay(invoice.id, { method: 'cash', amountCents: 20_000 })).json<{
      payment: { id: string };
    }>().payment;
    const voided = await as(
      owner.cookie,
      'POST',
      `/api/payments/${payment.id}/void`,
      { reason: 'typo' },
      { 'idempotency-key': newKey() },
    );
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.json()).toMatchObject({ status: 'void', voidReason: 'typo' });
    expect((await as(owner.cookie, 'GET', `/api/invoices/${invoice.id}`)).json<Invoice>().paidCents).toBe(0);
    await pay(invoice.id, { method: 'cash', amountCents: 28_000 });
    const tooBig = await as(owner.cookie, 'POST', `/api/invoices/${invoice.id}/credit-notes`, {
      amountCents: 638,
      reason: 'goodwill',
    });
    expect(tooBig.statusCode).toBe(409);
    const note = await as(owner.cookie, 'POST', `/api/invoices/${invoice.id}/credit-notes`, {
      amountCents: 637,
      reason: 'goodwill',
    });
    expect(note.statusCode, note.body).toBe(201);
    expect(note.json()).toMatchObject({
      status: 'paid',
      creditedCents: 637,
      balanceCents: 0,
      creditNotes: [{ number: 1, amountCents: 637, reason: 'goodwill' }],
      // the issued lines and totals never change
      totalCents: 28_637,
    });
    expect(jobStatus(jobId)).toBe('Paid');
    expect(roStatus(roId)).toBe('closed');
  });
});

describe('deposits, accounts and documents', () => {
  it('applies deposits when the invoice is issued', async () => {
    const { roId } = await prepareRo({ complete: false });
    const deposit = await as(
      owner.cookie,
      'POST',
      `/api/repair-orders/${roId}/deposits`,
      { method: 'cash', amountCents: 5_000 },
      { 'idempotency-key': newKey() },
    );
    expect(deposit.statusCode, deposit.body).toBe(201);
    expect(deposit.json()).toMatchObject({ kind: 'deposit', invoiceId: null, amountCents: 5_000 });
    const jobId = (await as(owner.cookie, 'GET', `/api/repair-orders/${roId}`)).json<{
      jobs: { id: string }[];
    }>().jobs[0]!.id;
    await completeJob(jobId);
    const invoice = await issue(roId);
    expect(invoice).toMatchObject({ paidCents: 5_000, balanceCents: 23_637 });
    expect(invoice.payments.map((p) => p.kind)).toEqual(['deposit']);
    const late = await as(
      owner.cookie,
      'POST',
      `/api/repair-orders/${roId}/deposits`,
      { method: 'cash', amountCents: 5_000 },
      { 'idempotency-key': newKey() },
    );
    expect(late.statusCode).toBe(409);
  });

  it('a void invoice gives its deposits back to the RO; deposits can be voided; too large deposits block', async () => {
    const { roId } = await prepareRo();
    const deposit = (
      await as(
        owner.cookie,
        'POST',
        `/api/repair-orders/${roId}/deposits`,
        { method: 'card', amountCents: 30_000, cardReference: 'T9' },
        { 'idempotency-key': newKey() },
      )
    ).json<{ id: string }>();
    const blocked = await as(owner.cookie, 'POST', '/api/invoices', { repairOrderId: roId });
    expect(blocked.statusCode).toBe(409);
    expect(problemOf(blocked).type).toMatch(/deposits-exceed-total/);
    expect(count('invoices')).toBe(0);
    const voided = await as(
      owner.cookie,
      'POST',
      `/api/payments/${deposit.id}/void`,
      { reason: 'wrong amount' },
      { 'idempotency-key': newKey() },
    );
    expect(voided.statusCode, voided.body).toBe(200);
    await as(
      owner.cookie,
      'POST',
      `/api/repair-orders/${roId}/deposits`,
      { method: 'cash', amountCents: 3_000 },
      { 'idempotency-key': newKey() },
    );
    const invoice = await issue(roId);
    expect(invoice.paidCents).toBe(3_000);
    const paidOther = await pay(invoice.id, { method: 'cash', amountCents: 100 });
    const refusedVoid = await as(owner.cookie, 'POST', `/api/invoices/${invoice.id}/void`, {
      reason: 'redo',
    });
    expect(refusedVoid.statusCode).toBe(409);
    expect(problemOf(refusedVoid).type).toMatch(/invoice-has-payments/);
    await as(
      owner.cookie,
      'POST',
      `/api/payments/${paidOther.json<{ payment: { id: string } }>().payment.id}/void`,
      { reason: 'test' },
      { 'idempotency-key': newKey() },
    );
    const ok = await as(owner.cookie, 'POST', `/api/invoices/${invoice.id}/void`, { reason: 'redo' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'void', paidCents: 0 });
    const again = await issue(roId);
    expect(again).toMatchObject({ number: 2, paidCents: 3_000 });
  });

  it('a paid invoice cannot be voided: it is corrected by refund and credit note', async () => {
    const { roId, jobId } = await prepareRo();
    const invoice = await issue(roId);
    const payment = (await pay(invoice.id, { method: 'cash', amountCents: 28_637 })).json<{
      payment: { id: string };
    }>().payment;
    const refund = await as(
      owner.cookie,
      'POST',
      `/api/invoices/${invoice.id}/refunds`,
      { paymentId: payment.id, amountCents: 1_000, reason: 'pads were on sale' },
      { 'idempotency-key': newKey() },
    );
    expect(refund.json()).toMatchObject({ invoice: { status: 'issued', balanceCents: 1_000 } });
    const voided = await as(owner.cookie, 'POST', `/api/invoices/${invoice.id}/void`, { reason: 'x' });
    expect(voided.statusCode).toBe(409);
    const note = await as(owner.cookie, 'POST', `/api/invoices/${invoice.id}/credit-notes`, {
      amountCents: 1_000,
      reason: 'pads were on sale',
    });
    expect(note.json()).toMatchObject({ status: 'paid', balanceCents: 0, creditedCents: 1_000 });
    expect(jobStatus(jobId)).toBe('Paid');
  });

  it('charges business customers to account and ages open balances', async () => {
    const fleet = insertCustomer(t.database, { name: 'Acme Fleet' });
    t.database.sqlite.prepare(`UPDATE customers SET kind = 'fleet' WHERE id = ?`).run(fleet);
    const truck = insertVehicle(t.database, fleet, { make: 'Ford', model: 'Transit', year: 2020 });
    const { roId } = await prepareRo({ customer: fleet, vehicle: truck });
    const invoice = await issue(roId);
    const charged = await as(owner.cookie, 'POST', `/api/invoices/${invoice.id}/charge-to-account`, {
      termsDays: 30,
    });
    expect(charged.statusCode, charged.body).toBe(200);
    expect(charged.json()).toMatchObject({ onAccount: true, dueAt: '2026-04-01T14:00:00.000Z' });
    const person = await prepareRo();
    const personal = await issue(person.roId);
    const refused = await as(owner.cookie, 'POST', `/api/invoices/${personal.id}/charge-to-account`, {});
    expect(refused.statusCode).toBe(409);
    const aging = await as(
      owner.cookie,
      'GET',
      '/api/accounts-receivable/aging?asOf=2026-04-20T00:00:00.000Z',
    );
    expect(aging.statusCode, aging.body).toBe(200);
    expect(aging.json()).toMatchObject({
      totals: { current: 0, days1to30: 28_637, days31to60: 28_637, totalCents: 57_274 },
    });
    const now = (await as(owner.cookie, 'GET', '/api/accounts-receivable/aging')).json<{
      totals: { current: number };
    }>();
    expect(now.totals.current).toBe(57_274);
  });

  it('renders a PDF that starts with %PDF and carries the invoice number', async () => {
    const { roId } = await prepareRo();
    for (let i = 0; i < 41; i++)
      t.database.sqlite.prepare(`UPDATE counters SET value = value + 1 WHERE name = 'invoice'`).run();
    const invoice = await issue(roId);
    expect(invoice.number).toBeGreaterThan(0);
    const response = await as(owner.cookie, 'GET', `/api/invoices/${invoice.id}/pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const text = response.rawPayload.toString('latin1');
    expect(text).toContain(`Invoice ${invoice.number}`);
    expect((await as(owner.cookie, 'GET', `/api/invoices/${UNKNOWN_ID}/pdf`)).statusCode).toBe(404);
  });
});

describe('payments never exceed the balance (property)', () => {
  it('any sequence of payments, credit notes and refunds keeps 0 ≤ paid + credited ≤ total', async () => {
    const { roId } = await prepareRo();
    const invoice = await issue(roId);
    const step = fc.oneof(
      fc.record({ op: fc.constant('pay' as const), amount: fc.integer({ min: 1, max: 15_000 }) }),
      fc.record({ op: fc.constant('credit' as const), amount: fc.integer({ min: 1, max: 5_000 }) }),
      fc.record({ op: fc.constant('refund' as const), amount: fc.integer({ min: 1, max: 5_000 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        for (const s of steps) {
          const before = (await as(owner.cookie, 'GET', `/api/invoices/${invoice.id}`)).json<Invoice>();
          let response;
          if (s.op === 'pay') response = await pay(invoice.id, { method: 'cash', amountCents: s.amount });
          else if (s.op === 'credit')
            response = await as(owner.cookie, 'POST', `/api/invoices/${invoice.id}/credit-notes`, {
              amountCents: s.amount,
              reason: 'prop',
            });
          else {
            const refundable = before.payments.find((p) => p.kind === 'payment' && p.status === 'recorded');
            if (refundable === undefined) continue;
            response = await as(
              owner.cookie,
              'POST',
              `/api/invoices/${invoice.id}/refunds`,
              { paymentId: refundable.id, amountCents: s.amount, reason: 'prop' },
              { 'idempotency-key': newKey() },
            );
          }
          const after = (await as(owner.cookie, 'GET', `/api/invoices/${invoice.id}`)).json<Invoice>();
          if (s.op !== 'refund')
            expect(response.statusCode).toBe(s.amount <= before.balanceCents ? 201 : 409);
          if (response.statusCode !== 201) expect(after.paidCents).toBe(before.paidCents);
          expect(after.paidCents).toBeGreaterThanOrEqual(0);
          expect(after.paidCents + after.creditedCents).toBeLessThanOrEqual(after.totalCents);
          expect(after.balanceCents).toBe(after.totalCents - after.creditedCents - after.paidCents);
          const ledger = after.payments
            .filter((p) => p.status === 'recorded')
            .reduce((sum, p) => sum + (p.kind === 'refund' ? -p.amountCents : p.amountCents), 0);
          expect(ledger).toBe(after.paidCents);
        }
      }),
      { numRuns: 15 },
    );
  });
});
