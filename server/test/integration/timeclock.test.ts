import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvents } from '../../src/events/domain-events.js';
import { MINUTE_MS } from '../../src/lib/clock.js';
import { TimeclockReportFacts } from '../../src/modules/timeclock/timeclock-report-facts.js';
import type {
  ClockEntry,
  JobClock,
  Shift,
  ShiftResult,
  TechnicianClock,
} from '../../src/modules/timeclock/timeclock.schemas.js';
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
/** Tom signs in with a PIN; his account is linked to his technician record. */
let tom: { cookie: string; technicianId: string };
/** Tina has no account: the owner or an advisor clocks her. */
let tinaId: string;
let roId: string;
let jobIds: [string, string];

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000abcd';
const T0 = '2026-03-02T14:00:00.000Z';

function as(cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return injectAs(t.app, cookie, { method, url, ...(payload === undefined ? {} : { payload }) });
}

async function ok<T>(cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  const response = await as(cookie, method, url, payload);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
}

function listen<K extends keyof DomainEvents>(name: K): DomainEvents[K][] {
  const seen: DomainEvents[K][] = [];
  t.app.events.on(name, (payload) => seen.push(payload));
  return seen;
}

function auditActions(prefix: string): string[] {
  return (
    t.database.sqlite
      .prepare('SELECT action FROM audit_log WHERE action LIKE ? ORDER BY at, id')
      .all(`${prefix}%`) as { action: string }[]
  ).map((row) => row.action);
}

function auditOf(entityId: string): { action: string; data: Record<string, unknown> }[] {
  return (
    t.database.sqlite
      .prepare('SELECT action, data FROM audit_log WHERE entity_id = ? ORDER BY at, id')
      .all(entityId) as { action: string; data: string }[]
  ).map((row) => ({ action: row.action, data: JSON.parse(row.data) }));
}

