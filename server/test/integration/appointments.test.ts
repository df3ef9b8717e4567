import type { InjectOptions } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvents } from '../../src/events/domain-events.js';
import { AppointmentsService } from '../../src/modules/appointments/appointments.service.js';
import { insertBay, insertCustomer, insertTechnician, insertVehicle } from '../helpers/fixtures.js';
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
let advisor: string;
let ann: string;
let annCivic: string;
let bay2: string;
let tom: string;
let events: DomainEvents['appointmentChanged'][];

const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';
const NINE = '2026-03-03T09:00:00.000Z';
const TEN_THIRTY = '2026-03-03T10:30:00.000Z';

beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
  advisor = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'advisor', 'Ada Advisor'));
  ann = insertCustomer(t.database, { name: 'Ann Example' });
  annCivic = insertVehicle(t.database, ann, { make: 'Honda', model: 'Civic', year: 2018 });
  bay2 = insertBay(t.database, 'Bay 2');
  tom = insertTechnician(t.database, 'Tom Tech');
  events = [];
  t.app.events.on('appointmentChanged', (event) => events.push(event));
});
afterEach(async () => {
  await t.close();
});

function as(cookie: string, options: InjectOptions) {
  return injectAs(t.app, cookie, options);
}

function book(payload: Record<string, unknown> = {}, cookie = advisor) {
  return as(cookie, {
    method: 'POST',
    url: '/api/appointments',
    payload: {
      customerId: ann,
      vehicleId: annCivic,
      requestedServices: ['Oil change', 'Squeak from the front left'],
      kind: 'drop_off',
      startsAt: NINE,
      endsAt: TEN_THIRTY,
      ...payload,
    },
  });
}

async function booked(payload: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const response = await book(payload);
  if (response.statusCode !== 201) throw new Error(`booking failed: ${response.body}`);
  return response.json();
}

function post(id: string, action: 'cancel' | 'no-show' | 'arrive', payload?: object, cookie = advisor) {
  return as(cookie, {
    method: 'POST',
    url: `/api/appointments/${id}/${action}`,
    ...(payload === undefined ? {} : { payload }),
  });
}

function patch(id: string, payload: object, cookie = advisor) {
  return as(cookie, { method: 'PATCH', url: `/api/appointments/${id}`, payload });
}

