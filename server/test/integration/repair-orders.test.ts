import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvents } from '../../src/events/domain-events.js';
import { AuditService } from '../../src/modules/audit/audit.service.js';
import { prepareWriteStamp } from '../../src/db/write-stamp.js';
import { RepairOrdersService } from '../../src/modules/repair-orders/repair-orders.service.js';
import type { Line } from '../../src/modules/repair-orders/repair-orders.schemas.js';
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
let customerId: string;
let vehicleId: string;

beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
  customerId = insertCustomer(t.database, { name: 'Ann Example' });
  vehicleId = insertVehicle(t.database, customerId, { vin: '1HGCM82633A004352', make: 'Honda', year: 2018 });
});
afterEach(async () => {
  await t.close();
});

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000abcd';

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

function listen<K extends keyof DomainEvents>(name: K): DomainEvents[K][] {
  const seen: DomainEvents[K][] = [];
  t.app.events.on(name, (payload) => seen.push(payload));
  return seen;
}

function createRo(payload: Record<string, unknown> = {}, cookie = owner.cookie) {
  return injectAs(t.app, cookie, {
    method: 'POST',
    url: '/api/repair-orders',
    payload: { customerId, vehicleId, concerns: ['Squeal from the front brakes when stopping'], ...payload },
  });
}