async function addTechnician(name: string, userId?: string): Promise<string> {
  const response = await as(owner.cookie, 'POST', '/api/technicians', {
    name,
    ...(userId === undefined ? {} : { userId }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function jobStatus(jobId: string): Promise<{ status: string; version: number }> {
  return ok(owner.cookie, 'GET', `/api/jobs/${jobId}`);
}

beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
  const member = await createStaff(t.app, owner.cookie, 'technician', 'Tom Tech');
  tom = { cookie: await loginAs(t.app, member), technicianId: await addTechnician('Tom Tech', member.id) };
  tinaId = await addTechnician('Tina Tech');
  const customerId = insertCustomer(t.database);
  const vehicleId = insertVehicle(t.database, customerId);
  const ro = await as(owner.cookie, 'POST', '/api/repair-orders', {
    customerId,
    vehicleId,
    concerns: ['Brakes squeal', 'Check engine light'],
  });
  expect(ro.statusCode, ro.body).toBe(201);
  const body = ro.json<{ id: string; jobs: { id: string }[] }>();
  roId = body.id;
  jobIds = [body.jobs[0]!.id, body.jobs[1]!.id];
});
afterEach(async () => {
  await t.close();
});

describe('the job clock', () => {
  it('a technician clocks on a Pending job: it starts, a shift opens, it ticks, clocks off, all audited', async () => {
    const clockEvents = listen('jobClockChanged');
    const statusEvents = listen('jobStatusChanged');
    const on = await ok<JobClock>(tom.cookie, 'POST', `/api/jobs/${jobIds[0]}/clock/on`, {});
    expect(on).toMatchObject({
      jobId: jobIds[0],
      repairOrderId: roId,
      jobStatus: 'In_Progress',
      onNow: [{ technicianId: tom.technicianId, technicianName: 'Tom Tech', startedAt: T0 }],
      totalSeconds: 0,
    });
    expect(await jobStatus(jobIds[0])).toMatchObject({ status: 'In_Progress' });
    expect(statusEvents).toMatchObject([{ jobId: jobIds[0], from: 'Pending', to: 'In_Progress' }]);
    expect(clockEvents).toEqual([{ jobId: jobIds[0], repairOrderId: roId, at: T0 }]);

    t.clock.advance(30 * MINUTE_MS);
    const me = await ok<TechnicianClock>(tom.cookie, 'GET', '/api/timeclock/me');
    expect(me.technician).toEqual({ id: tom.technicianId, name: 'Tom Tech' });
    expect(me.running).toMatchObject({
      jobTitle: 'Brakes squeal',
      repairOrderId: roId,
      entry: { jobId: jobIds[0], running: true, seconds: 1800 },
    });
    expect(me.shift).toMatchObject({ open: true, clockInAt: T0, seconds: 1800 });
    // The advisor's view of Tom is the same.
    const advisor = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'advisor'));
    expect(await ok(advisor, 'GET', `/api/timeclock/technicians/${tom.technicianId}`)).toEqual(me);

    const off = await ok<JobClock>(tom.cookie, 'POST', `/api/jobs/${jobIds[0]}/clock/off`, {});
    expect(off.onNow).toEqual([]);
    expect(off.entries).toMatchObject([
      { technicianName: 'Tom Tech', startedAt: T0, endedAt: '2026-03-02T14:30:00.000Z', seconds: 1800 },
    ]);
    expect(off.totalSeconds).toBe(1800);
    // Off the job, still on shift.
    expect((await ok<TechnicianClock>(tom.cookie, 'GET', '/api/timeclock/me')).shift?.open).toBe(true);
    expect(auditActions('timeclock.')).toEqual([
      'timeclock.shift_clocked_in',
      'timeclock.clocked_on',
      'timeclock.clocked_off',
    ]);
    expect(clockEvents).toHaveLength(2);

    const again = await as(tom.cookie, 'POST', `/api/jobs/${jobIds[0]}/clock/off`, {});
    expect(again.statusCode).toBe(409);
    expect(problemOf(again).type).toBe('urn:ase:problem:not-clocked-on');
  });

  it('two technicians on one job; clocking onto another job stops the first at the same instant', async () => {
    await ok(tom.cookie, 'POST', `/api/jobs/${jobIds[0]}/clock/on`, {});
    t.clock.advance(10 * MINUTE_MS);
    const both = await ok<JobClock>(owner.cookie, 'POST', `/api/jobs/${jobIds[0]}/clock/on`, {
      technicianId: tinaId,
    });
    expect(both.onNow.map((n) => n.technicianName).sort()).toEqual(['Tina Tech', 'Tom Tech']);

    t.clock.advance(5 * MINUTE_MS);
    const clockEvents = listen('jobClockChanged');
    const second = await ok<JobClock>(tom.cookie, 'POST', `/api/jobs/${jobIds[1]}/clock/on`, {});
    expect(second.onNow.map((n) => n.technicianName)).toEqual(['Tom Tech']);
    const first = await ok<JobClock>(owner.cookie, 'GET', `/api/jobs/${jobIds[0]}/clock`);
    expect(first.onNow.map((n) => n.technicianName)).toEqual(['Tina Tech']);
    const tomsFirst = first.entries.find((e) => e.technicianId === tom.technicianId)!;
    expect(tomsFirst.endedAt).toBe(second.onNow[0]!.startedAt);
    expect(tomsFirst.seconds).toBe(15 * 60);
    expect(clockEvents.map((e) => e.jobId).sort()).toEqual([...jobIds].sort());
    // One running clock per technician, whatever happened.
    const open = t.database.sqlite
      .prepare('SELECT count(*) AS n FROM job_clock_entries WHERE technician_id = ? AND ended_at IS NULL')
      .get(tom.technicianId);
    expect(open).toEqual({ n: 1 });

    const twice = await as(tom.cookie, 'POST', `/api/jobs/${jobIds[1]}/clock/on`, {});
    expect(twice.statusCode).toBe(409);
    expect(problemOf(twice).type).toBe('urn:ase:problem:already-clocked-on');
  });

  it('completing a job stops every clock on it; a Completed job or a locked repair order refuses clocks', async () => {
    await ok(tom.cookie, 'POST', `/api/jobs/${jobIds[0]}/clock/on`, {});
    await ok(owner.cookie, 'POST', `/api/jobs/${jobIds[0]}/clock/on`, { technicianId: tinaId });
    t.clock.advance(20 * MINUTE_MS);
    const clockEvents = listen('jobClockChanged');
    const { version } = await jobStatus(jobIds[0]);
    const done = await as(tom.cookie, 'POST', `/api/jobs/${jobIds[0]}/status`, {
      status: 'Completed',
      version,
    });
    expect(done.statusCode, done.body).toBe(200);
    const clock = await ok<JobClock>(owner.cookie, 'GET', `/api/jobs/${jobIds[0]}/clock`);
    expect(clock.jobStatus).toBe('Completed');
    expect(clock.onNow).toEqual([]);
    expect(clock.entries.map((e) => e.endedAt)).toEqual([
      '2026-03-02T14:20:00.000Z',
      '2026-03-02T14:20:00.000Z',
    ]);
    expect(clock.totalSeconds).toBe(2 * 20 * 60);
    expect(clockEvents).toEqual([{ jobId: jobIds[0], repairOrderId: roId, at: '2026-03-02T14:20:00.000Z' }]);
    const stops = auditOf(clock.entries[0]!.id).map((a) => a.data.why);
    expect(stops).toContain('job-completed');

    const closed = await as(tom.cookie, 'POST', `/api/jobs/${jobIds[0]}/clock/on`, {});
    expect(closed.statusCode).toBe(409);
    expect(problemOf(closed)).toMatchObject({ type: 'urn:ase:problem:job-closed', jobStatus: 'Completed' });

    t.database.sqlite.prepare("UPDATE repair_orders SET status = 'invoiced' WHERE id = ?").run(roId);
    const locked = await as(tom.cookie, 'POST', `/api/jobs/${jobIds[1]}/clock/on`, {});
    expect(locked.statusCode).toBe(409);
    expect(problemOf(locked).detail).toMatch(/invoiced/);
    expect(
      t.database.sqlite
        .prepare('SELECT count(*) AS n FROM job_clock_entries WHERE job_id = ?')
        .get(jobIds[1]),
    ).toEqual({ n: 0 });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const noTech = await as(owner.cookie, 'POST', `/api/jobs/${jobIds[0]}/clock/on`, {});
    expect(noTech.statusCode).toBe(400);
    expect(problemOf(noTech).errors?.map((e) => e.path)).toEqual(['technicianId']);
    const unknownTech = await as(owner.cookie, 'POST', `/api/jobs/${jobIds[0]}/clock/on`, {
      technicianId: UNKNOWN_ID,
    });
    expect(problemOf(unknownTech).errors).toEqual([
      { path: 'technicianId', message: 'no active technician has this id' },
    ]);
    const notUuid = await as(owner.cookie, 'POST', `/api/jobs/${jobIds[0]}/clock/on`, { technicianId: 'x' });
    expect(notUuid.statusCode).toBe(400);
    expect(problemOf(notUuid).errors?.map((e) => e.path)).toEqual(['technicianId']);
    const extra = await as(tom.cookie, 'POST', `/api/jobs/${jobIds[0]}/clock/on`, { bay: 'x' });
    expect(extra.statusCode).toBe(400);
    const unknownJob = await as(tom.cookie, 'POST', `/api/jobs/${UNKNOWN_ID}/clock/on`, {});
    expect(unknownJob.statusCode).toBe(404);
    const badQuery = await as(owner.cookie, 'GET', '/api/timeclock/entries?from=yesterday');
    expect(badQuery.statusCode).toBe(400);
    expect(problemOf(badQuery).errors?.map((e) => e.path)).toEqual(['query.from']);
    expect(t.database.sqlite.prepare('SELECT count(*) AS n FROM job_clock_entries').get()).toEqual({ n: 0 });
    expect(t.database.sqlite.prepare('SELECT count(*) AS n FROM technician_shifts').get()).toEqual({ n: 0 });
  });

  it('roles: parts may not clock; a technician clocks only themself; an unlinked one is told why', async () => {
    const parts = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'parts'));
    expect((await as(parts, 'POST', `/api/jobs/${jobIds[0]}/clock/on`, {})).statusCode).toBe(403);
    expect((await as(parts, 'POST', '/api/timeclock/shifts/clock-in', {})).statusCode).toBe(403);
    expect((await as(parts, 'GET', '/api/timeclock/entries')).statusCode).toBe(403);
    expect((await as(tom.cookie, 'GET', '/api/timeclock/entries')).statusCode).toBe(403);
    const other = await as(tom.cookie, 'POST', `/api/jobs/${jobIds[0]}/clock/on`, { technicianId: tinaId });
    expect(other.statusCode).toBe(403);
    const own = await as(tom.cookie, 'POST', `/api/jobs/${jobIds[0]}/clock/on`, {
      technicianId: tom.technicianId,
    });
    expect(own.statusCode, own.body).toBe(200);

    const unlinked = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'technician', 'New Guy'));
    const refused = await as(unlinked, 'POST', `/api/jobs/${jobIds[1]}/clock/on`, {});
    expect(refused.statusCode).toBe(400);
    expect(problemOf(refused).errors?.[0]).toMatchObject({
      path: 'technicianId',
      message: expect.stringContaining('not linked'),
    });
    expect(await ok(unlinked, 'GET', '/api/timeclock/me')).toMatchObject({
      technician: null,
      running: null,
      shift: null,
    });
  });
});

