import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_KIOSK_AUTHORIZATION,
  DEFAULT_KIOSK_IDLE_SECONDS,
  type KioskPaired,
} from '../../contracts/kiosk.js';
import { pairKiosk } from '../helpers/kiosk.js';
import {
  createStaff,
  createTestApp,
  injectAs,
  problemOf,
  setupOwner,
  type TestApp,
} from '../helpers/test-app.js';
import { TestSocket } from '../helpers/ws-client.js';

let t: TestApp;
let owner: { id: string; cookie: string };
beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
});
afterEach(async () => {
  await t.close();
});

async function addDevice(kind: string, name: string): Promise<string> {
  const response = await injectAs(t.app, owner.cookie, {
    method: 'POST',
    url: '/api/devices',
    payload: { kind, name },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ device: { id: string } }>().device.id;
}

async function newCode(deviceId: string) {
  return injectAs(t.app, owner.cookie, {
    method: 'POST',
    url: `/api/devices/${deviceId}/kiosk-pairing-code`,
  });
}

function pair(code: string, remoteAddress = '192.168.1.50') {
  return t.app.inject({ method: 'POST', url: '/api/kiosk/pair', payload: { code }, remoteAddress });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const auditActions = (deviceId: string) =>
  t.database.sqlite
    .prepare(`SELECT action FROM audit_log WHERE entity_id = ? ORDER BY at, rowid`)
    .pluck()
    .all(deviceId) as string[];

describe('pairing a kiosk', () => {
  it('trades a single-use 8-digit code for a kk_ token that opens /api/kiosk/self', async () => {
    const deviceId = await addDevice('kiosk', 'Front door');
    const created = await newCode(deviceId);
    expect(created.statusCode).toBe(201);
    const { code, expiresAt, pairUrl } = created.json<{ code: string; expiresAt: string; pairUrl: string }>();
    expect(code).toMatch(/^[0-9]{8}$/);
    expect(new Date(expiresAt).getTime() - t.clock.now().getTime()).toBe(10 * 60_000);
    expect(pairUrl).toMatch(new RegExp(`/kiosk\\?pair=${code}$`));
    // Hashed at rest: the code itself is nowhere in the database.
    const stored = t.database.sqlite.prepare('SELECT * FROM kiosk_pairing_codes').all();
    expect(JSON.stringify(stored)).not.toContain(code);

    const before = await injectAs(t.app, owner.cookie, {
      method: 'GET',
      url: `/api/devices/${deviceId}/kiosk`,
    });
    expect(before.json()).toMatchObject({ paired: false, pairedAt: null, codeExpiresAt: expiresAt });

    // Typed as shown on the owner's screen (4-4): the space is not part of the code.
    const paired = await pair(`${code.slice(0, 4)} ${code.slice(4)}`);
    expect(paired.statusCode).toBe(200);
    const { token, kiosk } = paired.json<KioskPaired>();
    expect(token).toMatch(/^kk_/);
    expect(kiosk).toEqual({
      deviceId,
      name: 'Front door',
      shopName: expect.any(String),
      timeZone: expect.any(String),
      idleSeconds: DEFAULT_KIOSK_IDLE_SECONDS,
      authorizationText: DEFAULT_KIOSK_AUTHORIZATION,
      authorizationVersion: expect.stringMatching(/^[0-9a-f]{32}$/),
      hasLabelPrinter: false,
    });
    const tokens = t.database.sqlite.prepare('SELECT token_hash FROM kiosks').pluck().all();
    expect(JSON.stringify(tokens)).not.toContain(token);

    const self = await t.app.inject({ method: 'GET', url: '/api/kiosk/self', headers: bearer(token) });
    expect(self.statusCode).toBe(200);
    expect(self.json()).toEqual(kiosk);

    const after = await injectAs(t.app, owner.cookie, {
      method: 'GET',
      url: `/api/devices/${deviceId}/kiosk`,
    });
    expect(after.json()).toMatchObject({
      paired: true,
      pairedAt: t.clock.now().toISOString(),
      codeExpiresAt: null,
    });

    // Single use: the same code again pairs nothing.
    const again = await pair(code);
    expect(again.statusCode).toBe(400);
    expect(problemOf(again).errors).toEqual([{ path: 'code', message: expect.any(String) }]);
    expect(auditActions(deviceId)).toEqual(['device.paired', 'kiosk.pairing_code_created', 'kiosk.paired']);
  });

  it('refuses a wrong, expired or replaced code with 400 naming `code`', async () => {
    const deviceId = await addDevice('kiosk', 'Front door');
    const first = (await newCode(deviceId)).json<{ code: string }>().code;
    const second = (await newCode(deviceId)).json<{ code: string }>().code;
    const wrong = second === '00000000' ? '00000001' : '00000000';
    for (const code of [first, wrong, 'abc', '1234']) {
      const response = await pair(code, `10.0.0.${code.length}`);
      expect(response.statusCode, code).toBe(400);
      expect(problemOf(response).errors?.[0]?.path).toBe('code');
    }
    t.clock.advance(10 * 60_000);
    const expired = await pair(second, '10.0.0.99');
    expect(expired.statusCode).toBe(400);
    expect(problemOf(expired).errors?.[0]?.path).toBe('code');
    expect(
      t.database.sqlite.prepare('SELECT count(*) FROM kiosks WHERE token_hash IS NOT NULL').pluck().get(),
    ).toBe(0);
  });

  it('answers 404 for an unknown device and 409 for one that is not a kiosk or is revoked', async () => {
    expect((await newCode('01900000-0000-7000-8000-00000000abcd')).statusCode).toBe(404);
    const printer = await addDevice('label-printer', 'Counter printer');
    const notKiosk = await newCode(printer);
    expect(notKiosk.statusCode).toBe(409);
    expect(problemOf(notKiosk).type).toMatch(/not-a-kiosk$/);
    const kiosk = await addDevice('kiosk', 'Door');
    await injectAs(t.app, owner.cookie, { method: 'POST', url: `/api/devices/${kiosk}/revoke` });
    const revoked = await newCode(kiosk);
    expect(revoked.statusCode).toBe(409);
    expect(problemOf(revoked).type).toMatch(/device-revoked$/);
  });

  it('limits wrong codes per address: the sixth in a minute is 429, another address is still heard', async () => {
    const deviceId = await addDevice('kiosk', 'Front door');
    const { code } = (await newCode(deviceId)).json<{ code: string }>();
    const wrong = code === '11111111' ? '22222222' : '11111111';
    for (let i = 0; i < 5; i++) expect((await pair(wrong, '10.1.1.1')).statusCode).toBe(400);
    const limited = await pair(code, '10.1.1.1');
    expect(limited.statusCode).toBe(429);
    expect(problemOf(limited).retryAfterSeconds).toBe(60);
    expect(limited.headers['retry-after']).toBe('60');
    // The limit is this address's: the right code from the tablet next to it pairs.
    expect((await pair(code, '10.1.1.2')).statusCode).toBe(200);
    t.clock.advance(60_000);
    expect((await pair(wrong, '10.1.1.1')).statusCode).toBe(400);
  });
});

describe("the kiosk token's reach", () => {
  it('opens only kiosk routes: 403 kiosk-scope elsewhere; staff get 403 and nobody 401 kiosk-unpaired on kiosk routes', async () => {
    const kiosk = await pairKiosk(t.app, owner.cookie);
    for (const url of [
      '/api/repair-orders',
      '/api/customers',
      '/api/devices',
      '/api/display/board',
      '/api/users',
    ]) {
      const response = await t.app.inject({ method: 'GET', url, headers: kiosk.headers });
      expect(response.statusCode, url).toBe(403);
      expect(problemOf(response).type, url).toMatch(/kiosk-scope$/);
    }
    // Even with a staff cookie beside it, the kiosk token is the kiosk's.
    const both = await t.app.inject({
      method: 'GET',
      url: '/api/customers',
      headers: { ...kiosk.headers, cookie: owner.cookie },
    });
    expect(both.statusCode).toBe(403);

    const asOwner = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/kiosk/self' });
    expect(asOwner.statusCode).toBe(403);
    expect(problemOf(asOwner).type).toMatch(/kiosk-only$/);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/kiosk/self' });
    expect(anonymous.statusCode).toBe(401);
    expect(problemOf(anonymous).type).toMatch(/kiosk-unpaired$/);
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/kiosk/self',
      headers: bearer('kk_not-a-token'),
    });
    expect(unknown.statusCode).toBe(401);
    expect(problemOf(unknown).type).toMatch(/kiosk-unpaired$/);
  });

  it('revoking the device refuses its token on the next request', async () => {
    const kiosk = await pairKiosk(t.app, owner.cookie);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/kiosk/self', headers: kiosk.headers })).statusCode,
    ).toBe(200);
    await injectAs(t.app, owner.cookie, { method: 'POST', url: `/api/devices/${kiosk.deviceId}/revoke` });
    const after = await t.app.inject({ method: 'GET', url: '/api/kiosk/self', headers: kiosk.headers });
    expect(after.statusCode).toBe(401);
    expect(problemOf(after).type).toMatch(/kiosk-unpaired$/);
    const status = await injectAs(t.app, owner.cookie, {
      method: 'GET',
      url: `/api/devices/${kiosk.deviceId}/kiosk`,
    });
    expect(status.json()).toMatchObject({ paired: false });
  });

  it('pairing again replaces the token: the old tablet is unpaired, the new one works', async () => {
    const first = await pairKiosk(t.app, owner.cookie);
    const { code } = (await newCode(first.deviceId)).json<{ code: string }>();
    const second = (await pair(code)).json<KioskPaired>();
    const old = await t.app.inject({ method: 'GET', url: '/api/kiosk/self', headers: first.headers });
    expect(old.statusCode).toBe(401);
    expect(problemOf(old).type).toMatch(/kiosk-unpaired$/);
    const fresh = await t.app.inject({
      method: 'GET',
      url: '/api/kiosk/self',
      headers: bearer(second.token),
    });
    expect(fresh.statusCode).toBe(200);
  });
});