async function addLine(jobId: string, payload: Record<string, unknown>) {
  const response = await injectAs(t.app, owner.cookie, {
    method: 'POST',
    url: `/api/jobs/${jobId}/lines`,
    payload,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Line>();
}

describe('opening a repair order', () => {
  it('opens with a gapless number, a Pending job per concern, audit and an event', async () => {
    const events = listen('repairOrderChanged');
    const response = await createRo({
      concerns: ['Check engine light is on', 'Oil change'],
      odometerIn: 84_210,
      promisedAt: '2026-03-02T17:00:00-05:00',
      waiter: true,
      keyTag: '17',
    });
    expect(response.statusCode, response.body).toBe(201);
    const ro = response.json();
    expect(ro).toMatchObject({
      number: 1001,
      status: 'open',
      customer: { id: customerId, name: 'Ann Example' },
      vehicle: { id: vehicleId, year: 2018, make: 'Honda', model: 'Civic', vin: '1HGCM82633A004352' },
      concerns: ['Check engine light is on', 'Oil change'],
      odometerIn: 84_210,
      promisedAt: '2026-03-02T22:00:00.000Z',
      waiter: true,
      keyTag: '17',
      advisorUserId: owner.id,
      version: 1,
    });
    expect(
      ro.jobs.map((j: { title: string; concern: string; status: string }) => [j.title, j.status]),
    ).toEqual([
      ['Check engine light is on', 'Pending'],
      ['Oil change', 'Pending'],
    ]);
    expect(ro.totals.estimate.totalCents).toBe(0);
    expect(auditFor(ro.id).map((a) => a.action)).toEqual(['repair_order.created']);
    expect(events).toEqual([
      { repairOrderId: ro.id, number: 1001, change: 'created', at: expect.any(String) },
    ]);

    const second = await createRo();
    expect(second.json().number).toBe(1002);
  });

  it('shortens a long concern into the job title and keeps the whole concern', async () => {
    const concern =
      'Customer says there is a grinding noise from the rear left wheel at low speed, worse when turning right, started last week';
    const ro = (await createRo({ concerns: [concern] })).json();
    expect(ro.jobs[0].concern).toBe(concern);
    expect(ro.jobs[0].title.length).toBeLessThanOrEqual(61);
    expect(ro.jobs[0].title.endsWith('…')).toBe(true);
  });

  it('refuses a vehicle of another customer naming vehicleId, writes nothing and does not use a number', async () => {
    const other = insertCustomer(t.database, { name: 'Bob Other' });
    const theirCar = insertVehicle(t.database, other);
    const refused = await createRo({ vehicleId: theirCar });
    expect(refused.statusCode).toBe(400);
    expect(problemOf(refused).errors).toEqual([
      { path: 'vehicleId', message: 'belongs to another customer' },
    ]);
    expect(count('repair_orders')).toBe(0);
    expect(count('service_jobs')).toBe(0);

    expect((await createRo()).json().number).toBe(1001);
    const again = await createRo({ vehicleId: theirCar });
    expect(again.statusCode).toBe(400);
    expect((await createRo()).json().number).toBe(1002);
  });

  it('gives the number back when the transaction rolls back after taking it', async () => {
    // A failure after the number was taken (here: the second job's insert) rolls the number back.
    expect((await createRo()).json().number).toBe(1001);
    t.database.sqlite.exec(`
      CREATE TRIGGER fail_second_job BEFORE INSERT ON service_jobs
      WHEN (SELECT count(*) FROM service_jobs) >= 1
      BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    const failed = await createRo({ concerns: ['one', 'two'] });
    expect(failed.statusCode).toBeGreaterThanOrEqual(400);
    t.database.sqlite.exec('DROP TRIGGER fail_second_job');
    expect(count('repair_orders')).toBe(1);
    expect((await createRo()).json().number).toBe(1002);
    expect(t.database.sqlite.prepare(`SELECT value FROM counters WHERE name = 'repair_order'`).get()).toEqual(
      { value: 1002 },
    );
  });

  it('starts at the configured number and continues from a counter the seed left', async () => {
    t.database.sqlite
      .prepare(
        `INSERT INTO counters (name, value, created_at, updated_at) VALUES ('repair_order', 41999, '', '')`,
      )
      .run();
    expect((await createRo()).json().number).toBe(42000);
  });

  it('names every bad field and writes nothing', async () => {
    const response = await createRo({
      customerId: UNKNOWN_ID,
      vehicleId: UNKNOWN_ID,
      appointmentId: UNKNOWN_ID,
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors?.map((e) => e.path)).toEqual([
      'customerId',
      'vehicleId',
      'appointmentId',
    ]);
    const shape = await createRo({ odometerIn: -5, promisedAt: 'tomorrow', colour: 'red' });
    expect(shape.statusCode).toBe(400);
    expect(
      problemOf(shape)
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['colour', 'odometerIn', 'promisedAt']);
    expect(count('repair_orders')).toBe(0);
    expect(count('audit_log')).toBe(auditCountAfterSetup());
  });

  it('refuses a parts user and a technician (403)', async () => {
    for (const role of ['parts', 'technician'] as const) {
      const cookie = await loginAs(t.app, await createStaff(t.app, owner.cookie, role));
      expect((await createRo({}, cookie)).statusCode).toBe(403);
    }
    expect(count('repair_orders')).toBe(0);
  });
});

function auditCountAfterSetup(): number {
  return (
    t.database.sqlite
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE entity_type != 'repair_order'`)
      .get() as {
      n: number;
    }
  ).n;
}

describe('reading and listing', () => {
  it('reads one repair order with jobs, lines and totals; 404 for an unknown id', async () => {
    const ro = (await createRo()).json();
    await addLine(ro.jobs[0].id, { kind: 'labor', description: 'Replace front pads', quantity: 1.5 });
    const one = await injectAs(t.app, owner.cookie, { method: 'GET', url: `/api/repair-orders/${ro.id}` });
    expect(one.statusCode).toBe(200);
    const body = one.json();
    expect(body.jobs[0].lines).toHaveLength(1);
    expect(body.jobs[0].lines[0]).toMatchObject({
      quantity: 1.5,
      unitPriceCents: 14_000,
      amountCents: 21_000,
    });
    // Default settings: 5 % shop supplies capped at $35, no labour tax.
    expect(body.totals.estimate).toMatchObject({
      subtotalCents: 21_000,
      shopSuppliesCents: 1_050,
      taxCents: 0,
      totalCents: 22_050,
    });
    expect(body.totals.approved.totalCents).toBe(0);
    const missing = await injectAs(t.app, owner.cookie, {
      method: 'GET',
      url: `/api/repair-orders/${UNKNOWN_ID}`,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('lists newest first with filters and keyset paging', async () => {
    const other = insertCustomer(t.database, { name: 'Bob' });
    const otherCar = insertVehicle(t.database, other);
    for (let i = 0; i < 3; i++) await createRo();
    await createRo({ customerId: other, vehicleId: otherCar });
    const all = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/repair-orders?limit=2' });
    expect(all.json().items.map((r: { number: number }) => r.number)).toEqual([1004, 1003]);
    expect(all.json().nextBefore).toBe(1003);
    const next = await injectAs(t.app, owner.cookie, {
      method: 'GET',
      url: '/api/repair-orders?limit=2&before=1003',
    });
    expect(next.json().items.map((r: { number: number }) => r.number)).toEqual([1002, 1001]);
    const bob = await injectAs(t.app, owner.cookie, {
      method: 'GET',
      url: `/api/repair-orders?customerId=${other}&status=open`,
    });
    expect(bob.json().items.map((r: { number: number }) => r.number)).toEqual([1004]);
    const byCar = await injectAs(t.app, owner.cookie, {
      method: 'GET',
      url: `/api/repair-orders?vehicleId=${vehicleId}`,
    });
    expect(byCar.json().items).toHaveLength(3);
    const bad = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/repair-orders?status=lost' });
    expect(problemOf(bad).errors?.[0]?.path).toBe('query.status');
  });

  it('lets a parts user read', async () => {
    const ro = (await createRo()).json();
    const cookie = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'parts'));
    expect(
      (await injectAs(t.app, cookie, { method: 'GET', url: `/api/repair-orders/${ro.id}` })).statusCode,
    ).toBe(200);
  });
});

describe('updating a repair order', () => {
  it('changes fields with the version, audits, emits; stale gets 409 with the current version', async () => {
    const ro = (await createRo()).json();
    const events = listen('repairOrderChanged');
    const changed = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: `/api/repair-orders/${ro.id}`,
      payload: { version: 1, promisedAt: null, keyTag: 'K9', notes: 'Spare key in glovebox', waiter: true },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ promisedAt: null, keyTag: 'K9', waiter: true, version: 2 });
    expect(events.map((e) => e.change)).toEqual(['updated']);
    expect(auditFor(ro.id).map((a) => a.action)).toEqual(['repair_order.created', 'repair_order.updated']);

    const stale = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: `/api/repair-orders/${ro.id}`,
      payload: { version: 1, notes: 'lost update' },
    });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale)).toMatchObject({ type: 'urn:ase:problem:stale-version', currentVersion: 2 });
    expect((problemOf(stale).current as { notes: string }).notes).toBe('Spare key in glovebox');
  });

  it('400 naming the field, 404 for an unknown id, 403 for parts', async () => {
    const ro = (await createRo()).json();
    const bad = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: `/api/repair-orders/${ro.id}`,
      payload: { version: 1, promisedAt: 'soon' },
    });
    expect(problemOf(bad).errors?.[0]?.path).toBe('promisedAt');
    const unknown = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: `/api/repair-orders/${UNKNOWN_ID}`,
      payload: { version: 1 },
    });
    expect(unknown.statusCode).toBe(404);
    const cookie = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'parts'));
    const refused = await injectAs(t.app, cookie, {
      method: 'PATCH',
      url: `/api/repair-orders/${ro.id}`,
      payload: { version: 1, notes: 'x' },
    });
    expect(refused.statusCode).toBe(403);
    expect(
      (await injectAs(t.app, owner.cookie, { method: 'GET', url: `/api/repair-orders/${ro.id}` })).json()
        .version,
    ).toBe(1);
  });
});

