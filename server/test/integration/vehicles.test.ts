import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvents } from '../../src/events/domain-events.js';
import { EventBus } from '../../src/events/event-bus.js';
import { HOUR_MS as HOUR } from '../../src/lib/clock.js';
import { newId } from '../../src/lib/ids.js';
import { AuditService, SYSTEM_ACTOR } from '../../src/modules/audit/audit.service.js';
import { CustomersService } from '../../src/modules/customers/customers.service.js';
import type { OdometerReading, VehicleDetail } from '../../src/modules/vehicles/vehicles.schemas.js';
import { VehiclesService } from '../../src/modules/vehicles/vehicles.service.js';
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
let customerA: string;
let customerB: string;
let events: DomainEvents['vehicleChanged'][];

beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
  customerA = insertCustomer(t.database, { name: 'Ann Able' });
  customerB = insertCustomer(t.database, { name: 'Bob Baker' });
  events = [];
  t.app.events.on('vehicleChanged', (event) => events.push(event));
});
afterEach(async () => {
  await t.close();
});

/** Make, model and year given: the offline decode is not needed (tests of decoding live in vin-decode.test.ts). */
const ACCORD = { make: 'Honda', model: 'Accord', year: 2003 };

function count(table: string): number {
  return (t.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function auditFor(
  entityId: string,
): { action: string; data: Record<string, unknown>; actor_user_id: string | null }[] {
  return (
    t.database.sqlite
      .prepare('SELECT action, data, actor_user_id FROM audit_log WHERE entity_id = ? ORDER BY id')
      .all(entityId) as { action: string; data: string; actor_user_id: string | null }[]
  ).map((row) => ({ ...row, data: JSON.parse(row.data) as Record<string, unknown> }));
}

function vehicleAudits(): number {
  return (
    t.database.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE entity_type = 'vehicle'`).get() as {
      n: number;
    }
  ).n;
}

function insertRepairOrder(vehicleId: string, customerId: string): string {
  const id = newId();
  const at = '2026-03-02T14:00:00.000Z';
  t.database.sqlite
    .prepare(
      `INSERT INTO repair_orders (id, number, customer_id, vehicle_id, opened_at, created_at, updated_at)
       VALUES (?, 1001, ?, ?, ?, ?, ?)`,
    )
    .run(id, customerId, vehicleId, at, at, at);
  return id;
}

async function createVehicle(payload: Record<string, unknown>, cookie = owner.cookie) {
  return injectAs(t.app, cookie, { method: 'POST', url: '/api/vehicles', payload });
}

async function createOk(payload: Record<string, unknown>) {
  const response = await createVehicle({ customerId: customerA, ...ACCORD, ...payload });
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.body}`);
  return response.json<VehicleDetail>();
}

describe('POST /api/vehicles', () => {
  it('creates a vehicle with a normalized plate, a first odometer reading and an open ownership', async () => {
    const response = await createVehicle({
      customerId: customerA,
      vin: ' 1hgcm82633a004352 ',
      ...ACCORD,
      trim: 'EX-V6',
      color: ' Silver ',
      licensePlate: 'abc-1234',
      plateRegion: 'ca',
      telematicsId: 'obd-77',
      odometer: 120_500,
      notes: 'Aftermarket radio',
    });
    expect(response.statusCode).toBe(201);
    const vehicle = response.json();
    expect(vehicle).toMatchObject({
      customerId: customerA,
      vin: '1HGCM82633A004352',
      vinCheckOverride: null,
      make: 'Honda',
      model: 'Accord',
      year: 2003,
      trim: 'EX-V6',
      engine: null,
      color: 'Silver',
      licensePlate: 'ABC1234',
      plateRegion: 'CA',
      telematicsId: 'obd-77',
      odometer: 120_500,
      odometerUnit: 'mi',
      notes: 'Aftermarket radio',
      version: 1,
      createdAt: '2026-03-02T14:00:00.000Z',
      owner: { customerId: customerA, customerName: 'Ann Able', since: '2026-03-02T14:00:00.000Z' },
    });
    expect(vehicle.ownershipHistory).toEqual([
      expect.objectContaining({
        customerId: customerA,
        customerName: 'Ann Able',
        endedAt: null,
        startedAt: '2026-03-02T14:00:00.000Z',
      }),
    ]);
    const readings = await injectAs(t.app, owner.cookie, {
      method: 'GET',
      url: `/api/vehicles/${vehicle.id}/odometer`,
    });
    expect(readings.json().items).toEqual([
      expect.objectContaining({ reading: 120_500, unit: 'mi', source: 'manual', recordedBy: owner.id }),
    ]);
    expect(auditFor(vehicle.id)).toEqual([
      {
        action: 'vehicle.created',
        actor_user_id: owner.id,
        data: { customerId: customerA, vin: '1HGCM82633A004352', filledFromVin: [] },
      },
    ]);
    expect(events).toEqual([{ vehicleId: vehicle.id, change: 'created', at: '2026-03-02T14:00:00.000Z' }]);
  });

  it('lets an advisor create, and refuses a technician (403) without writing anything', async () => {
    const advisor = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'advisor'));
    expect((await createVehicle({ customerId: customerA, ...ACCORD }, advisor)).statusCode).toBe(201);
    const tech = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'technician'));
    const refused = await createVehicle({ customerId: customerA, ...ACCORD }, tech);
    expect(refused.statusCode).toBe(403);
    expect(count('vehicles')).toBe(1);
  });

  it('refuses bad input with 400 naming each field, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ ...ACCORD }, 'customerId', 'is required'],
      [{ customerId: newId(), ...ACCORD }, 'customerId', 'no customer with this id'],
      [{ customerId: 'nope', ...ACCORD }, 'customerId'],
      [{ customerId: customerA, vin: '1HGCM82633A00435' }, 'vin', 'must be exactly 17 characters (got 16)'],
      [{ customerId: customerA, vin: '1HGCM82633A0O4352' }, 'vin', 'must not contain the letters I, O or Q'],
      [
        { customerId: customerA, vin: '1HGCM82633A00435!' },
        'vin',
        'may contain only letters A-Z and digits 0-9',
      ],
      [{ customerId: customerA, licensePlate: '--' }, 'licensePlate', 'must contain letters or digits'],
      [{ customerId: customerA, plateRegion: 'California' }, 'plateRegion'],
      [{ customerId: customerA, odometer: -1 }, 'odometer', 'must be at least 0'],
      [{ customerId: customerA, year: 1700 }, 'year'],
      [{ customerId: customerA, odometerUnit: 'furlongs' }, 'odometerUnit'],
      [{ customerId: customerA, colour: 'red' }, 'colour', 'is not an allowed field'],
    ];
    for (const [payload, path, message] of cases) {
      const response = await createVehicle(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      const error = problemOf(response).errors?.find((e) => e.path === path);
      expect(error, `${JSON.stringify(payload)} → ${response.body}`).toBeDefined();
      if (message !== undefined) expect(error?.message).toContain(message);
    }
    expect(count('vehicles')).toBe(0);
    expect(count('vehicle_ownerships')).toBe(0);
    expect(count('odometer_readings')).toBe(0);
    expect(vehicleAudits()).toBe(0);
  });

  it('refuses a North-American VIN with a wrong check digit, saying so', async () => {
    const response = await createVehicle({ customerId: customerA, vin: '5YJSA1E14HF195232', ...ACCORD });
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response);
    expect(problem.errors).toHaveLength(1);
    expect(problem.errors?.[0]?.path).toBe('vin');
    expect(problem.errors?.[0]?.message).toContain('wrong check digit');
    expect(problem.errors?.[0]?.message).toContain('vinCheckOverrideReason');
    expect(count('vehicles')).toBe(0);
  });

  it('keeps a wrong check digit when an advisor gives a reason: stored and audited', async () => {
    const advisor = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'advisor'));
    const response = await createVehicle(
      {
        customerId: customerA,
        vin: '5YJSA1E14HF195232',
        vinCheckOverrideReason: 'VIN as stamped on the frame and on the title',
        make: 'Tesla',
        model: 'Model S',
        year: 2017,
      },
      advisor,
    );
    expect(response.statusCode).toBe(201);
    const vehicle = response.json();
    expect(vehicle).toMatchObject({
      vin: '5YJSA1E14HF195232',
      vinCheckOverride: 'VIN as stamped on the frame and on the title',
    });
    expect(auditFor(vehicle.id).map((a) => a.action)).toEqual([
      'vehicle.created',
      'vehicle.vin_check_overridden',
    ]);
    expect(auditFor(vehicle.id)[1]?.data).toEqual({
      vin: '5YJSA1E14HF195232',
      expectedCheckDigit: '3',
      actualCheckDigit: '4',
      reason: 'VIN as stamped on the frame and on the title',
    });
  });

  it('refuses a blank override reason', async () => {
    const response = await createVehicle({
      customerId: customerA,
      vin: '5YJSA1E14HF195232',
      vinCheckOverrideReason: '     ',
      ...ACCORD,
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors?.[0]?.path).toBe('vin');
    expect(count('vehicles')).toBe(0);
  });

  it('accepts a European VIN whose check digit does not match, with no override', async () => {
    const vehicle = await createOk({ vin: 'wp0zzz99zts392124', make: 'Porsche', model: '911', year: 1996 });
    expect(vehicle).toMatchObject({ vin: 'WP0ZZZ99ZTS392124', vinCheckOverride: null });
    expect(auditFor(vehicle.id).map((a) => a.action)).toEqual(['vehicle.created']);
  });

  it('answers 409 for a VIN already on file, naming the vehicle and its owner', async () => {
    const first = await createOk({ vin: '1HGCM82633A004352' });
    const again = await createVehicle({ customerId: customerB, vin: '1hgcm82633a004352', ...ACCORD });
    expect(again.statusCode).toBe(409);
    const problem = problemOf(again);
    expect(problem).toMatchObject({
      existingVehicleId: first.id,
      existingCustomerId: customerA,
      errors: [{ path: 'vin', message: 'is already on file for another vehicle' }],
    });
    expect(problem.detail).toContain(first.id);
    expect(problem.detail).toContain(customerA);
    expect(count('vehicles')).toBe(1);
  });
});

