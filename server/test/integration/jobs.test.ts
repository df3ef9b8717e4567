import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvents } from '../../src/events/domain-events.js';
import { AuditService } from '../../src/modules/audit/audit.service.js';
import { boardQuery } from '../../src/modules/repair-orders/jobs-read-model.js';
import { prepareWriteStamp } from '../../src/db/write-stamp.js';
import { inTransaction } from '../../src/db/after-commit.js';
import { RepairOrdersService } from '../../src/modules/repair-orders/repair-orders.service.js';
import type { BoardItem, Job, RepairOrder } from '../../src/modules/repair-orders/repair-orders.schemas.js';
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
let customerId: string;
let vehicleId: string;

beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
  customerId = insertCustomer(t.database, { name: 'Ann Example' });
  vehicleId = insertVehicle(t.database, customerId, { make: 'Toyota', model: 'Camry', year: 2015 });
});
afterEach(async () => {
  await t.close();
});

/** Tests index the jobs they made; a tuple type keeps those reads typed without `!` everywhere. */
type OpenedRo = Omit<RepairOrder, 'jobs'> & { jobs: [Job, Job, Job, ...Job[]] };

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000abcd';

function auditFor(entityId: string): { action: string; data: Record<string, unknown> }[] {
  return (
    t.database.sqlite
      .prepare('SELECT action, data FROM audit_log WHERE entity_id = ? ORDER BY id')
      .all(entityId) as { action: string; data: string }[]
  ).map((row) => ({ action: row.action, data: JSON.parse(row.data) }));
}

function listen<K extends keyof DomainEvents>(name: K): DomainEvents[K][] {
  const seen: DomainEvents[K][] = [];
  t.app.events.on(name, (payload) => seen.push(payload));
  return seen;
}

function as(cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return injectAs(t.app, cookie, { method, url, ...(payload === undefined ? {} : { payload }) });
}