describe('approvals', () => {
  async function roWithLines() {
    const ro = (await createRo({ concerns: ['Brakes', 'Wipers'] })).json();
    const labor = await addLine(ro.jobs[0].id, { kind: 'labor', description: 'Pads', quantity: 1 });
    const part = await addLine(ro.jobs[0].id, {
      kind: 'part',
      description: 'Pad set',
      quantity: 1,
      unitPriceCents: 8_999,
      partNumber: 'BP-1234',
    });
    const wipers = await addLine(ro.jobs[1].id, {
      kind: 'part',
      description: 'Wiper blades',
      quantity: 2,
      unitPriceCents: 1_500,
      partNumber: 'WB-22',
    });
    return { ro, labor, part, wipers };
  }

  it('records decisions in one go with who/how/recorded-by, audits each with the amount, emits per job', async () => {
    const { ro, labor, part, wipers } = await roWithLines();
    const events = listen('approvalRecorded');
    const response = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: `/api/repair-orders/${ro.id}/approvals`,
      payload: {
        method: 'phone',
        approvedBy: 'Ann Example',
        decisions: [
          { lineId: labor.id, state: 'approved' },
          { lineId: part.id, state: 'approved', version: part.version },
          { lineId: wipers.id, state: 'deferred', reason: 'next visit' },
        ],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const lines = body.jobs.flatMap((j: { lines: unknown[] }) => j.lines);
    expect(lines.find((l: { id: string }) => l.id === labor.id)).toMatchObject({
      approvalState: 'approved',
      approvalMethod: 'phone',
      approvalBy: 'Ann Example',
      approvalRecordedBy: owner.id,
      approvalAt: '2026-03-02T14:00:00.000Z',
    });
    expect(lines.find((l: { id: string }) => l.id === wipers.id)).toMatchObject({
      approvalState: 'deferred',
      approvalReason: 'next visit',
    });
    // Approved: 140.00 labour + 89.99 part (7 % tax = 6.30) + 5 % supplies (7.00).
    expect(body.totals.approved).toMatchObject({
      subtotalCents: 22_999,
      shopSuppliesCents: 700,
      taxCents: 630,
      totalCents: 24_329,
    });
    expect(body.totals.estimate.subtotalCents).toBe(22_999); // the deferred wipers are left out
    const audit = auditFor(part.id).find((a) => a.action === 'line.approval_recorded')!;
    expect(audit.data).toMatchObject({
      from: 'recommended',
      to: 'approved',
      method: 'phone',
      amountCents: 8_999,
    });
    expect(audit.actor).toBe(owner.id);
    expect(events.map((e) => [e.jobId, e.state, e.lineIds.length])).toEqual([
      [ro.jobs[0].id, 'approved', 2],
      [ro.jobs[1].id, 'deferred', 1],
    ]);
  });

  it('refuses a line of another repair order naming decisions.<i>.lineId, and writes nothing', async () => {
    const { ro, labor } = await roWithLines();
    const other = (await createRo()).json();
    const foreign = await addLine(other.jobs[0].id, { kind: 'labor', description: 'x', quantity: 1 });
    const response = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: `/api/repair-orders/${ro.id}/approvals`,
      payload: {
        method: 'in_person',
        approvedBy: 'Ann',
        decisions: [
          { lineId: labor.id, state: 'approved' },
          { lineId: foreign.id, state: 'approved' },
          { lineId: UNKNOWN_ID, state: 'declined' },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors?.map((e) => e.path)).toEqual([
      'decisions.1.lineId',
      'decisions.2.lineId',
    ]);
    const state = t.database.sqlite
      .prepare('SELECT approval_state FROM line_items WHERE id = ?')
      .get(labor.id);
    expect(state).toEqual({ approval_state: 'recommended' });
    expect(auditFor(labor.id).map((a) => a.action)).toEqual(['line.added']);
  });

  it('400 for a bad method or state, 404 for an unknown repair order, 403 for a technician, 409 stale line', async () => {
    const { ro, labor } = await roWithLines();
    const bad = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: `/api/repair-orders/${ro.id}/approvals`,
      payload: { method: 'pigeon', approvedBy: 'Ann', decisions: [{ lineId: labor.id, state: 'maybe' }] },
    });
    expect(problemOf(bad).errors?.map((e) => e.path)).toEqual(['method', 'decisions.0.state']);
    const unknown = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: `/api/repair-orders/${UNKNOWN_ID}/approvals`,
      payload: { method: 'phone', approvedBy: 'Ann', decisions: [{ lineId: labor.id, state: 'approved' }] },
    });
    expect(unknown.statusCode).toBe(404);
    const tech = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'technician'));
    const refused = await injectAs(t.app, tech, {
      method: 'POST',
      url: `/api/repair-orders/${ro.id}/approvals`,
      payload: { method: 'phone', approvedBy: 'Ann', decisions: [{ lineId: labor.id, state: 'approved' }] },
    });
    expect(refused.statusCode).toBe(403);
    const stale = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: `/api/repair-orders/${ro.id}/approvals`,
      payload: {
        method: 'phone',
        approvedBy: 'Ann',
        decisions: [{ lineId: labor.id, state: 'approved', version: labor.version + 1 }],
      },
    });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale).currentVersion).toBe(labor.version);
  });

  it('refuses changes once the repair order is closed', async () => {
    const { ro, labor } = await roWithLines();
    t.database.sqlite.prepare(`UPDATE repair_orders SET status = 'closed' WHERE id = ?`).run(ro.id);
    const response = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: `/api/repair-orders/${ro.id}/approvals`,
      payload: { method: 'phone', approvedBy: 'Ann', decisions: [{ lineId: labor.id, state: 'approved' }] },
    });
    expect(response.statusCode).toBe(409);
    expect(problemOf(response).type).toBe('urn:ase:problem:repair-order-locked');
    const patch = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: `/api/repair-orders/${ro.id}`,
      payload: { version: 1, notes: 'too late' },
    });
    expect(problemOf(patch)).toMatchObject({ status: 409, repairOrderStatus: 'closed' });
    const status = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: `/api/jobs/${ro.jobs[0].id}/status`,
      payload: { status: 'In_Progress', version: 1 },
    });
    expect(problemOf(status).type).toBe('urn:ase:problem:repair-order-locked');
  });
});