describe('GET /api/vehicles and /api/vehicles/:id', () => {
  it('reads one vehicle with owner and history; 404 for an unknown id, 400 for a malformed one', async () => {
    const created = await createOk({ licensePlate: '7ABC123' });
    const one = await injectAs(t.app, owner.cookie, { method: 'GET', url: `/api/vehicles/${created.id}` });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(created);

    const missing = await injectAs(t.app, owner.cookie, { method: 'GET', url: `/api/vehicles/${newId()}` });
    expect(missing.statusCode).toBe(404);
    expect(problemOf(missing).detail).toContain('No vehicle');
    const malformed = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/vehicles/42' });
    expect(malformed.statusCode).toBe(400);
    expect(problemOf(malformed).errors?.[0]?.path).toBe('params.id');
  });

  it('lets a technician read vehicles', async () => {
    const created = await createOk({});
    const tech = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'technician'));
    expect(
      (await injectAs(t.app, tech, { method: 'GET', url: `/api/vehicles/${created.id}` })).statusCode,
    ).toBe(200);
    expect((await injectAs(t.app, tech, { method: 'GET', url: '/api/vehicles' })).statusCode).toBe(200);
  });

  it('lists newest first, filters by owner and pages', async () => {
    const a1 = await createOk({ model: 'Civic' });
    const a2 = await createOk({ model: 'Pilot' });
    const b1 = await createOk({ customerId: customerB, model: 'Fit' });
    const all = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/vehicles' });
    expect(all.json().items.map((v: { id: string }) => v.id)).toEqual([b1.id, a2.id, a1.id]);
    expect(all.json().nextOffset).toBeNull();

    const ofA = await injectAs(t.app, owner.cookie, {
      method: 'GET',
      url: `/api/vehicles?customerId=${customerA}`,
    });
    expect(ofA.json().items.map((v: { model: string }) => v.model)).toEqual(['Pilot', 'Civic']);

    const page1 = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/vehicles?limit=2' });
    expect(page1.json().items).toHaveLength(2);
    expect(page1.json().nextOffset).toBe(2);
    const page2 = await injectAs(t.app, owner.cookie, {
      method: 'GET',
      url: '/api/vehicles?limit=2&offset=2',
    });
    expect(page2.json().items.map((v: { id: string }) => v.id)).toEqual([a1.id]);
    expect(page2.json().nextOffset).toBeNull();

    for (const [query, path] of [
      ['limit=500', 'query.limit'],
      ['customerId=abc', 'query.customerId'],
      ['owner=x', 'query.owner'],
    ]) {
      const bad = await injectAs(t.app, owner.cookie, { method: 'GET', url: `/api/vehicles?${query}` });
      expect(bad.statusCode, query).toBe(400);
      expect(problemOf(bad).errors?.[0]?.path).toBe(path);
    }
  });
});