describe('the staff exit', () => {
  const exit = (headers: Record<string, string>, pin: string) =>
    t.app.inject({ method: 'POST', url: '/api/kiosk/staff-exit', headers, payload: { pin } });

  it("opens for an active staff member's PIN, refuses others with 400 naming `pin`, and audits both", async () => {
    const kiosk = await pairKiosk(t.app, owner.cookie);
    const tech = await createStaff(t.app, owner.cookie, 'technician', 'Tina Tech');
    expect((await exit(kiosk.headers, tech.pin!)).statusCode).toBe(204);
    for (const pin of ['9999', 'abcd', '']) {
      const wrong = await exit(kiosk.headers, pin);
      expect(wrong.statusCode, pin).toBe(400);
      expect(problemOf(wrong).errors?.[0]?.path, pin).toBe('pin');
    }
    const audited = t.database.sqlite
      .prepare(
        `SELECT action, actor_label, actor_user_id FROM audit_log WHERE action LIKE 'kiosk.staff_exit%' ORDER BY rowid`,
      )
      .all();
    expect(audited).toEqual([
      { action: 'kiosk.staff_exit', actor_label: 'kiosk: Front door kiosk', actor_user_id: null },
      { action: 'kiosk.staff_exit_refused', actor_label: 'kiosk: Front door kiosk', actor_user_id: null },
      { action: 'kiosk.staff_exit_refused', actor_label: 'kiosk: Front door kiosk', actor_user_id: null },
    ]);
    // A deactivated member's PIN no longer opens it.
    await injectAs(t.app, owner.cookie, { method: 'POST', url: `/api/users/${tech.id}/deactivate` });
    expect((await exit(kiosk.headers, tech.pin!)).statusCode).toBe(400);
  });

  it('limits wrong PINs per kiosk: 429 after five, even for the right PIN, until the window ends', async () => {
    const kiosk = await pairKiosk(t.app, owner.cookie);
    const tech = await createStaff(t.app, owner.cookie, 'technician');
    for (let i = 0; i < 5; i++) expect((await exit(kiosk.headers, '0000')).statusCode).toBe(400);
    const limited = await exit(kiosk.headers, tech.pin!);
    expect(limited.statusCode).toBe(429);
    expect(problemOf(limited).type).toMatch(/kiosk-exit-limit$/);
    t.clock.advance(5 * 60_000);
    expect((await exit(kiosk.headers, tech.pin!)).statusCode).toBe(204);
  });
});

