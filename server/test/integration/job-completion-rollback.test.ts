import { afterEach, beforeEach, expect, it } from 'vitest';
import type { DomainEventName } from '../../src/events/domain-events.js';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
import { createTestApp, injectAs, setupOwner, type TestApp } from '../helpers/test-app.js';

/**
 * Issue 16, item 5: a job completion is one transaction in which other modules take part (the
 * inventory issues the job's parts, the timeclock stops its clocks). What they announce goes out
 * after the commit (db/after-commit.ts); a completion that rolls back announces nothing, now or
 * later: no module keeps a stash of it waiting for an event.
 */
let t: TestApp;
let owner: { id: string; cookie: string };

beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
});
afterEach(async () => {
  await t.close();
});

function as(method: 'GET' | 'POST', url: string, payload?: object) {
  return injectAs(t.app, owner.cookie, { method, url, ...(payload === undefined ? {} : { payload }) });
}

async function ok<T>(method: 'GET' | 'POST', url: string, payload: object | undefined, status = 200) {
  const response = await as(method, url, payload);
  expect(response.statusCode, response.body).toBe(status);
  return response.json<T>();
}

const WATCHED: DomainEventName[] = ['jobStatusChanged', 'inventoryChanged', 'jobClockChanged'];

/** The watched events as they go out, as `name:detail`. */
function record(): string[] {
  const seen: string[] = [];
  t.app.events.onAny((name, payload) => {
    if (!WATCHED.includes(name)) return;
    const p = payload as { to?: string; change?: string; itemId?: string };
    seen.push(`${name}:${p.to ?? p.change ?? ''}`);
  });
  return seen;
}

/** A started job with two approved brake pads from stock and a technician clocked on it. */
async function startedJobWithPartsAndClock() {
  const pads = await ok<{ id: string }>(
    'POST',
    '/api/inventory/items',
    { sku: 'BP-100', name: 'Brake pads', quantityOnHand: 10 },
    201,
  );
  const customerId = insertCustomer(t.database);
  const vehicleId = insertVehicle(t.database, customerId);
  const ro = await ok<{ id: string; jobs: { id: string }[] }>(
    'POST',
    '/api/repair-orders',
    { customerId, vehicleId, concerns: ['Brakes squeal'] },
    201,
  );
  const jobId = ro.jobs[0]!.id;
  const line = await ok<{ id: string }>(
    'POST',
    `/api/jobs/${jobId}/lines`,
    { kind: 'part', description: 'Brake pads', quantity: 2, unitPriceCents: 5500, inventoryItemId: pads.id },
    201,
  );
  await ok('POST', `/api/repair-orders/${ro.id}/approvals`, {
    method: 'in_person',
    approvedBy: 'Ann',
    decisions: [{ lineId: line.id, state: 'approved' }],
  });
  const tina = await ok<{ id: string }>('POST', '/api/technicians', { name: 'Tina Tech' }, 201);
  // Clocking on a Pending job starts it.
  await ok('POST', `/api/jobs/${jobId}/clock/on`, { technicianId: tina.id });
  return { jobId, repairOrderId: ro.id, padsId: pads.id };
}

async function complete(jobId: string) {
  const job = await ok<{ version: number; status: string }>('GET', `/api/jobs/${jobId}`, undefined);
  expect(job.status).toBe('In_Progress');
  return as('POST', `/api/jobs/${jobId}/status`, { status: 'Completed', version: job.version });
}

function count(sql: string): number {
  return (t.database.sqlite.prepare(`SELECT count(*) AS n FROM ${sql}`).get() as { n: number }).n;
}

it('a completion that rolls back after the inventory issued its parts announces nothing, then or later', async () => {
  const { jobId, repairOrderId, padsId } = await startedJobWithPartsAndClock();
  // The timeclock takes part after the inventory: its write fails, so the whole completion rolls
  // back after the inventory has issued the parts in it.
  t.database.sqlite.exec(`
    CREATE TRIGGER refuse_clock_stop BEFORE UPDATE OF ended_at ON job_clock_entries
    BEGIN SELECT RAISE(ABORT, 'test: the clock could not be stopped'); END`);
  const seen = record();

  const refused = await complete(jobId);
  expect(refused.statusCode).toBeGreaterThanOrEqual(400);
  expect(count(`stock_movements WHERE kind = 'issue'`)).toBe(0);
  expect(count(`job_clock_entries WHERE ended_at IS NULL`)).toBe(1);
  expect(seen).toEqual([]);

  // Whatever is said about this job later, the rolled-back issue is never announced: nothing of it
  // was kept waiting for a jobStatusChanged (before issue 16 the inventory kept it in a stash).
  t.app.events.emit('jobStatusChanged', {
    jobId,
    repairOrderId,
    from: 'In_Progress',
    to: 'Completed',
    reason: null,
    at: t.clock.now().toISOString(),
    actorUserId: owner.id,
  });
  expect(seen).toEqual(['jobStatusChanged:Completed']);
  seen.length = 0;

  // Once the clock can stop again, the completion commits and each module's part is announced
  // once, after the status change that caused it.
  t.database.sqlite.exec('DROP TRIGGER refuse_clock_stop');
  const done = await complete(jobId);
  expect(done.statusCode, done.body).toBe(200);
  expect(seen).toEqual(['jobStatusChanged:Completed', 'inventoryChanged:stock_moved', 'jobClockChanged:']);
  expect(count(`stock_movements WHERE kind = 'issue' AND item_id = '${padsId}'`)).toBe(1);
  expect(count(`job_clock_entries WHERE ended_at IS NULL`)).toBe(0);
});