describe('API document', () => {
  it('documents every repair-order, job, line and canned-job route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { summary?: string }>>;
    }>();
    for (const path of [
      '/api/repair-orders',
      '/api/repair-orders/{id}',
      '/api/repair-orders/{id}/jobs',
      '/api/repair-orders/{id}/approvals',
      '/api/jobs',
      '/api/jobs/{id}',
      '/api/jobs/{id}/status',
      '/api/jobs/{id}/lines',
      '/api/lines/{id}',
      '/api/canned-jobs',
      '/api/canned-jobs/{id}',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
      for (const operation of Object.values(doc.paths[path]!)) expect(operation.summary).toBeTruthy();
    }
  });

  it('files each route under its own plugin’s tags, also the plugins registered inside repair orders', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { tags?: string[] }>>;
    }>();
    for (const [path, method, tags] of [
      ['/api/repair-orders/{id}', 'get', ['repair orders']],
      ['/api/jobs/{id}', 'patch', ['jobs']],
      ['/api/jobs/{id}/lines', 'post', ['jobs']],
      ['/api/canned-jobs', 'get', ['canned jobs']],
    ] as const) {
      expect(doc.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual(tags);
    }
  });
});

describe('customer merge participant', () => {
  it('moves repair orders to the kept customer and bumps their version', async () => {
    const ro = (await createRo()).json();
    const kept = insertCustomer(t.database, { name: 'Ann (kept)' });
    // The customers module calls this inside its merge transaction; only db and clock are used.
    const service = new RepairOrdersService(
      t.database.kysely,
      t.clock,
      new AuditService(t.database.kysely, t.clock),
      t.app.events,
      ...([{}, {}, {}, {}, {}] as [never, never, never, never, never]),
      prepareWriteStamp(t.database.sqlite),
    );
    const moved = await t.database.kysely
      .transaction()
      .execute((tx) => service.moveCustomerRecords(tx, customerId, kept));
    expect(moved).toBe(1);
    const after = (
      await injectAs(t.app, owner.cookie, { method: 'GET', url: `/api/repair-orders/${ro.id}` })
    ).json();
    expect(after).toMatchObject({ customer: { id: kept, name: 'Ann (kept)' }, version: 2 });
  });
});
