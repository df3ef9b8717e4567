import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvents } from '../../src/events/domain-events.js';
import type { Aging, Invoice, Payment } from '../../src/modules/billing/billing.schemas.js';
import { topicsFor } from '../../contracts/realtime.js';
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

/**
 * Billing, round 2: an invoiceChanged event after every money change (never for a replay), who
 * received each payment, the deposits of a repair order, and the open invoices of each aging bucket.
 */
let t: TestApp;
let owner: { id: string; cookie: string };
let customerId: string;
let vehicleId: string;
let keyCounter = 0;
let events: DomainEvents['invoiceChanged'][];
/** Whether the database was inside a transaction when each event was emitted (must never be). */
let emittedInTransaction: boolean[];

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000abcd';

beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
  customerId = insertCustomer(t.database, { name: 'Ann Example' });
  vehicleId = insertVehicle(t.database, customerId);
  events = [];
  emittedInTransaction = [];
  t.app.events.on('invoiceChanged', (event) => {
    events.push(event);
    emittedInTransaction.push(t.database.sqlite.inTransaction);
  });
});
afterEach(async () => {
  await t.close();
});

function as(cookie: string, method: 'GET' | 'POST', url: string, payload?: object, key?: string) {
  return injectAs(t.app, cookie, {
    method,
    url,
    headers: key === undefined ? {} : { 'idempotency-key': key },
    ...(payload === undefined ? {} : { payload }),
  });
}

function newKey(): string {
  keyCounter += 1;
  return `gaps-key-${keyCounter}-${Math.random().toString(36).slice(2)}`;
}

/** An RO with one job: $100 labor approved (no tax, 5 % supplies = $5): total 10500. */
async function preparedRo(customer = customerId, vehicle = vehicleId, complete = true) {
  const ro = await as(owner.cookie, 'POST', '/api/repair-orders', {
    customerId: customer,
    vehicleId: vehicle,
    concerns: ['Noise'],
  });
  expect(ro.statusCode, ro.body).toBe(201);
  const { id: roId, jobs } = ro.json<{ id: string; jobs: { id: string }[] }>();
  const jobId = jobs[0]!.id;
  const line = await as(owner.cookie, 'POST', `/api/jobs/${jobId}/lines`, {
    kind: 'labor',
    description: 'Diagnose',
    quantity: 1,
    unitPriceCents: 10_000,
    taxable: false,
  });
  expect(line.statusCode, line.body).toBe(201);
  const approved = await as(owner.cookie, 'POST', `/api/repair-orders/${roId}/approvals`, {
    method: 'in_person',
    approvedBy: 'Ann',
    decisions: [{ lineId: line.json<{ id: string }>().id, state: 'approved' }],
  });
  expect(approved.statusCode, approved.body).toBe(200);
  if (complete)
    for (const status of ['In_Progress', 'Completed']) {
      const job = (await as(owner.cookie, 'GET', `/api/jobs/${jobId}`)).json<{ version: number }>();
      const moved = await as(owner.cookie, 'POST', `/api/jobs/${jobId}/status`, {
        status,
        version: job.version,
      });
      expect(moved.statusCode, moved.body).toBe(200);
    }
  return roId;
}

