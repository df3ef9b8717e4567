import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { Database } from '../../src/db/database.js';
import { ManualClock } from '../../src/lib/clock.js';
import { parseArgs } from '../../scripts/seed/args.js';
import { seedShop, type SeedResult } from '../../scripts/seed/seed.js';
import { hasValidCheckDigit, vinCheckDigit } from '../../scripts/seed/vin.js';
import { copyTemplateDatabase, injectAs, sessionCookieFrom } from '../helpers/test-app.js';

/** 10:00 on a Tuesday in Chicago: the shop is open, the board is busy. */
const NOW = new Date('2026-03-03T16:00:00.000Z');

interface Seeded {
  dataDir: string;
  database: Database;
  result: SeedResult;
}

async function seedDemo(seed = 42): Promise<Seeded> {
  const { dataDir, database } = copyTemplateDatabase();
  const result = await seedShop(database, { profile: { kind: 'demo' }, seed, now: NOW });
  return { dataDir, database, result };
}

async function discard(seeded: Seeded): Promise<void> {
  await seeded.database.close();
  rmSync(seeded.dataDir, { recursive: true, force: true });
}

let s: Seeded;
beforeAll(async () => {
  s = await seedDemo();
});
afterAll(async () => {
  await discard(s);
});

function all<T>(sql: string, ...params: unknown[]): T[] {
  return s.database.sqlite.prepare(sql).all(...params) as T[];
}

function count(table: string, where = '1 = 1'): number {
  return (
    s.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }
  ).n;
}

describe('VIN check digit', () => {
  it('computes the North-American check digit of real VINs, X for a remainder of 10', () => {
    expect(vinCheckDigit('1HGCM82633A004352')).toBe('3');
    expect(vinCheckDigit('JH4KA7561PC008269')).toBe('1');
    expect(hasValidCheckDigit('11111111111111111')).toBe(true);
    expect(hasValidCheckDigit('1HGCM82643A004352')).toBe(false);
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
  });
});

describe('seed command line', () => {
  it('reads --demo, --years, --data-dir, --force, --seed and --now', () => {
    expect(
      parseArgs(['--years', '10', '--data-dir', 'x', '--force', '--seed=7', '--now', '2026-01-01T00:00:00Z']),
    ).toEqual({
      kind: 'run',
      args: {
        profile: { kind: 'years', years: 10 },
        dataDir: 'x',
        force: true,
        seed: 7,
        now: new Date('2026-01-01T00:00:00Z'),
      },
    });
    expect(parseArgs(['--demo'])).toMatchObject({
      kind: 'run',
      args: { profile: { kind: 'demo' }, seed: 42 },
    });
  });

  it('refuses bad flags with a message naming them', () => {
    expect(parseArgs([])).toMatchObject({ kind: 'error', message: expect.stringContaining('--demo') });
    expect(parseArgs(['--demo', '--bogus'])).toMatchObject({
      kind: 'error',
      message: 'unknown argument "--bogus"',
    });
    expect(parseArgs(['--years', 'ten'])).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('--years'),
    });
    expect(parseArgs(['--years'])).toMatchObject({ kind: 'error', message: '--years needs a value' });
    expect(parseArgs(['--demo', '--years', '2'])).toMatchObject({ kind: 'error' });
    expect(parseArgs(['--demo', '--now', 'yesterday'])).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('--now'),
    });
  });
});

