import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardItem, RepairOrder } from '../../src/modules/repair-orders/repair-orders.schemas.js';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
import { createTestApp, injectAs, problemOf, setupOwner, type TestApp } from '../helpers/test-app.js';

/** Issue 15 item 2: work follows approval, 3C on completion, no recommendation lost at invoicing. */

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

function as(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return injectAs(t.app, owner.cookie, { method, url, ...(payload === undefined ? {} : { payload }) });
}

async function ok<T>(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object): Promise<T> {
  const response = await as(method, url, payload);
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json<T>();
}

async function settings(changes: object): Promise<void> {
  const { version } = await ok<{ version: number }>('GET', '/api/settings');
  await ok('PATCH', '/api/settings', { version, ...changes });
}

/** An RO with one job per concern, each with one labor line (recommended until approved). */
async function openRo(concerns: string[]): Promise<{ roId: string; jobs: { id: string; lineId: string }[] }> {
  const ro = await ok<RepairOrder>('POST', '/api/repair-orders', { customerId, vehicleId, concerns });
  const jobs = [];
  for (const job of ro.jobs) {
    const line = await ok<{ id: string }>('POST', `/api/jobs/${job.id}/lines`, {
      kind: 'labor',
      description: `Labor: ${job.title}`,
      quantity: 1,
      unitPriceCents: 10_000,
      taxable: false,
    });
    jobs.push({ id: job.id, lineId: line.id });
  }
  return { roId: ro.id, jobs };
}

async function approve(roId: string, lineIds: string[]): Promise<void> {
  await ok('POST', `/api/repair-orders/${roId}/approvals`, {
    method: 'in_person',
    approvedBy: 'Ann Example',
    decisions: lineIds.map((lineId) => ({ lineId, state: 'approved' })),
  });
}

async function jobVersion(jobId: string): Promise<number> {
  return (await ok<{ version: number }>('GET', `/api/jobs/${jobId}`)).version;
}

async function move(jobId: string, status: string, extra: object = {}) {
  return as('POST', `/api/jobs/${jobId}/status`, { status, version: await jobVersion(jobId), ...extra });
}

async function boardItem(jobId: string): Promise<BoardItem> {
  const board = await ok<{ items: BoardItem[] }>('GET', '/api/jobs');
  return board.items.find((item) => item.jobId === jobId)!;
}

