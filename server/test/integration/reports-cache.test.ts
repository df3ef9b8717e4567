import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingReportFacts } from '../../src/modules/billing/billing-report-facts.js';
import type { CustomersService } from '../../src/modules/customers/customers.service.js';
import { InventoryReportFacts } from '../../src/modules/inventory/inventory-report-facts.js';
import { RepairOrdersReportFacts } from '../../src/modules/repair-orders/repair-orders-report-facts.js';
import { ReportsService } from '../../src/modules/reports/reports.service.js';
import type { SettingsService } from '../../src/modules/settings/settings.service.js';
import { TechniciansReportFacts } from '../../src/modules/technicians/technicians-report-facts.js';
import { TimeclockReportFacts } from '../../src/modules/timeclock/timeclock-report-facts.js';
import { newId } from '../../src/lib/ids.js';
import { insertCustomer, insertTechnician, insertVehicle } from '../helpers/fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The per-day report cache (migration 0017, lib/report-days.ts) against the same reports
 * computed with no cache at all: after every random write — new invoices on past days, voids,
 * backdated clock entries and corrections, shifts, decisions changed, a job's ready time or
 * assignee changed, time passing — the cached KPIs (by month, week and day) and technicians report
 * deep-equal the uncached ones, in two time zones (the cache is keyed by zone).
 */
let t: TestApp;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-03-20T15:00:00.000Z');

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function services(timeZone: string): { cached: ReportsService; live: ReportsService } {
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

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date(START));
});
afterAll(async () => t.close());

