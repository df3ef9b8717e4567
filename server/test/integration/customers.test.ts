import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvents } from '../../src/events/domain-events.js';
import { newId } from '../../src/lib/ids.js';
import { insertVehicle } from '../helpers/fixtures.js';
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
let events: DomainEvents['customerChanged'][];
beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
  events = [];
  t.app.events.on('customerChanged', (e) => events.push(e));
});
afterEach(async () => {
  await t.close();
});

interface CustomerBody {
  id: string;
  name: string;
  version: number;
  contactInfo: {
    phones: { number: string; label?: string; primary: boolean }[];
    emails: { address: string; primary: boolean }[];
  };
  preferences: { contactChannel: string; language: string; marketingOptIn: boolean };
  notes: string;
  mergedIntoId: string | null;
  updatedAt: string;
}

function count(table: string): number {
  return (t.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function auditFor(
  entityId: string,
): { action: string; data: Record<string, unknown>; actor: string | null }[] {
  return (
    t.database.sqlite
      .prepare('SELECT action, data, actor_user_id FROM audit_log WHERE entity_id = ? ORDER BY id')
      .all(entityId) as { action: string; data: string; actor_user_id: string | null }[]
  ).map((row) => ({ action: row.action, data: JSON.parse(row.data), actor: row.actor_user_id }));
}

function contactsOf(
  customerId: string,
): { kind: string; value: string; label: string | null; is_primary: number }[] {
  return t.database.sqlite
    .prepare(
      'SELECT kind, value, label, is_primary FROM customer_contacts WHERE customer_id = ? ORDER BY kind DESC, value',
    )
    .all(customerId) as { kind: string; value: string; label: string | null; is_primary: number }[];
}

function post(payload: object, cookie = owner.cookie) {
  return injectAs(t.app, cookie, { method: 'POST', url: '/api/customers', payload });
}

async function createCustomer(payload: object): Promise<CustomerBody> {
  const response = await post(payload);
  if (response.statusCode !== 201) throw new Error(`create customer failed: ${response.body}`);
  return response.json<CustomerBody>();
}

describe('creating and reading customers', () => {
  it('normalizes phones from any format to E.164 and emails to lower case, and keeps the contacts table in step', async () => {
    const response = await post({
      name: '  Ann Example ',
      contactInfo: {
        phones: [
          { number: '(555) 123-4567', label: 'mobile' },
          { number: '212.555.0143', label: 'work', primary: true },
          { number: '+44 20 7946 0958' },
        ],
        emails: [{ address: 'Ann.Example@Mail.TEST' }],
      },
      notes: 'Prefers mornings.',
    });
    expect(response.statusCode).toBe(201);
    const customer = response.json<CustomerBody>();
    expect(customer).toMatchObject({
      name: 'Ann Example',
      kind: 'person',
      contactInfo: {
        phones: [
          { number: '+15551234567', label: 'mobile', primary: false },
          { number: '+12125550143', label: 'work', primary: true },
          { number: '+442079460958', primary: false },
        ],
        emails: [{ address: 'ann.example@mail.test', primary: true }],
      },
      preferences: { contactChannel: 'sms', language: 'en', marketingOptIn: false },
      notes: 'Prefers mornings.',
      mergedIntoId: null,
      version: 1,
      createdAt: '2026-03-02T14:00:00.000Z',
    });
    expect(contactsOf(customer.id)).toEqual([
      { kind: 'phone', value: '+12125550143', label: 'work', is_primary: 1 },
      { kind: 'phone', value: '+15551234567', label: 'mobile', is_primary: 0 },
      { kind: 'phone', value: '+442079460958', label: null, is_primary: 0 },
      { kind: 'email', value: 'ann.example@mail.test', label: null, is_primary: 1 },
    ]);
    expect(auditFor(customer.id)).toEqual([{ action: 'customer.created', data: {}, actor: owner.id }]);
    expect(events).toEqual([{ customerId: customer.id, change: 'created', at: customer.updatedAt }]);

    const read = await injectAs(t.app, owner.cookie, { method: 'GET', url: `/api/customers/${customer.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(customer);
  });

  it('keeps the kind and preferences it is given', async () => {
    const customer = await createCustomer({
      name: 'Fleet Co',
      kind: 'fleet',
      contactInfo: { emails: [{ address: 'fleet@co.test' }] },
      preferences: { contactChannel: 'email', language: 'es', marketingOptIn: true },
    });
    expect(customer).toMatchObject({
      kind: 'fleet',
      preferences: { contactChannel: 'email', language: 'es', marketingOptIn: true },
    });
  });

  it('refuses an unreadable phone naming its index, and writes nothing', async () => {
    const response = await post({
      name: 'Ann Example',
      contactInfo: { phones: [{ number: '555-123-4567' }, { number: '123' }, { number: '1-800-FLOWERS' }] },
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors?.map((e) => e.path)).toEqual([
      'contactInfo.phones.1.number',
      'contactInfo.phones.2.number',
    ]);
    expect([
      count('customers'),
      count('customer_contacts'),
      count("audit_log WHERE entity_type = 'customer'"),
    ]).toEqual([0, 0, 0]);
    expect(events).toEqual([]);
  });

  it('refuses bad emails, blank names, unknown fields, impossible channels and two primaries, naming each field', async () => {
    const cases: [object, string[]][] = [
      [
        { name: 'A', contactInfo: { emails: [{ address: 'not-an-email' }] } },
        ['contactInfo.emails.0.address'],
      ],
      [{ name: '   ' }, ['name']],
      [{ name: 'A', nickname: 'x' }, ['nickname']],
      [{ name: 'A', kind: 'robot' }, ['kind']],
      [{ name: 'A', preferences: { contactChannel: 'sms' } }, ['preferences.contactChannel']],
      [{ name: 'A', preferences: { language: 'English!' } }, ['preferences.language']],
      [
        {
          name: 'A',
          contactInfo: {
            phones: [
              { number: '5551234567', primary: true },
              { number: '5559876543', primary: true },
            ],
          },
        },
        ['contactInfo.phones.1.primary'],
      ],
      [
        { name: 'A', contactInfo: { phones: [{ number: '(555) 123-4567' }, { number: '+1 555 123 4567' }] } },
        ['contactInfo.phones.1.number'],
      ],
      [
        { name: 'A', contactInfo: { emails: [{ address: 'a@b.test' }, { address: 'A@B.TEST' }] } },
        ['contactInfo.emails.1.address'],
      ],
    ];
    for (const [payload, paths] of cases) {
      const response = await post(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(
        problemOf(response).errors?.map((e) => e.path),
        JSON.stringify(payload),
      ).toEqual(paths);
    }
    expect(count('customers')).toBe(0);
  });

  it('lets the counter create customers but not the floor; everyone on staff can read them', async () => {
    const technician = await createStaff(t.app, owner.cookie, 'technician');
    const techCookie = await loginAs(t.app, technician);
    const refused = await post({ name: 'Tech Made' }, techCookie);
    expect(refused.statusCode).toBe(403);
    expect(count('customers')).toBe(0);

    const advisor = await createStaff(t.app, owner.cookie, 'advisor');
    const advisorCookie = await loginAs(t.app, advisor);
    expect((await post({ name: 'Advisor Made' }, advisorCookie)).statusCode).toBe(201);
    const list = await injectAs(t.app, techCookie, { method: 'GET', url: '/api/customers' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: CustomerBody) => c.name)).toEqual(['Advisor Made']);
  });

  it('answers 404 for an unknown customer and 400 for a malformed id', async () => {
    const missing = await injectAs(t.app, owner.cookie, { method: 'GET', url: `/api/customers/${newId()}` });
    expect(missing.statusCode).toBe(404);
    const malformed = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/customers/nope' });
    expect(problemOf(malformed).errors?.[0]?.path).toBe('params.id');
  });
});

describe('duplicate warning', () => {
  it('answers 409 possible-duplicate for a known phone in another format, until confirmed', async () => {
    const ann = await createCustomer({
      name: 'Ann Example',
      contactInfo: { phones: [{ number: '555-123-4567' }], emails: [{ address: 'ann@mail.test' }] },
    });
    const warned = await post({
      name: 'Annie Example',
      contactInfo: { phones: [{ number: '+1 (555) 123 4567' }], emails: [{ address: 'ANN@mail.test' }] },
    });
    expect(warned.statusCode).toBe(409);
    expect(problemOf(warned)).toMatchObject({
      type: 'urn:ase:problem:possible-duplicate',
      duplicates: [
        { id: ann.id, name: 'Ann Example', matchedOn: 'phone', value: '+15551234567' },
        { id: ann.id, name: 'Ann Example', matchedOn: 'email', value: 'ann@mail.test' },
      ],
    });
    expect(count('customers')).toBe(1);

    const confirmed = await post({
      name: 'Annie Example',
      contactInfo: { phones: [{ number: '+1 (555) 123 4567' }] },
      confirmDuplicate: true,
    });
    expect(confirmed.statusCode).toBe(201);
    const annie = confirmed.json<CustomerBody>();
    expect(auditFor(annie.id)[0]).toMatchObject({
      action: 'customer.created',
      data: { confirmedDuplicateOf: [ann.id] },
    });
  });

  it('checks a phone or email while the advisor types, normalizing the same way', async () => {
    const ann = await createCustomer({
      name: 'Ann Example',
      contactInfo: { phones: [{ number: '(555) 123-4567' }], emails: [{ address: 'ann@mail.test' }] },
    });
    const check = (query: string) =>
      injectAs(t.app, owner.cookie, { method: 'GET', url: `/api/customers/duplicates?${query}` });

    const byPhone = await check('phone=555.123.4567');
    expect(byPhone.statusCode).toBe(200);
    expect(byPhone.json()).toEqual({
      items: [{ id: ann.id, name: 'Ann Example', matchedOn: 'phone', value: '+15551234567' }],
    });
    expect((await check('email=ANN%40mail.test')).json().items).toHaveLength(1);
    expect((await check('phone=5559999999')).json()).toEqual({ items: [] });
    expect((await check(`phone=5551234567&excludeId=${ann.id}`)).json()).toEqual({ items: [] });

    expect(problemOf(await check('')).errors?.[0]?.path).toBe('query.phone');
    expect(problemOf(await check('phone=12')).errors?.[0]?.path).toBe('query.phone');
    expect(problemOf(await check('email=nope')).errors?.[0]?.path).toBe('query.email');

    const technician = await createStaff(t.app, owner.cookie, 'technician');
    const refused = await injectAs(t.app, await loginAs(t.app, technician), {
      method: 'GET',
      url: '/api/customers/duplicates?phone=5551234567',
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('updating customers', () => {
  it('changes fields with the version read, rewrites the contacts table and audits it', async () => {
    const ann = await createCustomer({
      name: 'Ann Example',
      contactInfo: { phones: [{ number: '5551234567' }] },
    });
    t.clock.advance(60_000);
    const response = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: `/api/customers/${ann.id}`,
      payload: {
        version: 1,
        name: 'Ann B. Example',
        contactInfo: {
          phones: [{ number: '(212) 555-0143', label: 'work' }],
          emails: [{ address: 'Ann@Mail.test' }],
        },
        preferences: { marketingOptIn: true },
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'Ann B. Example',
      version: 2,
      contactInfo: {
        phones: [{ number: '+12125550143', label: 'work', primary: true }],
        emails: [{ address: 'ann@mail.test', primary: true }],
      },
      preferences: { contactChannel: 'sms', language: 'en', marketingOptIn: true },
      updatedAt: '2026-03-02T14:01:00.000Z',
    });
    expect(contactsOf(ann.id).map((c) => c.value)).toEqual(['+12125550143', 'ann@mail.test']);
    expect(auditFor(ann.id).at(-1)).toMatchObject({
      action: 'customer.updated',
      data: { fields: ['name', 'contactInfo', 'preferences'] },
    });
    expect(events.map((e) => e.change)).toEqual(['created', 'updated']);
  });

  it('answers 409 with the current version to a stale write, and writes nothing', async () => {
    const ann = await createCustomer({ name: 'Ann Example' });
    const patch = (payload: object) =>
      injectAs(t.app, owner.cookie, { method: 'PATCH', url: `/api/customers/${ann.id}`, payload });
    expect((await patch({ version: 1, notes: 'first' })).statusCode).toBe(200);
    const stale = await patch({ version: 1, notes: 'lost update' });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale)).toMatchObject({
      type: 'urn:ase:problem:stale-version',
      currentVersion: 2,
      current: { notes: 'first' },
    });
    expect(auditFor(ann.id).map((a) => a.action)).toEqual(['customer.created', 'customer.updated']);
  });

  it('refuses bad input naming the field, an unknown id with 404, and keeps the row as it was', async () => {
    const ann = await createCustomer({
      name: 'Ann Example',
      contactInfo: { phones: [{ number: '5551234567' }] },
    });
    const bad = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: `/api/customers/${ann.id}`,
      payload: { version: 1, name: 'Changed', contactInfo: { phones: [{ number: 'call me' }] } },
    });
    expect(bad.statusCode).toBe(400);
    expect(problemOf(bad).errors?.map((e) => e.path)).toEqual(['contactInfo.phones.0.number']);
    // Removing the only phone while texts are the channel would leave the shop unable to reach them.
    const noPhone = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: `/api/customers/${ann.id}`,
      payload: { version: 1, contactInfo: { phones: [] } },
    });
    expect(problemOf(noPhone).errors?.map((e) => e.path)).toEqual(['preferences.contactChannel']);
    const row = await injectAs(t.app, owner.cookie, { method: 'GET', url: `/api/customers/${ann.id}` });
    expect(row.json()).toMatchObject({ name: 'Ann Example', version: 1 });
    expect(contactsOf(ann.id)).toHaveLength(1);

    const missing = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: `/api/customers/${newId()}`,
      payload: { version: 1, name: 'Nobody' },
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('listing customers', () => {
  it('pages by name with a cursor or an offset, and hides merged customers unless asked', async () => {
    for (const name of ['carol', 'Bob', 'alice', 'Dave', 'erin']) await createCustomer({ name });
    const get = async (query: string) =>
      (await injectAs(t.app, owner.cookie, { method: 'GET', url: `/api/customers?${query}` })).json<{
        items: CustomerBody[];
        nextCursor: string | null;
      }>();

    const first = await get('limit=2');
    expect(first.items.map((c) => c.name)).toEqual(['alice', 'Bob']);
    const second = await get(`limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((c) => c.name)).toEqual(['carol', 'Dave']);
    const last = await get(`limit=2&cursor=${second.nextCursor}`);
    expect(last).toMatchObject({ items: [{ name: 'erin' }], nextCursor: null });
    expect((await get('limit=2&offset=3')).items.map((c) => c.name)).toEqual(['Dave', 'erin']);

    const [keep, dup] = (await get('')).items as [CustomerBody, CustomerBody];
    await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: `/api/customers/${keep.id}/merge`,
      payload: { sourceCustomerId: dup.id, version: keep.version },
    });
    expect((await get('')).items.map((c) => c.name)).toEqual(['alice', 'carol', 'Dave', 'erin']);
    expect((await get('includeMerged=true')).items.map((c) => c.name)).toEqual([
      'alice',
      'Bob',
      'carol',
      'Dave',
      'erin',
    ]);
  });

  it('pages through customers with the same name (any case) without skipping or repeating one', async () => {
    const ids = new Set<string>();
    for (const name of ['Sam Lee', 'SAM LEE', 'sam lee', 'Sam Lee'])
      ids.add((await createCustomer({ name })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await injectAs(t.app, owner.cookie, {
        method: 'GET',
        url: `/api/customers?limit=1${cursor === null ? '' : `&cursor=${cursor}`}`,
      });
      const body = page.json<{ items: CustomerBody[]; nextCursor: string | null }>();
      seen.push(...body.items.map((c) => c.id));
      cursor = body.nextCursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(4);
    expect(new Set(seen)).toEqual(ids);
  });

  it('refuses a limit above 200, a foreign cursor, and cursor with offset', async () => {
    const list = (query: string) =>
      injectAs(t.app, owner.cookie, { method: 'GET', url: `/api/customers?${query}` });
    expect(problemOf(await list('limit=201')).errors?.[0]?.path).toBe('query.limit');
    expect(problemOf(await list('cursor=garbage')).errors?.[0]?.path).toBe('query.cursor');
    const cursor = Buffer.from(JSON.stringify(['a', 'b'])).toString('base64url');
    expect(problemOf(await list(`cursor=${cursor}&offset=1`)).errors?.[0]?.path).toBe('query.cursor');
  });
});

describe('merging customers', () => {
  function insertRepairOrder(customerId: string, vehicleId: string, number: number): string {
    const id = newId();
    t.database.sqlite
      .prepare(
        `INSERT INTO repair_orders (id, number, customer_id, vehicle_id, status, concerns, opened_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'open', '[]', ?, ?, ?)`,
      )
      .run(
        id,
        number,
        customerId,
        vehicleId,
        '2026-03-01T10:00:00.000Z',
        '2026-03-01T10:00:00.000Z',
        '2026-03-01T10:00:00.000Z',
      );
    return id;
  }

  function ownerOf(table: 'vehicles' | 'repair_orders', id: string): string {
    return (
      t.database.sqlite.prepare(`SELECT customer_id FROM ${table} WHERE id = ?`).get(id) as {
        customer_id: string;
      }
    ).customer_id;
  }

  async function merge(keptId: string, payload: object) {
    return injectAs(t.app, owner.cookie, { method: 'POST', url: `/api/customers/${keptId}/merge`, payload });
  }

  it('moves vehicles and repair orders, unites contact info, keeps both notes, and audits what moved', async () => {
    const kept = await createCustomer({
      name: 'Ann Example',
      contactInfo: { phones: [{ number: '5551234567' }], emails: [{ address: 'ann@mail.test' }] },
      notes: 'Regular since 2019.',
    });
    const source = await createCustomer({
      name: 'Ann Exampel',
      contactInfo: {
        phones: [{ number: '(555) 123-4567' }, { number: '212-555-0143', label: 'work' }],
        emails: [{ address: 'ann.work@corp.test' }],
      },
      notes: 'Asked for a loaner.',
      confirmDuplicate: true,
    });
    const vehicleA = insertVehicle(t.database, source.id, { vin: '1HGCM82633A004352' });
    const vehicleB = insertVehicle(t.database, source.id, { make: 'Ford', model: 'F-150' });
    const keptVehicle = insertVehicle(t.database, kept.id);
    const ro = insertRepairOrder(source.id, vehicleA, 1042);
    events.length = 0;

    const response = await merge(kept.id, { sourceCustomerId: source.id, version: kept.version });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      customer: CustomerBody;
      mergedCustomerId: string;
      moved: Record<string, number>;
    }>();
    expect(body.mergedCustomerId).toBe(source.id);
    expect(body.moved).toEqual({ vehicles: 2, 'repair orders': 1, appointments: 0 });
    expect(body.customer).toMatchObject({
      id: kept.id,
      version: kept.version + 1,
      contactInfo: {
        phones: [
          { number: '+15551234567', primary: true },
          { number: '+12125550143', label: 'work', primary: false },
        ],
        emails: [
          { address: 'ann@mail.test', primary: true },
          { address: 'ann.work@corp.test', primary: false },
        ],
      },
      notes: 'Regular since 2019.\n\n[Merged from Ann Exampel]\nAsked for a loaner.',
    });

    expect([
      ownerOf('vehicles', vehicleA),
      ownerOf('vehicles', vehicleB),
      ownerOf('vehicles', keptVehicle),
    ]).toEqual([kept.id, kept.id, kept.id]);
    expect(ownerOf('repair_orders', ro)).toBe(kept.id);
    expect(contactsOf(kept.id).map((c) => c.value)).toEqual([
      '+12125550143',
      '+15551234567',
      'ann.work@corp.test',
      'ann@mail.test',
    ]);

    const tombstone = await injectAs(t.app, owner.cookie, {
      method: 'GET',
      url: `/api/customers/${source.id}`,
    });
    expect(tombstone.json()).toMatchObject({ mergedIntoId: kept.id, version: source.version + 1 });

    expect(auditFor(kept.id).at(-1)).toEqual({
      action: 'customer.merged',
      actor: owner.id,
      data: {
        sourceCustomerId: source.id,
        sourceName: 'Ann Exampel',
        moved: { vehicles: 2, 'repair orders': 1, appointments: 0 },
        contactsAdded: { phones: ['+12125550143'], emails: ['ann.work@corp.test'] },
        earlierMergesRepointed: 0,
      },
    });
    expect(auditFor(source.id).at(-1)).toMatchObject({
      action: 'customer.merged_into',
      data: { keptCustomerId: kept.id },
    });
    expect(events).toEqual([
      { customerId: kept.id, change: 'merged', at: body.customer.updatedAt },
      { customerId: source.id, change: 'merged', at: body.customer.updatedAt },
    ]);

    // The duplicate warning no longer points at the merged customer; the kept one has the phone now.
    const dup = await injectAs(t.app, owner.cookie, {
      method: 'GET',
      url: '/api/customers/duplicates?phone=2125550143',
    });
    expect(dup.json().items.map((d: { id: string }) => d.id)).toEqual([kept.id]);
  });

  it('points customers merged earlier into the duplicate straight at the kept one', async () => {
    const a = await createCustomer({ name: 'A' });
    const b = await createCustomer({ name: 'B' });
    const c = await createCustomer({ name: 'C' });
    expect((await merge(b.id, { sourceCustomerId: c.id, version: 1 })).statusCode).toBe(200);
    const response = await merge(a.id, { sourceCustomerId: b.id, version: 1 });
    expect(response.statusCode).toBe(200);
    const cNow = await injectAs(t.app, owner.cookie, { method: 'GET', url: `/api/customers/${c.id}` });
    expect(cNow.json().mergedIntoId).toBe(a.id);
    expect(auditFor(a.id).at(-1)?.data.earlierMergesRepointed).toBe(1);
  });

  it('refuses to merge a customer into itself, an unknown or already merged one, or with a stale version', async () => {
    const a = await createCustomer({ name: 'A', contactInfo: { phones: [{ number: '5551112222' }] } });
    const b = await createCustomer({ name: 'B' });
    const c = await createCustomer({ name: 'C' });
    const vehicle = insertVehicle(t.database, b.id);

    const self = await merge(a.id, { sourceCustomerId: a.id, version: 1 });
    expect(self.statusCode).toBe(400);
    expect(problemOf(self).errors?.[0]?.path).toBe('sourceCustomerId');

    const unknownSource = await merge(a.id, { sourceCustomerId: newId(), version: 1 });
    expect(problemOf(unknownSource).errors?.[0]?.path).toBe('sourceCustomerId');
    expect((await merge(newId(), { sourceCustomerId: b.id, version: 1 })).statusCode).toBe(404);

    const stale = await merge(a.id, { sourceCustomerId: b.id, version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale)).toMatchObject({ type: 'urn:ase:problem:stale-version', currentVersion: 1 });
    expect(ownerOf('vehicles', vehicle)).toBe(b.id); // nothing moved

    expect((await merge(c.id, { sourceCustomerId: b.id, version: 1 })).statusCode).toBe(200);
    const again = await merge(a.id, { sourceCustomerId: b.id, version: 1 });
    expect(again.statusCode).toBe(409);
    expect(problemOf(again)).toMatchObject({ type: 'urn:ase:problem:already-merged', mergedIntoId: c.id });
    const intoMerged = await merge(b.id, { sourceCustomerId: a.id, version: 2 });
    expect(intoMerged.statusCode).toBe(409);
    expect(problemOf(intoMerged).detail).toContain('already merged');

    const editMerged = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: `/api/customers/${b.id}`,
      payload: { version: 2, name: 'Ghost' },
    });
    expect(editMerged.statusCode).toBe(409);
    expect(auditFor(a.id).map((x) => x.action)).toEqual(['customer.created']);

    const technician = await createStaff(t.app, owner.cookie, 'technician');
    const refused = await injectAs(t.app, await loginAs(t.app, technician), {
      method: 'POST',
      url: `/api/customers/${a.id}/merge`,
      payload: { sourceCustomerId: c.id, version: 1 },
    });
    expect(refused.statusCode).toBe(403);
  });
});
