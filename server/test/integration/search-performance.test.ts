import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/schema.js';
import { SearchService } from '../../src/modules/search/search.service.js';
import { FIRST_NAMES, LAST_NAMES } from '../../scripts/seed/catalog/people.js';
import { copyTemplateDatabase } from '../helpers/test-app.js';
import type { Database } from '../../src/db/database.js';
import { rmSync } from 'node:fs';

/**
 * A generated shop (a few thousand rows by default; ASE_SEARCH_SCALE=10 gives the ten-year shop:
 * 20k customers, 25k vehicles, 50k repair orders) to check that every query the search runs is
 * answered from an index, and to print how long searches take. Timings are printed, not asserted:
 * a loaded CI machine must not fail a build, `npm run bench` is where numbers are judged.
 */
const SCALE = Number(process.env.ASE_SEARCH_SCALE ?? '1');
const CUSTOMERS = 2_000 * SCALE;
const VEHICLES = 2_500 * SCALE;
const REPAIR_ORDERS = 5_000 * SCALE;

// The seed's name lists. Names of 4+ letters only: this test types each name with a typo, and
// typos are forgiven in words of 4+ letters (a 3-letter word with one wrong letter is another word).
const FIRST = FIRST_NAMES.filter((name) => name.length >= 4);
const LAST = LAST_NAMES.filter((name) => name.length >= 4);
const MODELS: [string, string][] = [
  ['Honda', 'Civic'],
  ['Toyota', 'Camry'],
  ['Ford', 'F-150'],
  ['Chevrolet', 'Silverado'],
  ['Nissan', 'Altima'],
  ['Toyota', 'RAV4'],
  ['Honda', 'CR-V'],
  ['Jeep', 'Wrangler'],
  ['Subaru', 'Outback'],
  ['Tesla', 'Model 3'],
];
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** mulberry32: the same shop on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Shop {
  customers: { id: string; name: string; phone: string; email: string }[];
  vehicles: { id: string; plate: string; vin: string }[];
  repairOrders: number[];
}

function uuid(kind: number, n: number): string {
  return `01900000-0000-7000-8${kind.toString(16)}00-${n.toString(16).padStart(12, '0')}`;
}