describe('PATCH /api/vehicles/:id', () => {
  async function patch(id: string, payload: Record<string, unknown>, cookie = owner.cookie) {
    return injectAs(t.app, cookie, { method: 'PATCH', url: `/api/vehicles/${id}`, payload });
  }

  it('changes fields with the version read, clears with null, and audits the fields', async () => {
    const created = await createOk({ color: 'Red', licensePlate: 'OLD1' });
    const response = await patch(created.id, {
      version: 1,
      color: null,
      licensePlate: 'new 22',
      plateRegion: 'on',
      trim: 'LX',
      notes: 'Key fob battery weak',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      version: 2,
      color: null,
      licensePlate: 'NEW22',
      plateRegion: 'ON',
      trim: 'LX',
      notes: 'Key fob battery weak',
      make: 'Honda',
    });
    expect(auditFor(created.id)[1]).toMatchObject({
      action: 'vehicle.updated',
      data: { fields: ['color', 'licensePlate', 'plateRegion', 'trim', 'notes'] },
    });
    expect(events.map((e) => e.change)).toEqual(['created', 'updated']);
  });

  it('answers 409 with the current version for a stale write, and 404 for an unknown vehicle', async () => {
    const created = await createOk({});
    expect((await patch(created.id, { version: 1, color: 'Blue' })).statusCode).toBe(200);
    const stale = await patch(created.id, { version: 1, color: 'Green' });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale)).toMatchObject({ currentVersion: 2, current: { color: 'Blue', version: 2 } });
    const missing = await patch(newId(), { version: 1, color: 'Green' });
    expect(missing.statusCode).toBe(404);
    expect(t.database.sqlite.prepare('SELECT color FROM vehicles').get()).toEqual({ color: 'Blue' });
  });

  it('applies the VIN rules to a changed VIN: check digit, override, duplicates', async () => {
    const other = await createOk({ vin: '1HGCM82633A004352' });
    const created = await createOk({});

    const badDigit = await patch(created.id, { version: 1, vin: '1FTFW1ET5DFC10312' });
    expect(badDigit.statusCode).toBe(400);
    expect(problemOf(badDigit).errors?.[0]).toMatchObject({ path: 'vin' });
    expect(problemOf(badDigit).errors?.[0]?.message).toContain('wrong check digit');

    const duplicate = await patch(created.id, { version: 1, vin: '1HGCM82633A004352' });
    expect(duplicate.statusCode).toBe(409);
    expect(problemOf(duplicate)).toMatchObject({ existingVehicleId: other.id });

    const overridden = await patch(created.id, {
      version: 1,
      vin: '1FTFW1ET5DFC10312',
      vinCheckOverrideReason: 'Matches the title; frame stamp unreadable',
    });
    expect(overridden.statusCode).toBe(200);
    expect(overridden.json()).toMatchObject({
      vin: '1FTFW1ET5DFC10312',
      vinCheckOverride: 'Matches the title; frame stamp unreadable',
      version: 2,
    });
    expect(auditFor(created.id).map((a) => a.action)).toEqual([
      'vehicle.created',
      'vehicle.updated',
      'vehicle.vin_check_overridden',
    ]);
    expect(auditFor(created.id)[1]?.data).toMatchObject({ vinFrom: null, vinTo: '1FTFW1ET5DFC10312' });

    // Sending the kept VIN back as read is not a change and needs no reason again.
    const resent = await patch(created.id, { version: 2, vin: '1ftfw1et5dfc10312', color: 'Black' });
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({ vinCheckOverride: 'Matches the title; frame stamp unreadable' });

    const corrected = await patch(created.id, { version: 3, vin: '1FTFW1ET9DFC10312' });
    expect(corrected.json()).toMatchObject({ vin: '1FTFW1ET9DFC10312', vinCheckOverride: null });
    const cleared = await patch(created.id, { version: 4, vin: null });
    expect(cleared.json()).toMatchObject({ vin: null, vinCheckOverride: null });
  });

  it('refuses bad input (400 naming the field) and technicians (403), changing nothing', async () => {
    const created = await createOk({});
    for (const [payload, path] of [
      [{ color: 'Red' }, 'version'],
      [{ version: 1, licensePlate: '  ' }, 'licensePlate'],
      [{ version: 1, customerId: customerB }, 'customerId'],
      [{ version: 1, year: 'new' }, 'year'],
      [{ version: 1, vin: 'SHORT' }, 'vin'],
    ] as const) {
      const response = await patch(created.id, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(problemOf(response).errors?.map((e) => e.path)).toContain(path);
    }
    const tech = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'technician'));
    expect((await patch(created.id, { version: 1, color: 'Red' }, tech)).statusCode).toBe(403);
    const row = t.database.sqlite.prepare('SELECT version, license_plate FROM vehicles').get();
    expect(row).toEqual({ version: 1, license_plate: null });
    expect(auditFor(created.id).map((a) => a.action)).toEqual(['vehicle.created']);
  });
});

