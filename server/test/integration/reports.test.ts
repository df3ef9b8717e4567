import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invoice } from '../../src/modules/billing/billing.schemas.js';
import type {
  EndOfDayReport,
  InventoryReport,
  KpiReport,
  Metric,
  TechniciansReport,
} from '../../src/modules/reports/reports.schemas.js';
import { newId } from '../../src/lib/ids.js';
import { insertCustomer, insertTechnician, insertVehicle } from '../helpers/fixtures.js';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  OWNER,
  problemOf,
  sessionCookieFrom,
  setupOwner,
  type TestApp,
} from '../helpers/test-app.js';

/**
 * One real flow, built once (the reports only read), in a shop in Chicago (UTC−6 in March):
 *
 * Mon Mar 2 (local): RO1 on vehicle V1, opened 14:00Z. Job J1: 2 h labor at $120, 2 stock parts
 *   at $45.50 costing $20 each, a declined $100 part, a deferred $5 fee (all decided 14:00Z).
 *   Tech A (hourly $25) clocks 15:00–16:00Z on J1, tech B (flat rate $30) 16:00–16:30Z; A's shift
 *   is 14:00–22:00Z. J1 completes 17:00Z (2 parts leave the shelf); invoice 18:00Z: 33100 lines +
 *   1200 supplies + 637 tax = 34937. Paid cash 20000 + card 14937 (18:30Z); cash refund 1000
 *   (19:00Z); check 1000 (19:10Z) voided (19:20Z).
 * Tue Mar 3 (local): RO2 on V2 opened 15:00Z, deposit cash 5000 (16:00Z). Job J2 assigned to B,
 *   nobody clocks: 1 h labor at $100, a sublet at $150 costing $110 (approved 15:00Z), completed
 *   20:00Z; invoiced at 05:30Z on Mar 4 UTC = 23:30 on Mar 3 in Chicago: 25000 + 500 supplies.
 */
let t: TestApp;
let owner: { id: string; cookie: string };
let techA: string;
let techB: string;
let invoice1: Invoice;
let invoice2: Invoice;
let keyCounter = 0;

function as(cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, key?: string) {
  return injectAs(t.app, cookie, {
    method,
    url,
    headers: key === undefined ? {} : { 'idempotency-key': key },
    ...(payload === undefined ? {} : { payload }),
  });
}

async function ok<T>(
  response: Promise<{ statusCode: number; body: string; json: <J>() => J }>,
  status = 200,
) {
  const r = await response;
  expect(r.statusCode, r.body).toBe(status);
  return r.json<T>();
}

function newKey(): string {
  keyCounter += 1;
  return `reports-key-${keyCounter}-${Math.random().toString(36).slice(2)}`;
}

async function setStatus(jobId: string, status: string) {
  const job = await ok<{ version: number }>(as(owner.cookie, 'GET', `/api/jobs/${jobId}`));
  await ok(as(owner.cookie, 'POST', `/api/jobs/${jobId}/status`, { status, version: job.version }));
}

async function addLine(jobId: string, payload: object): Promise<string> {
  return (await ok<{ id: string }>(as(owner.cookie, 'POST', `/api/jobs/${jobId}/lines`, payload), 201)).id;
}

/** Moves the shop clock a day on; the owner signs in again (sessions end when idle). */
async function nextDay(at: string) {
  t.clock.set(at);
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: OWNER.email, password: OWNER.password },
  });
  owner = { id: owner.id, cookie: sessionCookieFrom(login) };
}