describe('demo seed', () => {
  it('creates a small shop of the promised size', () => {
    expect(count('bays')).toBe(6);
    expect(count('technicians', 'active = 1')).toBe(5);
    expect(count('canned_jobs')).toBeGreaterThanOrEqual(15);
    expect(count('repair_orders')).toBeGreaterThan(250);
    expect(count('repair_orders')).toBeLessThan(360);
    // On the board: open, or done and invoiced but not yet picked up and paid.
    expect(s.result.openRepairOrders).toBe(count('repair_orders', "status IN ('open', 'invoiced')"));
    expect(s.result.openRepairOrders).toBeGreaterThanOrEqual(18);
    expect(s.result.openRepairOrders).toBeLessThanOrEqual(35);
    expect(count('line_items')).toBeGreaterThan(count('repair_orders') * 6);
    expect(count('shop_settings')).toBe(1);
    expect(count('customers')).toBeGreaterThan(150);
    expect(count('vehicles')).toBeGreaterThan(count('customers') * 0.9);
    expect(count('odometer_readings')).toBe(count('repair_orders'));
  });

  it('leaves no dangling reference and passes the integrity check', () => {
    expect(all('PRAGMA foreign_key_check')).toEqual([]);
    expect(all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('numbers repair orders gaplessly from 1001 and leaves the counter at the last one', () => {
    const numbers = all<{ number: number }>('SELECT number FROM repair_orders ORDER BY number').map(
      (r) => r.number,
    );
    expect(numbers[0]).toBe(1001);
    expect(numbers).toEqual(numbers.map((_, i) => 1001 + i));
    expect(all("SELECT value FROM counters WHERE name = 'repair_order'")).toEqual([
      { value: numbers.at(-1) },
    ]);
    // Numbers follow the order the cars came in.
    const opened = all<{ opened_at: string }>('SELECT opened_at FROM repair_orders ORDER BY number').map(
      (r) => r.opened_at,
    );
    expect(opened).toEqual([...opened].sort());
  });

  it('gives every vehicle a unique VIN with a valid check digit and a normalized plate', () => {
    const vehicles = all<{
      vin: string;
      license_plate: string | null;
      plate_region: string | null;
      year: number;
    }>('SELECT vin, license_plate, plate_region, year FROM vehicles');
    expect(new Set(vehicles.map((v) => v.vin)).size).toBe(vehicles.length);
    for (const v of vehicles) {
      expect(v.vin).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);
      expect(hasValidCheckDigit(v.vin), v.vin).toBe(true);
      if (v.license_plate !== null) {
        expect(v.license_plate).toMatch(/^[A-Z0-9]+$/);
        expect(v.plate_region).toMatch(/^[A-Z]{2}$/);
      }
      expect(v.year).toBeGreaterThan(1995);
      expect(v.year).toBeLessThanOrEqual(2027);
    }
  });

  it('keeps customer_contacts in step with contact_info (E.164 phones, lower-case emails)', () => {
    const customers = all<{ id: string; contact_info: string; preferences: string }>(
      'SELECT id, contact_info, preferences FROM customers',
    );
    const contacts = all<{
      customer_id: string;
      kind: string;
      value: string;
      label: string;
      is_primary: number;
    }>(
      'SELECT customer_id, kind, value, label, is_primary FROM customer_contacts ORDER BY customer_id, kind, value',
    );
    const expected = customers.flatMap((c) => {
      const info = JSON.parse(c.contact_info) as {
        phones: { number: string; label: string; primary: boolean }[];
        emails: { address: string; label: string; primary: boolean }[];
      };
      const prefs = JSON.parse(c.preferences) as {
        contactChannel: string;
        language: string;
        marketingOptIn: boolean;
      };
      expect(['sms', 'email', 'phone', 'none']).toContain(prefs.contactChannel);
      expect(prefs.language).toMatch(/^[a-z]{2}$/);
      expect(typeof prefs.marketingOptIn).toBe('boolean');
      expect(info.phones.filter((p) => p.primary).length).toBe(info.phones.length > 0 ? 1 : 0);
      expect(info.emails.filter((e) => e.primary).length).toBe(info.emails.length > 0 ? 1 : 0);
      for (const phone of info.phones) {
        expect(phone.number).toMatch(/^\+1\d{10}$/);
        expect(parsePhoneNumberFromString(phone.number)?.isValid(), phone.number).toBe(true);
      }
      for (const email of info.emails) expect(email.address).toBe(email.address.toLowerCase());
      return [
        ...info.phones.map((p) => ({
          customer_id: c.id,
          kind: 'phone',
          value: p.number,
          label: p.label,
          is_primary: p.primary ? 1 : 0,
        })),
        ...info.emails.map((e) => ({
          customer_id: c.id,
          kind: 'email',
          value: e.address,
          label: e.label,
          is_primary: e.primary ? 1 : 0,
        })),
      ];
    });
    const order = (a: { customer_id: string; kind: string; value: string }, b: typeof a) =>
      `${a.customer_id}|${a.kind}|${a.value}` < `${b.customer_id}|${b.kind}|${b.value}` ? -1 : 1;
    expect(contacts).toEqual(expected.sort(order));
    // One phone or email finds one customer.
    expect(all('SELECT value FROM customer_contacts GROUP BY kind, value HAVING count(*) > 1')).toEqual([]);
  });

  it('records odometer readings that never go down and ownerships for every car', () => {
    const backwards = all(`
      SELECT a.vehicle_id FROM odometer_readings a JOIN odometer_readings b
        ON a.vehicle_id = b.vehicle_id AND a.recorded_at < b.recorded_at AND a.reading >= b.reading`);
    expect(backwards).toEqual([]);
    expect(
      count('vehicles', 'id NOT IN (SELECT vehicle_id FROM vehicle_ownerships WHERE ended_at IS NULL)'),
    ).toBe(0);
    expect(
      count(
        'vehicles',
        'customer_id <> (SELECT customer_id FROM vehicle_ownerships o WHERE o.vehicle_id = vehicles.id AND ended_at IS NULL)',
      ),
    ).toBe(0);
  });

  it('closes history as Paid work and puts a realistic mix on the board', () => {
    const closedJobs = all<{ status: string; approval: string }>(`
      SELECT DISTINCT j.status, (SELECT max(approval_state) FROM line_items l WHERE l.job_id = j.id) AS approval
      FROM service_jobs j JOIN repair_orders r ON r.id = j.repair_order_id WHERE r.status = 'closed' ORDER BY 1, 2`);
    // Work done is Paid; what the customer declined or put off was never started.
    expect(closedJobs).toEqual([
      { status: 'Paid', approval: 'approved' },
      { status: 'Paid', approval: 'declined' },
      { status: 'Pending', approval: 'declined' },
      { status: 'Pending', approval: 'deferred' },
    ]);
    const board = all<{ status: string; n: number }>(`
      SELECT j.status, count(*) AS n FROM service_jobs j JOIN repair_orders r ON r.id = j.repair_order_id
      WHERE r.status = 'open' GROUP BY j.status`);
    const statuses = Object.fromEntries(board.map((b) => [b.status, b.n]));
    expect(statuses.Pending).toBeGreaterThan(0);
    expect(statuses.In_Progress).toBeGreaterThan(0);
    expect(statuses.Blocked).toBeGreaterThan(0);
    expect(statuses.Paid).toBeUndefined();
    expect(
      count('service_jobs', "status = 'Blocked' AND (blocked_reason IS NULL OR blocked_reason = '')"),
    ).toBe(0);
    expect(count('service_jobs', "status <> 'Blocked' AND blocked_reason IS NOT NULL")).toBe(0);
    // One job at a time per technician.
    expect(
      all(
        "SELECT technician_id FROM service_jobs WHERE status = 'In_Progress' GROUP BY technician_id HAVING count(*) > 1",
      ),
    ).toEqual([]);
    expect(
      count('service_jobs', "status = 'In_Progress' AND (technician_id IS NULL OR actual_start IS NULL)"),
    ).toBe(0);
    expect(
      count(
        'service_jobs',
        "status IN ('Completed', 'Paid') AND technician_id IS NOT NULL AND actual_end < actual_start",
      ),
    ).toBe(0);
    expect(
      count('repair_orders', `opened_at > '${NOW.toISOString()}' OR closed_at > '${NOW.toISOString()}'`),
    ).toBe(0);
  });

  it('prices lines at the shop labour rate, with decisions recorded for every decided line', () => {
    const settings = JSON.parse(all<{ data: string }>('SELECT data FROM shop_settings')[0]!.data) as {
      laborRateCents: number;
    };
    const recentLabor = all<{ unit_price_cents: number }>(
      "SELECT DISTINCT unit_price_cents FROM line_items WHERE kind = 'labor'",
    );
    expect(recentLabor).toEqual([{ unit_price_cents: settings.laborRateCents }]);
    expect(
      count('line_items', "kind = 'part' AND (unit_cost_cents <= 0 OR unit_price_cents <= unit_cost_cents)"),
    ).toBe(0);
    expect(
      count(
        'line_items',
        "approval_state <> 'recommended' AND (approval_method IS NULL OR approval_by IS NULL OR approval_at IS NULL)",
      ),
    ).toBe(0);
    expect(count('line_items', "approval_state = 'deferred' AND deferred_reason IS NULL")).toBe(0);
    const states = all<{ approval_state: string }>(
      'SELECT DISTINCT approval_state FROM line_items ORDER BY 1',
    );
    expect(states.map((r) => r.approval_state)).toEqual(['approved', 'declined', 'deferred', 'recommended']);
    expect(count('line_items', "approval_state = 'approved'")).toBeGreaterThan(count('line_items') * 0.7);
  });

  it('books appointments without double-booking a bay or a technician', () => {
    for (const column of ['bay_id', 'technician_id']) {
      const overlaps = all(`
        SELECT a.id FROM appointments a JOIN appointments b
          ON a.${column} = b.${column} AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at`);
      expect(overlaps, column).toEqual([]);
    }
    expect(count('appointments', `status = 'booked' AND starts_at > '${NOW.toISOString()}'`)).toBeGreaterThan(
      10,
    );
    expect(
      count('appointments', "status = 'booked' AND bay_id IS NOT NULL AND technician_id IS NOT NULL"),
    ).toBeGreaterThan(0);
    expect(count('appointments', "status = 'arrived' AND repair_order_id IS NULL")).toBe(0);
    expect(
      count('repair_orders r JOIN appointments a ON a.id = r.appointment_id', 'a.repair_order_id <> r.id'),
    ).toBe(0);
  });

  it('invoices finished visits from approved lines only, paid in full at pickup, numbered without gaps', () => {
    const invoices = all<{
      number: number;
      status: string;
      total_cents: number;
      paid_cents: number;
      ro: string;
    }>(
      'SELECT i.number, i.status, i.total_cents, i.paid_cents, r.status AS ro FROM invoices i JOIN repair_orders r ON r.id = i.repair_order_id ORDER BY i.number',
    );
    expect(invoices.length).toBeGreaterThan(count('repair_orders', "status = 'closed'") * 0.9);
    expect(invoices.map((i) => i.number)).toEqual(invoices.map((_, i) => i + 1));
    expect(all("SELECT value FROM counters WHERE name = 'invoice'")).toEqual([{ value: invoices.length }]);
    for (const invoice of invoices) {
      if (invoice.ro === 'closed')
        expect(invoice).toMatchObject({ status: 'paid', paid_cents: invoice.total_cents });
      else expect(invoice).toMatchObject({ ro: 'invoiced', status: 'issued', paid_cents: 0 });
    }
    // Payments add up to what was paid; invoice lines are only approved lines.
    expect(
      all(`SELECT i.number FROM invoices i
           WHERE i.paid_cents <> (SELECT coalesce(sum(amount_cents), 0) FROM payments p WHERE p.invoice_id = i.id)`),
    ).toEqual([]);
    expect(
      count('invoice_lines il JOIN line_items li ON li.id = il.line_id', "li.approval_state <> 'approved'"),
    ).toBe(0);
    expect(count('payments', "method = 'card' AND card_reference IS NULL")).toBe(0);
  });

  it('keeps every shelf equal to its stock ledger, and clocks the work done', () => {
    expect(
      all(`SELECT i.sku FROM inventory_items i
           WHERE i.quantity_on_hand <> (SELECT coalesce(sum(quantity), 0) FROM stock_movements m WHERE m.item_id = i.id)`),
    ).toEqual([]);
    expect(count('stock_movements', "kind = 'issue'")).toBeGreaterThan(100);
    expect(count('inventory_items', 'quantity_on_hand < 0')).toBe(0);
    const worked = count('service_jobs', "status IN ('Completed', 'Paid') AND actual_end IS NOT NULL");
    expect(count('job_clock_entries', 'ended_at IS NOT NULL')).toBeGreaterThanOrEqual(worked);
    // One running clock per technician at most (the table's unique index would refuse more).
    expect(count('technician_shifts')).toBeGreaterThan(count('technicians', 'active = 1') * 20);
  });

  it('is reproducible: the same seed and time give the same shop', async () => {
    const again = await seedDemo();
    const other = await seedDemo(43);
    try {
      const digest = (database: Database) => {
        const hash = createHash('sha256');
        for (const table of [
          'customers',
          'vehicles',
          'repair_orders',
          'service_jobs',
          'line_items',
          'appointments',
          'invoices',
          'payments',
          'job_clock_entries',
          'technician_shifts',
        ]) {
          for (const row of database.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all())
            hash.update(JSON.stringify(row));
        }
        return hash.digest('hex');
      };
      expect(digest(again.database)).toBe(digest(s.database));
      expect(digest(other.database)).not.toBe(digest(s.database));
    } finally {
      await discard(again);
      await discard(other);
    }
  });

  it('serves the seeded shop: demo staff sign in, the board, an RO, search and canned jobs read back', async () => {
    const config = { ...loadConfig({ env: {}, cwd: s.dataDir }), dataDir: s.dataDir };
    const app = await buildApp({
      config,
      database: s.database,
      clock: new ManualClock(NOW),
      logger: pino({ level: 'silent' }),
    });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'owner@demo.shop', password: 'demo-password-1' },
      });
      expect(login.statusCode).toBe(200);
      const cookie = sessionCookieFrom(login);
      const advisor = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'advisor@demo.shop', password: 'demo-password-1' },
      });
      expect(advisor.statusCode).toBe(200);
      const technician = all<{ id: string }>("SELECT id FROM users WHERE role = 'technician' LIMIT 1")[0]!;
      const pin = await app.inject({
        method: 'POST',
        url: '/api/auth/pin',
        payload: { userId: technician.id, pin: '1234' },
      });
      expect(pin.statusCode).toBe(200);

      const board = await injectAs(app, cookie, { method: 'GET', url: '/api/jobs' });
      expect(board.statusCode).toBe(200);
      expect(board.json().items.length).toBe(
        count(
          'service_jobs j JOIN repair_orders r ON r.id = j.repair_order_id',
          "r.status IN ('open', 'invoiced')",
        ),
      );
      const ro = all<{ id: string; number: number }>(
        "SELECT id, number FROM repair_orders WHERE status = 'open' LIMIT 1",
      )[0]!;
      const one = await injectAs(app, cookie, { method: 'GET', url: `/api/repair-orders/${ro.id}` });
      expect(one.statusCode).toBe(200);
      expect(one.json()).toMatchObject({ id: ro.id, number: ro.number });

      const customer = all<{ id: string; name: string }>('SELECT id, name FROM customers LIMIT 1')[0]!;
      const read = await injectAs(app, cookie, { method: 'GET', url: `/api/customers/${customer.id}` });
      expect(read.statusCode).toBe(200);
      const vehicle = all<{ vin: string }>('SELECT vin FROM vehicles LIMIT 1')[0]!;
      const search = await injectAs(app, cookie, {
        method: 'GET',
        url: `/api/search?q=${vehicle.vin.slice(-6)}`,
      });
      expect(search.statusCode).toBe(200);
      expect(search.json().vehicles.length).toBeGreaterThan(0);

      const canned = await injectAs(app, cookie, { method: 'GET', url: '/api/canned-jobs' });
      expect(canned.statusCode).toBe(200);
      expect(canned.json().items.length).toBe(count('canned_jobs'));
    } finally {
      await app.close();
    }
  });
});
