import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  problemOf,
  setupOwner,
  type TestApp,
} from '../helpers/test-app.js';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
import { TestSocket } from '../helpers/ws-client.js';

let t: TestApp;
let base: string;
let owner: { id: string; cookie: string };
const sockets: TestSocket[] = [];

beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await t.close();
});

async function open(path: string, headers: Record<string, string> = {}): Promise<TestSocket> {
  const socket = await TestSocket.open(`${base}${path}`, headers);
  sockets.push(socket);
  return socket;
}

const RO_ID = '01900000-0000-7000-8000-000000000001';
function emitJobStatus(repairOrderId = RO_ID) {
  t.app.events.emit('jobStatusChanged', {
    jobId: '01900000-0000-7000-8000-0000000000aa',
    repairOrderId,
    from: 'Pending',
    to: 'In_Progress',
    reason: null,
    at: t.clock.now().toISOString(),
    actorUserId: owner.id,
  });
}

describe('live updates over /ws', () => {
  it('refuses an anonymous upgrade with 401', async () => {
    await expect(TestSocket.open(`${base}/ws`)).rejects.toThrow(/HTTP 401/);
  });

  it('welcomes a staff session and delivers events on subscribed topics only', async () => {
    const socket = await open('/ws', { cookie: owner.cookie });
    const welcome = await socket.next((m) => m.type === 'welcome');
    expect(welcome).toMatchObject({ viewer: 'staff', seq: 0 });
    socket.send({ type: 'subscribe', topics: [`repair-order:${RO_ID}`] });
    await socket.next((m) => m.type === 'subscribed');

    emitJobStatus('01900000-0000-7000-8000-000000000999'); // another repair order: not for us
    emitJobStatus();
    const event = await socket.next((m) => m.type === 'event');
    expect(event).toMatchObject({
      seq: 2,
      name: 'jobStatusChanged',
      topics: ['board', `repair-order:${RO_ID}`],
    });
    expect(socket.messages.filter((m) => m.type === 'event')).toHaveLength(1);
  });

  it('resumes after a reconnect with no lost events, and asks for a reload when it cannot', async () => {
    const first = await open('/ws', { cookie: owner.cookie });
    const { serverId } = await first.next((m) => m.type === 'welcome');
    first.send({ type: 'subscribe', topics: ['board'] });
    await first.next((m) => m.type === 'subscribed');
    emitJobStatus();
    const seen = await first.next((m) => m.type === 'event');
    first.close();
    await first.closed();

    // While disconnected, three more changes happen.
    emitJobStatus();
    emitJobStatus();
    emitJobStatus();

    const second = await open('/ws', { cookie: owner.cookie });
    second.send({ type: 'subscribe', topics: ['board'], since: seen.seq, serverId });
    const subscribed = await second.next((m) => m.type === 'subscribed');
    expect(subscribed).toMatchObject({ replayed: 3, seq: 4 });
    expect(second.messages.filter((m) => m.type === 'event').map((m) => m.seq)).toEqual([2, 3, 4]);

    const restarted = await open('/ws', { cookie: owner.cookie });
    restarted.send({ type: 'subscribe', topics: ['board'], since: 2, serverId: 'an-older-server' });
    expect(await restarted.next((m) => m.type === 'resync')).toMatchObject({ seq: 4 });
  });

  it('lets a display token watch the board and nothing else', async () => {
    const created = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: '/api/display-tokens',
      payload: { name: 'TV over bays 1-3' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json<{ token: string; id: string }>();
    expect(token).toMatch(/^dt_/);

    const tv = await open(`/ws?displayToken=${token}`);
    expect(await tv.next((m) => m.type === 'welcome')).toMatchObject({ viewer: 'display' });
    tv.send({ type: 'subscribe', topics: [`repair-order:${RO_ID}`] });
    expect((await tv.next((m) => m.type === 'error')).message).toMatch(/Not a topic you can subscribe to/);
    tv.send({ type: 'subscribe', topics: ['board'] });
    await tv.next((m) => m.type === 'subscribed');
    emitJobStatus();
    expect(await tv.next((m) => m.type === 'event')).toMatchObject({ name: 'jobStatusChanged' });

    // The token opens no staff route.
    const staffRoute = await t.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(staffRoute.statusCode).toBe(403);
    expect(problemOf(staffRoute).type).toBe('urn:ase:problem:display-token-scope');

    // Once revoked, it opens nothing at all.
    expect(
      (await injectAs(t.app, owner.cookie, { method: 'DELETE', url: `/api/display-tokens/${id}` }))
        .statusCode,
    ).toBe(204);
    await expect(TestSocket.open(`${base}/ws?displayToken=${token}`)).rejects.toThrow(/HTTP 401/);
    const list = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/display-tokens' });
    expect(list.json().items[0]).toMatchObject({
      id,
      name: 'TV over bays 1-3',
      revokedAt: expect.any(String),
    });
  });

  it('answers bad messages with an error instead of dropping the connection', async () => {
    const socket = await open('/ws', { cookie: owner.cookie });
    socket.socket.send('not json');
    expect((await socket.next((m) => m.type === 'error')).message).toBe('Messages must be JSON.');
    socket.send({ type: 'dance' });
    const errors = () => socket.messages.filter((m) => m.type === 'error');
    await socket.next(() => errors().length === 2);
    expect(errors()[1]!.message).toMatch(/Unknown message/);
    socket.send({ type: 'ping' });
    expect(await socket.next((m) => m.type === 'pong')).toMatchObject({ seq: 0 });
  });

  it('closes the socket of a user who is deactivated', async () => {
    const fast = await createTestApp();
    try {
      const fastOwner = await setupOwner(fast.app);
      const advisor = await createStaff(fast.app, fastOwner.cookie, 'advisor');
      const cookie = await loginAs(fast.app, advisor);
      await fast.app.close();
      // Rebuilt with a short heartbeat on the same database.
      const { buildApp } = await import('../../src/app.js');
      const { pino } = await import('pino');
      const app = await buildApp({
        config: fast.config,
        database: fast.database,
        clock: fast.clock,
        logger: pino({ level: 'silent' }),
        realtimeHeartbeatMs: 50,
      });
      await app.listen({ host: '127.0.0.1', port: 0 });
      try {
        const url = `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/ws`;
        const socket = await TestSocket.open(url, { cookie });
        sockets.push(socket);
        await socket.next((m) => m.type === 'welcome');
        await injectAs(app, fastOwner.cookie, { method: 'POST', url: `/api/users/${advisor.id}/deactivate` });
        expect(await socket.closed()).toBe(4401);
      } finally {
        await app.close();
      }
    } finally {
      await fast.close();
    }
  });
});

describe('live updates from real changes', () => {
  it('a job status change made in one session reaches another session and the bay TV board', async () => {
    const customerId = insertCustomer(t.database, { name: 'Ann Example' });
    const vehicleId = insertVehicle(t.database, customerId, { make: 'Honda', model: 'Civic', year: 2018 });
    const bay = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: '/api/bays',
      payload: { name: 'Bay 1' },
    });
    const created = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: '/api/repair-orders',
      payload: { customerId, vehicleId, concerns: ['Squeal when braking'] },
    });
    expect(created.statusCode).toBe(201);
    const job = created.json().jobs[0];
    const placed = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: `/api/jobs/${job.id}`,
      payload: { version: job.version, bayId: bay.json().id },
    });
    expect(placed.statusCode).toBe(200);

    const advisor = await createStaff(t.app, owner.cookie, 'advisor');
    const watcher = await open('/ws', { cookie: await loginAs(t.app, advisor) });
    watcher.send({ type: 'subscribe', topics: ['board'] });
    await watcher.next((m) => m.type === 'subscribed');

    const sentAt = performance.now();
    const moved = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: `/api/jobs/${job.id}/status`,
      payload: { status: 'In_Progress', version: placed.json().version },
    });
    expect(moved.statusCode).toBe(200);
    const event = await watcher.next((m) => m.type === 'event' && m.name === 'jobStatusChanged', 100);
    const latencyMs = performance.now() - sentAt;
    expect(event.payload).toMatchObject({ jobId: job.id, from: 'Pending', to: 'In_Progress' });
    console.log(`status change → other session: ${latencyMs.toFixed(1)} ms after the request was sent`);

    const token = (
      await injectAs(t.app, owner.cookie, {
        method: 'POST',
        url: '/api/display-tokens',
        payload: { name: 'TV' },
      })
    ).json().token;
    const board = await t.app.inject({
      method: 'GET',
      url: '/api/display/board',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(board.statusCode).toBe(200);
    expect(board.json()).toMatchObject({
      shopName: expect.any(String),
      waiting: 0,
      bays: [
        {
          name: 'Bay 1',
          jobs: [
            {
              repairOrderNumber: created.json().number,
              status: 'In_Progress',
              vehicleSummary: expect.stringContaining('Honda Civic'),
            },
          ],
        },
      ],
    });
    expect(board.body).not.toContain('Ann Example'); // the TV faces the waiting room
  });
});
