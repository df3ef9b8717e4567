import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_TOPICS_PER_CONNECTION } from '../../contracts/realtime.js';
import { CLOSE_CODES, MAX_CONNECTIONS_PER_SIGN_IN } from '../../src/modules/realtime/realtime.service.js';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  OWNER,
  setupOwner,
  type StaffMember,
  type TestApp,
} from '../helpers/test-app.js';
import { TestSocket } from '../helpers/ws-client.js';

/**
 * What one socket or one sign-in may hold on /ws, and how fast a socket closes once its sign-in
 * no longer holds. The heartbeat re-check runs every 30 s here (the default), far beyond the waits
 * below: a socket that closes in time was closed by the change itself.
 */
let t: TestApp;
let base: string;
let owner: { id: string; cookie: string };
const sockets: TestSocket[] = [];

/** Well under the 30 s heartbeat, generous for a loaded machine. */
const PROMPT_MS = 10_000;

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

interface Closed {
  code: number;
  reason: string;
}

/** An open, welcomed socket, with its close (code and reason) recorded from the start. */
async function open(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ socket: TestSocket; closed: Promise<Closed> }> {
  const socket = await TestSocket.open(`${base}${path}`, headers);
  sockets.push(socket);
  const closed = new Promise<Closed>((resolve) =>
    socket.socket.once('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') })),
  );
  return { socket, closed };
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The socket answers a ping: it is open and the server still serves it. */
async function stillServed(socket: TestSocket): Promise<number> {
  const before = socket.messages.filter((m) => m.type === 'pong').length;
  socket.send({ type: 'ping' });
  const pongs = () => socket.messages.filter((m) => m.type === 'pong');
  await socket.next(() => pongs().length > before);
  return pongs().at(-1)!.watching as number;
}

