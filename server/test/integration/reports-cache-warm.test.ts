import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingReportFacts } from '../../src/modules/billing/billing-report-facts.js';
import type { CustomersService } from '../../src/modules/customers/customers.service.js';
import { InventoryReportFacts } from '../../src/modules/inventory/inventory-report-facts.js';
import { RepairOrdersReportFacts } from '../../src/modules/repair-orders/repair-orders-report-facts.js';
import { DayCacheWarmer } from '../../src/modules/reports/day-cache-warmer.js';
import { ReportsService } from '../../src/modules/reports/reports.service.js';
import type { SettingsService } from '../../src/modules/settings/settings.service.js';
import { TechniciansReportFacts } from '../../src/modules/technicians/technicians-report-facts.js';
import { TimeclockReportFacts } from '../../src/modules/timeclock/timeclock-report-facts.js';
import { newId } from '../../src/lib/ids.js';
import { insertCustomer, insertTechnician, insertVehicle } from '../helpers/fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The day caches' background warm-up (day-cache-warmer.ts, `ReportsService.warmDayCache`), and the
 * decision counts kept per day (a job decided on one day only is counted, the others keep ids).
 */
let t: TestApp;
const ZONE = 'America/Chicago';
const NOW = '2026-03-20T15:00:00.000Z'; // 10:00 in Chicago, the 20th

function services(timeZone = ZONE): { cached: ReportsService; live: ReportsService } {
  const db = t.database.kysely;
  const settings = { get: () => Promise.resolve({ timezone: timeZone }) } as unknown as SettingsService;
  const facts = () => ({
    billing: new BillingReportFacts(db),
    repairOrders: new RepairOrdersReportFacts(db),
    inventory: new InventoryReportFacts(db),
    technicians: new TechniciansReportFacts(db),
    timeclock: new TimeclockReportFacts(db, () => t.clock.now().toISOString()),
  });
  const customers = {} as CustomersService;
  return {
    cached: new ReportsService(db, t.clock, settings, customers, facts()),
    live: new ReportsService(db, t.clock, settings, customers, facts(), { dayCache: false }),
  };
}