describe('corrections', () => {
  /** Tom: job 0 from 14:00 to 14:30, job 1 from 14:30 to 15:00 (still running). */
  async function twoEntries(): Promise<[ClockEntry, ClockEntry]> {
    await ok(tom.cookie, 'POST', `/api/jobs/${jobIds[0]}/clock/on`, {});
    t.clock.advance(30 * MINUTE_MS);
    await ok(tom.cookie, 'POST', `/api/jobs/${jobIds[1]}/clock/on`, {});
    t.clock.advance(30 * MINUTE_MS);
    const list = await ok<{ items: ClockEntry[] }>(
      owner.cookie,
      'GET',
      `/api/timeclock/entries?technicianId=${tom.technicianId}`,
    );
    expect(list.items.map((e) => e.jobId)).toEqual([jobIds[1], jobIds[0]]);
    return [list.items[1]!, list.items[0]!];
  }

  it('corrects an entry with a reason, audited with before and after', async () => {
    const [first] = await twoEntries();
    const clockEvents = listen('jobClockChanged');
    const fixed = await ok<ClockEntry>(owner.cookie, 'PATCH', `/api/timeclock/entries/${first.id}`, {
      version: first.version,
      startedAt: '2026-03-02T14:05:00Z',
      note: 'started after the road test',
      reason: 'Forgot to clock on',
    });
    expect(fixed).toMatchObject({
      startedAt: '2026-03-02T14:05:00.000Z',
      endedAt: '2026-03-02T14:30:00.000Z',
      seconds: 25 * 60,
      note: 'started after the road test',
      version: first.version + 1,
    });
    const audit = auditOf(first.id).find((a) => a.action === 'timeclock.entry_corrected')!;
    expect(audit.data).toMatchObject({
      reason: 'Forgot to clock on',
      before: { startedAt: T0, endedAt: '2026-03-02T14:30:00.000Z', note: '' },
      after: { startedAt: '2026-03-02T14:05:00.000Z', note: 'started after the road test' },
    });
    expect(clockEvents).toEqual([{ jobId: jobIds[0], repairOrderId: roId, at: expect.any(String) }]);

    const stale = await as(owner.cookie, 'PATCH', `/api/timeclock/entries/${first.id}`, {
      version: first.version,
      note: 'x',
      reason: 'again',
    });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale)).toMatchObject({
      type: 'urn:ase:problem:stale-version',
      currentVersion: first.version + 1,
    });
  });

  it('refuses overlap with the same technician (409 naming the field), end before start, no reason', async () => {
    const [first, second] = await twoEntries();
    const overlapEnd = await as(owner.cookie, 'PATCH', `/api/timeclock/entries/${first.id}`, {
      version: first.version,
      endedAt: '2026-03-02T14:40:00Z',
      reason: 'Worked longer',
    });
    expect(overlapEnd.statusCode).toBe(409);
    expect(problemOf(overlapEnd).errors?.map((e) => e.path)).toEqual(['endedAt']);
    const overlapStart = await as(owner.cookie, 'PATCH', `/api/timeclock/entries/${second.id}`, {
      version: second.version,
      startedAt: '2026-03-02T14:20:00Z',
      reason: 'Started earlier',
    });
    expect(overlapStart.statusCode).toBe(409);
    expect(problemOf(overlapStart).errors?.map((e) => e.path)).toEqual(['startedAt']);

    const backwards = await as(owner.cookie, 'PATCH', `/api/timeclock/entries/${first.id}`, {
      version: first.version,
      endedAt: '2026-03-02T13:00:00Z',
      reason: 'typo',
    });
    expect(backwards.statusCode).toBe(400);
    expect(problemOf(backwards).errors).toEqual([
      { path: 'endedAt', message: 'must not be before startedAt' },
    ]);
    const future = await as(owner.cookie, 'PATCH', `/api/timeclock/entries/${first.id}`, {
      version: first.version,
      startedAt: '2026-03-09T13:00:00Z',
      endedAt: '2026-03-09T14:00:00Z',
      reason: 'typo',
    });
    expect(problemOf(future).errors?.map((e) => e.path)).toEqual(['startedAt', 'endedAt']);
    const noReason = await as(owner.cookie, 'PATCH', `/api/timeclock/entries/${first.id}`, {
      version: first.version,
      note: 'x',
    });
    expect(noReason.statusCode).toBe(400);
    expect(problemOf(noReason).errors?.map((e) => e.path)).toEqual(['reason']);
    const asTech = await as(tom.cookie, 'PATCH', `/api/timeclock/entries/${first.id}`, {
      version: first.version,
      note: 'x',
      reason: 'mine',
    });
    expect(asTech.statusCode).toBe(403);
    expect(auditActions('timeclock.entry_corrected')).toEqual([]);
  });
});