describe('odometer readings', () => {
  async function postReading(id: string, payload: Record<string, unknown>, cookie = owner.cookie) {
    return injectAs(t.app, cookie, { method: 'POST', url: `/api/vehicles/${id}/odometer`, payload });
  }
  async function history(id: string) {
    return (
      await injectAs(t.app, owner.cookie, { method: 'GET', url: `/api/vehicles/${id}/odometer` })
    ).json<{ items: OdometerReading[] }>().items;
  }
  function odometerOf(id: string) {
    return t.database.sqlite.prepare('SELECT odometer FROM vehicles WHERE id = ?').get(id);
  }

  // Sessions end after 12 idle hours, so the clock moves by hours here.
  it('keeps a history, newest first, and moves the vehicle odometer up', async () => {
    const vehicle = await createOk({ odometer: 50_000 });
    t.clock.advance(10 * HOUR);
    const tech = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'technician'));
    const posted = await postReading(vehicle.id, { reading: 53_210, source: 'obd' }, tech);
    expect(posted.statusCode).toBe(201);
    expect(posted.json()).toMatchObject({
      vehicleId: vehicle.id,
      reading: 53_210,
      unit: 'mi',
      source: 'obd',
      repairOrderId: null,
      recordedAt: '2026-03-03T00:00:00.000Z',
    });
    t.clock.advance(HOUR);
    expect((await postReading(vehicle.id, { reading: 53_210 })).statusCode).toBe(201);
    expect(
      (await history(vehicle.id)).map((r: { reading: number; source: string }) => [r.reading, r.source]),
    ).toEqual([
      [53_210, 'manual'],
      [53_210, 'obd'],
      [50_000, 'manual'],
    ]);
    expect(odometerOf(vehicle.id)).toEqual({ odometer: 53_210 });
    expect(events.map((e) => e.change)).toEqual(['created', 'odometer', 'odometer']);
  });

  it('refuses a lower reading (400 naming reading, with the last reading and its date) unless confirmed', async () => {
    const vehicle = await createOk({ odometer: 88_000 });
    t.clock.advance(11 * HOUR);
    const lower = await postReading(vehicle.id, { reading: 12 });
    expect(lower.statusCode).toBe(400);
    const error = problemOf(lower).errors?.[0];
    expect(error?.path).toBe('reading');
    expect(error?.message).toContain('lower than the last reading, 88,000 mi on 2026-03-02');
    expect(error?.message).toContain('confirmLower');
    expect(await history(vehicle.id)).toHaveLength(1);
    expect(odometerOf(vehicle.id)).toEqual({ odometer: 88_000 });

    const confirmed = await postReading(vehicle.id, { reading: 12, confirmLower: true });
    expect(confirmed.statusCode).toBe(201);
    expect(odometerOf(vehicle.id)).toEqual({ odometer: 12 });
    expect(auditFor(vehicle.id).map((a) => a.action)).toEqual([
      'vehicle.created',
      'vehicle.odometer_lowered',
    ]);
    expect(auditFor(vehicle.id)[1]?.data).toMatchObject({
      reading: 12,
      previousReading: 88_000,
      previousAt: '2026-03-02T14:00:00.000Z',
      readingId: confirmed.json().id,
    });
    // The new cluster is the reference from now on.
    expect((await postReading(vehicle.id, { reading: 40 })).statusCode).toBe(201);
  });

  it('compares readings across units and keeps the vehicle odometer in its own unit', async () => {
    const vehicle = await createOk({ odometer: 1000 });
    expect((await postReading(vehicle.id, { reading: 1500, unit: 'km' })).statusCode).toBe(400); // 932 mi
    expect((await postReading(vehicle.id, { reading: 1700, unit: 'km' })).statusCode).toBe(201); // 1056 mi
    expect(odometerOf(vehicle.id)).toEqual({ odometer: 1056 });
    const metric = await createOk({ odometer: 20_000, odometerUnit: 'km' });
    const posted = await postReading(metric.id, { reading: 20_100 });
    expect(posted.json().unit).toBe('km');
  });

  it('answers 404 for an unknown vehicle, 400 for bad readings, 403 for the parts role', async () => {
    const vehicle = await createOk({});
    expect((await postReading(newId(), { reading: 5 })).statusCode).toBe(404);
    const unknown = await injectAs(t.app, owner.cookie, {
      method: 'GET',
      url: `/api/vehicles/${newId()}/odometer`,
    });
    expect(unknown.statusCode).toBe(404);
    for (const [payload, path] of [
      [{ reading: -1 }, 'reading'],
      [{ reading: 1.5 }, 'reading'],
      [{}, 'reading'],
      [{ reading: 10, unit: 'miles' }, 'unit'],
      [{ reading: 10, source: 'guess' }, 'source'],
    ] as const) {
      const response = await postReading(vehicle.id, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(problemOf(response).errors?.[0]?.path).toBe(path);
    }
    const parts = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'parts'));
    expect((await postReading(vehicle.id, { reading: 10 }, parts)).statusCode).toBe(403);
    expect(count('odometer_readings')).toBe(0);
  });
});