function insertClock(jobId: string, technicianId: string, startedAt: string, endedAt: string) {
  t.database.sqlite
    .prepare(
      `INSERT INTO job_clock_entries (id, job_id, technician_id, started_at, ended_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(newId(), jobId, technicianId, startedAt, endedAt, startedAt, startedAt);
}

function insertShift(technicianId: string, clockInAt: string, clockOutAt: string) {
  t.database.sqlite
    .prepare(
      `INSERT INTO technician_shifts (id, technician_id, clock_in_at, clock_out_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(newId(), technicianId, clockInAt, clockOutAt, clockInAt, clockInAt);
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-01T12:00:00.000Z');
  owner = await setupOwner(t.app);
  await ok(as(owner.cookie, 'PATCH', '/api/settings', { version: 1, timezone: 'America/Chicago' }));
  const customer1 = insertCustomer(t.database, { name: 'Smith, Ann "Annie"' });
  const customer2 = insertCustomer(t.database, { name: 'Bob Fleet' });
  const v1 = insertVehicle(t.database, customer1, { make: 'Toyota', model: 'Camry' });
  const v2 = insertVehicle(t.database, customer2, { make: 'Ford', model: 'Transit' });
  techA = insertTechnician(t.database, 'Alice Hourly');
  techB = insertTechnician(t.database, 'Bert Flat');
  t.database.sqlite
    .prepare(`UPDATE technicians SET pay_rate_cents = ?, pay_basis = ? WHERE id = ?`)
    .run(2500, 'hourly', techA);
  t.database.sqlite
    .prepare(`UPDATE technicians SET pay_rate_cents = ?, pay_basis = ? WHERE id = ?`)
    .run(3000, 'flat_rate', techB);
  const item = await ok<{ id: string }>(
    as(owner.cookie, 'POST', '/api/inventory/items', {
      sku: 'BP-1',
      name: 'Brake pad set',
      quantityOnHand: 10,
      costPriceCents: 2000,
      sellPriceCents: 4550,
    }),
    201,
  );

  // ---- Monday Mar 2
  await nextDay('2026-03-02T14:00:00.000Z');
  const ro1 = await ok<{ id: string; jobs: { id: string }[] }>(
    as(owner.cookie, 'POST', '/api/repair-orders', {
      customerId: customer1,
      vehicleId: v1,
      concerns: ['Brakes'],
    }),
    201,
  );
  const j1 = ro1.jobs[0]!.id;
  const labor1 = await addLine(j1, {
    kind: 'labor',
    description: 'Pads',
    quantity: 2,
    unitPriceCents: 12_000,
    taxable: false,
  });
  const part1 = await addLine(j1, {
    kind: 'part',
    description: 'Brake pad set',
    quantity: 2,
    unitPriceCents: 4_550,
    inventoryItemId: item.id,
  });
  const declined = await addLine(j1, {
    kind: 'part',
    description: 'Rotors',
    partNumber: 'RT-2',
    quantity: 1,
    unitPriceCents: 10_000,
  });
  const deferred = await addLine(j1, {
    kind: 'fee',
    description: 'Disposal',
    quantity: 1,
    unitPriceCents: 500,
  });
  await ok(
    as(owner.cookie, 'POST', `/api/repair-orders/${ro1.id}/approvals`, {
      method: 'in_person',
      approvedBy: 'Ann',
      decisions: [
        { lineId: labor1, state: 'approved' },
        { lineId: part1, state: 'approved' },
        { lineId: declined, state: 'declined', reason: 'later' },
        { lineId: deferred, state: 'deferred', reason: 'next visit' },
      ],
    }),
  );
  insertShift(techA, '2026-03-02T14:00:00.000Z', '2026-03-02T22:00:00.000Z');
  insertClock(j1, techA, '2026-03-02T15:00:00.000Z', '2026-03-02T16:00:00.000Z');
  insertClock(j1, techB, '2026-03-02T16:00:00.000Z', '2026-03-02T16:30:00.000Z');
  t.clock.set('2026-03-02T15:00:00.000Z');
  await setStatus(j1, 'In_Progress');
  t.clock.set('2026-03-02T17:00:00.000Z');
  await setStatus(j1, 'Completed');
  t.clock.set('2026-03-02T18:00:00.000Z');
  invoice1 = await ok<Invoice>(as(owner.cookie, 'POST', '/api/invoices', { repairOrderId: ro1.id }), 201);
  expect(invoice1.totalCents).toBe(34_937);
  t.clock.set('2026-03-02T18:30:00.000Z');
  const cash = await ok<{ payment: { id: string } }>(
    as(
      owner.cookie,
      'POST',
      `/api/invoices/${invoice1.id}/payments`,
      { method: 'cash', amountCents: 20_000 },
      newKey(),
    ),
    201,
  );
  await ok(
    as(
      owner.cookie,
      'POST',
      `/api/invoices/${invoice1.id}/payments`,
      { method: 'card', amountCents: 14_937, cardReference: 'AUTH-123' },
      newKey(),
    ),
    201,
  );
  t.clock.set('2026-03-02T19:00:00.000Z');
  await ok(
    as(
      owner.cookie,
      'POST',
      `/api/invoices/${invoice1.id}/refunds`,
      { paymentId: cash.payment.id, amountCents: 1_000, reason: 'goodwill' },
      newKey(),
    ),
    201,
  );
  t.clock.set('2026-03-02T19:10:00.000Z');
  const check = await ok<{ payment: { id: string } }>(
    as(
      owner.cookie,
      'POST',
      `/api/invoices/${invoice1.id}/payments`,
      { method: 'check', amountCents: 1_000, checkNumber: '555' },
      newKey(),
    ),
    201,
  );
  t.clock.set('2026-03-02T19:20:00.000Z');
  await ok(
    as(owner.cookie, 'POST', `/api/payments/${check.payment.id}/void`, { reason: 'bounced' }, newKey()),
  );

  // ---- Tuesday Mar 3
  await nextDay('2026-03-03T15:00:00.000Z');
  const ro2 = await ok<{ id: string; jobs: { id: string }[] }>(
    as(owner.cookie, 'POST', '/api/repair-orders', {
      customerId: customer2,
      vehicleId: v2,
      concerns: ['Noise'],
    }),
    201,
  );
  const j2 = ro2.jobs[0]!.id;
  const job2 = await ok<{ version: number }>(as(owner.cookie, 'GET', `/api/jobs/${j2}`));
  await ok(as(owner.cookie, 'PATCH', `/api/jobs/${j2}`, { version: job2.version, technicianId: techB }));
  const labor2 = await addLine(j2, {
    kind: 'labor',
    description: 'Diagnose',
    quantity: 1,
    unitPriceCents: 10_000,
    taxable: false,
  });
  const sublet2 = await addLine(j2, {
    kind: 'sublet',
    description: 'Alignment (sent out)',
    quantity: 1,
    unitPriceCents: 15_000,
    unitCostCents: 11_000,
    taxable: false,
  });
  await ok(
    as(owner.cookie, 'POST', `/api/repair-orders/${ro2.id}/approvals`, {
      method: 'phone',
      approvedBy: 'Bob',
      decisions: [
        { lineId: labor2, state: 'approved' },
        { lineId: sublet2, state: 'approved' },
      ],
    }),
  );
  t.clock.set('2026-03-03T16:00:00.000Z');
  await ok(
    as(
      owner.cookie,
      'POST',
      `/api/repair-orders/${ro2.id}/deposits`,
      { method: 'cash', amountCents: 5_000 },
      newKey(),
    ),
    201,
  );
  await setStatus(j2, 'In_Progress');
  t.clock.set('2026-03-03T20:00:00.000Z');
  await setStatus(j2, 'Completed');
  t.clock.set('2026-03-04T05:30:00.000Z');
  invoice2 = await ok<Invoice>(as(owner.cookie, 'POST', '/api/invoices', { repairOrderId: ro2.id }), 201);
  expect(invoice2.totalCents).toBe(25_500);
  await nextDay('2026-03-04T12:00:00.000Z');
});

afterAll(async () => {
  await t?.close();
});

function metric(report: KpiReport, key: string): Metric {
  const found = report.metrics.find((m) => m.key === key);
  if (found === undefined) throw new Error(`no metric ${key}`);
  return found;
}

/** [bucket values..., total] of a metric's value. */
function values(report: KpiReport, key: string): (number | null)[] {
  const m = metric(report, key);
  return [...m.values.map((v) => v.value), m.total.value];
}

describe('KPIs', () => {
  let report: KpiReport;
  beforeAll(async () => {
    report = await ok<KpiReport>(
      as(owner.cookie, 'GET', '/api/reports/kpis?from=2026-03-02&to=2026-03-03&period=day'),
    );
  });

  it('buckets by the shop day: an invoice at 05:30 UTC on Mar 4 is Mar 3 in Chicago', () => {
    expect(report.timeZone).toBe('America/Chicago');
    expect(report.buckets).toEqual([
      {
        key: '2026-03-02',
        label: 'Mon, Mar 2, 2026',
        from: '2026-03-02',
        to: '2026-03-02',
        startsAt: '2026-03-02T06:00:00.000Z',
        endsAt: '2026-03-03T06:00:00.000Z',
      },
      {
        key: '2026-03-03',
        label: 'Tue, Mar 3, 2026',
        from: '2026-03-03',
        to: '2026-03-03',
        startsAt: '2026-03-03T06:00:00.000Z',
        endsAt: '2026-03-04T06:00:00.000Z',
      },
    ]);
    expect(values(report, 'ros_closed')).toEqual([1, 1, 2]);
    expect(values(report, 'car_count')).toEqual([1, 1, 2]);
  });

  it('sales, ARO and the sales by kind', () => {
    expect(values(report, 'sales_before_tax')).toEqual([34_300, 25_500, 59_800]);
    expect(values(report, 'aro')).toEqual([34_300, 25_500, 29_900]);
    expect(metric(report, 'aro')).toMatchObject({
      formula: 'RO sales before tax ÷ ROs closed',
      unit: 'cents',
      total: { value: 29_900, numerator: 59_800, denominator: 2 },
    });
    expect(values(report, 'labor_sales')).toEqual([24_000, 10_000, 34_000]);
    expect(values(report, 'parts_sales')).toEqual([9_100, 0, 9_100]);
    expect(values(report, 'sublet_sales')).toEqual([0, 15_000, 15_000]);
    expect(values(report, 'fee_sales')).toEqual([0, 0, 0]);
    expect(values(report, 'shop_supplies')).toEqual([1_200, 500, 1_700]);
  });

  it('gross profit: technician pay by basis, parts cost copied at issue, sublet cost', () => {
    // A hourly: 8 h shift × $25 = 20000; B flat: (2 h × 0.5/1.5 on J1 + 1 h on J2) × $30.
    expect(values(report, 'technician_pay')).toEqual([22_000, 3_000, 25_000]);
    expect(values(report, 'labor_gp')).toEqual([8.3, 70, 26.5]);
    expect(metric(report, 'labor_gp').total).toEqual({ value: 26.5, numerator: 9_000, denominator: 34_000 });
    expect(values(report, 'parts_cost')).toEqual([4_000, 0, 4_000]);
    expect(values(report, 'parts_gp')).toEqual([56, null, 56]);
    // (59800 − 4000 − 11000 − 25000) ÷ 59800
    expect(values(report, 'total_gp')).toEqual([24.2, 45.1, 33.1]);
  });

  it('hours: effective labor rate, efficiency, productivity, proficiency', () => {
    expect(values(report, 'billed_hours')).toEqual([2, 1, 3]);
    expect(values(report, 'effective_labor_rate')).toEqual([12_000, 10_000, 11_333]);
    expect(values(report, 'clocked_hours')).toEqual([1.5, 0, 1.5]);
    expect(values(report, 'available_hours')).toEqual([8, 0, 8]);
    expect(values(report, 'efficiency')).toEqual([133.3, null, 200]);
    expect(metric(report, 'efficiency').total).toEqual({ value: 200, numerator: 3, denominator: 1.5 });
    expect(values(report, 'productivity')).toEqual([18.8, null, 18.8]);
    expect(values(report, 'proficiency')).toEqual([25, null, 37.5]);
  });

  it('approval ratio in dollars and jobs, and cycle time', () => {
    expect(values(report, 'approval_ratio')).toEqual([75.9, 100, 84.7]);
    expect(metric(report, 'approval_ratio').total).toMatchObject({ numerator: 58_100, denominator: 68_600 });
    expect(values(report, 'approval_ratio_jobs')).toEqual([100, 100, 100]);
    expect(values(report, 'cycle_time')).toEqual([3, 5, 4]);
  });

  it('by ISO week and month the same totals come out in one bucket', async () => {
    const week = await ok<KpiReport>(
      as(owner.cookie, 'GET', '/api/reports/kpis?from=2026-03-01&to=2026-03-10&period=week'),
    );
    expect(week.buckets.map((b) => [b.key, b.from, b.to])).toEqual([
      ['2026-W09', '2026-03-01', '2026-03-01'],
      ['2026-W10', '2026-03-02', '2026-03-08'],
      ['2026-W11', '2026-03-09', '2026-03-10'],
    ]);
    expect(values(week, 'aro')).toEqual([null, 29_900, null, 29_900]);
    expect(values(week, 'car_count')).toEqual([0, 2, 0, 2]);
    const month = await ok<KpiReport>(
      as(owner.cookie, 'GET', '/api/reports/kpis?from=2026-02-01&to=2026-03-31'),
    );
    expect(month.period).toBe('month');
    expect(month.buckets.map((b) => b.label)).toEqual(['Feb 2026', 'Mar 2026']);
    expect(values(month, 'total_gp')).toEqual([null, 33.1, 33.1]);
  });

  it('CSV: one row per metric and bucket plus a total, money in dollars', async () => {
    const response = await as(
      owner.cookie,
      'GET',
      '/api/reports/kpis.csv?from=2026-03-02&to=2026-03-03&period=day',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="kpis-2026-03-02-to-2026-03-03.csv"',
    );
    const lines = response.body.split('\r\n');
    expect(lines[0]).toBe(
      'metric,label,unit,formula,bucket,bucket_label,from,to,value,numerator,denominator',
    );
    expect(lines).toContain(
      'aro,Average repair order,dollars,RO sales before tax ÷ ROs closed,total,Total,2026-03-02,2026-03-03,299.00,598.00,2',
    );
    expect(lines).toContain(
      'aro,Average repair order,dollars,RO sales before tax ÷ ROs closed,2026-03-02,"Mon, Mar 2, 2026",2026-03-02,2026-03-02,343.00,343.00,1',
    );
    expect(lines.length).toBe(1 + report.metrics.length * 3 + 1); // header, rows, final CRLF
  });
});

describe('technicians', () => {
  it('splits billed hours by clocked share, gives unclocked jobs to the assignee', async () => {
    const report = await ok<TechniciansReport>(
      as(owner.cookie, 'GET', '/api/reports/technicians?from=2026-03-02&to=2026-03-03'),
    );
    const a = report.technicians.find((x) => x.id === techA)!;
    const b = report.technicians.find((x) => x.id === techB)!;
    expect(a).toMatchObject({
      name: 'Alice Hourly',
      payBasis: 'hourly',
      billedHours: 1.33,
      clockedHours: 1,
      availableHours: 8,
      efficiency: 133.3,
      productivity: 12.5,
      proficiency: 16.7,
      laborSalesCents: 16_000,
      payCents: 20_000,
    });
    expect(b).toMatchObject({
      payBasis: 'flat_rate',
      billedHours: 1.67,
      clockedHours: 0.5,
      availableHours: 0,
      efficiency: 333.3,
      productivity: null,
      proficiency: null,
      laborSalesCents: 18_000,
      payCents: 5_000,
    });
    expect(report.unassigned).toEqual({ billedHours: 0, laborSalesCents: 0 });
    expect(report.totals).toMatchObject({
      billedHours: 3,
      clockedHours: 1.5,
      availableHours: 8,
      efficiency: 200,
      productivity: 18.8,
      proficiency: 37.5,
      laborSalesCents: 34_000,
      payCents: 25_000,
    });
    expect(report.formulas.efficiency).toBe('billed hours ÷ hours clocked on jobs');
    const csv = await as(owner.cookie, 'GET', '/api/reports/technicians.csv?from=2026-03-02&to=2026-03-03');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(
      `${techA},Alice Hourly,hourly,25.00,1.33,1,8,133.3,12.5,16.7,160.00,200.00\r\n`,
    );
    expect(csv.body).toContain(',Shop total,,,3,1.5,8,200,18.8,37.5,340.00,250.00\r\n');
  });
});

describe('inventory', () => {
  it('values stock now and from the ledger at the period ends, and annualizes turns', async () => {
    const report = await ok<InventoryReport>(
      as(owner.cookie, 'GET', '/api/reports/inventory?from=2026-03-02&to=2026-03-03'),
    );
    expect(report).toMatchObject({
      valueNowCents: 16_000,
      itemsInStockNow: 1,
      valueAtStartCents: 20_000,
      valueAtEndCents: 16_000,
      averageValueCents: 18_000,
      issuedCostCents: 4_000,
      days: 2,
      turnsInPeriod: 0.22,
      turns: 40.56,
    });
    expect(report.formulas.turns).toMatch(/annualized/);
    const before = await ok<InventoryReport>(
      as(owner.cookie, 'GET', '/api/reports/inventory?from=2026-02-01&to=2026-02-28'),
    );
    expect(before).toMatchObject({
      valueAtStartCents: 0,
      valueAtEndCents: 0,
      issuedCostCents: 0,
      turns: null,
    });
    const csv = await as(owner.cookie, 'GET', '/api/reports/inventory.csv?from=2026-03-02&to=2026-03-03');
    expect(csv.body).toContain('value_now,160.00,');
  });
});

describe('end of day', () => {
  it('payments by method, refunds, voids, card references and the cash drawer', async () => {
    const report = await ok<EndOfDayReport>(
      as(owner.cookie, 'GET', '/api/reports/end-of-day?date=2026-03-02&openingFloatCents=15000'),
    );
    expect(report.methods).toEqual([
      {
        method: 'cash',
        count: 1,
        paymentsCents: 20_000,
        refundCount: 1,
        refundsCents: 1_000,
        netCents: 19_000,
      },
      { method: 'card', count: 1, paymentsCents: 14_937, refundCount: 0, refundsCents: 0, netCents: 14_937 },
      { method: 'check', count: 0, paymentsCents: 0, refundCount: 0, refundsCents: 0, netCents: 0 },
    ]);
    expect(report.totals).toEqual({
      count: 2,
      paymentsCents: 34_937,
      refundCount: 1,
      refundsCents: 1_000,
      netCents: 33_937,
    });
    expect(report.cardPayments).toEqual([
      expect.objectContaining({
        amountCents: 14_937,
        cardReference: 'AUTH-123',
        invoiceNumber: invoice1.number,
      }),
    ]);
    expect(report.voidedPayments).toEqual([
      expect.objectContaining({
        method: 'check',
        amountCents: 1_000,
        checkNumber: '555',
        voidReason: 'bounced',
      }),
    ]);
    expect(report.invoicesIssued).toMatchObject({ count: 1, totalCents: 34_937 });
    expect(report.deposits.count).toBe(0);
    expect(report.cash).toEqual({
      openingFloatCents: 15_000,
      openingFloatSource: 'query',
      cashInCents: 20_000,
      cashRefundedCents: 1_000,
      expectedCents: 34_000,
      formula: 'opening float + cash payments and deposits − cash refunds',
    });
  });

  it('the next day: the deposit, the late invoice, no float given; advisors may read it', async () => {
    const advisor = await createStaff(t.app, owner.cookie, 'advisor');
    const cookie = await loginAs(t.app, advisor);
    const report = await ok<EndOfDayReport>(as(cookie, 'GET', '/api/reports/end-of-day?date=2026-03-03'));
    expect(report.startsAt).toBe('2026-03-03T06:00:00.000Z');
    expect(report.deposits).toMatchObject({ count: 1, amountCents: 5_000 });
    expect(report.invoicesIssued).toMatchObject({ count: 1, totalCents: 25_500 });
    expect(report.invoicesIssued.items[0]).toMatchObject({ number: invoice2.number, balanceCents: 20_500 });
    expect(report.cash).toMatchObject({
      openingFloatCents: 0,
      openingFloatSource: 'none',
      expectedCents: 5_000,
    });
    const csv = await as(cookie, 'GET', '/api/reports/end-of-day.csv?date=2026-03-03');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="end-of-day-2026-03-03.csv"');
    expect(csv.body).toContain(
      'cash_expected,,,50.00,,,,opening float + cash payments and deposits − cash refunds\r\n',
    );
    // The owner's numbers are not the counter's.
    expect((await as(cookie, 'GET', '/api/reports/kpis?from=2026-03-02&to=2026-03-03')).statusCode).toBe(403);
    expect(
      (await as(cookie, 'GET', '/api/reports/accounting.iif?from=2026-03-02&to=2026-03-03')).statusCode,
    ).toBe(403);
  });
});

describe('accounting export', () => {
  /** Transactions of an IIF file: each TRNS with its SPL lines, amounts in cents. */
  function parseIif(text: string): { type: string; rows: string[][]; sumCents: number }[] {
    const transactions: { type: string; rows: string[][]; sumCents: number }[] = [];
    let current: { type: string; rows: string[][]; sumCents: number } | null = null;
    for (const line of text.split('\r\n')) {
      if (line === '' || line.startsWith('!')) continue;
      const fields = line.split('\t');
      if (fields[0] === 'TRNS') current = { type: fields[2]!, rows: [], sumCents: 0 };
      if (fields[0] === 'ENDTRNS') {
        transactions.push(current!);
        current = null;
        continue;
      }
      current!.rows.push(fields);
      current!.sumCents += Math.round(Number(fields[6]) * 100);
    }
    expect(current).toBeNull();
    return transactions;
  }

  it('IIF: every transaction balances to zero; invoices split by income account', async () => {
    const response = await as(
      owner.cookie,
      'GET',
      '/api/reports/accounting.iif?from=2026-03-02&to=2026-03-03',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="ase-accounting-2026-03-02-to-2026-03-03.iif"',
    );
    const lines = response.body.split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      '!TRNS\tTRNSID\tTRNSTYPE\tDATE\tACCNT\tNAME\tAMOUNT\tDOCNUM\tMEMO',
      '!SPL\tSPLID\tTRNSTYPE\tDATE\tACCNT\tNAME\tAMOUNT\tDOCNUM\tMEMO',
      '!ENDTRNS',
    ]);
    const transactions = parseIif(response.body);
    // invoice 1, cash, card, refund, deposit, invoice 2 (the voided check is left out)
    expect(transactions.map((x) => x.type)).toEqual([
      'INVOICE',
      'PAYMENT',
      'PAYMENT',
      'CHECK',
      'PAYMENT',
      'INVOICE',
    ]);
    for (const transaction of transactions) expect(transaction.sumCents).toBe(0);
    const first = transactions[0]!.rows.map((r) => [r[3], r[4], r[5], r[6]]);
    expect(first).toEqual([
      ['03/02/2026', 'Accounts Receivable', "Smith, Ann 'Annie'", '349.37'],
      ['03/02/2026', 'Labor Income', "Smith, Ann 'Annie'", '-240.00'],
      ['03/02/2026', 'Parts Income', "Smith, Ann 'Annie'", '-91.00'],
      ['03/02/2026', 'Shop Supplies', "Smith, Ann 'Annie'", '-12.00'],
      ['03/02/2026', 'Sales Tax Payable', "Smith, Ann 'Annie'", '-6.37'],
    ]);
    // The late invoice is dated in the shop's day, not UTC's.
    expect(transactions[5]!.rows[0]![3]).toBe('03/03/2026');
    expect(transactions[4]!.rows[0]!.slice(4, 7)).toEqual(['Undeposited Funds', 'Bob Fleet', '50.00']);
  });

  it('CSV for QuickBooks Online: one row per document, RFC 4180 quoting', async () => {
    const response = await as(
      owner.cookie,
      'GET',
      '/api/reports/accounting.csv?from=2026-03-02&to=2026-03-03',
    );
    expect(response.statusCode).toBe(200);
    const lines = response.body.split('\r\n');
    expect(lines[0]).toBe(
      'type,date,number,invoice_number,customer,repair_order,method,reference,labor,parts,fees,sublet,shop_supplies,discount,tax,amount,memo',
    );
    expect(lines[1]).toMatch(
      /^invoice,2026-03-02,\d+,\d+,"Smith, Ann ""Annie""",\d+,,,240\.00,91\.00,0\.00,0\.00,12\.00,0\.00,6\.37,349\.37,$/,
    );
    expect(lines.filter((l) => l.startsWith('refund,'))[0]).toContain(',cash,,,,,,,,,-10.00,goodwill');
    expect(lines.length).toBe(1 + 6 + 1);
  });
});