function generateShop(database: Database): Shop {
  const random = prng(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chars = (alphabet: string, n: number) =>
    Array.from({ length: n }, () => pick([...alphabet])).join('');
  const at = '2026-01-01T00:00:00.000Z';
  const shop: Shop = { customers: [], vehicles: [], repairOrders: [] };
  const sqlite = database.sqlite;
  const insertCustomer = sqlite.prepare(
    `INSERT INTO customers (id, name, contact_info, preferences, created_at, updated_at) VALUES (?, ?, ?, '{}', ?, ?)`,
  );
  const insertContact = sqlite.prepare(
    `INSERT INTO customer_contacts (id, customer_id, kind, value, is_primary, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)`,
  );
  const insertVehicle = sqlite.prepare(
    `INSERT INTO vehicles (id, customer_id, vin, make, model, year, license_plate, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRepairOrder = sqlite.prepare(
    `INSERT INTO repair_orders (id, number, customer_id, vehicle_id, status, concerns, opened_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const phones = new Set<string>();
  sqlite.transaction(() => {
    for (let i = 0; i < CUSTOMERS; i++) {
      const name = `${pick(FIRST)} ${pick(LAST)}`;
      let phone: string;
      do
        phone = `+1${pick(['312', '773', '630', '847', '708', '815'])}${2 + Math.floor(random() * 8)}${chars('0123456789', 6)}`;
      while (phones.has(phone));
      phones.add(phone);
      const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${i}@mail.test`;
      const id = uuid(1, i);
      const contactInfo = {
        phones: [{ number: phone, primary: true }],
        emails: [{ address: email, primary: true }],
      };
      insertCustomer.run(id, name, JSON.stringify(contactInfo), at, at);
      insertContact.run(uuid(4, 2 * i), id, 'phone', phone, at, at);
      insertContact.run(uuid(4, 2 * i + 1), id, 'email', email, at, at);
      shop.customers.push({ id, name, phone, email });
    }
    for (let i = 0; i < VEHICLES; i++) {
      const owner = shop.customers[i % CUSTOMERS]!;
      const [make, model] = pick(MODELS);
      const plate =
        random() < 0.8
          ? `${chars(LETTERS, 3)}${chars('0123456789', 4)}`
          : `${chars('0123456789', 1)}${chars(LETTERS, 3)}${chars('0123456789', 3)}`;
      const vin = `${chars(VIN_CHARS, 11)}${String(i).padStart(6, '0')}`;
      const id = uuid(2, i);
      insertVehicle.run(id, owner.id, vin, make, model, 2005 + Math.floor(random() * 20), plate, at, at);
      shop.vehicles.push({ id, plate, vin });
    }
    for (let i = 0; i < REPAIR_ORDERS; i++) {
      const vehicleIndex = Math.floor(random() * VEHICLES);
      const number = 1001 + i;
      insertRepairOrder.run(
        uuid(3, i),
        number,
        shop.customers[vehicleIndex % CUSTOMERS]!.id,
        shop.vehicles[vehicleIndex]!.id,
        i > REPAIR_ORDERS - 25 ? 'open' : 'closed',
        '["Brakes squeak"]',
        at,
        at,
        at,
      );
      shop.repairOrders.push(number);
    }
  })();
  sqlite.exec('ANALYZE');
  return shop;
}

let database: Database;
let dataDir: string;
let shop: Shop;
let service: SearchService;
let captured: CompiledQuery[] = [];

beforeAll(() => {
  ({ database, dataDir } = copyTemplateDatabase());
  shop = generateShop(database);
  const kysely = new Kysely<DB>({
    dialect: new SqliteDialect({ database: database.sqlite }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  service = new SearchService(kysely);
});
afterAll(async () => {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Queries people type, each built from a record of the generated shop. */
function queriesFor(i: number): Record<string, string> {
  const customer = shop.customers[(i * 7919) % shop.customers.length]!;
  const vehicle = shop.vehicles[(i * 104_729) % shop.vehicles.length]!;
  const national = customer.phone.slice(2);
  const [first, last] = customer.name.split(' ') as [string, string];
  const typo = last.length > 4 ? `${last.slice(0, 2)}${last[3]}${last[2]}${last.slice(4)}` : `${last}x`;
  return {
    'name prefix': last.slice(0, 3),
    'full name': customer.name,
    'name with a typo': `${first} ${typo}`,
    'phone, other format': `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`,
    'phone, last 4': national.slice(-4),
    'phone, last 7': national.slice(-7),
    email: customer.email.slice(0, 12),
    plate: vehicle.plate,
    'plate with a dash': `${vehicle.plate.slice(0, 3)}-${vehicle.plate.slice(3)}`,
    'VIN, full': vehicle.vin.toLowerCase(),
    'VIN, last 6': vehicle.vin.slice(-6),
    'VIN, last 8': vehicle.vin.slice(-8),
    'RO number': String(shop.repairOrders[(i * 31) % shop.repairOrders.length]),
    'RO prefixed': `RO ${shop.repairOrders[(i * 37) % shop.repairOrders.length]}`,
    'one letter': first.slice(0, 1),
  };
}

describe('search on a generated shop', () => {
  it('answers every query it runs from an index (EXPLAIN QUERY PLAN), never a table scan', async () => {
    captured = [];
    for (let i = 0; i < 3; i++)
      for (const q of Object.values(queriesFor(i))) await service.search({ q, limit: 8 });
    expect(captured.length).toBeGreaterThan(20);
    const scans = new Set<string>();
    for (const query of captured) {
      const plan = database.sqlite
        .prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
        .all(...(query.parameters as unknown[])) as { detail: string }[];
      for (const { detail } of plan) {
        // "SCAN top" walks the ≤ limit rows of our own ranked subquery; FTS scans use the FTS index.
        if (/^SCAN (?!top\b)/.test(detail) && !detail.includes('VIRTUAL TABLE INDEX'))
          scans.add(`${detail} in ${query.sql}`);
      }
    }
    expect([...scans]).toEqual([]);
  });

  it('finds the record each query was built from, and reports how long searches take', async () => {
    const timings = new Map<string, number[]>();
    const cpuTimings = new Map<string, number[]>();
    const misses: string[] = [];
    const rounds = 200;
    // Warm up first: the JIT's first passes are not what a shop that has been open all day sees.
    for (let i = 0; i < 20; i++)
      for (const q of Object.values(queriesFor(i + rounds))) await service.search({ q, limit: 8 });
    for (let i = 0; i < rounds; i++) {
      for (const [kind, q] of Object.entries(queriesFor(i))) {
        const started = performance.now();
        const cpu = process.cpuUsage();
        const result = await service.search({ q, limit: 8 });
        const elapsed = performance.now() - started;
        const used = process.cpuUsage(cpu);
        timings.set(kind, [...(timings.get(kind) ?? []), elapsed]);
        cpuTimings.set(kind, [...(cpuTimings.get(kind) ?? []), (used.user + used.system) / 1000]);
        const found = result.customers.length + result.vehicles.length + result.repairOrders.length > 0;
        if (!found) misses.push(`${kind}: ${q}`);
      }
    }
    const percentile = (list: number[], p: number) => {
      const sorted = [...list].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(2);
    };
    // Wall time suffers from whatever else the machine runs; CPU time is this process's own work.
    const lines = [...timings].map(([kind, wall]) => {
      const cpu = cpuTimings.get(kind)!;
      return `${kind.padEnd(20)} wall p50 ${percentile(wall, 0.5)} p99 ${percentile(wall, 0.99)} ms | cpu p50 ${percentile(cpu, 0.5)} p99 ${percentile(cpu, 0.99)} ms`;
    });
    console.info(
      `search timings, ${CUSTOMERS} customers / ${VEHICLES} vehicles / ${REPAIR_ORDERS} ROs, ${rounds} rounds:\n${lines.join('\n')}`,
    );
    expect(misses).toEqual([]);
  });
});