function vehicleTopic(n: number): string {
  return `vehicle:01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

async function staffSocket(member: StaffMember) {
  const cookie = await loginAs(t.app, member);
  const { socket, closed } = await open('/ws', { cookie });
  await socket.next((m) => m.type === 'welcome');
  return { socket, closed, cookie };
}

describe('live connections close as soon as their sign-in no longer holds', () => {
  it('deactivating a user closes their socket at once, and only theirs', async () => {
    const advisor = await createStaff(t.app, owner.cookie, 'advisor');
    const theirs = await staffSocket(advisor);
    const bystander = await open('/ws', { cookie: owner.cookie });

    const response = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: `/api/users/${advisor.id}/deactivate`,
    });
    expect(response.statusCode).toBe(200);
    expect(await within(theirs.closed, PROMPT_MS, 'the close')).toEqual({
      code: CLOSE_CODES.unauthorized,
      reason: 'Your session ended: sign in again.',
    });
    await stillServed(bystander.socket);
  });

  it('signing out closes that session’s socket; the same user’s other session keeps its own', async () => {
    const advisor = await createStaff(t.app, owner.cookie, 'advisor');
    const signingOut = await staffSocket(advisor);
    const otherDevice = await staffSocket(advisor);

    const response = await injectAs(t.app, signingOut.cookie, { method: 'POST', url: '/api/auth/logout' });
    expect(response.statusCode).toBe(204);
    expect((await within(signingOut.closed, PROMPT_MS, 'the close')).code).toBe(CLOSE_CODES.unauthorized);
    await stillServed(otherDevice.socket);
  });

  it('a role change closes the socket with its own code, so the browser reconnects with the new role', async () => {
    const advisor = await createStaff(t.app, owner.cookie, 'advisor');
    const theirs = await staffSocket(advisor);

    const response = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: `/api/users/${advisor.id}`,
      payload: { version: advisor.version, role: 'parts' },
    });
    expect(response.statusCode).toBe(200);
    expect(await within(theirs.closed, PROMPT_MS, 'the close')).toEqual({
      code: CLOSE_CODES.roleChanged,
      reason: 'Your role changed: reconnect.',
    });
    // The session itself holds: a new socket opens at once.
    const again = await open('/ws', { cookie: theirs.cookie });
    await again.socket.next((m) => m.type === 'welcome');
  });

  it('a password reset by the owner closes the sockets of the sessions it ended', async () => {
    const advisor = await createStaff(t.app, owner.cookie, 'advisor');
    const theirs = await staffSocket(advisor);

    const response = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: `/api/users/${advisor.id}/password`,
      payload: { password: 'violet tractor mango lantern 1987' },
    });
    expect(response.statusCode).toBe(200);
    expect((await within(theirs.closed, PROMPT_MS, 'the close')).code).toBe(CLOSE_CODES.unauthorized);
  });

  it('the owner resetting someone’s second factor closes the sockets of the sessions it ended', async () => {
    const advisor = await createStaff(t.app, owner.cookie, 'advisor');
    const theirs = await staffSocket(advisor);

    const response = await injectAs(t.app, owner.cookie, {
      method: 'DELETE',
      url: `/api/users/${advisor.id}/totp`,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((await within(theirs.closed, PROMPT_MS, 'the close')).code).toBe(CLOSE_CODES.unauthorized);
  });

  it('revoking a display token closes that TV’s socket at once; another TV stays', async () => {
    const tokens = [];
    for (const name of ['TV bays 1-3', 'TV bays 4-6']) {
      const created = await injectAs(t.app, owner.cookie, {
        method: 'POST',
        url: '/api/display-tokens',
        payload: { name },
      });
      expect(created.statusCode).toBe(201);
      tokens.push(created.json<{ token: string; id: string }>());
    }
    const [revoked, kept] = tokens as [{ token: string; id: string }, { token: string; id: string }];
    const tv = await open(`/ws?displayToken=${revoked.token}`);
    const otherTv = await open(`/ws?displayToken=${kept.token}`);
    await tv.socket.next((m) => m.type === 'welcome');

    const response = await injectAs(t.app, owner.cookie, {
      method: 'DELETE',
      url: `/api/display-tokens/${revoked.id}`,
    });
    expect(response.statusCode).toBe(204);
    expect(await within(tv.closed, PROMPT_MS, 'the close')).toEqual({
      code: CLOSE_CODES.unauthorized,
      reason: 'This display was revoked: ask the owner for a new link.',
    });
    await stillServed(otherTv.socket);
  });
});

describe('what one socket and one sign-in may hold', () => {
  it(`refuses topics past ${MAX_TOPICS_PER_CONNECTION} per socket with an error frame, and stores none of them`, async () => {
    const { socket } = await open('/ws', { cookie: owner.cookie });
    // A fleet customer's page: the customer, the board and 200 vehicles, in one message.
    const fleetPage = [
      'board',
      'customer:01900000-0000-7000-8000-0000000000c1',
      ...Array.from({ length: 200 }, (_, i) => vehicleTopic(i)),
    ];
    socket.send({ type: 'subscribe', topics: fleetPage });
    expect(await socket.next((m) => m.type === 'subscribed')).toMatchObject({ watching: 202 });

    // Up to the cap, in another message; resending held topics adds nothing.
    const rest = Array.from({ length: MAX_TOPICS_PER_CONNECTION - 202 }, (_, i) => vehicleTopic(1000 + i));
    socket.send({ type: 'subscribe', topics: [...rest, 'board'] });
    await socket.next((m) => m.type === 'subscribed' && m.watching === MAX_TOPICS_PER_CONNECTION);

    const errors = () => socket.messages.filter((m) => m.type === 'error');
    const overCap = vehicleTopic(5000);
    socket.send({ type: 'subscribe', topics: [overCap] });
    expect((await socket.next((m) => m.type === 'error')).message).toBe(
      `Too many topics: one connection watches at most ${MAX_TOPICS_PER_CONNECTION} (this one watches ${MAX_TOPICS_PER_CONNECTION}, and this would add 1). Unsubscribe from some first.`,
    );

    // A client that keeps trying: every attempt is refused, nothing accumulates.
    const attempts = 500;
    for (let i = 0; i < attempts; i++) {
      socket.send({
        type: 'subscribe',
        topics: Array.from({ length: 10 }, (_, j) => vehicleTopic(10_000 + i * 10 + j)),
      });
    }
    await socket.next(() => errors().length === attempts + 1, PROMPT_MS);
    expect(await stillServed(socket)).toBe(MAX_TOPICS_PER_CONNECTION);

    // Nothing is delivered on a refused topic; a held one still works.
    t.app.events.emit('vehicleChanged', {
      vehicleId: overCap.slice('vehicle:'.length),
      change: 'updated',
      at: t.clock.now().toISOString(),
    });
    t.app.events.emit('vehicleChanged', {
      vehicleId: vehicleTopic(3).slice('vehicle:'.length),
      change: 'updated',
      at: t.clock.now().toISOString(),
    });
    const delivered = await socket.next((m) => m.type === 'event');
    expect(delivered.topics).toEqual([vehicleTopic(3)]);
    expect(socket.messages.filter((m) => m.type === 'event')).toHaveLength(1);

    // Unsubscribing makes room again.
    socket.send({ type: 'unsubscribe', topics: [vehicleTopic(0)] });
    await socket.next((m) => m.type === 'unsubscribed');
    socket.send({ type: 'subscribe', topics: [overCap] });
    await socket.next((m) => m.type === 'subscribed' && m.watching === MAX_TOPICS_PER_CONNECTION);
  });

  it('refuses a single message with more topics than a socket may hold', async () => {
    const { socket } = await open('/ws', { cookie: owner.cookie });
    const tooMany = Array.from({ length: MAX_TOPICS_PER_CONNECTION + 1 }, (_, i) => vehicleTopic(i));
    socket.send({ type: 'subscribe', topics: tooMany });
    expect((await socket.next((m) => m.type === 'error')).message).toMatch(/Unknown message/);
    expect(await stillServed(socket)).toBe(0);
  });

  it('closes a socket that sends a frame over 64 KiB (1009) before reading it', async () => {
    const { socket, closed } = await open('/ws', { cookie: owner.cookie });
    await socket.next((m) => m.type === 'welcome');
    socket.send({ type: 'subscribe', topics: ['board'], serverId: 'x'.repeat(70 * 1024) });
    expect((await within(closed, PROMPT_MS, 'the close')).code).toBe(1009);
  });

  it(`refuses socket ${MAX_CONNECTIONS_PER_SIGN_IN + 1} of one sign-in with 4429; the open ones keep working`, async () => {
    const held: TestSocket[] = [];
    for (let i = 0; i < MAX_CONNECTIONS_PER_SIGN_IN; i++) {
      const { socket } = await open('/ws', { cookie: owner.cookie });
      await socket.next((m) => m.type === 'welcome');
      held.push(socket);
    }
    const refused = await open('/ws', { cookie: owner.cookie });
    expect(await within(refused.closed, PROMPT_MS, 'the refusal')).toEqual({
      code: CLOSE_CODES.tooMany,
      reason: 'Too many live connections for this sign-in.',
    });
    expect(refused.socket.messages).toEqual([
      {
        type: 'error',
        message: `Too many live connections for this sign-in (at most ${MAX_CONNECTIONS_PER_SIGN_IN}): close another tab or window.`,
      },
    ]);
    for (const socket of held) await stillServed(socket);

    // Another sign-in of the same person has its own allowance.
    const secondSession = await loginAs(t.app, { ...OWNER, id: owner.id, pin: null, version: 1 });
    const elsewhere = await open('/ws', { cookie: secondSession });
    await elsewhere.socket.next((m) => m.type === 'welcome');

    // A tab that closes frees its place. The server learns of the close a moment after the client,
    // so the next socket may still be refused once or twice; bounded, it gets in.
    held[0]!.close();
    await held[0]!.closed();
    let admitted = false;
    for (let attempt = 0; attempt < 20 && !admitted; attempt++) {
      const next = await open('/ws', { cookie: owner.cookie });
      const first = await next.socket.next(() => true);
      admitted = first.type === 'welcome';
    }
    expect(admitted).toBe(true);
  });
});