describe('shifts', () => {
  it('clock in and out; clocking out stops the running job clock; listed for review', async () => {
    const inResult = await ok<ShiftResult>(tom.cookie, 'POST', '/api/timeclock/shifts/clock-in', {});
    expect(inResult).toMatchObject({ shift: { open: true, clockInAt: T0, technicianName: 'Tom Tech' } });
    const twice = await as(tom.cookie, 'POST', '/api/timeclock/shifts/clock-in', {});
    expect(twice.statusCode).toBe(409);

    t.clock.advance(15 * MINUTE_MS);
    await ok(tom.cookie, 'POST', `/api/jobs/${jobIds[0]}/clock/on`, {});
    // Clocking on did not open a second shift.
    expect(t.database.sqlite.prepare('SELECT count(*) AS n FROM technician_shifts').get()).toEqual({ n: 1 });
    t.clock.advance(45 * MINUTE_MS);
    const clockEvents = listen('jobClockChanged');
    const out = await ok<ShiftResult>(tom.cookie, 'POST', '/api/timeclock/shifts/clock-out', {});
    expect(out.shift).toMatchObject({ open: false, clockOutAt: '2026-03-02T15:00:00.000Z', seconds: 3600 });
    expect(out.stoppedEntry).toMatchObject({ jobId: jobIds[0], running: false, seconds: 45 * 60 });
    expect(clockEvents.map((e) => e.jobId)).toEqual([jobIds[0]]);
    expect((await ok<JobClock>(tom.cookie, 'GET', `/api/jobs/${jobIds[0]}/clock`)).onNow).toEqual([]);
    const notIn = await as(tom.cookie, 'POST', '/api/timeclock/shifts/clock-out', {});
    expect(notIn.statusCode).toBe(409);

    // The owner clocks Tina in; the list shows both, newest first.
    t.clock.advance(MINUTE_MS);
    await ok(owner.cookie, 'POST', '/api/timeclock/shifts/clock-in', { technicianId: tinaId });
    const list = await ok<{ items: Shift[]; truncated: boolean }>(
      owner.cookie,
      'GET',
      '/api/timeclock/shifts?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z',
    );
    expect(list.items.map((s) => s.technicianName)).toEqual(['Tina Tech', 'Tom Tech']);
    expect(list.truncated).toBe(false);
    expect(auditActions('timeclock.shift')).toEqual([
      'timeclock.shift_clocked_in',
      'timeclock.shift_clocked_out',
      'timeclock.shift_clocked_in',
    ]);
  });

  it('corrects a shift, refusing overlap with another shift of the same technician', async () => {
    // The owner clocks Tom (a PIN session would time out over these hours).
    const body = { technicianId: tom.technicianId };
    await ok(owner.cookie, 'POST', '/api/timeclock/shifts/clock-in', body);
    t.clock.advance(60 * MINUTE_MS);
    const first = (await ok<ShiftResult>(owner.cookie, 'POST', '/api/timeclock/shifts/clock-out', body))
      .shift;
    t.clock.advance(60 * MINUTE_MS);
    await ok(owner.cookie, 'POST', '/api/timeclock/shifts/clock-in', body);
    t.clock.advance(60 * MINUTE_MS);
    const overlap = await as(owner.cookie, 'PATCH', `/api/timeclock/shifts/${first.id}`, {
      version: first.version,
      clockOutAt: '2026-03-02T16:30:00Z',
      reason: 'Left late',
    });
    expect(overlap.statusCode).toBe(409);
    expect(problemOf(overlap).errors?.map((e) => e.path)).toEqual(['clockOutAt']);
    const fixed = await ok<Shift>(owner.cookie, 'PATCH', `/api/timeclock/shifts/${first.id}`, {
      version: first.version,
      clockOutAt: '2026-03-02T15:30:00Z',
      reason: 'Left late',
    });
    expect(fixed).toMatchObject({ seconds: 90 * 60, version: first.version + 1 });
    expect(auditOf(first.id).map((a) => a.action)).toEqual([
      'timeclock.shift_clocked_in',
      'timeclock.shift_clocked_out',
      'timeclock.shift_corrected',
    ]);
  });
});