async function openRo(concerns = ['Brakes squeal'], extra: object = {}) {
  const response = await as(owner.cookie, 'POST', '/api/repair-orders', {
    customerId,
    vehicleId,
    concerns,
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<OpenedRo>();
}

async function setStatus(jobId: string, status: string, version: number, reason?: string) {
  return as(owner.cookie, 'POST', `/api/jobs/${jobId}/status`, {
    status,
    version,
    ...(reason === undefined ? {} : { reason }),
  });
}

describe('adding, reading and deleting jobs', () => {
  it('adds a job with technician, bay and times, audits it and emits jobChanged', async () => {
    const ro = await openRo([]);
    const technicianId = insertTechnician(t.database, 'Tom Tech');
    const bayId = insertBay(t.database, 'Bay 1');
    const events = listen('jobChanged');
    const response = await as(owner.cookie, 'POST', `/api/repair-orders/${ro.id}/jobs`, {
      concern: 'Car pulls to the left',
      technicianId,
      bayId,
      scheduledStart: '2026-03-02T15:00:00Z',
      estimatedEnd: '2026-03-02T16:30:00Z',
    });
    expect(response.statusCode, response.body).toBe(201);
    const job = response.json();
    expect(job).toMatchObject({
      repairOrderId: ro.id,
      repairOrderNumber: 1001,
      vehicleId,
      title: 'Car pulls to the left',
      status: 'Pending',
      technicianName: 'Tom Tech',
      bayName: 'Bay 1',
      scheduledStart: '2026-03-02T15:00:00.000Z',
      estimatedEnd: '2026-03-02T16:30:00.000Z',
      lines: [],
      version: 1,
    });
    expect(events).toEqual([{ jobId: job.id, repairOrderId: ro.id, at: expect.any(String) }]);
    expect(auditFor(job.id).map((a) => a.action)).toEqual(['job.added']);
    const read = await as(owner.cookie, 'GET', `/api/jobs/${job.id}`);
    expect(read.json()).toEqual(job);
    expect((await as(owner.cookie, 'GET', `/api/jobs/${UNKNOWN_ID}`)).statusCode).toBe(404);
  });

  it('refuses bad input naming each field and writes nothing', async () => {
    const ro = await openRo([]);
    const inactive = insertTechnician(t.database, 'Gone');
    t.database.sqlite.prepare('UPDATE technicians SET active = 0 WHERE id = ?').run(inactive);
    const response = await as(owner.cookie, 'POST', `/api/repair-orders/${ro.id}/jobs`, {
      technicianId: inactive,
      bayId: UNKNOWN_ID,
      cannedJobId: UNKNOWN_ID,
      scheduledStart: '2026-03-02T15:00:00Z',
      estimatedEnd: '2026-03-02T14:00:00Z',
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors?.map((e) => e.path)).toEqual([
      'cannedJobId',
      'technicianId',
      'bayId',
      'estimatedEnd',
    ]);
    const noTitle = await as(owner.cookie, 'POST', `/api/repair-orders/${ro.id}/jobs`, {});
    expect(problemOf(noTitle).errors?.map((e) => e.path)).toEqual(['title']);
    expect(t.database.sqlite.prepare('SELECT count(*) AS n FROM service_jobs').get()).toEqual({ n: 0 });
    const unknownRo = await as(owner.cookie, 'POST', `/api/repair-orders/${UNKNOWN_ID}/jobs`, { title: 'x' });
    expect(unknownRo.statusCode).toBe(404);
  });

  it('a parts user may not add or change jobs (403)', async () => {
    const ro = await openRo();
    const parts = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'parts'));
    expect((await as(parts, 'POST', `/api/repair-orders/${ro.id}/jobs`, { title: 'x' })).statusCode).toBe(
      403,
    );
    expect(
      (await as(parts, 'PATCH', `/api/jobs/${ro.jobs[0].id}`, { version: 1, title: 'y' })).statusCode,
    ).toBe(403);
    expect(
      (await as(parts, 'POST', `/api/jobs/${ro.jobs[0].id}/status`, { status: 'In_Progress', version: 1 }))
        .statusCode,
    ).toBe(403);
  });

  it('deletes only a Pending job with no approved lines', async () => {
    const ro = await openRo(['one', 'two', 'three']);
    const [plain, started, approved] = ro.jobs;
    expect((await as(owner.cookie, 'DELETE', `/api/jobs/${plain.id}?version=2`)).statusCode).toBe(409);
    expect((await as(owner.cookie, 'DELETE', `/api/jobs/${plain.id}?version=1`)).statusCode).toBe(204);
    expect(auditFor(plain.id).map((a) => a.action)).toEqual(['job.deleted']);
    expect((await as(owner.cookie, 'DELETE', `/api/jobs/${plain.id}`)).statusCode).toBe(404);

    await setStatus(started.id, 'In_Progress', 1);
    const refused = await as(owner.cookie, 'DELETE', `/api/jobs/${started.id}`);
    expect(refused.statusCode).toBe(409);
    expect(problemOf(refused).detail).toContain('only a Pending job');

    const line = (
      await as(owner.cookie, 'POST', `/api/jobs/${approved.id}/lines`, {
        kind: 'fee',
        description: 'Disposal',
        quantity: 1,
        unitPriceCents: 500,
      })
    ).json();
    await as(owner.cookie, 'POST', `/api/repair-orders/${ro.id}/approvals`, {
      method: 'in_person',
      approvedBy: 'Ann',
      decisions: [{ lineId: line.id, state: 'approved' }],
    });
    expect((await as(owner.cookie, 'DELETE', `/api/jobs/${approved.id}`)).statusCode).toBe(409);
    const tech = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'technician'));
    expect((await as(tech, 'DELETE', `/api/jobs/${approved.id}`)).statusCode).toBe(403);
  });
});

