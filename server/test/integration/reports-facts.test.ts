import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiReport } from '../../src/modules/reports/reports.schemas.js';
import { RepairOrdersReportFacts } from '../../src/modules/repair-orders/repair-orders-report-facts.js';
import { TimeclockReportFacts } from '../../src/modules/timeclock/timeclock-report-facts.js';
import { newId } from '../../src/lib/ids.js';
import { insertCustomer, insertTechnician, insertVehicle } from '../helpers/fixtures.js';
import {
  createTestApp,
  injectAs,
  OWNER,
  sessionCookieFrom,
  setupOwner,
  type TestApp,
} from '../helpers/test-app.js';

/**
 * The facts the reports sum in SQL (for speed) against the same numbers worked out by hand:
 * time per range and per job in whole milliseconds (running clocks up to now), decisions whose
 * job spans two ranges (counted once in the whole), cycle times per range, and the KPI path of a
 * shop with hourly technicians only (no billed-hours split needed for pay).
 */
let t: TestApp;
let tom: string;
let tina: string;
let vehicle: string;
let customer: string;
let roNumber = 0;

const NOW = '2026-03-10T12:00:00.000Z';
const DAY1 = { from: '2026-03-02T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z' };
const DAY2 = { from: '2026-03-03T00:00:00.000Z', to: '2026-03-04T00:00:00.000Z' };

function insertRepairOrder(openedAt: string): string {
  const id = newId();
  roNumber += 1;
  t.database.sqlite
    .prepare(
      `INSERT INTO repair_orders (id, number, customer_id, vehicle_id, status, opened_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'open', ?, ?, ?)`,
    )
    .run(id, 9000 + roNumber, customer, vehicle, openedAt, openedAt, openedAt);
  return id;
}