describe('for the reports', () => {
  it('TimeclockReportFacts returns the entries and shifts, running ones up to now', async () => {
    await ok(tom.cookie, 'POST', `/api/jobs/${jobIds[0]}/clock/on`, {});
    await ok(owner.cookie, 'POST', `/api/jobs/${jobIds[0]}/clock/on`, { technicianId: tinaId });
    t.clock.advance(30 * MINUTE_MS);
    await ok(tom.cookie, 'POST', `/api/jobs/${jobIds[0]}/clock/off`, {});
    t.clock.advance(30 * MINUTE_MS);
    const facts = new TimeclockReportFacts(t.database.kysely, () => t.clock.now().toISOString());
    const byTech = (a: { technicianId: string }, b: { technicianId: string }) =>
      a.technicianId.localeCompare(b.technicianId);
    const expected = [
      {
        jobId: jobIds[0],
        technicianId: tom.technicianId,
        startedAt: T0,
        endedAt: '2026-03-02T14:30:00.000Z',
      },
      { jobId: jobIds[0], technicianId: tinaId, startedAt: T0, endedAt: '2026-03-02T15:00:00.000Z' },
    ].sort(byTech);
    const inDay = await facts.entriesStartedBetween('2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z');
    expect(inDay.sort(byTech)).toEqual(expected);
    expect((await facts.entriesForJobs([jobIds[0], jobIds[1]])).sort(byTech)).toEqual(expected);
    const shifts = await facts.shiftsStartedBetween('2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z');
    expect(shifts.sort(byTech)).toEqual(
      [
        { technicianId: tom.technicianId, clockInAt: T0, clockOutAt: '2026-03-02T15:00:00.000Z' },
        { technicianId: tinaId, clockInAt: T0, clockOutAt: '2026-03-02T15:00:00.000Z' },
      ].sort(byTech),
    );
  });
});