describe('updating a job', () => {
  it('changes the 3C, technician, bay and times with the version; audits the changes', async () => {
    const ro = await openRo();
    const job = ro.jobs[0];
    const technicianId = insertTechnician(t.database, 'Tess');
    const bayId = insertBay(t.database, 'Lift 2');
    const response = await as(owner.cookie, 'PATCH', `/api/jobs/${job.id}`, {
      version: 1,
      cause: 'Pads worn to 2 mm',
      correction: 'Replaced front pads',
      technicianId,
      bayId,
      scheduledStart: '2026-03-02T15:00:00Z',
      estimatedEnd: '2026-03-02T16:00:00Z',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      cause: 'Pads worn to 2 mm',
      correction: 'Replaced front pads',
      technicianId,
      technicianName: 'Tess',
      bayName: 'Lift 2',
      version: 2,
    });
    const audit = auditFor(job.id).find((a) => a.action === 'job.updated')!;
    expect(audit.data.changes).toMatchObject({ technician_id: { from: null, to: technicianId } });

    const unassign = await as(owner.cookie, 'PATCH', `/api/jobs/${job.id}`, {
      version: 2,
      technicianId: null,
    });
    expect(unassign.json()).toMatchObject({ technicianId: null, technicianName: null, version: 3 });
  });

  it('400 naming technicianId, bayId and estimatedEnd; 409 stale; 404 unknown', async () => {
    const ro = await openRo();
    const job = ro.jobs[0];
    const bad = await as(owner.cookie, 'PATCH', `/api/jobs/${job.id}`, {
      version: 1,
      technicianId: UNKNOWN_ID,
      bayId: UNKNOWN_ID,
    });
    expect(problemOf(bad).errors?.map((e) => e.path)).toEqual(['technicianId', 'bayId']);
    await as(owner.cookie, 'PATCH', `/api/jobs/${job.id}`, {
      version: 1,
      scheduledStart: '2026-03-02T15:00:00Z',
    });
    const endBefore = await as(owner.cookie, 'PATCH', `/api/jobs/${job.id}`, {
      version: 2,
      estimatedEnd: '2026-03-02T14:59:00Z',
    });
    expect(problemOf(endBefore).errors).toEqual([
      { path: 'estimatedEnd', message: 'must be after scheduledStart' },
    ]);
    const stale = await as(owner.cookie, 'PATCH', `/api/jobs/${job.id}`, { version: 1, title: 'late' });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale)).toMatchObject({ currentVersion: 2 });
    expect((await as(owner.cookie, 'PATCH', `/api/jobs/${UNKNOWN_ID}`, { version: 1 })).statusCode).toBe(404);
    expect((await as(owner.cookie, 'GET', `/api/jobs/${job.id}`)).json().title).toBe('Brakes squeal');
  });
});