function insertJob(repairOrderId: string | null, actualEnd: string | null = null): string {
  const id = newId();
  t.database.sqlite
    .prepare(
      `INSERT INTO service_jobs (id, vehicle_id, repair_order_id, actual_end, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(id, vehicle, repairOrderId, actualEnd, NOW, NOW);
  return id;
}

function insertDecision(jobId: string, state: string, at: string, quantityMilli: number, priceCents: number) {
  t.database.sqlite
    .prepare(
      `INSERT INTO line_items (id, job_id, kind, description, quantity_milli, unit_price_cents, approval_state, approval_at, created_at, updated_at)
       VALUES (?, ?, 'part', 'Part', ?, ?, ?, ?, ?, ?)`,
    )
    .run(newId(), jobId, quantityMilli, priceCents, state, at, at, at);
}

function insertClock(jobId: string, technicianId: string, startedAt: string, endedAt: string | null) {
  t.database.sqlite
    .prepare(
      `INSERT INTO job_clock_entries (id, job_id, technician_id, started_at, ended_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(newId(), jobId, technicianId, startedAt, endedAt, startedAt, startedAt);
}

function insertShift(technicianId: string, clockInAt: string, clockOutAt: string | null) {
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
  await setupOwner(t.app);
  customer = insertCustomer(t.database);
  vehicle = insertVehicle(t.database, customer);
  tom = insertTechnician(t.database, 'Tom Hourly');
  tina = insertTechnician(t.database, 'Tina Hourly');
  t.database.sqlite
    .prepare(`UPDATE technicians SET pay_rate_cents = 2000, pay_basis = 'hourly' WHERE id IN (?, ?)`)
    .run(tom, tina);
});

afterAll(async () => {
  await t.close();
});

describe('time clock facts summed in SQL', () => {
  it('per range and technician, per job and technician: whole ms, running clocks to now, never negative', async () => {
    const job1 = insertJob(null);
    const job2 = insertJob(null);
    const job3 = insertJob(null);
    // Day 1: Tom 1 h 0.123 s on job 1 and 30 min on job 2; Tina 15 min on job 1.
    insertClock(job1, tom, '2026-03-02T14:00:00.000Z', '2026-03-02T15:00:00.123Z');
    insertClock(job2, tom, '2026-03-02T15:30:00.000Z', '2026-03-02T16:00:00.000Z');
    insertClock(job1, tina, '2026-03-02T16:00:00.001Z', '2026-03-02T16:15:00.001Z');
    // Day 2: Tina 2 h on job 1 (counts for job 1 too, whatever the range); Tom's clock still runs.
    insertClock(job1, tina, '2026-03-03T08:00:00.000Z', '2026-03-03T10:00:00.000Z');
    insertClock(job3, tom, '2026-03-03T23:59:59.999Z', null);
    // A clock that starts after "now" (a correction ahead of the clock) counts 0, not negative.
    insertClock(job2, tina, '2026-03-03T11:00:00.000Z', null);
    insertShift(tom, '2026-03-02T13:00:00.000Z', '2026-03-02T21:00:00.500Z');
    insertShift(tina, '2026-03-03T07:00:00.000Z', null);

    const facts = new TimeclockReportFacts(t.database.kysely, () => '2026-03-03T11:00:00.000Z');
    const H = 3_600_000;
    const sort = <T extends { technicianId: string }>(rows: T[]) =>
      rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(sort(await facts.clockedByRange([DAY1, DAY2]))).toEqual(
      sort([
        { range: 0, technicianId: tom, ms: H + 123 + H / 2 },
        { range: 0, technicianId: tina, ms: H / 4 },
        { range: 1, technicianId: tina, ms: 2 * H + 0 },
        { range: 1, technicianId: tom, ms: 0 }, // started 23:59:59.999, "now" is before it
      ]),
    );
    expect(sort(await facts.attendanceByRange([DAY1, DAY2]))).toEqual(
      sort([
        { range: 0, technicianId: tom, ms: 8 * H + 500 },
        { range: 1, technicianId: tina, ms: 4 * H },
      ]),
    );
    expect(sort(await facts.clockedOnJobs([job1, job2, job1, insertJob(null)]))).toEqual(
      sort([
        { jobId: job1, technicianId: tom, ms: H + 123 },
        { jobId: job1, technicianId: tina, ms: H / 4 + 2 * H },
        { jobId: job2, technicianId: tom, ms: H / 2 },
        { jobId: job2, technicianId: tina, ms: 0 },
      ]),
    );
    expect(await facts.clockedOnJobs([])).toEqual([]);

    // The same as adding up the raw entries the way the time clock's own facts return them.
    const raw = await facts.entriesForJobs([job1, job2]);
    const fromRaw = new Map<string, number>();
    for (const e of raw) {
      const key = `${e.jobId}/${e.technicianId}`;
      fromRaw.set(
        key,
        (fromRaw.get(key) ?? 0) + Math.max(0, Date.parse(e.endedAt) - Date.parse(e.startedAt)),
      );
    }
    for (const fact of await facts.clockedOnJobs([job1, job2]))
      expect(fact.ms).toBe(fromRaw.get(`${fact.jobId}/${fact.technicianId}`));
  });
});

describe('repair-order facts', () => {
  it('approvals: per range, and the whole counts a job decided in two ranges once', async () => {
    const ro = insertRepairOrder('2026-03-01T10:00:00.000Z');
    const spanning = insertJob(ro);
    const declinedOnly = insertJob(ro);
    // 1.5 × $10.01 = 15.015 → 1502 (half up); 1 × $20 declined on day 1; $7 approved on day 2.
    insertDecision(spanning, 'approved', '2026-03-02T14:00:00.000Z', 1500, 1001);
    insertDecision(spanning, 'declined', '2026-03-02T14:00:00.000Z', 1000, 2000);
    insertDecision(spanning, 'approved', '2026-03-03T09:00:00.000Z', 1000, 700);
    insertDecision(declinedOnly, 'deferred', '2026-03-03T09:00:00.000Z', 2000, 250);
    insertDecision(declinedOnly, 'recommended', '2026-03-03T09:00:00.000Z', 1000, 999_999);
    // Outside both ranges: left out.
    insertDecision(declinedOnly, 'approved', '2026-03-04T00:00:00.000Z', 1000, 999_999);
    const facts = new RepairOrdersReportFacts(t.database.kysely);
    const rows = (await facts.approvals([DAY1, DAY2])).sort((a, b) => a.range - b.range);
    expect(rows).toEqual([
      {
        range: 0,
        approvedCents: 1502,
        declinedCents: 2000,
        deferredCents: 0,
        linesApproved: 1,
        linesPresented: 2,
        jobsPresented: 1,
        jobsApproved: 1,
      },
      {
        range: 1,
        approvedCents: 700,
        declinedCents: 0,
        deferredCents: 500,
        linesApproved: 1,
        linesPresented: 2,
        jobsPresented: 2,
        jobsApproved: 1,
      },
      {
        range: 2,
        approvedCents: 2202,
        declinedCents: 2000,
        deferredCents: 500,
        linesApproved: 2,
        linesPresented: 4,
        jobsPresented: 2, // not 3: the spanning job is one job over the whole
        jobsApproved: 1,
      },
    ]);
    expect(
      await facts.approvals([{ from: '2020-01-01T00:00:00.000Z', to: '2020-01-02T00:00:00.000Z' }]),
    ).toEqual([]);
  });

  it('cycle times per range: last actual end − opened, whole ms; no end or an end before opening left out', async () => {
    const a = insertRepairOrder('2026-03-02T08:00:00.000Z');
    insertJob(a, '2026-03-02T10:00:00.000Z');
    insertJob(a, '2026-03-02T12:30:00.250Z'); // the last end counts
    const b = insertRepairOrder('2026-03-02T09:00:00.000Z');
    insertJob(b, '2026-03-03T09:00:00.000Z');
    const noEnd = insertRepairOrder('2026-03-02T09:00:00.000Z');
    insertJob(noEnd, null);
    const endsBefore = insertRepairOrder('2026-03-02T09:00:00.000Z');
    insertJob(endsBefore, '2026-03-02T08:00:00.000Z');
    const facts = new RepairOrdersReportFacts(t.database.kysely);
    const rows = await facts.cycleTimes([
      { range: 0, repairOrderId: a },
      { range: 0, repairOrderId: noEnd },
      { range: 1, repairOrderId: b },
      { range: 1, repairOrderId: endsBefore },
    ]);
    expect(rows.sort((x, y) => x.range - y.range)).toEqual([
      { range: 0, cycleMs: 4.5 * 3_600_000 + 250, count: 1 },
      { range: 1, cycleMs: 24 * 3_600_000, count: 1 },
    ]);
    expect(await facts.cycleTimes([])).toEqual([]);
  });
});

describe('KPIs of a shop with hourly technicians only', () => {
  it('pays attendance × rate (clocked time without a shift) without the billed-hours split', async () => {
    t.clock.set('2026-03-03T11:00:00.000Z');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: OWNER.email, password: OWNER.password },
    });
    const cookie = sessionCookieFrom(login);
    const settings = await injectAs(t.app, cookie, { method: 'GET', url: '/api/settings' });
    const patched = await injectAs(t.app, cookie, {
      method: 'PATCH',
      url: '/api/settings',
      payload: { version: settings.json<{ version: number }>().version, timezone: 'UTC' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const response = await injectAs(t.app, cookie, {
      method: 'GET',
      url: '/api/reports/kpis?from=2026-03-02&to=2026-03-03&period=day',
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json<KpiReport>();
    const metric = (key: string) => report.metrics.find((m) => m.key === key)!;
    // Day 1: Tom's shift 8 h 0.5 s × $20 = 16000.28; Tina has no shift that day, so her 15
    // clocked minutes × $20 = 500. Day 2: Tina's open shift 07:00–11:00 (now) × $20 = 8000; Tom's
    // clock runs from 23:59:59.999, after now: 0.
    expect(metric('technician_pay').values.map((v) => v.value)).toEqual([16500, 8000]);
    expect(metric('technician_pay').total.value).toBe(24500);
    expect(metric('available_hours').values.map((v) => v.value)).toEqual([8, 4]);
    expect(metric('clocked_hours').values.map((v) => v.value)).toEqual([1.75, 2]);
  });
});