describe('technician pay', () => {
  it('keeps a pay rate and basis on the technician', async () => {
    const created = await as(owner.cookie, 'POST', '/api/technicians', {
      name: 'Pat Flat',
      payRateCents: 3_500,
      payBasis: 'flat_rate',
    });
    expect(created.statusCode, created.body).toBe(201);
    const pat = created.json<{ id: string; version: number }>();
    expect(pat).toMatchObject({ payRateCents: 3_500, payBasis: 'flat_rate' });
    const updated = await ok(owner.cookie, 'PATCH', `/api/technicians/${pat.id}`, {
      version: pat.version,
      payRateCents: 4_000,
      payBasis: 'hourly',
    });
    expect(updated).toMatchObject({ payRateCents: 4_000, payBasis: 'hourly' });
    const bad = await as(owner.cookie, 'PATCH', `/api/technicians/${pat.id}`, {
      version: pat.version + 1,
      payRateCents: -1,
      payBasis: 'weekly',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      problemOf(bad)
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['payBasis', 'payRateCents']);
    const tina = (
      await ok<{ items: { id: string; payRateCents: number; payBasis: string }[] }>(
        owner.cookie,
        'GET',
        '/api/technicians',
      )
    ).items.find((x) => x.id === tinaId);
    expect(tina).toMatchObject({ payRateCents: 0, payBasis: 'hourly' });
  });
});