function count(table: 'appointments' | 'repair_orders'): number {
  return (t.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function appointmentAudit(entityId?: string): { action: string; data: Record<string, unknown> }[] {
  const rows = t.database.sqlite
    .prepare(
      `SELECT action, data FROM audit_log WHERE entity_type = 'appointment' AND (? IS NULL OR entity_id = ?) ORDER BY id`,
    )
    .all(entityId ?? null, entityId ?? null) as { action: string; data: string }[];
  return rows.map((r) => ({ action: r.action, data: JSON.parse(r.data) as Record<string, unknown> }));
}

function statusOf(id: string): string {
  return (
    t.database.sqlite.prepare('SELECT status FROM appointments WHERE id = ?').get(id) as { status: string }
  ).status;
}

describe('booking', () => {
  it('books an appointment with names for the calendar, audits it and tells the bus', async () => {
    const response = await book({ bayId: bay2, technicianId: tom, kind: 'waiter', notes: 'Key in drop box' });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      customerId: ann,
      customerName: 'Ann Example',
      vehicleId: annCivic,
      vehicleSummary: '2018 Honda Civic',
      requestedServices: ['Oil change', 'Squeak from the front left'],
      kind: 'waiter',
      startsAt: NINE,
      endsAt: TEN_THIRTY,
      bayId: bay2,
      bayName: 'Bay 2',
      technicianId: tom,
      technicianName: 'Tom Tech',
      status: 'booked',
      repairOrderId: null,
      repairOrderNumber: null,
      notes: 'Key in drop box',
      version: 1,
    });
    const read = await as(advisor, { method: 'GET', url: `/api/appointments/${created.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(created);
    expect(appointmentAudit(created.id)).toEqual([
      {
        action: 'appointment.created',
        data: { startsAt: NINE, endsAt: TEN_THIRTY, bayId: bay2, technicianId: tom },
      },
    ]);
    expect(events).toEqual([
      { appointmentId: created.id, change: 'created', at: t.clock.now().toISOString() },
    ]);
  });

  it('books without a vehicle, bay or technician, and stores times as UTC whatever the offset', async () => {
    const response = await book({
      vehicleId: undefined,
      requestedServices: undefined,
      kind: undefined,
      startsAt: '2026-03-03T10:00:00+01:00',
      endsAt: '2026-03-03T06:30:00-04:00',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      vehicleId: null,
      vehicleSummary: null,
      requestedServices: [],
      kind: 'drop_off',
      startsAt: NINE,
      endsAt: TEN_THIRTY,
      bayId: null,
      technicianId: null,
    });
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const bob = insertCustomer(t.database, { name: 'Bob Other' });
    const bobsTruck = insertVehicle(t.database, bob, { make: 'Ford', model: 'F-150' });
    const retiredBay = insertBay(t.database, 'Old lift');
    const gone = insertTechnician(t.database, 'Gone Gary');
    t.database.sqlite.prepare('UPDATE bays SET active = 0 WHERE id = ?').run(retiredBay);
    t.database.sqlite.prepare('UPDATE technicians SET active = 0 WHERE id = ?').run(gone);

    const cases: [Record<string, unknown>, { path: string; message: string }[]][] = [
      [{ customerId: UNKNOWN_ID }, [{ path: 'customerId', message: 'no customer has this id' }]],
      [{ vehicleId: bobsTruck }, [{ path: 'vehicleId', message: 'belongs to another customer' }]],
      [{ vehicleId: UNKNOWN_ID }, [{ path: 'vehicleId', message: 'no vehicle has this id' }]],
      [{ bayId: UNKNOWN_ID }, [{ path: 'bayId', message: 'no bay has this id' }]],
      [{ bayId: retiredBay }, [{ path: 'bayId', message: 'Old lift is not in use' }]],
      [{ technicianId: UNKNOWN_ID }, [{ path: 'technicianId', message: 'no technician has this id' }]],
      [{ technicianId: gone }, [{ path: 'technicianId', message: 'Gone Gary is no longer active' }]],
      [{ endsAt: '2026-03-03T08:00:00Z' }, [{ path: 'endsAt', message: 'must be after startsAt' }]],
      [{ endsAt: NINE }, [{ path: 'endsAt', message: 'must be after startsAt' }]],
      [
        { endsAt: '2026-03-17T09:00:01Z' },
        [{ path: 'endsAt', message: 'an appointment may last at most 14 days' }],
      ],
      [
        { startsAt: '2026-03-03 09:00' },
        [{ path: 'startsAt', message: 'must be an ISO-8601 date and time, e.g. 2026-03-01T14:30:00Z' }],
      ],
      [{ kind: 'towed' }, [{ path: 'kind', message: 'must be one of: drop_off, waiter' }]],
      [
        { requestedServices: ['   '] },
        [{ path: 'requestedServices.0', message: 'must be text, not only spaces' }],
      ],
      [{ colour: 'red' }, [{ path: 'colour', message: 'is not an allowed field' }]],
      [{ customerId: undefined }, [{ path: 'customerId', message: 'is required' }]],
    ];
    for (const [payload, errors] of cases) {
      const response = await book(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(problemOf(response).errors, JSON.stringify(payload)).toEqual(errors);
    }
    // Several bad references are reported together.
    const many = await book({ customerId: UNKNOWN_ID, bayId: UNKNOWN_ID, technicianId: gone });
    expect(problemOf(many).errors?.map((e) => e.path)).toEqual(['customerId', 'bayId', 'technicianId']);

    expect(count('appointments')).toBe(0);
    expect(appointmentAudit()).toEqual([]);
    expect(events).toEqual([]);
  });

  it('lets owners and advisors book, but not technicians or parts staff', async () => {
    const techCookie = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'technician'));
    const partsCookie = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'parts'));
    const refused = await book({}, techCookie);
    expect(refused.statusCode).toBe(403);
    expect((await book({}, partsCookie)).statusCode).toBe(403);
    expect(count('appointments')).toBe(0);

    const ownerBooking = await book({}, owner.cookie);
    expect(ownerBooking.statusCode).toBe(201);
    const id = ownerBooking.json().id as string;
    // Technicians read the calendar but change nothing on it.
    expect((await as(techCookie, { method: 'GET', url: `/api/appointments/${id}` })).statusCode).toBe(200);
    expect(
      (await as(techCookie, { method: 'GET', url: '/api/appointments?from=2026-03-03T00:00:00Z' }))
        .statusCode,
    ).toBe(200);
    expect((await patch(id, { version: 1, notes: 'x' }, techCookie)).statusCode).toBe(403);
    for (const action of ['cancel', 'no-show', 'arrive'] as const)
      expect((await post(id, action, {}, techCookie)).statusCode).toBe(403);
    expect(statusOf(id)).toBe('booked');
  });

  it('answers 404 for an unknown appointment on every route, and 400 for a malformed id', async () => {
    const read = await as(advisor, { method: 'GET', url: `/api/appointments/${UNKNOWN_ID}` });
    expect(read.statusCode).toBe(404);
    expect(problemOf(read).detail).toBe(`No appointment with id ${UNKNOWN_ID}.`);
    expect((await patch(UNKNOWN_ID, { version: 1, notes: 'x' })).statusCode).toBe(404);
    for (const action of ['cancel', 'no-show', 'arrive'] as const)
      expect((await post(UNKNOWN_ID, action)).statusCode).toBe(404);
    const malformed = await as(advisor, { method: 'GET', url: '/api/appointments/42' });
    expect(problemOf(malformed).errors).toEqual([
      { path: 'params.id', message: 'must be a valid id (UUID)' },
    ]);
  });
});

describe('double booking', () => {
  it('refuses a bay that is booked at an overlapping time, naming who has it', async () => {
    const first = await booked({ bayId: bay2 });
    const response = await book({
      vehicleId: undefined,
      bayId: bay2,
      startsAt: '2026-03-03T10:00:00Z',
      endsAt: '2026-03-03T11:00:00Z',
    });
    expect(response.statusCode).toBe(409);
    const problem = problemOf(response);
    expect(problem.type).toBe('urn:ase:problem:appointment-conflict');
    expect(problem.detail).toBe('Bay 2 is booked Tue, Mar 3, 04:00–05:30 EST for Ann Example.');
    expect(problem.errors).toEqual([
      { path: 'bayId', message: 'Bay 2 is booked Tue, Mar 3, 04:00–05:30 EST for Ann Example' },
    ]);
    expect(problem.conflicts).toEqual([
      {
        appointmentId: first.id,
        customerName: 'Ann Example',
        startsAt: NINE,
        endsAt: TEN_THIRTY,
        resource: 'bay',
        resourceName: 'Bay 2',
      },
    ]);
    expect(count('appointments')).toBe(1);
  });

  it('refuses a technician booked at an overlapping time, even in another bay', async () => {
    const cara = insertCustomer(t.database, { name: 'Cara Client' });
    const first = await booked({ customerId: cara, vehicleId: undefined, technicianId: tom, bayId: bay2 });
    const otherBay = insertBay(t.database, 'Bay 3');
    // Inside the first one entirely.
    const response = await book({
      technicianId: tom,
      bayId: otherBay,
      startsAt: '2026-03-03T09:15:00Z',
      endsAt: '2026-03-03T09:45:00Z',
    });
    expect(response.statusCode).toBe(409);
    const problem = problemOf(response);
    expect(problem.detail).toBe('Tom Tech is booked Tue, Mar 3, 04:00–05:30 EST for Cara Client.');
    expect(problem.conflicts).toEqual([
      expect.objectContaining({ appointmentId: first.id, resource: 'technician', resourceName: 'Tom Tech' }),
    ]);
  });

  it('names both the bay and the technician when both are taken', async () => {
    await booked({ bayId: bay2, technicianId: tom });
    const response = await book({ bayId: bay2, technicianId: tom, startsAt: '2026-03-03T08:00:00Z' });
    expect(response.statusCode).toBe(409);
    expect((problemOf(response).conflicts as { resource: string }[]).map((c) => c.resource)).toEqual([
      'bay',
      'technician',
    ]);
  });

  it('allows back-to-back bookings, other bays, and slots freed by a cancellation or a no-show', async () => {
    const first = await booked({ bayId: bay2, technicianId: tom });
    expect(
      (await book({ bayId: bay2, technicianId: tom, startsAt: TEN_THIRTY, endsAt: '2026-03-03T11:30:00Z' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await book({ bayId: bay2, technicianId: tom, startsAt: '2026-03-03T08:00:00Z', endsAt: NINE }))
        .statusCode,
    ).toBe(201);
    expect((await book({ bayId: insertBay(t.database, 'Bay 5') })).statusCode).toBe(201);

    expect((await post(first.id, 'cancel')).statusCode).toBe(200);
    const again = await booked({ bayId: bay2, technicianId: tom });
    expect((await post(again.id, 'no-show')).statusCode).toBe(200);
    expect((await book({ bayId: bay2, technicianId: tom })).statusCode).toBe(201);
  });

  it('counts an arrived appointment as still holding its bay', async () => {
    const first = await booked({ bayId: bay2 });
    t.database.sqlite.prepare(`UPDATE appointments SET status = 'arrived' WHERE id = ?`).run(first.id);
    expect((await book({ bayId: bay2 })).statusCode).toBe(409);
  });

  it('lets exactly one of several simultaneous bookings of one bay through', async () => {
    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, i) => book({ bayId: bay2, startsAt: `2026-03-03T09:0${i}:00Z` })),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(count('appointments')).toBe(1);
  });
});

describe('changing and moving', () => {
  it('moves an appointment with its version, audits the move and tells the bus', async () => {
    const appointment = await booked({ bayId: bay2 });
    const bay3 = insertBay(t.database, 'Bay 3');
    const moved = await patch(appointment.id, {
      version: 1,
      startsAt: '2026-03-04T13:00:00Z',
      endsAt: '2026-03-04T14:00:00Z',
      bayId: bay3,
      technicianId: tom,
      requestedServices: ['Brakes'],
      kind: 'waiter',
      notes: 'Moved by phone',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      startsAt: '2026-03-04T13:00:00.000Z',
      endsAt: '2026-03-04T14:00:00.000Z',
      bayName: 'Bay 3',
      technicianName: 'Tom Tech',
      requestedServices: ['Brakes'],
      kind: 'waiter',
      notes: 'Moved by phone',
      version: 2,
    });
    const update = appointmentAudit(appointment.id).find((a) => a.action === 'appointment.updated')!;
    expect(update.data).toMatchObject({
      from: { startsAt: NINE, endsAt: TEN_THIRTY, bayId: bay2, technicianId: null },
      to: { startsAt: '2026-03-04T13:00:00.000Z', bayId: bay3, technicianId: tom },
    });
    expect(events.map((e) => e.change)).toEqual(['created', 'updated']);
  });

  it('re-checks conflicts on a move, ignoring the appointment itself', async () => {
    const cara = insertCustomer(t.database, { name: 'Cara Client' });
    const other = await booked({
      customerId: cara,
      vehicleId: undefined,
      bayId: bay2,
      startsAt: '2026-03-03T11:00:00Z',
      endsAt: '2026-03-03T12:00:00Z',
    });
    const mine = await booked({ bayId: bay2 });
    // Stretching over its own slot is fine.
    const stretched = await patch(mine.id, { version: 1, endsAt: '2026-03-03T11:00:00Z' });
    expect(stretched.statusCode).toBe(200);
    const clash = await patch(mine.id, { version: 2, endsAt: '2026-03-03T11:30:00Z' });
    expect(clash.statusCode).toBe(409);
    expect(problemOf(clash)).toMatchObject({
      type: 'urn:ase:problem:appointment-conflict',
      detail: 'Bay 2 is booked Tue, Mar 3, 06:00–07:00 EST for Cara Client.',
    });
    expect((problemOf(clash).conflicts as { appointmentId: string }[])[0]?.appointmentId).toBe(other.id);
    const read = await as(advisor, { method: 'GET', url: `/api/appointments/${mine.id}` });
    expect(read.json()).toMatchObject({ endsAt: '2026-03-03T11:00:00.000Z', version: 2 });
  });

  it('answers a stale version with 409 and the current appointment, changing nothing', async () => {
    const appointment = await booked();
    expect((await patch(appointment.id, { version: 1, notes: 'first' })).statusCode).toBe(200);
    const stale = await patch(appointment.id, { version: 1, notes: 'lost update' });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale)).toMatchObject({
      type: 'urn:ase:problem:stale-version',
      currentVersion: 2,
      current: { id: appointment.id, notes: 'first', version: 2 },
    });
    expect(appointmentAudit(appointment.id).map((a) => a.action)).toEqual([
      'appointment.created',
      'appointment.updated',
    ]);
  });

  it('refuses bad changes with 400 naming the field, and writes nothing', async () => {
    const appointment = await booked({ vehicleId: undefined });
    const bobsTruck = insertVehicle(t.database, insertCustomer(t.database, { name: 'Bob' }));
    const cases: [object, { path: string; message: string }][] = [
      [{ vehicleId: bobsTruck }, { path: 'vehicleId', message: 'belongs to another customer' }],
      [{ endsAt: '2026-03-03T08:00:00Z' }, { path: 'endsAt', message: 'must be after startsAt' }],
      [
        { startsAt: '2026-03-03T11:00:00Z' },
        { path: 'startsAt', message: "must be before the appointment's end (2026-03-03T10:30:00.000Z)" },
      ],
      [{ bayId: UNKNOWN_ID }, { path: 'bayId', message: 'no bay has this id' }],
      [{ customerId: ann }, { path: 'customerId', message: 'is not an allowed field' }],
    ];
    for (const [payload, error] of cases) {
      const response = await patch(appointment.id, { version: 1, ...payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(problemOf(response).errors).toEqual([error]);
    }
    const missingVersion = await patch(appointment.id, { notes: 'x' });
    expect(problemOf(missingVersion).errors).toEqual([{ path: 'version', message: 'is required' }]);
    const read = await as(advisor, { method: 'GET', url: `/api/appointments/${appointment.id}` });
    expect(read.json()).toMatchObject({ version: 1, vehicleId: null, startsAt: NINE });
  });

  it('adds the vehicle later, and frees the bay with null', async () => {
    const appointment = await booked({ vehicleId: undefined, bayId: bay2 });
    const changed = await patch(appointment.id, { version: 1, vehicleId: annCivic, bayId: null });
    expect(changed.json()).toMatchObject({
      vehicleId: annCivic,
      vehicleSummary: '2018 Honda Civic',
      bayId: null,
    });
    expect((await book({ bayId: bay2 })).statusCode).toBe(201);
  });

  it('refuses to change an appointment that is no longer booked', async () => {
    const appointment = await booked();
    await post(appointment.id, 'cancel');
    const response = await patch(appointment.id, { version: 2, notes: 'too late' });
    expect(response.statusCode).toBe(409);
    expect(problemOf(response)).toMatchObject({
      type: 'urn:ase:problem:appointment-status',
      appointmentStatus: 'cancelled',
      detail: 'This appointment is cancelled; only a booked appointment can be changed.',
    });
  });
});

describe('the calendar list', () => {
  it('lists appointments overlapping the window, by start, with names and filters', async () => {
    const cara = insertCustomer(t.database, { name: 'Cara Client' });
    const bay3 = insertBay(t.database, 'Bay 3');
    const late = await booked({
      bayId: bay3,
      startsAt: '2026-03-03T15:00:00Z',
      endsAt: '2026-03-03T16:00:00Z',
    });
    const early = await booked({ customerId: cara, vehicleId: undefined, bayId: bay2, technicianId: tom });
    const overnight = await booked({ startsAt: '2026-03-02T20:00:00Z', endsAt: '2026-03-03T08:00:00Z' });
    await booked({ startsAt: '2026-03-04T09:00:00Z', endsAt: '2026-03-04T10:00:00Z' });
    const cancelled = await booked({ startsAt: '2026-03-03T12:00:00Z', endsAt: '2026-03-03T13:00:00Z' });
    await post(cancelled.id, 'cancel');

    const list = async (query: string) =>
      await as(advisor, { method: 'GET', url: `/api/appointments?from=2026-03-03T00:00:00Z&${query}` });

    const day = await list('to=2026-03-04T00:00:00Z');
    expect(day.statusCode).toBe(200);
    const body = day.json();
    expect(body.items.map((a: { id: string }) => a.id)).toEqual([
      overnight.id,
      early.id,
      cancelled.id,
      late.id,
    ]);
    expect(body).toMatchObject({
      from: '2026-03-03T00:00:00.000Z',
      to: '2026-03-04T00:00:00.000Z',
      nextOffset: null,
    });
    expect(body.items[1]).toMatchObject({
      customerName: 'Cara Client',
      vehicleSummary: null,
      bayName: 'Bay 2',
      technicianName: 'Tom Tech',
    });
    expect(body.items[0]).toMatchObject({ customerName: 'Ann Example', vehicleSummary: '2018 Honda Civic' });

    const ids = async (query: string): Promise<string[]> =>
      (await list(query)).json<{ items: { id: string }[] }>().items.map((a) => a.id);
    expect(await ids(`bayId=${bay2}`)).toEqual([early.id]);
    expect(await ids(`technicianId=${tom}`)).toEqual([early.id]);
    expect(await ids(`customerId=${cara}`)).toEqual([early.id]);
    expect(await ids('status=cancelled')).toEqual([cancelled.id]);
    expect(await ids('status=booked&status=cancelled')).toEqual([
      overnight.id,
      early.id,
      cancelled.id,
      late.id,
    ]);

    const page = (await list('limit=3')).json();
    expect(page.items).toHaveLength(3);
    expect(page.nextOffset).toBe(3);
    expect((await list('limit=3&offset=3')).json()).toMatchObject({
      items: [{ id: late.id }],
      nextOffset: null,
    });
  });

  it("defaults to today's UTC day", async () => {
    const today = await booked({ startsAt: '2026-03-02T16:00:00Z', endsAt: '2026-03-02T17:00:00Z' });
    await booked();
    const response = await as(advisor, { method: 'GET', url: '/api/appointments' });
    expect(response.json()).toMatchObject({
      from: '2026-03-02T00:00:00.000Z',
      to: '2026-03-03T00:00:00.000Z',
      items: [{ id: today.id }],
    });
  });

  it('refuses a window that runs backwards or spans more than 62 days', async () => {
    const backwards = await as(advisor, {
      method: 'GET',
      url: '/api/appointments?from=2026-03-03T00:00:00Z&to=2026-03-02T00:00:00Z',
    });
    expect(problemOf(backwards).errors).toEqual([{ path: 'query.to', message: 'must be after from' }]);
    const tooLong = await as(advisor, {
      method: 'GET',
      url: '/api/appointments?from=2026-03-01T00:00:00Z&to=2026-05-03T00:00:00Z',
    });
    expect(problemOf(tooLong).errors).toEqual([
      { path: 'query.to', message: 'must be at most 62 days after from' },
    ]);
    const badStatus = await as(advisor, { method: 'GET', url: '/api/appointments?status=gone' });
    expect(badStatus.statusCode).toBe(400);
    expect(problemOf(badStatus).errors?.[0]?.path).toBe('query.status.0');
  });
});

describe('cancel and no-show', () => {
  it('cancels a booked appointment (no body needed), audits it, and refuses a second status change', async () => {
    const appointment = await booked();
    const cancelled = await post(appointment.id, 'cancel');
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', version: 2 });
    expect(appointmentAudit(appointment.id).at(-1)).toEqual({
      action: 'appointment.cancelled',
      data: { from: 'booked', to: 'cancelled' },
    });
    expect(events.map((e) => e.change)).toEqual(['created', 'cancelled']);

    for (const action of ['cancel', 'no-show', 'arrive'] as const) {
      const again = await post(appointment.id, action);
      expect(again.statusCode, action).toBe(409);
      expect(problemOf(again)).toMatchObject({
        type: 'urn:ase:problem:appointment-status',
        appointmentStatus: 'cancelled',
      });
    }
    expect(appointmentAudit(appointment.id)).toHaveLength(2);
    expect(count('repair_orders')).toBe(0);
  });

  it('marks a no-show with a reason, audited', async () => {
    const appointment = await booked();
    const response = await post(appointment.id, 'no-show', {
      version: 1,
      reason: 'Did not answer the phone',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('no_show');
    expect(appointmentAudit(appointment.id).at(-1)).toEqual({
      action: 'appointment.no_show',
      data: { from: 'booked', to: 'no_show', reason: 'Did not answer the phone' },
    });
    const cancel = await post(appointment.id, 'cancel');
    expect(problemOf(cancel).detail).toBe(
      'This appointment is marked as a no-show; only a booked appointment can be cancelled.',
    );
  });

  it('refuses a stale version or an unknown field, changing nothing', async () => {
    const appointment = await booked();
    await patch(appointment.id, { version: 1, notes: 'changed' });
    const stale = await post(appointment.id, 'cancel', { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale)).toMatchObject({ type: 'urn:ase:problem:stale-version', currentVersion: 2 });
    const unknown = await post(appointment.id, 'no-show', { why: 'x' });
    expect(problemOf(unknown).errors).toEqual([{ path: 'why', message: 'is not an allowed field' }]);
    expect(statusOf(appointment.id)).toBe('booked');
  });
});

describe('arrival', () => {
  it('refuses to check in an appointment without a vehicle, saying to add it first', async () => {
    const appointment = await booked({ vehicleId: undefined });
    const response = await post(appointment.id, 'arrive');
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response);
    expect(problem.errors).toEqual([
      { path: 'vehicleId', message: 'the appointment has no vehicle yet: add the vehicle first' },
    ]);
    expect(problem.detail).toContain('Add the vehicle');
    expect(statusOf(appointment.id)).toBe('booked');
    expect(count('repair_orders')).toBe(0);
  });

  it('refuses to check in a vehicle that has since changed owner', async () => {
    const appointment = await booked();
    const bob = insertCustomer(t.database, { name: 'Bob' });
    t.database.sqlite.prepare('UPDATE vehicles SET customer_id = ? WHERE id = ?').run(bob, annCivic);
    const response = await post(appointment.id, 'arrive');
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors?.[0]?.path).toBe('vehicleId');
    expect(count('repair_orders')).toBe(0);
  });

  it('opens a repair order from the appointment and marks it arrived; a second arrival names that order', async () => {
    const appointment = await booked({ kind: 'waiter', bayId: bay2 });
    const response = await post(appointment.id, 'arrive', { version: 1, odometerIn: 48_213 });
    expect(response.statusCode, response.body).toBe(200);
    const arrived = response.json();
    expect(arrived).toMatchObject({ status: 'arrived', version: 2 });
    const order = t.database.sqlite
      .prepare(
        'SELECT id, number, customer_id, vehicle_id, appointment_id, waiter, concerns FROM repair_orders',
      )
      .all() as {
      id: string;
      number: number;
      customer_id: string;
      vehicle_id: string;
      appointment_id: string;
      waiter: number;
      concerns: string;
    }[];
    expect(order).toHaveLength(1);
    expect(order[0]).toMatchObject({
      id: arrived.repairOrderId,
      number: arrived.repairOrderNumber,
      customer_id: ann,
      vehicle_id: annCivic,
      appointment_id: appointment.id,
      waiter: 1,
    });
    expect(JSON.parse(order[0]!.concerns)).toEqual(['Oil change', 'Squeak from the front left']);
    expect(appointmentAudit(appointment.id).at(-1)).toEqual({
      action: 'appointment.arrived',
      data: {
        from: 'booked',
        to: 'arrived',
        repairOrderId: arrived.repairOrderId,
        repairOrderNumber: arrived.repairOrderNumber,
      },
    });
    expect(events.map((e) => e.change)).toEqual(['created', 'arrived']);

    const twice = await post(appointment.id, 'arrive');
    expect(twice.statusCode).toBe(409);
    expect(problemOf(twice)).toMatchObject({
      type: 'urn:ase:problem:appointment-status',
      repairOrderId: arrived.repairOrderId,
      repairOrderNumber: arrived.repairOrderNumber,
      detail: `This appointment has already arrived as repair order ${arrived.repairOrderNumber}; it cannot be checked in.`,
    });
    expect((await post(appointment.id, 'cancel')).statusCode).toBe(409);
    expect(count('repair_orders')).toBe(1);
    // Still holds its bay: the car is in the shop.
    expect((await book({ bayId: bay2 })).statusCode).toBe(409);
  });

  it('opens exactly one repair order when two people check the same customer in at once', async () => {
    const appointment = await booked();
    const [a, b] = await Promise.all([post(appointment.id, 'arrive'), post(appointment.id, 'arrive')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(count('repair_orders')).toBe(1);
  });
});

describe('customer merge', () => {
  it('moves the appointments of the merged customer to the kept one', async () => {
    const dupe = insertCustomer(t.database, { name: 'Ann Exampel' });
    const first = await booked({ customerId: dupe, vehicleId: undefined });
    const second = await booked({
      customerId: dupe,
      vehicleId: undefined,
      startsAt: '2026-03-05T09:00:00Z',
      endsAt: '2026-03-05T10:00:00Z',
    });
    const kept = await booked();
    // Only the database and clock take part in a merge; the other collaborators are never called.
    const unused = undefined as never;
    const service = new AppointmentsService(
      t.database.kysely,
      t.clock,
      unused,
      unused,
      unused,
      unused,
      unused,
      unused,
      unused,
      unused,
    );
    const moved = await t.database.kysely
      .transaction()
      .execute((tx) => service.moveCustomerRecords(tx, dupe, ann));
    expect(moved).toBe(2);
    const owners = t.database.sqlite
      .prepare('SELECT id, customer_id, version FROM appointments ORDER BY starts_at, id')
      .all() as { id: string; customer_id: string; version: number }[];
    expect(owners).toEqual([
      { id: first.id, customer_id: ann, version: 2 },
      { id: kept.id, customer_id: ann, version: 1 },
      { id: second.id, customer_id: ann, version: 2 },
    ]);
  });
});