describe('POST /api/vehicles/:id/transfer', () => {
  async function transfer(id: string, payload: Record<string, unknown>, cookie = owner.cookie) {
    return injectAs(t.app, cookie, { method: 'POST', url: `/api/vehicles/${id}/transfer`, payload });
  }

  it('moves the vehicle to a new owner and keeps its history (readings, repair orders, past owners)', async () => {
    const vehicle = await createOk({ vin: '1HGCM82633A004352', odometer: 60_000 });
    const repairOrderId = insertRepairOrder(vehicle.id, customerA);
    t.clock.advance(2 * HOUR);
    const response = await transfer(vehicle.id, {
      toCustomerId: customerB,
      version: 1,
      note: 'Sold privately',
    });
    expect(response.statusCode).toBe(200);
    const moved = response.json();
    expect(moved).toMatchObject({
      customerId: customerB,
      version: 2,
      vin: '1HGCM82633A004352',
      odometer: 60_000,
      owner: { customerId: customerB, customerName: 'Bob Baker', since: '2026-03-02T16:00:00.000Z' },
    });
    expect(moved.ownershipHistory).toEqual([
      expect.objectContaining({
        customerId: customerB,
        customerName: 'Bob Baker',
        startedAt: '2026-03-02T16:00:00.000Z',
        endedAt: null,
        note: 'Sold privately',
      }),
      expect.objectContaining({
        customerId: customerA,
        customerName: 'Ann Able',
        startedAt: '2026-03-02T14:00:00.000Z',
        endedAt: '2026-03-02T16:00:00.000Z',
      }),
    ]);
    const readings = await injectAs(t.app, owner.cookie, {
      method: 'GET',
      url: `/api/vehicles/${vehicle.id}/odometer`,
    });
    expect(readings.json().items.map((r: { reading: number }) => r.reading)).toEqual([60_000]);
    expect(
      t.database.sqlite
        .prepare('SELECT vehicle_id, customer_id FROM repair_orders WHERE id = ?')
        .get(repairOrderId),
    ).toEqual({
      vehicle_id: vehicle.id,
      customer_id: customerA,
    });
    const ofA = await injectAs(t.app, owner.cookie, {
      method: 'GET',
      url: `/api/vehicles?customerId=${customerA}`,
    });
    const ofB = await injectAs(t.app, owner.cookie, {
      method: 'GET',
      url: `/api/vehicles?customerId=${customerB}`,
    });
    expect(ofA.json().items).toEqual([]);
    expect(ofB.json().items.map((v: { id: string }) => v.id)).toEqual([vehicle.id]);
    expect(auditFor(vehicle.id)[1]).toEqual({
      action: 'vehicle.transferred',
      actor_user_id: owner.id,
      data: { fromCustomerId: customerA, toCustomerId: customerB, note: 'Sold privately' },
    });
    expect(events.map((e) => e.change)).toEqual(['created', 'transferred']);
  });

  it('writes down the previous owner of a vehicle that has no ownership rows yet', async () => {
    const legacy = insertVehicle(t.database, customerA);
    const response = await transfer(legacy, { toCustomerId: customerB, version: 1 });
    expect(response.statusCode).toBe(200);
    expect(
      response
        .json()
        .ownershipHistory.map((o: { customerId: string; endedAt: string | null }) => [
          o.customerId,
          o.endedAt,
        ]),
    ).toEqual([
      [customerB, null],
      [customerA, '2026-03-02T14:00:00.000Z'],
    ]);
  });

  it('refuses unknown and unchanged owners (400), stale versions (409), unknown vehicles (404), technicians (403)', async () => {
    const vehicle = await createOk({});
    const unknownCustomer = await transfer(vehicle.id, { toCustomerId: newId(), version: 1 });
    expect(unknownCustomer.statusCode).toBe(400);
    expect(problemOf(unknownCustomer).errors).toEqual([
      { path: 'toCustomerId', message: 'no customer with this id' },
    ]);
    const same = await transfer(vehicle.id, { toCustomerId: customerA, version: 1 });
    expect(problemOf(same).errors).toEqual([{ path: 'toCustomerId', message: 'already owns this vehicle' }]);
    const missingField = await transfer(vehicle.id, { toCustomerId: customerB });
    expect(problemOf(missingField).errors?.[0]?.path).toBe('version');
    const stale = await transfer(vehicle.id, { toCustomerId: customerB, version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale)).toMatchObject({ currentVersion: 1 });
    expect((await transfer(newId(), { toCustomerId: customerB, version: 1 })).statusCode).toBe(404);
    const tech = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'technician'));
    expect((await transfer(vehicle.id, { toCustomerId: customerB, version: 1 }, tech)).statusCode).toBe(403);

    expect(t.database.sqlite.prepare('SELECT customer_id, version FROM vehicles').get()).toEqual({
      customer_id: customerA,
      version: 1,
    });
    expect(count('vehicle_ownerships')).toBe(1);
    expect(auditFor(vehicle.id).map((a) => a.action)).toEqual(['vehicle.created']);
  });
});