describe('bad input and roles', () => {
  it.each([
    ['/api/reports/kpis?from=2026-02-30&to=2026-03-01', 'query.from'],
    ['/api/reports/kpis?from=2026-03-05&to=2026-03-01', 'query.to'],
    ['/api/reports/kpis?from=03/01/2026&to=2026-03-01', 'query.from'],
    ['/api/reports/kpis?from=2025-01-01&to=2026-03-01&period=day', 'query.period'],
    ['/api/reports/kpis?from=2026-01-01&to=2026-03-01&period=year', 'query.period'],
    ['/api/reports/kpis?to=2026-03-01', 'query.from'],
    ['/api/reports/technicians?from=2026-03-02&to=2026-13-01', 'query.to'],
    ['/api/reports/end-of-day?date=yesterday', 'query.date'],
    ['/api/reports/end-of-day?date=2026-03-02&openingFloatCents=-5', 'query.openingFloatCents'],
    ['/api/reports/accounting.iif?from=2026-03-02&to=2026-03-01', 'query.to'],
  ])('%s → 400 naming %s', async (url, path) => {
    const response = await as(owner.cookie, 'GET', url);
    expect(response.statusCode, response.body).toBe(400);
    expect(problemOf(response).errors?.map((e) => e.path)).toContain(path);
  });

  it('technicians and parts staff may not read reports; nobody signed out may', async () => {
    const tech = await createStaff(t.app, owner.cookie, 'technician');
    const cookie = await loginAs(t.app, tech);
    for (const url of [
      '/api/reports/kpis?from=2026-03-02&to=2026-03-03',
      '/api/reports/end-of-day?date=2026-03-02',
      '/api/reports/technicians.csv?from=2026-03-02&to=2026-03-03',
    ])
      expect((await as(cookie, 'GET', url)).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/reports/inventory?from=2026-03-02&to=2026-03-03' }))
        .statusCode,
    ).toBe(401);
  });
});