const count = (table: string, where = '1'): number =>
  (t.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;

const clearCaches = () => {
  for (const table of ['billing_report_days', 'repair_orders_report_days', 'timeclock_report_days'])
    t.database.sqlite.prepare(`DELETE FROM ${table}`).run();
};

/** A repair order with one job, decided (approved) at `decidedAt`, invoiced at `issuedAt`, clocked. */
function invoicedJob(input: { decidedAt: string; issuedAt: string; technician: string }): string {
  const sqlite = t.database.sqlite;
  const customer = insertCustomer(t.database);
  const vehicle = insertVehicle(t.database, customer);
  const ro = newId();
  const job = newId();
  const line = newId();
  const number = count('repair_orders') + 1;
  sqlite
    .prepare(
      `INSERT INTO repair_orders (id, number, customer_id, vehicle_id, status, opened_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'open', ?, ?, ?)`,
    )
    .run(ro, number, customer, vehicle, input.decidedAt, input.decidedAt, input.decidedAt);
  sqlite
    .prepare(
      `INSERT INTO service_jobs (id, vehicle_id, repair_order_id, technician_id, actual_end, created_at, updated_at)
       VALUES (?, ?, ?, NULL, ?, ?, ?)`,
    )
    .run(job, vehicle, ro, input.issuedAt, input.decidedAt, input.decidedAt);
  sqlite
    .prepare(
      `INSERT INTO line_items (id, job_id, kind, description, quantity_milli, unit_price_cents, unit_cost_cents, approval_state, approval_at, created_at, updated_at)
       VALUES (?, ?, 'labor', 'Work', 1500, 12000, 0, 'approved', ?, ?, ?)`,
    )
    .run(line, job, input.decidedAt, input.decidedAt, input.decidedAt);
  const invoice = newId();
  sqlite
    .prepare(
      `INSERT INTO invoices (id, number, repair_order_id, customer_id, vehicle_id, status, subtotal_cents, discount_cents,
         shop_supplies_cents, tax_cents, total_cents, totals, parties, due_at, issued_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'issued', 18000, 0, 0, 0, 18000, '{}', '{}', ?, ?, ?, ?)`,
    )
    .run(
      invoice,
      number,
      ro,
      customer,
      vehicle,
      input.issuedAt,
      input.issuedAt,
      input.issuedAt,
      input.issuedAt,
    );
  sqlite
    .prepare(
      `INSERT INTO invoice_lines (id, invoice_id, line_id, job_id, kind, description, quantity_milli, unit_price_cents,
         taxable, amount_cents, discount_cents, sort_order, unit_cost_cents, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'labor', 'Work', 1500, 12000, 0, 18000, 0, 0, 0, ?, ?)`,
    )
    .run(newId(), invoice, line, job, input.issuedAt, input.issuedAt);
  sqlite
    .prepare(
      `INSERT INTO job_clock_entries (id, job_id, technician_id, started_at, ended_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(newId(), job, input.technician, input.decidedAt, input.issuedAt, input.decidedAt, input.decidedAt);
  return job;
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(NOW);
  const technician = insertTechnician(t.database, 'Ann');
  t.database.sqlite
    .prepare(`UPDATE technicians SET pay_basis = 'flat_rate', pay_rate_cents = 3000 WHERE id = ?`)
    .run(technician);
  for (const [decidedAt, issuedAt] of [
    ['2025-06-02T15:00:00.000Z', '2025-06-03T20:00:00.000Z'],
    ['2026-01-12T15:00:00.000Z', '2026-01-12T22:00:00.000Z'],
    ['2026-03-18T15:00:00.000Z', '2026-03-19T16:00:00.000Z'],
  ])
    invoicedJob({ decidedAt: decidedAt!, issuedAt: issuedAt!, technician });
});
afterAll(async () => t.close());

describe('report day caches, warmed in the background', () => {
  it('fills the closed days, the latest first, after which a report reads only cached days', async () => {
    clearCaches();
    const { cached, live } = services();
    const result = await cached.warmDayCache({ days: 400 });
    expect(result.filled).toBe(400);
    // 400 closed days before today (the 20th, Chicago) in each module's cache; today is not kept.
    for (const table of ['billing_report_days', 'repair_orders_report_days', 'timeclock_report_days']) {
      expect(count(table, `time_zone = '${ZONE}'`)).toBe(400);
      expect(count(table, `day >= '2026-03-20'`)).toBe(0);
      expect(count(table, `day = '2026-03-19'`)).toBe(1);
      expect(count(table, `day = '2025-02-12'`)).toBe(0); // 401 days back
    }
    // A second pass has nothing to do.
    expect((await cached.warmDayCache({ days: 400 })).filled).toBe(0);

    // A year by month up to yesterday: 365 days of each of the three caches, none computed.
    const before = { ...cached.dayStats };
    const year = await cached.kpis({ from: '2025-03-20', to: '2026-03-19', period: 'month' });
    expect(cached.dayStats.computed - before.computed).toBe(0);
    expect(cached.dayStats.cached - before.cached).toBe(3 * 365);
    expect(year).toStrictEqual(await live.kpis({ from: '2025-03-20', to: '2026-03-19', period: 'month' }));
    // Up to today: only today is computed (once per cache); the technicians report reads the time clock's.
    const mid = { ...cached.dayStats };
    await cached.kpis({ from: '2025-03-21', to: '2026-03-20', period: 'week' });
    expect(cached.dayStats.computed - mid.computed).toBe(3);
    const mid2 = { ...cached.dayStats };
    const technicians = await cached.technicians({ from: '2025-03-21', to: '2026-03-20' });
    expect(cached.dayStats.computed - mid2.computed).toBe(1);
    expect(cached.dayStats.cached - mid2.cached).toBe(364);
    expect(technicians).toStrictEqual(await live.technicians({ from: '2025-03-21', to: '2026-03-20' }));
    expect(technicians.totals.billedHours).toBe(4.5);
  });

  it('refills only what a write invalidated, and stops when asked', async () => {
    const { cached } = services();
    await cached.warmDayCache({ days: 400 });
    // A backdated shift on 2026-01-12 (Chicago) drops the 11th to the 13th of the time clock's cache.
    const technician = insertTechnician(t.database, 'Bob');
    t.database.sqlite
      .prepare(
        `INSERT INTO technician_shifts (id, technician_id, clock_in_at, clock_out_at, created_at, updated_at)
         VALUES (?, ?, '2026-01-12T14:00:00.000Z', '2026-01-12T22:00:00.000Z', ?, ?)`,
      )
      .run(newId(), technician, NOW, NOW);
    expect(count('timeclock_report_days', `day BETWEEN '2026-01-11' AND '2026-01-13'`)).toBe(0);
    expect((await cached.warmDayCache({ days: 400 })).filled).toBe(3);

    // Stopped before the first day: nothing computed.
    clearCaches();
    expect((await cached.warmDayCache({ days: 400, shouldStop: () => true })).filled).toBe(0);
    expect(count('billing_report_days')).toBe(0);
    // Stopped after five days.
    let asked = 0;
    expect((await cached.warmDayCache({ days: 400, shouldStop: () => ++asked > 5 })).filled).toBe(5);
    expect(count('billing_report_days')).toBe(5);
    expect(count('billing_report_days', `day >= '2026-03-15'`)).toBe(5); // the latest first

    // The warmer: a pass under way finishes its day on stop, and no other starts.
    clearCaches();
    const warmer = new DayCacheWarmer(cached, pino({ level: 'silent' }), { days: 400 });
    warmer.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await warmer.stop();
    const filled = count('billing_report_days');
    expect(filled).toBeLessThan(400);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(count('billing_report_days')).toBe(filled);
    await warmer.pass();
    expect(count('billing_report_days')).toBe(filled);
  });

  it('starts when the server listens (not in inject-only tests), and app close waits for it', async () => {
    const other = await createTestApp();
    try {
      other.clock.set(NOW);
      const rows = () =>
        (
          other.database.sqlite.prepare(`SELECT count(*) AS n FROM timeclock_report_days`).get() as {
            n: number;
          }
        ).n;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(rows()).toBe(0); // ready, not listening: no warm-up
      await other.app.listen({ host: '127.0.0.1', port: 0 });
      const deadline = Date.now() + 60_000;
      while (rows() < 400 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(rows()).toBe(400);
    } finally {
      await other.close();
    }
  }, 90_000);

  it('counts a job decided on two days once, when the second decision comes after the first day was kept', async () => {
    clearCaches();
    const { cached, live } = services();
    const range = { from: '2026-03-01', to: '2026-03-19', period: 'month' as const };
    const job = t.database.sqlite
      .prepare(`SELECT job_id FROM line_items WHERE approval_at LIKE '2026-03-18%'`)
      .get() as { job_id: string };
    const first = await cached.kpis(range);
    const jobs = (report: typeof first) => report.metrics.find((m) => m.key === 'approval_ratio_jobs')!.total;
    expect(jobs(first).denominator).toBe(1);
    expect(count('repair_orders_report_days', `day = '2026-03-18'`)).toBe(1);
    // The same job: one more line, declined on the 10th. The 18th is forgotten (its job is no
    // longer decided on that day only), though the write is nowhere near it.
    t.database.sqlite
      .prepare(
        `INSERT INTO line_items (id, job_id, kind, description, quantity_milli, unit_price_cents, unit_cost_cents, approval_state, approval_at, created_at, updated_at)
         VALUES (?, ?, 'part', 'Filter', 1000, 2000, 0, 'declined', '2026-03-10T15:00:00.000Z', ?, ?)`,
      )
      .run(newId(), job.job_id, NOW, NOW);
    expect(count('repair_orders_report_days', `day = '2026-03-18'`)).toBe(0);
    const second = await cached.kpis(range);
    expect(jobs(second).denominator).toBe(1);
    expect(jobs(second).numerator).toBe(1);
    expect(second).toStrictEqual(await live.kpis(range));
    // Kept again, with the job's id instead of a count; still once over both days.
    expect(count('repair_orders_report_days', `day = '2026-03-18'`)).toBe(1);
    const third = await cached.kpis({ ...range, period: 'day' });
    expect(jobs(third).denominator).toBe(1);
    expect(third).toStrictEqual(await live.kpis({ ...range, period: 'day' }));
    const byDay = third.metrics.find((m) => m.key === 'approval_ratio_jobs')!.values;
    expect(byDay.map((v) => v.denominator).reduce((a, b) => a! + b!, 0)).toBe(2); // the 10th and the 18th
  });
});