describe('job status machine through the API', () => {
  it('walks Pending → In_Progress → Blocked → In_Progress → Completed with times, audit and events', async () => {
    const ro = await openRo();
    const id = ro.jobs[0].id;
    const events = listen('jobStatusChanged');

    t.clock.advance(60_000);
    const started = (await setStatus(id, 'In_Progress', 1)).json();
    expect(started).toMatchObject({
      status: 'In_Progress',
      actualStart: '2026-03-02T14:01:00.000Z',
      statusChangedAt: '2026-03-02T14:01:00.000Z',
      version: 2,
    });

    const noReason = await setStatus(id, 'Blocked', 2);
    expect(noReason.statusCode).toBe(400);
    expect(problemOf(noReason).errors?.[0]?.path).toBe('reason');
    const blank = await setStatus(id, 'Blocked', 2, '   ');
    expect(problemOf(blank).errors?.[0]?.path).toBe('reason');

    t.clock.advance(60_000);
    const blocked = (await setStatus(id, 'Blocked', 2, 'Waiting for pads')).json();
    expect(blocked).toMatchObject({ status: 'Blocked', blockedReason: 'Waiting for pads' });

    t.clock.advance(60_000);
    const resumed = (await setStatus(id, 'In_Progress', 3)).json();
    expect(resumed).toMatchObject({
      blockedReason: null,
      actualStart: '2026-03-02T14:01:00.000Z',
      statusChangedAt: '2026-03-02T14:03:00.000Z',
    });

    t.clock.advance(60_000);
    const done = (await setStatus(id, 'Completed', 4)).json();
    expect(done).toMatchObject({ status: 'Completed', actualEnd: '2026-03-02T14:04:00.000Z', version: 5 });

    expect(events.map((e) => [e.from, e.to, e.reason])).toEqual([
      ['Pending', 'In_Progress', null],
      ['In_Progress', 'Blocked', 'Waiting for pads'],
      ['Blocked', 'In_Progress', null],
      ['In_Progress', 'Completed', null],
    ]);
    expect(events[0]).toMatchObject({ jobId: id, repairOrderId: ro.id, actorUserId: owner.id });
    const audits = auditFor(id).filter((a) => a.action === 'job.status_changed');
    expect(audits.map((a) => a.data)).toEqual([
      { repairOrderId: ro.id, from: 'Pending', to: 'In_Progress', reason: null },
      { repairOrderId: ro.id, from: 'In_Progress', to: 'Blocked', reason: 'Waiting for pads' },
      { repairOrderId: ro.id, from: 'Blocked', to: 'In_Progress', reason: null },
      { repairOrderId: ro.id, from: 'In_Progress', to: 'Completed', reason: null },
    ]);
  });

  it('refuses an illegal move with 409 naming the allowed ones, and Paid as billing-only', async () => {
    const ro = await openRo();
    const id = ro.jobs[0].id;
    const skip = await setStatus(id, 'Completed', 1);
    expect(skip.statusCode).toBe(409);
    expect(problemOf(skip)).toMatchObject({
      type: 'urn:ase:problem:illegal-transition',
      allowed: ['In_Progress'],
    });
    expect(problemOf(skip).detail).toContain('In_Progress');

    await setStatus(id, 'In_Progress', 1);
    await setStatus(id, 'Completed', 2);
    const paid = await setStatus(id, 'Paid', 3);
    expect(paid.statusCode).toBe(409);
    expect(problemOf(paid)).toMatchObject({ type: 'urn:ase:problem:paid-by-billing', allowed: [] });
    expect(problemOf(paid).detail).toContain('Paid is set only by billing');
    const back = await setStatus(id, 'In_Progress', 3);
    expect(problemOf(back)).toMatchObject({ allowed: [] });

    const stale = await setStatus(id, 'In_Progress', 1);
    expect(problemOf(stale)).toMatchObject({ type: 'urn:ase:problem:stale-version', currentVersion: 3 });
    const unknown = await setStatus(UNKNOWN_ID, 'In_Progress', 1);
    expect(unknown.statusCode).toBe(404);
    const badStatus = await setStatus(id, 'Done', 3);
    expect(problemOf(badStatus).errors?.[0]?.path).toBe('status');
    expect(auditFor(id).filter((a) => a.action === 'job.status_changed')).toHaveLength(2);
  });

  it('a technician moves jobs on the floor', async () => {
    const ro = await openRo();
    const tech = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'technician'));
    const response = await as(tech, 'POST', `/api/jobs/${ro.jobs[0].id}/status`, {
      status: 'In_Progress',
      version: 1,
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('markPaid (for billing)', () => {
  function service() {
    // Billing will get the app's instance; markPaid uses only the database, clock, audit and bus.
    return new RepairOrdersService(
      t.database.kysely,
      t.clock,
      new AuditService(t.database.kysely, t.clock),
      t.app.events,
      ...([{}, {}, {}, {}, {}] as [never, never, never, never, never]),
      prepareWriteStamp(t.database.sqlite),
    );
  }

  it('marks Completed jobs Paid in the caller’s transaction and announces them only after its commit', async () => {
    const ro = await openRo(['a', 'b']);
    for (const job of ro.jobs.slice(0, 2)) {
      await setStatus(job.id, 'In_Progress', 1);
      await setStatus(job.id, 'Completed', 2);
    }
    const events = listen('jobStatusChanged');
    const ids = [ro.jobs[0].id, ro.jobs[1].id];
    const changes = await inTransaction(t.database.kysely, async (tx) => {
      const marked = await service().markPaid(tx, { userId: owner.id, label: 'billing' }, ids);
      expect(events).toEqual([]); // not before the commit
      return marked;
    });
    expect(changes.map((c) => [c.from, c.to])).toEqual([
      ['Completed', 'Paid'],
      ['Completed', 'Paid'],
    ]);
    expect(events).toHaveLength(2);
    const job = (await as(owner.cookie, 'GET', `/api/jobs/${ids[0]}`)).json();
    expect(job).toMatchObject({ status: 'Paid', actualEnd: '2026-03-02T14:00:00.000Z', version: 4 });
    expect(auditFor(ids[0]!).at(-1)).toEqual({
      action: 'job.status_changed',
      data: { repairOrderId: ro.id, from: 'Completed', to: 'Paid', reason: null },
    });
    // Paid jobs leave the board.
    expect((await as(owner.cookie, 'GET', '/api/jobs')).json().items).toEqual([]);
  });

  it('refuses a job that is not Completed, and rolls back every job of the call', async () => {
    const ro = await openRo(['a', 'b']);
    await setStatus(ro.jobs[0].id, 'In_Progress', 1);
    await setStatus(ro.jobs[0].id, 'Completed', 2);
    const events = listen('jobStatusChanged');
    const attempt = inTransaction(t.database.kysely, (tx) =>
      service().markPaid(tx, { userId: owner.id, label: 'billing' }, [ro.jobs[0].id, ro.jobs[1].id]),
    );
    await expect(attempt).rejects.toMatchObject({ status: 409, extensions: { allowed: [] } });
    expect(events).toEqual([]); // the first job's change was rolled back: never announced
    const statuses = t.database.sqlite.prepare('SELECT status FROM service_jobs ORDER BY sort_order').all();
    expect(statuses).toEqual([{ status: 'Completed' }, { status: 'Pending' }]);
    await expect(
      inTransaction(t.database.kysely, (tx) =>
        service().markPaid(tx, { userId: null, label: 'billing' }, [UNKNOWN_ID]),
      ),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe('line items', () => {
  it('adds labour at the shop rate, parts with stock defaults, audits money; parts users may add lines', async () => {
    const ro = await openRo();
    const jobId = ro.jobs[0].id;
    const itemId = '01900000-0000-7000-8000-0000000000aa';
    t.database.sqlite
      .prepare(
        `INSERT INTO inventory_items (id, sku, name, cost_price, sell_price, created_at, updated_at)
         VALUES (?, 'PAD-1', 'Brake pads', 3000, 7500, '', '')`,
      )
      .run(itemId);
    const events = listen('jobChanged');
    const labor = await as(owner.cookie, 'POST', `/api/jobs/${jobId}/lines`, {
      kind: 'labor',
      description: 'Replace pads',
      quantity: 1.25,
    });
    expect(labor.statusCode, labor.body).toBe(201);
    expect(labor.json()).toMatchObject({
      kind: 'labor',
      quantity: 1.25,
      unitPriceCents: 14_000,
      amountCents: 17_500,
      taxable: true,
      approvalState: 'recommended',
      version: 1,
    });
    const parts = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'parts'));
    const part = await as(parts, 'POST', `/api/jobs/${jobId}/lines`, {
      kind: 'part',
      description: 'Brake pads',
      quantity: 2,
      inventoryItemId: itemId,
    });
    expect(part.statusCode, part.body).toBe(201);
    expect(part.json()).toMatchObject({ unitPriceCents: 7_500, unitCostCents: 3_000, amountCents: 15_000 });
    const nonStock = await as(owner.cookie, 'POST', `/api/jobs/${jobId}/lines`, {
      kind: 'part',
      description: 'Caliper bolt',
      quantity: 0.5,
      unitPriceCents: 333,
      partNumber: 'CB-9',
      taxable: false,
    });
    expect(nonStock.json()).toMatchObject({ amountCents: 167, taxable: false, partNumber: 'CB-9' });
    expect(auditFor(labor.json().id)).toEqual([
      {
        action: 'line.added',
        data: expect.objectContaining({ amountCents: 17_500, unitPriceCents: 14_000, quantity: 1.25 }),
      },
    ]);
    expect(events).toHaveLength(3);
  });

  it('refuses negative, zero and over-precise quantities, missing prices and unknown stock, naming each field', async () => {
    const ro = await openRo();
    const jobId = ro.jobs[0].id;
    const cases: [object, string][] = [
      [{ kind: 'labor', description: 'x', quantity: -1 }, 'quantity'],
      [{ kind: 'labor', description: 'x', quantity: 0 }, 'quantity'],
      [{ kind: 'labor', description: 'x', quantity: 1.0005 }, 'quantity'],
      [{ kind: 'fee', description: 'x', quantity: 1 }, 'unitPriceCents'],
      [{ kind: 'labor', description: 'x', quantity: 1, unitPriceCents: -5 }, 'unitPriceCents'],
      [{ kind: 'part', description: 'x', quantity: 1, unitPriceCents: 5 }, 'partNumber'],
      [{ kind: 'part', description: 'x', quantity: 1, inventoryItemId: UNKNOWN_ID }, 'inventoryItemId'],
      [{ kind: 'labor', description: 'x', quantity: 1, partNumber: 'P1' }, 'partNumber'],
      [{ kind: 'labor', description: '  ', quantity: 1 }, 'description'],
      [{ kind: 'tyre', description: 'x', quantity: 1 }, 'kind'],
    ];
    for (const [payload, path] of cases) {
      const response = await as(owner.cookie, 'POST', `/api/jobs/${jobId}/lines`, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(problemOf(response).errors?.map((e) => e.path)).toEqual([path]);
    }
    expect(t.database.sqlite.prepare('SELECT count(*) AS n FROM line_items').get()).toEqual({ n: 0 });
    const unknownJob = await as(owner.cookie, 'POST', `/api/jobs/${UNKNOWN_ID}/lines`, {
      kind: 'labor',
      description: 'x',
      quantity: 1,
    });
    expect(unknownJob.statusCode).toBe(404);
  });

  it('changing an approved line’s price puts it back to recommended, audited with before/after', async () => {
    const ro = await openRo();
    const line = (
      await as(owner.cookie, 'POST', `/api/jobs/${ro.jobs[0].id}/lines`, {
        kind: 'labor',
        description: 'Diag',
        quantity: 1,
      })
    ).json();
    await as(owner.cookie, 'POST', `/api/repair-orders/${ro.id}/approvals`, {
      method: 'phone',
      approvedBy: 'Ann',
      decisions: [{ lineId: line.id, state: 'approved' }],
    });
    const approvals = listen('approvalRecorded');
    const noMoney = await as(owner.cookie, 'PATCH', `/api/lines/${line.id}`, {
      version: 2,
      description: 'Diagnosis',
    });
    expect(noMoney.json()).toMatchObject({ approvalState: 'approved', version: 3 });
    const repriced = await as(owner.cookie, 'PATCH', `/api/lines/${line.id}`, { version: 3, quantity: 1.5 });
    expect(repriced.statusCode, repriced.body).toBe(200);
    expect(repriced.json()).toMatchObject({
      quantity: 1.5,
      amountCents: 21_000,
      approvalState: 'recommended',
      approvalBy: null,
      approvalMethod: null,
      version: 4,
    });
    const audits = auditFor(line.id);
    expect(audits.map((a) => a.action)).toEqual([
      'line.added',
      'line.approval_recorded',
      'line.updated',
      'line.updated',
      'line.approval_reset',
    ]);
    expect(audits[3]!.data).toMatchObject({
      changes: { quantity_milli: { from: 1000, to: 1500 } },
      amountCents: { from: 14_000, to: 21_000 },
    });
    expect(approvals).toEqual([expect.objectContaining({ state: 'recommended', lineIds: [line.id] })]);

    const stale = await as(owner.cookie, 'PATCH', `/api/lines/${line.id}`, { version: 3, unitPriceCents: 1 });
    expect(problemOf(stale)).toMatchObject({ currentVersion: 4 });
    const negative = await as(owner.cookie, 'PATCH', `/api/lines/${line.id}`, { version: 4, quantity: -2 });
    expect(problemOf(negative).errors?.[0]?.path).toBe('quantity');
    expect((await as(owner.cookie, 'PATCH', `/api/lines/${UNKNOWN_ID}`, { version: 1 })).statusCode).toBe(
      404,
    );
  });

  it('deletes a line (advisor only), audited; lines of a Paid job are frozen', async () => {
    const ro = await openRo();
    const jobId = ro.jobs[0].id;
    const line = (
      await as(owner.cookie, 'POST', `/api/jobs/${jobId}/lines`, {
        kind: 'sublet',
        description: 'Alignment at the tyre shop',
        quantity: 1,
        unitPriceCents: 9_000,
      })
    ).json();
    const parts = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'parts'));
    expect((await as(parts, 'DELETE', `/api/lines/${line.id}`)).statusCode).toBe(403);
    expect((await as(owner.cookie, 'DELETE', `/api/lines/${line.id}?version=9`)).statusCode).toBe(409);
    expect((await as(owner.cookie, 'DELETE', `/api/lines/${line.id}`)).statusCode).toBe(204);
    expect(auditFor(line.id).map((a) => a.action)).toEqual(['line.added', 'line.deleted']);
    expect((await as(owner.cookie, 'DELETE', `/api/lines/${line.id}`)).statusCode).toBe(404);

    t.database.sqlite.prepare(`UPDATE service_jobs SET status = 'Paid' WHERE id = ?`).run(jobId);
    const frozen = await as(owner.cookie, 'POST', `/api/jobs/${jobId}/lines`, {
      kind: 'labor',
      description: 'x',
      quantity: 1,
    });
    expect(frozen.statusCode).toBe(409);
    expect(problemOf(frozen).type).toBe('urn:ase:problem:job-paid');
  });
});

describe('the job board', () => {
  it('lists open jobs with RO number, customer, vehicle, technician, bay, time in status and overdue', async () => {
    const technicianId = insertTechnician(t.database, 'Tom Tech');
    const bayId = insertBay(t.database, 'Bay 3');
    const late = await openRo(['Oil change'], { promisedAt: '2026-03-02T13:00:00Z', waiter: true });
    const onTime = await openRo(['Tyres'], { promisedAt: '2026-03-02T18:00:00Z' });
    await as(owner.cookie, 'PATCH', `/api/jobs/${late.jobs[0].id}`, { version: 1, technicianId, bayId });
    const done = await openRo(['Done already']);
    await setStatus(done.jobs[0].id, 'In_Progress', 1);
    await setStatus(done.jobs[0].id, 'Completed', 2);
    const paid = await openRo(['Paid already']);
    t.database.sqlite.prepare(`UPDATE service_jobs SET status = 'Paid' WHERE id = ?`).run(paid.jobs[0].id);
    const closed = await openRo(['Old visit']);
    t.database.sqlite.prepare(`UPDATE repair_orders SET status = 'closed' WHERE id = ?`).run(closed.id);

    const board = await as(owner.cookie, 'GET', '/api/jobs');
    expect(board.statusCode, board.body).toBe(200);
    const items = board.json().items;
    expect(items.map((i: { repairOrderNumber: number }) => i.repairOrderNumber)).toEqual([1001, 1002, 1003]);
    expect(items[0]).toEqual({
      jobId: late.jobs[0].id,
      repairOrderId: late.id,
      repairOrderNumber: 1001,
      title: 'Oil change',
      status: 'Pending',
      statusChangedAt: '2026-03-02T14:00:00.000Z',
      blockedReason: null,
      customer: { id: customerId, name: 'Ann Example' },
      vehicle: { id: vehicleId, year: 2015, make: 'Toyota', model: 'Camry', vin: null, licensePlate: null },
      vehicleSummary: '2015 Toyota Camry',
      technician: { id: technicianId, name: 'Tom Tech' },
      bay: { id: bayId, name: 'Bay 3' },
      scheduledStart: null,
      estimatedEnd: null,
      promisedAt: '2026-03-02T13:00:00.000Z',
      waiter: true,
      overdue: true,
      workGate: {
        state: 'diagnosis',
        start: true,
        complete: true,
        reason: 'Not approved yet: diagnosis only (30 min left of 30 min).',
      },
      completion: { ask: 'asked', missing: ['cause', 'correction'] },
      version: 2,
    });
    expect(items[1]).toMatchObject({ jobId: onTime.jobs[0].id, overdue: false, technician: null, bay: null });
    expect(items[2]).toMatchObject({ status: 'Completed', overdue: false });

    const byTech = await as(owner.cookie, 'GET', `/api/jobs?technicianId=${technicianId}`);
    expect(byTech.json().items.map((i: { jobId: string }) => i.jobId)).toEqual([late.jobs[0].id]);
    const byBay = await as(owner.cookie, 'GET', `/api/jobs?bayId=${bayId}`);
    expect(byBay.json().items).toHaveLength(1);
    const byStatus = await as(owner.cookie, 'GET', '/api/jobs?status=Completed&status=Blocked');
    expect(byStatus.json().items.map((i: { status: string }) => i.status)).toEqual(['Completed']);
    const bad = await as(owner.cookie, 'GET', '/api/jobs?status=Paid');
    expect(problemOf(bad).errors?.[0]?.path).toMatch(/^query\.status/);
  });

  it('never serves a stale board: any write, by any module or straight SQL, shows on the next read', async () => {
    const technicianId = insertTechnician(t.database, 'Tom Tech');
    const ro = await openRo(['Oil change']);
    await as(owner.cookie, 'PATCH', `/api/jobs/${ro.jobs[0].id}`, { version: 1, technicianId });
    const read = async () =>
      (await as(owner.cookie, 'GET', '/api/jobs')).json<{ items: BoardItem[] }>().items[0]!;
    expect((await read()).technician?.name).toBe('Tom Tech');
    expect((await read()).technician?.name).toBe('Tom Tech');
    const renamed = await as(owner.cookie, 'PATCH', `/api/technicians/${technicianId}`, {
      version: 1,
      name: 'Thomas Tech',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await read()).technician?.name).toBe('Thomas Tech');
    t.database.sqlite.prepare('UPDATE customers SET name = ? WHERE id = ?').run('Ann Renamed', customerId);
    expect((await read()).customer.name).toBe('Ann Renamed');
    await setStatus(ro.jobs[0].id, 'In_Progress', 2);
    expect((await read()).status).toBe('In_Progress');
    t.clock.set('2026-03-02T20:00:00.000Z');
    await as(owner.cookie, 'PATCH', `/api/repair-orders/${ro.id}`, {
      version: 1,
      promisedAt: '2026-03-02T19:00:00.000Z',
    });
    expect((await read()).overdue).toBe(true);
    const one = async () =>
      (await as(owner.cookie, 'GET', `/api/repair-orders/${ro.id}`)).json<RepairOrder>();
    expect((await one()).customer.name).toBe('Ann Renamed');
    t.database.sqlite.prepare('UPDATE customers SET name = ? WHERE id = ?').run('Ann Again', customerId);
    expect((await one()).customer.name).toBe('Ann Again');
  });

  it('is driven by the open repair orders index, never a scan of all jobs', () => {
    for (const filters of [
      { statuses: ['Pending', 'In_Progress', 'Blocked', 'Completed'] as const },
      { statuses: ['Blocked'] as const, technicianId: UNKNOWN_ID },
      { statuses: ['Pending'] as const, bayId: UNKNOWN_ID },
    ]) {
      const compiled = boardQuery(t.database.kysely, {
        ...filters,
        statuses: [...filters.statuses],
      }).compile();
      const plan = (
        t.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters) as {
          detail: string;
        }[]
      ).map((row) => row.detail);
      expect(plan[0]).toMatch(/^SEARCH ro USING INDEX repair_orders_status/);
      expect(plan.join('\n')).toMatch(/SEARCH j USING INDEX service_jobs_repair_order/);
      expect(plan.filter((step) => step.startsWith('SCAN'))).toEqual([]);
    }
  });
});
