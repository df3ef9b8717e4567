import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { MIGRATIONS } from '../../src/db/migrations/index.js';
import { ManualClock } from '../../src/lib/clock.js';
import { newId } from '../../src/lib/ids.js';
import { corrections, editDistance, parseQuery } from '../../src/modules/search/search-query.js';
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

interface Hit {
  id: string;
  label: string;
  sublabel: string;
  score: number;
  matchedOn: string;
}
interface SearchBody {
  query: string;
  customers: Hit[];
  vehicles: (Hit & { customerId: string })[];
  repairOrders: (Hit & { number: number; status: string; customerId: string; vehicleId: string })[];
}

let t: TestApp;
let owner: { id: string; cookie: string };
let john: { id: string; version: number };
let jane: { id: string };
let civic: string;

async function createCustomer(payload: object): Promise<{ id: string; version: number }> {
  const response = await injectAs(t.app, owner.cookie, { method: 'POST', url: '/api/customers', payload });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json();
}

function setPlate(vehicleId: string, plate: string): void {
  t.database.sqlite.prepare('UPDATE vehicles SET license_plate = ? WHERE id = ?').run(plate, vehicleId);
}

function insertRepairOrder(customerId: string, vehicleId: string, number: number, status = 'open'): string {
  const id = newId();
  const at = '2026-03-02T14:00:00.000Z';
  t.database.sqlite
    .prepare(
      `INSERT INTO repair_orders (id, number, customer_id, vehicle_id, status, concerns, opened_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, number, customerId, vehicleId, status, JSON.stringify(['Brakes squeak when cold']), at, at, at);
  return id;
}

async function search(q: string, cookie = owner.cookie): Promise<SearchBody> {
  const response = await injectAs(t.app, cookie, {
    method: 'GET',
    url: `/api/search?q=${encodeURIComponent(q)}`,
  });
  if (response.statusCode !== 200) throw new Error(`search ${q}: ${response.statusCode} ${response.body}`);
  return response.json<SearchBody>();
}

beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
  john = await createCustomer({
    name: 'John Smith',
    contactInfo: {
      phones: [{ number: '(312) 555-0143', label: 'mobile' }],
      emails: [{ address: 'John.Smith@Mail.test' }],
    },
  });
  jane = await createCustomer({
    name: 'Jane Smithson',
    contactInfo: { phones: [{ number: '773-555-0199' }] },
  });
  await createCustomer({ name: 'José García', contactInfo: { emails: [{ address: 'jose@garcia.test' }] } });
  await createCustomer({ name: 'Ann Example' });
  civic = insertVehicle(t.database, john.id, {
    vin: '1HGCM82633A004352',
    make: 'Honda',
    model: 'Civic',
    year: 2018,
  });
  setPlate(civic, 'ABC1234');
  const truck = insertVehicle(t.database, jane.id, {
    vin: '1FTFW1ET5DFC10312',
    make: 'Ford',
    model: 'F-150',
    year: 2013,
  });
  setPlate(truck, '7XYZ321');
  insertRepairOrder(john.id, civic, 1042);
  insertRepairOrder(jane.id, truck, 1043, 'closed');
});
afterEach(async () => {
  await t.close();
});

describe('search by name', () => {
  it('forgives typos: "Jonh Smtih" finds John Smith', async () => {
    const result = await search('Jonh Smtih');
    expect(result.customers[0]).toMatchObject({
      id: john.id,
      label: 'John Smith',
      sublabel: '(312) 555-0143 · john.smith@mail.test',
      matchedOn: 'name',
    });
  });

  it('finds word prefixes, ranking a whole word above a longer one', async () => {
    const prefix = await search('smi');
    expect(prefix.customers.map((c) => c.label)).toEqual(['Jane Smithson', 'John Smith']);
    const whole = await search('smith');
    expect(whole.customers.map((c) => c.label)).toEqual(['John Smith', 'Jane Smithson']);
    expect(whole.customers[0]!.score).toBeGreaterThan(whole.customers[1]!.score);
    expect((await search('john sm')).customers.map((c) => c.label)).toEqual(['John Smith']);
    expect((await search('Smith, John')).customers[0]?.label).toBe('John Smith');
  });

  it('ignores accents and case, and answers a single letter from the name index', async () => {
    expect((await search('jose garcia')).customers.map((c) => c.label)).toEqual(['José García']);
    expect((await search('J')).customers.map((c) => c.label)).toEqual([
      'Jane Smithson',
      'John Smith',
      'José García',
    ]);
  });

  it('finds parts of a word and returns nothing for gibberish', async () => {
    expect((await search('mithso')).customers.map((c) => c.label)).toEqual(['Jane Smithson']);
    expect(await search('qqqzzz')).toEqual({
      query: 'qqqzzz',
      customers: [],
      vehicles: [],
      repairOrders: [],
    });
  });
});

describe('search by phone and email', () => {
  it('finds a phone typed in another format than stored', async () => {
    for (const q of ['312.555.0143', '+1 312 555 0143', '3125550143', '1 (312) 555-0143']) {
      const result = await search(q);
      expect(result.customers, q).toEqual([
        expect.objectContaining({ id: john.id, matchedOn: 'phone', score: 1 }),
      ]);
      expect(result.vehicles, q).toEqual([]);
    }
  });

  it('finds the last 4 to 7 digits of a phone', async () => {
    expect((await search('0143')).customers[0]).toMatchObject({ id: john.id, matchedOn: 'phone' });
    expect((await search('555-0199')).customers.map((c) => c.id)).toEqual([jane.id]);
    expect((await search('5550143')).customers.map((c) => c.id)).toEqual([john.id]);
  });

  it('finds an email by its beginning or as a whole, in any case', async () => {
    expect((await search('john.smith@')).customers[0]).toMatchObject({ id: john.id, matchedOn: 'email' });
    expect((await search('JOHN.SMITH@MAIL.TEST')).customers[0]).toMatchObject({ id: john.id, score: 1 });
    expect((await search('smith@mail')).customers.map((c) => c.id)).toEqual([john.id]);
  });
});

describe('search by plate and VIN', () => {
  it('finds a plate typed with a dash, a space or in lower case', async () => {
    for (const q of ['ABC-1234', 'abc 1234', 'abc1234']) {
      const result = await search(q);
      expect(result.vehicles, q).toEqual([
        {
          id: civic,
          customerId: john.id,
          label: '2018 Honda Civic · ABC1234 · VIN …004352',
          sublabel: 'John Smith',
          score: 1,
          matchedOn: 'plate',
        },
      ]);
    }
    expect((await search('ABC')).vehicles.map((v) => v.id)).toEqual([civic]);
    expect((await search('XYZ3')).vehicles[0]?.sublabel).toBe('Jane Smithson');
  });

  it('finds a plate misread by one character', async () => {
    expect((await search('ABC1284')).vehicles.map((v) => v.id)).toEqual([civic]);
  });

  it('finds a VIN whole, by its last 6 or 8 characters, or with a typo', async () => {
    expect((await search('1hgcm82633a004352')).vehicles[0]).toMatchObject({
      id: civic,
      matchedOn: 'vin',
      score: 1,
    });
    expect((await search('004352')).vehicles[0]).toMatchObject({ id: civic, matchedOn: 'vin', score: 0.95 });
    expect((await search('3A004352')).vehicles[0]).toMatchObject({ id: civic, matchedOn: 'vin' });
    expect((await search('1HGCM82638A004352')).vehicles.map((v) => v.id)).toEqual([civic]);
  });
});

describe('search by repair-order number', () => {
  it('finds "1042", "RO 1042" and "#1042", with the customer, vehicle and status in the label', async () => {
    for (const q of ['1042', 'RO 1042', '#1042', 'ro1042', 'R.O. 1042']) {
      const result = await search(q);
      expect(result.repairOrders[0], q).toMatchObject({
        number: 1042,
        customerId: john.id,
        vehicleId: civic,
        status: 'open',
        label: '#1042 · John Smith · 2018 Honda Civic · open',
        sublabel: 'ABC1234 · opened 2026-03-02 · Brakes squeak when cold',
        score: 1,
        matchedOn: 'number',
      });
    }
    const only = await search('RO 1042');
    expect([only.customers, only.vehicles, only.repairOrders.length]).toEqual([[], [], 1]);
  });

  it('lists the numbers a prefix begins, the exact one first', async () => {
    expect((await search('104')).repairOrders.map((r) => r.number)).toEqual([1043, 1042]);
    expect((await search('1043')).repairOrders[0]).toMatchObject({ number: 1043, status: 'closed' });
  });
});

describe('the search index follows changes', () => {
  it('reindexes a renamed customer and new contact info, and drops a merged one', async () => {
    await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: `/api/customers/${john.id}`,
      payload: {
        version: john.version,
        name: 'Jonathan Smythe',
        contactInfo: { phones: [{ number: '630-555-0111' }] },
      },
    });
    expect((await search('jonathan')).customers.map((c) => c.id)).toEqual([john.id]);
    expect((await search('(630) 555-0111')).customers.map((c) => c.id)).toEqual([john.id]);
    expect((await search('312-555-0143')).customers).toEqual([]);

    const merged = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: `/api/customers/${john.id}/merge`,
      payload: { sourceCustomerId: jane.id, version: john.version + 1 },
    });
    expect(merged.statusCode).toBe(200);
    expect((await search('Jane Smithson')).customers.map((c) => c.id)).not.toContain(jane.id);
    // Her number now belongs to the kept customer, and so does her truck.
    expect((await search('773-555-0199')).customers.map((c) => c.id)).toEqual([john.id]);
    expect((await search('7XYZ321')).vehicles[0]?.sublabel).toBe('Jonathan Smythe');
  });

  it('indexes customers and vehicles written straight to the tables, and forgets deleted ones', async () => {
    const id = insertCustomer(t.database, {
      name: "Mary-Jane O'Brien",
      contactInfo: { phones: [{ number: '+16305550177' }], emails: [{ address: 'MJ@Example.test' }] },
    });
    expect((await search('obrien')).customers.map((c) => c.id)).toEqual([id]);
    expect((await search('mary jane')).customers.map((c) => c.id)).toEqual([id]);
    expect((await search('630 555 0177')).customers.map((c) => c.id)).toEqual([id]);
    expect((await search('mj@example')).customers.map((c) => c.id)).toEqual([id]);
    t.database.sqlite.prepare('DELETE FROM customers WHERE id = ?').run(id);
    expect((await search('obrien')).customers).toEqual([]);
    expect(
      t.database.sqlite.prepare('SELECT count(*) AS n FROM search_keys WHERE entity_id = ?').get(id),
    ).toEqual({ n: 0 });
  });
});

describe('the search route', () => {
  it('refuses a missing or blank query and a limit over 50, naming the parameter', async () => {
    const get = (url: string) => injectAs(t.app, owner.cookie, { method: 'GET', url });
    expect(problemOf(await get('/api/search')).errors?.[0]?.path).toBe('query.q');
    expect(problemOf(await get('/api/search?q=%20%20')).errors?.[0]?.path).toBe('query.q');
    expect(problemOf(await get('/api/search?q=ann&limit=51')).errors?.[0]?.path).toBe('query.limit');
    expect(problemOf(await get('/api/search?q=ann&sort=x')).errors?.[0]?.path).toBe('query.sort');
  });

  it('limits each kind, and serves every staff role but nobody signed out', async () => {
    const limited = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/search?q=j&limit=1' });
    expect(limited.json().customers).toHaveLength(1);
    const technician = await createStaff(t.app, owner.cookie, 'technician');
    expect((await search('ABC1234', await loginAs(t.app, technician))).vehicles).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/search?q=ann' })).statusCode).toBe(401);
  });
});

describe('migration 0008', () => {
  it('indexes the customers and vehicles that existed before it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ase-search-migration-'));
    const database = openDatabase(join(dir, 'ase.db'));
    try {
      const clock = new ManualClock();
      const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0008'));
      await migrateToLatest(database, { backupDir: join(dir, 'backups'), clock, migrations: before });
      const customerId = insertCustomer(database, {
        name: 'Olde Customer',
        contactInfo: { phones: [{ number: '+13125550100' }] },
      });
      const vehicleId = insertVehicle(database, customerId, { vin: '2HGFA16598H512345' });
      database.sqlite.prepare(`UPDATE vehicles SET license_plate = 'OLD123' WHERE id = ?`).run(vehicleId);

      await migrateToLatest(database, { backupDir: join(dir, 'backups'), clock });
      const count = (table: string) =>
        (database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect([count('search_keys'), count('search_customers'), count('search_vehicles')]).toEqual([2, 1, 1]);
      expect(
        database.sqlite
          .prepare(`SELECT phones FROM search_customers WHERE search_customers MATCH '{phones} : "5550100"'`)
          .all(),
      ).toEqual([{ phones: ' 13125550100 ' }]);
      expect(
        database.sqlite.prepare(`SELECT term FROM search_customer_words_vocab ORDER BY term`).all(),
      ).toEqual([{ term: 'customer' }, { term: 'olde' }]);
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reading a query (no database)', () => {
  it('tells what a query can be', () => {
    expect(parseQuery(' RO 1042 ')).toMatchObject({
      roNumber: '1042',
      roOnly: true,
      email: null,
      phoneDigits: [],
    });
    expect(parseQuery('1042')).toMatchObject({ roNumber: '1042', roOnly: false, phoneDigits: ['1042'] });
    expect(parseQuery('(312) 555-0143')).toMatchObject({
      wholePhone: '+13125550143',
      roNumber: null,
      email: null,
    });
    expect(parseQuery('abc-1234')).toMatchObject({
      alnum: 'ABC1234',
      words: ['abc', '1234'],
      phoneDigits: [],
    });
    expect(parseQuery("Mary-Jane O'Brien")).toMatchObject({ words: ['mary', 'jane', 'obrien'], email: null });
    expect(parseQuery('Ann@Mail.test').email).toBe('ann@mail.test');
  });

  it('counts a swap of neighbours as one edit, and stops counting past the limit', () => {
    expect(editDistance('jonh', 'john', 2)).toBe(1);
    expect(editDistance('smtih', 'smith', 2)).toBe(1);
    expect(editDistance('smyth', 'smith', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abc', 'xyzuvw', 1)).toBe(2);
  });

  it('corrects a word to the nearest words of the vocabulary, whole-word fixes first', () => {
    const vocabulary = ['joan', 'john', 'johnson', 'jonah', 'jones', 'joseph', 'judith'];
    expect(corrections('jonh', vocabulary)).toEqual(['john', 'jonah', 'johnson', 'jones']);
    expect(corrections('jon', vocabulary)).toEqual(['jonah', 'jones']); // short words get no edits
  });
});