describe('API description', () => {
  it('documents every vehicles route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { tags?: string[] }>>;
    }>();
    for (const [path, method] of [
      ['/api/vehicles', 'get'],
      ['/api/vehicles', 'post'],
      ['/api/vehicles/{id}', 'get'],
      ['/api/vehicles/{id}', 'patch'],
      ['/api/vehicles/{id}/odometer', 'get'],
      ['/api/vehicles/{id}/odometer', 'post'],
      ['/api/vehicles/{id}/transfer', 'post'],
      ['/api/vin/{vin}/decode', 'get'],
    ] as const) {
      expect(doc.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual(['vehicles']);
    }
  });
});

describe('what other modules call', () => {
  function service() {
    const audit = new AuditService(t.database.kysely, t.clock);
    const bus = new EventBus();
    const customers = new CustomersService(t.database.kysely, t.clock, audit, bus);
    return new VehiclesService(t.database.kysely, t.clock, audit, bus, customers, `${t.dataDir}/vin`);
  }

  it('recordOdometer adds a check-in reading in the caller transaction and only raises the odometer', async () => {
    const vehicle = await createOk({ odometer: 30_000 });
    const repairOrderId = insertRepairOrder(vehicle.id, customerA);
    const vehicles = service();
    await t.database.kysely.transaction().execute(async (tx) => {
      await vehicles.recordOdometer(
        tx,
        { userId: owner.id, label: 'Olga' },
        {
          vehicleId: vehicle.id,
          reading: 31_000,
          source: 'check-in',
          repairOrderId,
        },
      );
    });
    await t.database.kysely.transaction().execute(async (tx) => {
      await vehicles.recordOdometer(tx, SYSTEM_ACTOR, {
        vehicleId: vehicle.id,
        reading: 29_000,
        source: 'check-in',
      });
    });
    const readings = await injectAs(t.app, owner.cookie, {
      method: 'GET',
      url: `/api/vehicles/${vehicle.id}/odometer`,
    });
    expect(
      readings
        .json()
        .items.map((r: { reading: number; repairOrderId: string | null }) => [r.reading, r.repairOrderId]),
    ).toEqual([
      [29_000, null],
      [31_000, repairOrderId],
      [30_000, null],
    ]);
    expect(t.database.sqlite.prepare('SELECT odometer FROM vehicles').get()).toEqual({ odometer: 31_000 });

    await expect(
      t.database.kysely
        .transaction()
        .execute((tx) =>
          vehicles.recordOdometer(tx, SYSTEM_ACTOR, { vehicleId: newId(), reading: 1, source: 'check-in' }),
        ),
    ).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'vehicleId', message: 'no vehicle with this id' }],
    });
  });

  it('moveCustomerRecords gives the kept customer the vehicles and their ownership rows', async () => {
    const v1 = await createOk({});
    const v2 = await createOk({ model: 'Civic' });
    await transfer(v2.id, customerB);
    const vehicles = service();
    const moved = await t.database.kysely
      .transaction()
      .execute((tx) => vehicles.moveCustomerRecords(tx, customerB, customerA));
    expect(moved).toBe(1);
    const detail = (
      await injectAs(t.app, owner.cookie, { method: 'GET', url: `/api/vehicles/${v2.id}` })
    ).json();
    expect(detail.customerId).toBe(customerA);
    expect(detail.version).toBe(3);
    expect(detail.ownershipHistory.map((o: { customerId: string }) => o.customerId)).toEqual([
      customerA,
      customerA,
    ]);
    expect(await vehicles.getOwnerId(t.database.kysely, v1.id)).toBe(customerA);
    expect(await vehicles.getOwnerId(t.database.kysely, newId())).toBeUndefined();
  });

  async function transfer(vehicleId: string, toCustomerId: string) {
    const response = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: `/api/vehicles/${vehicleId}/transfer`,
      payload: { toCustomerId, version: 1 },
    });
    if (response.statusCode !== 200) throw new Error(response.body);
  }
});