function statusAudits(jobId: string): number {
  return (
    t.database.sqlite
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE entity_id = ? AND action = 'job.status_changed'`)
      .get(jobId) as { n: number }
  ).n;
}

describe('work follows approval', () => {
  it('with diagnosis off, clocking a technician onto an unapproved job is refused and nothing is clocked', async () => {
    await settings({ diagnosisWithoutApproval: { allowed: false, limitHours: 0.5 } });
    const { roId, jobs } = await openRo(['Noise from the front']);
    const jobId = jobs[0]!.id;
    const technicianId = (await ok<{ id: string }>('POST', '/api/technicians', { name: 'Tina Tech' })).id;

    const refused = await as('POST', `/api/jobs/${jobId}/clock/on`, { technicianId });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(problemOf(refused).type).toBe('urn:ase:problem:approval-required');
    expect(problemOf(refused).detail).toMatch(/^Waiting for the customer's approval/);
    const entries = t.database.sqlite
      .prepare('SELECT count(*) FROM job_clock_entries WHERE job_id = ?')
      .pluck()
      .get(jobId);
    expect(entries).toBe(0);
    expect((await boardItem(jobId)).status).toBe('Pending');

    // Once approved, the same clock-on starts the job.
    await approve(roId, [jobs[0]!.lineId]);
    const on = await as('POST', `/api/jobs/${jobId}/clock/on`, { technicianId });
    expect(on.statusCode, on.body).toBe(200);
    expect((await boardItem(jobId)).status).toBe('In_Progress');
  });

  it('with diagnosis off, refuses to start or complete a job with nothing approved, naming why', async () => {
    await settings({ diagnosisWithoutApproval: { allowed: false, limitHours: 0.5 } });
    const { roId, jobs } = await openRo(['Check engine light']);
    const jobId = jobs[0]!.id;

    const start = await move(jobId, 'In_Progress');
    expect(start.statusCode).toBe(409);
    expect(problemOf(start).type).toBe('urn:ase:problem:approval-required');
    expect(problemOf(start).detail).toMatch(/^Waiting for the customer's approval/);
    expect(start.json()).toMatchObject({ gate: 'approval-required', from: 'Pending', to: 'In_Progress' });
    expect(statusAudits(jobId)).toBe(0);
    expect(await boardItem(jobId)).toMatchObject({
      status: 'Pending',
      workGate: { state: 'approval-required', start: false, complete: false },
    });

    // A job already under way (started before the setting changed) cannot be completed either.
    t.database.sqlite
      .prepare(`UPDATE service_jobs SET status = 'In_Progress', actual_start = ? WHERE id = ?`)
      .run('2026-03-02T13:50:00.000Z', jobId);
    const complete = await move(jobId, 'Completed');
    expect(complete.statusCode).toBe(409);
    expect(problemOf(complete).type).toBe('urn:ase:problem:approval-required');
    // Blocking it ("waiting for approval") stays possible.
    expect((await move(jobId, 'Blocked', { reason: 'customer approval' })).statusCode).toBe(200);

    // Approved by the advisor in person: the job may go on and be completed.
    await approve(roId, [jobs[0]!.lineId]);
    expect((await boardItem(jobId)).workGate).toEqual({
      state: 'approved',
      start: true,
      complete: true,
      reason: null,
    });
    expect((await move(jobId, 'In_Progress')).statusCode).toBe(200);
    expect((await move(jobId, 'Completed')).statusCode).toBe(200);
  });

  it('with diagnosis on (the default), allows an unapproved job for its time limit only', async () => {
    const { jobs } = await openRo(['No start']);
    const jobId = jobs[0]!.id;
    expect((await boardItem(jobId)).workGate).toMatchObject({ state: 'diagnosis', start: true });
    expect((await move(jobId, 'In_Progress')).statusCode).toBe(200);
    t.clock.advance(20 * 60_000);
    expect((await move(jobId, 'Blocked', { reason: 'customer approval' })).statusCode).toBe(200);
    expect((await move(jobId, 'In_Progress')).statusCode).toBe(200);

    t.clock.advance(11 * 60_000); // 31 min since the first start: the 30 min are used up
    expect((await boardItem(jobId)).workGate).toMatchObject({
      state: 'diagnosis-time-used',
      start: false,
      complete: false,
    });
    const complete = await move(jobId, 'Completed');
    expect(complete.statusCode).toBe(409);
    expect(problemOf(complete).detail).toMatch(/30 min of diagnosis allowed without approval are used up/);
    await move(jobId, 'Blocked', { reason: 'customer approval' });
    expect((await move(jobId, 'In_Progress')).statusCode).toBe(409);

    // A longer allowance lets the diagnosis finish.
    await settings({ diagnosisWithoutApproval: { allowed: true, limitHours: 1 } });
    expect((await move(jobId, 'In_Progress')).statusCode).toBe(200);
    expect((await move(jobId, 'Completed')).statusCode).toBe(200);
  });

  it('refuses bad diagnosis and 3C settings naming the field', async () => {
    const { version } = await ok<{ version: number }>('GET', '/api/settings');
    const bad = await as('PATCH', '/api/settings', {
      version,
      diagnosisWithoutApproval: { allowed: true, limitHours: -1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(problemOf(bad).errors?.[0]?.path).toMatch(/diagnosisWithoutApproval/);
    const mode = await as('PATCH', '/api/settings', { version, causeCorrectionOnComplete: 'sometimes' });
    expect(mode.statusCode).toBe(400);
    expect(problemOf(mode).errors?.[0]?.path).toMatch(/causeCorrectionOnComplete/);
  });
});

describe('cause and correction on completion', () => {
  it("when 'required', refuses completion without them (422 naming the field) and takes them with the move", async () => {
    await settings({ causeCorrectionOnComplete: 'required' });
    const { roId, jobs } = await openRo(['Brakes squeal']);
    const jobId = jobs[0]!.id;
    await approve(roId, [jobs[0]!.lineId]);
    expect((await move(jobId, 'In_Progress')).statusCode).toBe(200);
    expect((await boardItem(jobId)).completion).toEqual({
      ask: 'required',
      missing: ['cause', 'correction'],
    });

    const bare = await move(jobId, 'Completed');
    expect(bare.statusCode).toBe(422);
    expect(problemOf(bare).errors?.map((e) => e.path)).toEqual(['cause', 'correction']);
    const half = await move(jobId, 'Completed', { cause: 'Pads worn to 2 mm' });
    expect(half.statusCode).toBe(422);
    expect(problemOf(half).errors?.map((e) => e.path)).toEqual(['correction']);
    // Nothing half-written: the refused completion did not keep the cause either.
    expect((await ok<{ cause: string; status: string }>('GET', `/api/jobs/${jobId}`)).cause).toBe('');

    const done = await move(jobId, 'Completed', {
      cause: 'Pads worn to 2 mm',
      correction: 'Replaced front pads',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'Completed',
      cause: 'Pads worn to 2 mm',
      correction: 'Replaced front pads',
    });
  });

  it("when 'asked' (the default), completes without them; notes are only sent with Completed", async () => {
    const { roId, jobs } = await openRo(['Oil change']);
    await approve(roId, [jobs[0]!.lineId]);
    expect((await move(jobs[0]!.id, 'In_Progress')).statusCode).toBe(200);
    const early = await move(jobs[0]!.id, 'Blocked', { reason: 'parts', cause: 'x' });
    expect(early.statusCode).toBe(400);
    expect(problemOf(early).errors?.[0]?.path).toBe('cause');
    expect((await move(jobs[0]!.id, 'Completed')).statusCode).toBe(200);
  });
});

describe('invoicing with undecided work', () => {
  async function readyRo() {
    const { roId, jobs } = await openRo(['Brakes squeal', 'Wipers streak', 'Cabin air smell']);
    await approve(roId, [jobs[0]!.lineId]);
    expect((await move(jobs[0]!.id, 'In_Progress')).statusCode).toBe(200);
    expect((await move(jobs[0]!.id, 'Completed')).statusCode).toBe(200);
    return { roId, jobs };
  }

  function lineState(lineId: string): { approval_state: string; deferred_reason: string | null } {
    return t.database.sqlite
      .prepare('SELECT approval_state, deferred_reason FROM line_items WHERE id = ?')
      .get(lineId) as { approval_state: string; deferred_reason: string | null };
  }

  it('refuses to invoice while jobs are undecided, naming them, and writes nothing', async () => {
    const { roId, jobs } = await readyRo();
    const response = await as('POST', '/api/invoices', { repairOrderId: roId });
    expect(response.statusCode).toBe(409);
    expect(problemOf(response).type).toBe('urn:ase:problem:undecided-work');
    expect(response.json().jobs).toEqual([
      { id: jobs[1]!.id, title: 'Wipers streak', recommendedLines: 1 },
      { id: jobs[2]!.id, title: 'Cabin air smell', recommendedLines: 1 },
    ]);
    expect(t.database.sqlite.prepare('SELECT count(*) AS n FROM invoices').get()).toEqual({ n: 0 });

    const partial = await as('POST', '/api/invoices', {
      repairOrderId: roId,
      undecidedJobs: [{ jobId: jobs[1]!.id, disposition: 'defer' }],
    });
    expect(partial.statusCode).toBe(409);
    expect(partial.json().jobs.map((j: { id: string }) => j.id)).toEqual([jobs[2]!.id]);
    expect(lineState(jobs[1]!.lineId).approval_state).toBe('recommended');

    const wrong = await as('POST', '/api/invoices', {
      repairOrderId: roId,
      undecidedJobs: [{ jobId: jobs[0]!.id, disposition: 'decline' }],
    });
    expect(wrong.statusCode).toBe(400);
    expect(problemOf(wrong).errors?.[0]?.path).toBe('undecidedJobs.0.jobId');
  });

  it('defers, declines or leaves each undecided job as chosen, in the same commit as the invoice', async () => {
    const { roId, jobs } = await readyRo();
    const invoice = await as('POST', '/api/invoices', {
      repairOrderId: roId,
      undecidedJobs: [
        { jobId: jobs[1]!.id, disposition: 'defer', reason: 'next visit' },
        { jobId: jobs[2]!.id, disposition: 'decline' },
      ],
    });
    expect(invoice.statusCode, invoice.body).toBe(201);
    expect(invoice.json()).toMatchObject({ totalCents: 10_000 + 500 });
    expect(lineState(jobs[1]!.lineId)).toEqual({ approval_state: 'deferred', deferred_reason: 'next visit' });
    expect(lineState(jobs[2]!.lineId)).toEqual({
      approval_state: 'declined',
      deferred_reason: 'decided at invoicing',
    });
    const deferred = await ok<{ items: { lineId: string }[] }>(
      'GET',
      `/api/vehicles/${vehicleId}/deferred-work`,
    );
    expect(deferred.items.map((i) => i.lineId).sort()).toEqual([jobs[1]!.lineId, jobs[2]!.lineId].sort());
    const audit = t.database.sqlite
      .prepare(`SELECT data FROM audit_log WHERE action = 'invoice.issued'`)
      .get() as { data: string };
    expect(JSON.parse(audit.data).undecidedJobs).toEqual([
      { jobId: jobs[1]!.id, disposition: 'defer' },
      { jobId: jobs[2]!.id, disposition: 'decline' },
    ]);
  });

  it("'leave' keeps the recommendation on the repair order, recorded in the invoice's audit", async () => {
    const { roId, jobs } = await readyRo();
    const invoice = await as('POST', '/api/invoices', {
      repairOrderId: roId,
      undecidedJobs: [
        { jobId: jobs[1]!.id, disposition: 'leave' },
        { jobId: jobs[2]!.id, disposition: 'leave' },
      ],
    });
    expect(invoice.statusCode, invoice.body).toBe(201);
    expect(lineState(jobs[1]!.lineId).approval_state).toBe('recommended');
    expect(lineState(jobs[2]!.lineId).approval_state).toBe('recommended');
    const audit = t.database.sqlite
      .prepare(`SELECT data FROM audit_log WHERE action = 'invoice.issued'`)
      .get() as { data: string };
    expect(JSON.parse(audit.data).undecidedJobs.map((d: { disposition: string }) => d.disposition)).toEqual([
      'leave',
      'leave',
    ]);
  });

  it('rolls the declines back when the invoice is refused after them', async () => {
    const { roId, jobs } = await readyRo();
    // A deposit above the invoice total refuses the invoice after the dispositions were applied.
    const deposit = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: `/api/repair-orders/${roId}/deposits`,
      headers: { 'idempotency-key': 'approval-gate-deposit' },
      payload: { method: 'cash', amountCents: 50_000 },
    });
    expect(deposit.statusCode, deposit.body).toBe(201);
    const response = await as('POST', '/api/invoices', {
      repairOrderId: roId,
      undecidedJobs: [
        { jobId: jobs[1]!.id, disposition: 'decline' },
        { jobId: jobs[2]!.id, disposition: 'defer' },
      ],
    });
    expect(response.statusCode).toBe(409);
    expect(problemOf(response).type).toBe('urn:ase:problem:deposits-exceed-total');
    expect(lineState(jobs[1]!.lineId).approval_state).toBe('recommended');
    expect(lineState(jobs[2]!.lineId).approval_state).toBe('recommended');
  });
});