describe('report day cache', () => {
  it('equals the uncached reports after random writes, backdated edits, voids and clock corrections', async () => {
    const next = random(6);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const sqlite = t.database.sqlite;
    const customer = insertCustomer(t.database);
    const vehicles = [insertVehicle(t.database, customer), insertVehicle(t.database, customer)];
    const technicians = ['Ann', 'Bob', 'Cy'].map((name) => insertTechnician(t.database, name));
    sqlite
      .prepare(`UPDATE technicians SET pay_basis = 'flat_rate', pay_rate_cents = 3000 WHERE id = ?`)
      .run(technicians[0]);
    sqlite.prepare(`UPDATE technicians SET pay_rate_cents = 2500 WHERE id <> ?`).run(technicians[0]);
    const now = () => t.clock.now().getTime();
    /** An instant in the last 20 days (sometimes today), as stored. */
    const past = (): string => new Date(now() - Math.floor(next() * 20 * DAY)).toISOString();
    const jobs: string[] = [];
    const liveInvoices: string[] = [];
    const decided: string[] = [];
    const entries: string[] = [];
    const shifts: string[] = [];
    let number = 0;

    const newRepairOrder = () => {
      const openedAt = past();
      const ro = newId();
      number += 1;
      sqlite
        .prepare(
          `INSERT INTO repair_orders (id, number, customer_id, vehicle_id, status, opened_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, 'open', ?, ?, ?)`,
        )
        .run(ro, number, customer, pick(vehicles), openedAt, openedAt, openedAt);
      const lines: { line: string; job: string; kind: string; quantity: number; price: number }[] = [];
      for (let j = 0; j < 1 + Math.floor(next() * 2); j++) {
        const job = newId();
        const end = new Date(Date.parse(openedAt) + Math.floor(next() * 30 * HOUR)).toISOString();
        sqlite
          .prepare(
            `INSERT INTO service_jobs (id, vehicle_id, repair_order_id, technician_id, actual_end, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(job, pick(vehicles), ro, next() < 0.5 ? pick(technicians) : null, end, openedAt, openedAt);
        jobs.push(job);
        for (const kind of ['labor', 'part']) {
          const line = newId();
          const quantity = 250 * (1 + Math.floor(next() * 8));
          const price = kind === 'labor' ? 12000 : 1000 + Math.floor(next() * 9000);
          const state = pick(['approved', 'approved', 'declined', 'deferred']);
          sqlite
            .prepare(
              `INSERT INTO line_items (id, job_id, kind, description, quantity_milli, unit_price_cents, unit_cost_cents, approval_state, approval_at, created_at, updated_at)
               VALUES (?, ?, ?, 'Work', ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(line, job, kind, quantity, price, Math.floor(price / 2), state, past(), openedAt, openedAt);
          decided.push(line);
          if (state === 'approved') lines.push({ line, job, kind, quantity, price });
        }
      }
      if (lines.length === 0 || next() < 0.2) return;
      const invoice = newId();
      const issuedAt = past();
      const subtotal = lines.reduce((sum, l) => sum + Math.round((l.quantity * l.price) / 1000), 0);
      sqlite
        .prepare(
          `INSERT INTO invoices (id, number, repair_order_id, customer_id, vehicle_id, status, subtotal_cents, discount_cents,
             shop_supplies_cents, tax_cents, total_cents, totals, parties, due_at, issued_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'issued', ?, 0, 100, 0, ?, '{}', '{}', ?, ?, ?, ?)`,
        )
        .run(
          invoice,
          number,
          ro,
          customer,
          pick(vehicles),
          subtotal,
          subtotal + 100,
          issuedAt,
          issuedAt,
          issuedAt,
          issuedAt,
        );
      lines.forEach((l, i) => {
        const amount = Math.round((l.quantity * l.price) / 1000);
        sqlite
          .prepare(
            `INSERT INTO invoice_lines (id, invoice_id, line_id, job_id, kind, description, quantity_milli, unit_price_cents,
               taxable, amount_cents, discount_cents, sort_order, unit_cost_cents, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, 'Work', ?, ?, 0, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            newId(),
            invoice,
            l.line,
            l.job,
            l.kind,
            l.quantity,
            l.price,
            amount,
            Math.floor(amount / 10),
            i,
            400,
            issuedAt,
            issuedAt,
          );
      });
      liveInvoices.push(invoice);
    };
    const clockOn = () => {
      const technician = pick(technicians);
      const open = sqlite
        .prepare(`SELECT 1 FROM job_clock_entries WHERE technician_id = ? AND ended_at IS NULL`)
        .get(technician);
      const startedAt = past();
      // Now and then a clock left running (it counts up to now, so its day is never kept).
      const endedAt =
        open === undefined && next() < 0.2
          ? null
          : new Date(Math.min(Date.parse(startedAt) + Math.floor(next() * 5 * HOUR), now())).toISOString();
      const id = newId();
      sqlite
        .prepare(
          `INSERT INTO job_clock_entries (id, job_id, technician_id, started_at, ended_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, pick(jobs), technician, startedAt, endedAt, startedAt, startedAt);
      entries.push(id);
    };
    const shift = () => {
      const technician = pick(technicians);
      const clockIn = past();
      const clockOut = new Date(
        Math.min(Date.parse(clockIn) + Math.floor(next() * 9 * HOUR), now()),
      ).toISOString();
      const id = newId();
      sqlite
        .prepare(
          `INSERT INTO technician_shifts (id, technician_id, clock_in_at, clock_out_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(id, technician, clockIn, clockOut, clockIn, clockIn);
      shifts.push(id);
    };
    const operations: (() => void)[] = [
      newRepairOrder,
      newRepairOrder,
      clockOn,
      clockOn,
      shift,
      () => {
        // A void (the repair order's work is no longer a sale).
        const invoice = liveInvoices.splice(Math.floor(next() * liveInvoices.length), 1)[0];
        if (invoice !== undefined)
          sqlite
            .prepare(`UPDATE invoices SET status = 'void', voided_at = ? WHERE id = ?`)
            .run(past(), invoice);
      },
      () => {
        // A clock correction, backdated: moved, stopped, or deleted.
        const id = pick(entries);
        if (id === undefined) return;
        const choice = next();
        if (choice < 0.3) sqlite.prepare(`DELETE FROM job_clock_entries WHERE id = ?`).run(id);
        else if (choice < 0.6)
          sqlite
            .prepare(`UPDATE job_clock_entries SET ended_at = ? WHERE id = ? AND started_at <= ?`)
            .run(new Date(now()).toISOString(), id, new Date(now()).toISOString());
        else {
          const startedAt = past();
          sqlite
            .prepare(
              `UPDATE job_clock_entries SET started_at = ?, ended_at = ? WHERE id = ? AND ended_at IS NOT NULL`,
            )
            .run(startedAt, new Date(Date.parse(startedAt) + HOUR).toISOString(), id);
        }
      },
      () => {
        const id = pick(shifts);
        if (id === undefined) return;
        if (next() < 0.5) sqlite.prepare(`DELETE FROM technician_shifts WHERE id = ?`).run(id);
        else {
          const clockIn = past();
          sqlite
            .prepare(`UPDATE technician_shifts SET clock_in_at = ?, clock_out_at = ? WHERE id = ?`)
            .run(clockIn, new Date(Date.parse(clockIn) + 2 * HOUR).toISOString(), id);
        }
      },
      () => {
        // A decision changed later (state and time).
        const id = pick(decided);
        if (id !== undefined)
          sqlite
            .prepare(`UPDATE line_items SET approval_state = ?, approval_at = ? WHERE id = ?`)
            .run(pick(['approved', 'declined', 'deferred']), past(), id);
      },
      () => {
        // A job's ready time or its assigned technician changed.
        const job = pick(jobs);
        if (job === undefined) return;
        if (next() < 0.5)
          sqlite.prepare(`UPDATE service_jobs SET actual_end = ? WHERE id = ?`).run(past(), job);
        else
          sqlite
            .prepare(`UPDATE service_jobs SET technician_id = ? WHERE id = ?`)
            .run(pick(technicians), job);
      },
      () => t.clock.advance(Math.floor(next() * 10 * HOUR)),
    ];

    const zones = ['America/Chicago', 'Asia/Tokyo'].map((zone) => ({ zone, ...services(zone) }));
    const localToday = (zone: string) =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(t.clock.now());
    const compare = async () => {
      for (const { zone, cached, live } of zones) {
        const to = localToday(zone);
        const from = new Date(Date.parse(`${to}T00:00:00Z`) - 24 * DAY).toISOString().slice(0, 10);
        for (const period of ['month', 'week', 'day'] as const)
          expect(await cached.kpis({ from, to, period })).toStrictEqual(
            await live.kpis({ from, to, period }),
          );
        expect(await cached.technicians({ from, to })).toStrictEqual(await live.technicians({ from, to }));
      }
    };

    for (let i = 0; i < 8; i++) newRepairOrder();
    for (let i = 0; i < 6; i++) clockOn();
    await compare();
    let kept = 0;
    for (let round = 0; round < 40; round++) {
      pick(operations)();
      await compare();
      kept = Math.max(
        kept,
        (sqlite.prepare(`SELECT count(*) AS n FROM timeclock_report_days`).get() as { n: number }).n,
      );
    }
    // The cache was in use (days were kept), not bypassed.
    expect(kept).toBeGreaterThan(10);
    const billed = (sqlite.prepare(`SELECT count(*) AS n FROM billing_report_days`).get() as { n: number }).n;
    expect(billed).toBeGreaterThan(10);
  }, 180_000);

  it('keeps no day that is not over, and forgets the days a backdated write touches', async () => {
    const sqlite = t.database.sqlite;
    const { cached } = services('America/Chicago');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(t.clock.now());
    await cached.kpis({ from: '2026-03-01', to: today, period: 'week' });
    const days = sqlite
      .prepare(`SELECT day FROM billing_report_days WHERE time_zone = 'America/Chicago' ORDER BY day`)
      .all() as { day: string }[];
    expect(days.at(-1)!.day < today).toBe(true);
    expect(days.some((d) => d.day === '2026-03-05')).toBe(true);
    // A shift clocked in on the 5th (Chicago) drops the 4th to the 6th of the time clock's days.
    const technician = insertTechnician(t.database, 'Dee');
    sqlite
      .prepare(
        `INSERT INTO technician_shifts (id, technician_id, clock_in_at, clock_out_at, created_at, updated_at)
         VALUES (?, ?, '2026-03-05T15:00:00.000Z', '2026-03-05T20:00:00.000Z', ?, ?)`,
      )
      .run(newId(), technician, t.clock.now().toISOString(), t.clock.now().toISOString());
    const left = (
      sqlite
        .prepare(`SELECT day FROM timeclock_report_days WHERE day BETWEEN '2026-03-04' AND '2026-03-06'`)
        .all() as { day: string }[]
    ).length;
    expect(left).toBe(0);
    expect(
      (
        sqlite
          .prepare(
            `SELECT count(*) AS n FROM billing_report_days WHERE day = '2026-03-05' AND time_zone = 'America/Chicago'`,
          )
          .get() as { n: number }
      ).n,
    ).toBe(1);
  });
});