describe("the kiosk's live socket", () => {
  const sockets: TestSocket[] = [];
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  async function openAs(query: string, headers: Record<string, string> = {}): Promise<TestSocket> {
    if (t.app.server.address() === null) await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    const socket = await TestSocket.open(`ws://127.0.0.1:${port}/ws${query}`, headers);
    sockets.push(socket);
    await socket.next((m) => m.type === 'welcome');
    return socket;
  }

  it('opens with ?kioskToken=, watches no topics, and closes with 4401 the moment the device is revoked', async () => {
    const kiosk = await pairKiosk(t.app, owner.cookie);
    const socket = await openAs(`?kioskToken=${kiosk.token}`);
    expect(socket.messages[0]).toMatchObject({ type: 'welcome', viewer: 'kiosk' });
    socket.send({ type: 'subscribe', topics: ['board'] });
    expect((await socket.next((m) => m.type === 'error')).message).toMatch(/Not a topic/);
    const staff = await openAs('', { cookie: owner.cookie });

    await injectAs(t.app, owner.cookie, { method: 'POST', url: `/api/devices/${kiosk.deviceId}/revoke` });
    expect(await socket.closed()).toBe(4401);
    // Only the kiosk's socket: the owner's stays open.
    staff.send({ type: 'ping' });
    expect(await staff.next((m) => m.type === 'pong')).toMatchObject({ type: 'pong' });
    await expect(openAs(`?kioskToken=${kiosk.token}`)).rejects.toThrow(/HTTP 401/);
  });

  it('shows the kiosk online in the floor list while its tablet holds the socket open', async () => {
    const kiosk = await pairKiosk(t.app, owner.cookie);
    const online = async () =>
      (await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/devices' }))
        .json<{ items: { id: string; online: boolean }[] }>()
        .items.find((d) => d.id === kiosk.deviceId)!.online;
    expect(await online()).toBe(false);
    const socket = await openAs(`?kioskToken=${kiosk.token}`);
    expect(await online()).toBe(true);
    socket.close();
    await socket.closed();
    // The server sees the close a moment after the client: bounded wait, no fixed sleep.
    for (let i = 0; i < 50 && (await online()); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await online()).toBe(false);
  });

  it("closes the old tablet's socket when the kiosk is paired again; the new tablet's stays", async () => {
    const kiosk = await pairKiosk(t.app, owner.cookie);
    const old = await openAs(`?kioskToken=${kiosk.token}`);
    const { code } = (await newCode(kiosk.deviceId)).json<{ code: string }>();
    const { token } = (await pair(code)).json<KioskPaired>();
    expect(await old.closed()).toBe(4401);
    const fresh = await openAs(`?kioskToken=${token}`);
    fresh.send({ type: 'ping' });
    expect(await fresh.next((m) => m.type === 'pong')).toMatchObject({ type: 'pong' });
  });
});

describe("the kiosk's label printer", () => {
  const setPrinter = (deviceId: string, labelPrinterDeviceId: string | null) =>
    injectAs(t.app, owner.cookie, {
      method: 'PUT',
      url: `/api/devices/${deviceId}/kiosk`,
      payload: { labelPrinterDeviceId },
    });
  const hasPrinter = async (headers: Record<string, string>) =>
    (await t.app.inject({ method: 'GET', url: '/api/kiosk/self', headers })).json<{
      hasLabelPrinter: boolean;
    }>().hasLabelPrinter;

  it('is assigned by the owner (a label printer only), shows on /self, and drops out when the printer is revoked', async () => {
    const printer = await addDevice('label-printer', 'Key tags');
    const kiosk = await pairKiosk(t.app, owner.cookie, { labelPrinterDeviceId: printer });
    expect(await hasPrinter(kiosk.headers)).toBe(true);
    const state = await injectAs(t.app, owner.cookie, {
      method: 'GET',
      url: `/api/devices/${kiosk.deviceId}/kiosk`,
    });
    expect(state.json()).toMatchObject({ paired: true, labelPrinterDeviceId: printer });

    const otherKiosk = await addDevice('kiosk', 'Side door');
    for (const wrong of [otherKiosk, '01900000-0000-7000-8000-00000000abcd']) {
      const refused = await setPrinter(kiosk.deviceId, wrong);
      expect(refused.statusCode).toBe(400);
      expect(problemOf(refused).errors?.[0]?.path).toBe('labelPrinterDeviceId');
    }
    expect(await hasPrinter(kiosk.headers)).toBe(true);
    expect((await setPrinter(printer, printer)).statusCode).toBe(409);

    await injectAs(t.app, owner.cookie, { method: 'POST', url: `/api/devices/${printer}/revoke` });
    expect(await hasPrinter(kiosk.headers)).toBe(false);
    const cleared = await setPrinter(kiosk.deviceId, null);
    expect(cleared.json()).toMatchObject({ labelPrinterDeviceId: null });
    expect(auditActions(kiosk.deviceId).filter((a) => a === 'kiosk.label_printer_set')).toHaveLength(2);
  });
});