async function issue(roId: string): Promise<Invoice> {
  const response = await as(owner.cookie, 'POST', '/api/invoices', { repairOrderId: roId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Invoice>();
}

function changes(): string[] {
  return events.map((e) => e.change);
}

describe('invoiceChanged events', () => {
  it('announces every money change once, after commit, on the RO and board topics', async () => {
    const roId = await preparedRo();
    const depositKey = newKey();
    const deposit = await as(
      owner.cookie,
      'POST',
      `/api/repair-orders/${roId}/deposits`,
      { method: 'cash', amountCents: 2_000 },
      depositKey,
    );
    expect(deposit.statusCode, deposit.body).toBe(201);
    expect(events).toEqual([
      { invoiceId: null, repairOrderId: roId, change: 'deposit', at: expect.any(String) },
    ]);
    // A replay of the same deposit answers the same and announces nothing.
    const replay = await as(
      owner.cookie,
      'POST',
      `/api/repair-orders/${roId}/deposits`,
      { method: 'cash', amountCents: 2_000 },
      depositKey,
    );
    expect(replay.json()).toEqual(deposit.json());
    expect(events).toHaveLength(1);

    const invoice = await issue(roId);
    expect(events.at(-1)).toMatchObject({ invoiceId: invoice.id, repairOrderId: roId, change: 'issued' });

    const payKey = newKey();
    const paid = await as(
      owner.cookie,
      'POST',
      `/api/invoices/${invoice.id}/payments`,
      { method: 'cash', amountCents: 3_000 },
      payKey,
    );
    expect(paid.statusCode, paid.body).toBe(201);
    expect(changes().slice(-1)).toEqual(['payment']);
    const count = events.length;
    const again = await as(
      owner.cookie,
      'POST',
      `/api/invoices/${invoice.id}/payments`,
      { method: 'cash', amountCents: 3_000 },
      payKey,
    );
    expect(again.statusCode).toBe(201);
    expect(events).toHaveLength(count);

    const paymentId = paid.json<{ payment: Payment }>().payment.id;
    const refund = await as(
      owner.cookie,
      'POST',
      `/api/invoices/${invoice.id}/refunds`,
      { paymentId, amountCents: 500, reason: 'goodwill' },
      newKey(),
    );
    expect(refund.statusCode, refund.body).toBe(201);
    expect(changes().at(-1)).toBe('refund');

    const refundId = refund.json<{ payment: Payment }>().payment.id;
    const voided = await as(
      owner.cookie,
      'POST',
      `/api/payments/${refundId}/void`,
      { reason: 'typed wrong' },
      newKey(),
    );
    expect(voided.statusCode, voided.body).toBe(200);
    expect(events.at(-1)).toMatchObject({ invoiceId: invoice.id, change: 'payment_voided' });

    const note = await as(owner.cookie, 'POST', `/api/invoices/${invoice.id}/credit-notes`, {
      amountCents: 500,
      reason: 'loyal customer',
    });
    expect(note.statusCode, note.body).toBe(201);
    expect(changes().at(-1)).toBe('credit_note');

    // The last cent: a payment, then the invoice is paid.
    const balance = note.json<Invoice>().balanceCents;
    const last = await as(
      owner.cookie,
      'POST',
      `/api/invoices/${invoice.id}/payments`,
      { method: 'cash', amountCents: balance },
      newKey(),
    );
    expect(last.json<{ invoice: Invoice }>().invoice.status).toBe('paid');
    expect(changes().slice(-2)).toEqual(['payment', 'paid']);
    expect(events.every((e) => e.repairOrderId === roId)).toBe(true);
    expect(emittedInTransaction.length).toBe(events.length);
    expect(emittedInTransaction.every((inside) => !inside)).toBe(true);

    const topics = topicsFor({ name: 'invoiceChanged', payload: events[0]! });
    expect(topics).toEqual(['board', `repair-order:${roId}`]);
  });

  it('announces void, charge to account and a refused change not at all', async () => {
    const fleet = insertCustomer(t.database, { name: 'Acme Fleet' });
    t.database.sqlite.prepare(`UPDATE customers SET kind = 'fleet' WHERE id = ?`).run(fleet);
    const truck = insertVehicle(t.database, fleet);
    const roId = await preparedRo(fleet, truck);
    const invoice = await issue(roId);
    const charged = await as(owner.cookie, 'POST', `/api/invoices/${invoice.id}/charge-to-account`, {
      termsDays: 30,
    });
    expect(charged.statusCode, charged.body).toBe(200);
    expect(changes()).toEqual(['issued', 'charged_to_account']);

    const refused = await as(
      owner.cookie,
      'POST',
      `/api/invoices/${invoice.id}/payments`,
      { method: 'cash', amountCents: 999_999 },
      newKey(),
    );
    expect(refused.statusCode).toBe(409);
    expect(changes()).toEqual(['issued', 'charged_to_account']);

    const voided = await as(owner.cookie, 'POST', `/api/invoices/${invoice.id}/void`, { reason: 'wrong RO' });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(events.at(-1)).toMatchObject({ invoiceId: invoice.id, repairOrderId: roId, change: 'voided' });
  });
});

describe('who received a payment', () => {
  it('names the staff member on the payment and in the invoice', async () => {
    const advisor = await createStaff(t.app, owner.cookie, 'advisor', 'Alex Advisor');
    const advisorCookie = await loginAs(t.app, advisor);
    const invoice = await issue(await preparedRo());
    const paid = await as(
      advisorCookie,
      'POST',
      `/api/invoices/${invoice.id}/payments`,
      { method: 'cash', amountCents: 1_000 },
      newKey(),
    );
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json<{ payment: Payment }>().payment.receivedBy).toEqual({
      id: advisor.id,
      name: 'Alex Advisor',
    });
    const read = (await as(owner.cookie, 'GET', `/api/invoices/${invoice.id}`)).json<Invoice>();
    expect(read.payments.map((p) => p.receivedBy?.name)).toEqual(['Alex Advisor']);
    // A payment recorded without a person (system, import) has no name to show.
    t.database.sqlite.prepare('UPDATE payments SET received_by = NULL').run();
    const system = (await as(owner.cookie, 'GET', `/api/invoices/${invoice.id}`)).json<Invoice>();
    expect(system.payments[0]!.receivedBy).toBeNull();
  });
});

describe('deposits of a repair order', () => {
  it('lists the deposits waiting for the invoice, then the applied ones with the invoice id', async () => {
    const roId = await preparedRo();
    const take = async (amountCents: number) => {
      const response = await as(
        owner.cookie,
        'POST',
        `/api/repair-orders/${roId}/deposits`,
        { method: 'cash', amountCents },
        newKey(),
      );
      expect(response.statusCode, response.body).toBe(201);
      return response.json<Payment>();
    };
    const first = await take(1_000);
    t.clock.advance(60_000);
    const second = await take(2_500);
    const mistaken = await take(300);
    await as(owner.cookie, 'POST', `/api/payments/${mistaken.id}/void`, { reason: 'typo' }, newKey());

    const before = await as(owner.cookie, 'GET', `/api/repair-orders/${roId}/deposits`);
    expect(before.statusCode, before.body).toBe(200);
    const listed = before.json<{ items: Payment[] }>().items;
    expect(listed.map((d) => [d.id, d.amountCents, d.invoiceId, d.status])).toEqual([
      [first.id, 1_000, null, 'recorded'],
      [second.id, 2_500, null, 'recorded'],
      [mistaken.id, 300, null, 'void'],
    ]);
    expect(listed[0]!.receivedBy).toEqual({ id: owner.id, name: 'Olga Owner' });

    const invoice = await issue(roId);
    expect(invoice.paidCents).toBe(3_500);
    const after = (await as(owner.cookie, 'GET', `/api/repair-orders/${roId}/deposits`)).json<{
      items: Payment[];
    }>().items;
    expect(after.map((d) => d.invoiceId)).toEqual([invoice.id, invoice.id, null]);

    const missing = await as(owner.cookie, 'GET', `/api/repair-orders/${UNKNOWN_ID}/deposits`);
    expect(missing.statusCode).toBe(404);
    const tech = await createStaff(t.app, owner.cookie, 'technician');
    const denied = await as(await loginAs(t.app, tech), 'GET', `/api/repair-orders/${roId}/deposits`);
    expect(denied.statusCode).toBe(403);
  });
});

describe('A/R aging with its invoices', () => {
  it('lists the open invoices of each bucket with customer, due date, days past due and balance', async () => {
    const fleet = insertCustomer(t.database, { name: 'Acme Fleet' });
    t.database.sqlite.prepare(`UPDATE customers SET kind = 'fleet' WHERE id = ?`).run(fleet);
    const truck = insertVehicle(t.database, fleet);
    const onAccount = await issue(await preparedRo(fleet, truck));
    const charged = await as(owner.cookie, 'POST', `/api/invoices/${onAccount.id}/charge-to-account`, {
      termsDays: 10,
    });
    expect(charged.statusCode, charged.body).toBe(200);
    const walkIn = await issue(await preparedRo());
    const partPaid = await as(
      owner.cookie,
      'POST',
      `/api/invoices/${walkIn.id}/payments`,
      { method: 'cash', amountCents: 4_000 },
      newKey(),
    );
    expect(partPaid.statusCode).toBe(201);
    const settled = await issue(await preparedRo());
    await as(
      owner.cookie,
      'POST',
      `/api/invoices/${settled.id}/payments`,
      { method: 'cash', amountCents: settled.totalCents },
      newKey(),
    );

    // Issued at 2026-03-02T14:00; 45 days later the walk-in (due at issue) is 45 days late, the
    // account invoice (due 10 days after issue) 35.
    const response = await as(
      owner.cookie,
      'GET',
      '/api/accounts-receivable/aging?asOf=2026-04-16T15:00:00.000Z',
    );
    expect(response.statusCode, response.body).toBe(200);
    const aging = response.json<Aging>();
    expect(aging.invoices.current).toEqual([]);
    expect(aging.invoices.days1to30).toEqual([]);
    expect(aging.invoices.days31to60).toEqual([
      {
        invoiceId: walkIn.id,
        number: walkIn.number,
        customerId,
        customerName: 'Ann Example',
        dueAt: walkIn.dueAt,
        daysPastDue: 45,
        balanceCents: walkIn.totalCents - 4_000,
        onAccount: false,
      },
      {
        invoiceId: onAccount.id,
        number: onAccount.number,
        customerId: fleet,
        customerName: 'Acme Fleet',
        dueAt: '2026-03-12T14:00:00.000Z',
        daysPastDue: 35,
        balanceCents: onAccount.totalCents,
        onAccount: true,
      },
    ]);
    // The invoices of a bucket add up to its total; a paid invoice is in none.
    for (const key of ['current', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const)
      expect(aging.invoices[key].reduce((sum, i) => sum + i.balanceCents, 0)).toBe(aging.totals[key]);
    expect(
      Object.values(aging.invoices)
        .flat()
        .map((i) => i.invoiceId),
    ).not.toContain(settled.id);

    // Before the account invoice is due it is current, with 0 days past due.
    const early = (
      await as(owner.cookie, 'GET', '/api/accounts-receivable/aging?asOf=2026-03-05T00:00:00.000Z')
    ).json<Aging>();
    expect(early.invoices.current.map((i) => [i.invoiceId, i.daysPastDue])).toEqual([[onAccount.id, 0]]);
    expect(early.invoices.days1to30.map((i) => [i.invoiceId, i.daysPastDue])).toEqual([[walkIn.id, 2]]);
    expect(problemOf(await as(owner.cookie, 'GET', '/api/accounts-receivable/aging?asOf=nope')).status).toBe(
      400,
    );
  });
});
