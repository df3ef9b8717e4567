import { createHash } from 'node:crypto';
import { createServer, type AddressInfo, type Server } from 'node:net';
import type { MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { mqttTopic } from '../../contracts/mqtt.js';
import type { Device, PairedDevice } from '../../src/modules/devices/devices.schemas.js';
import { insertBay } from '../helpers/fixtures.js';
import {
  connectDevice,
  listedDevice,
  logCollector,
  pairDevice,
  startAppWithBroker,
  waitFor,
  type AppWithBroker,
} from '../helpers/mqtt.js';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  problemOf,
  setupOwner,
  type TestApp,
} from '../helpers/test-app.js';
import { TestSocket } from '../helpers/ws-client.js';

describe('pairing devices and the floor list', () => {
  let broker: AppWithBroker | null = null;
  let plain: TestApp | null = null;
  let blocker: Server | null = null;
  const clients: MqttClient[] = [];
  const sockets: TestSocket[] = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    for (const client of clients.splice(0)) await client.endAsync(true);
    await broker?.close();
    await plain?.close();
    await new Promise<void>((resolve) => (blocker === null ? resolve() : blocker.close(() => resolve())));
    broker = plain = blocker = null;
  });

  const auditActions = (app: TestApp, deviceId: string) =>
    app.database.sqlite
      .prepare(`SELECT action FROM audit_log WHERE entity_id = ? ORDER BY at, rowid`)
      .pluck()
      .all(deviceId) as string[];

  it('makes credentials shown once, keeps only a hash, and says how to reach the broker', async () => {
    broker = await startAppWithBroker();
    const { cookie } = await setupOwner(broker.app);
    const bayId = insertBay(broker.database, 'Bay 3');
    const response = await injectAs(broker.app, cookie, {
      method: 'POST',
      url: '/api/devices',
      payload: { kind: 'display', name: ' Bay 3 TV ', bayId },
    });
    expect(response.statusCode).toBe(201);
    const { device, pairing, pairingText } = response.json<PairedDevice>();
    expect(device).toMatchObject({
      kind: 'display',
      name: 'Bay 3 TV',
      bayId,
      bayName: 'Bay 3',
      online: false,
      source: 'mqtt',
    });
    expect(pairing).toEqual({
      v: 1,
      kind: 'display',
      deviceId: device.id,
      clientId: device.id,
      username: device.id,
      password: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      host: expect.any(String),
      port: broker.mqttPort,
      tlsPort: null,
      caSha256: null,
      bayId,
    });
    expect(JSON.parse(pairingText)).toEqual(pairing);
    const stored = broker.database.sqlite
      .prepare('SELECT password_hash FROM devices WHERE id = ?')
      .pluck()
      .get(device.id);
    expect(stored).toBe(createHash('sha256').update(pairing.password).digest('hex'));
    expect(
      JSON.stringify((await injectAs(broker.app, cookie, { method: 'GET', url: '/api/devices' })).json()),
    ).not.toContain(pairing.password);
    expect(auditActions(broker, device.id)).toEqual(['device.paired']);
    const info = await injectAs(broker.app, cookie, { method: 'GET', url: '/api/devices/broker' });
    expect(info.json()).toEqual({
      mqtt: { listening: true, port: broker.mqttPort, host: '127.0.0.1', error: null },
      mqtts: { listening: false, port: null, caSha256: null, error: null },
    });
  });

  it('refuses bad input with a 4xx naming the field, and writes nothing', async () => {
    plain = await createTestApp();
    const { cookie } = await setupOwner(plain.app);
    const count = () => plain!.database.sqlite.prepare('SELECT count(*) FROM devices').pluck().get();
    const cases: Array<[object, string]> = [
      [{ kind: 'toaster', name: 'x' }, 'kind'],
      [{ kind: 'kiosk', name: '' }, 'name'],
      [{ kind: 'kiosk', name: 'x', bayId: '01900000-0000-7000-8000-000000000001' }, 'bayId'],
      [{ kind: 'kiosk', name: 'x', colour: 'red' }, 'colour'],
    ];
    for (const [payload, field] of cases) {
      const response = await injectAs(plain.app, cookie, { method: 'POST', url: '/api/devices', payload });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).errors?.map((e) => e.path)).toEqual([field]);
    }
    expect(count()).toBe(0);
    const pairing = await pairDevice(plain.app, cookie, 'kiosk', 'Kiosk');
    const stale = await injectAs(plain.app, cookie, {
      method: 'PATCH',
      url: `/api/devices/${pairing.deviceId}`,
      payload: { name: 'Front kiosk', version: 7 },
    });
    expect(stale.statusCode).toBe(409);
    const renamed = await injectAs(plain.app, cookie, {
      method: 'PATCH',
      url: `/api/devices/${pairing.deviceId}`,
      payload: { name: 'Front kiosk', version: 1 },
    });
    expect(renamed.json<Device>()).toMatchObject({ name: 'Front kiosk', version: 2 });
    const missing = await injectAs(plain.app, cookie, {
      method: 'POST',
      url: '/api/devices/01900000-0000-7000-8000-000000000001/revoke',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('a new password drops the connected client; the old password is refused, the new one works', async () => {
    broker = await startAppWithBroker();
    const { cookie } = await setupOwner(broker.app);
    const old = await pairDevice(broker.app, cookie, 'obd-dongle', 'Dongle 1');
    const client = await connectDevice(broker.mqttUrl, old);
    clients.push(client);
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    const response = await injectAs(broker.app, cookie, {
      method: 'POST',
      url: `/api/devices/${old.deviceId}/password`,
    });
    expect(response.statusCode).toBe(200);
    const fresh = response.json<PairedDevice>().pairing;
    expect(fresh.password).not.toBe(old.password);
    await closed;
    const oldRefused = await connectDevice(broker.mqttUrl, old).then(
      (c) => c.endAsync(true).then(() => null),
      (error: { code?: number }) => error.code,
    );
    expect(oldRefused).toBe(4);
    clients.push(await connectDevice(broker.mqttUrl, fresh));
    await injectAs(broker.app, cookie, { method: 'POST', url: `/api/devices/${old.deviceId}/revoke` });
    expect(auditActions(broker, old.deviceId)).toEqual([
      'device.paired',
      'device.password_changed',
      'device.revoked',
    ]);
  });

  it('shows status (online, firmware, model, last seen) live to the owner only, and a failing handler as a bad message', async () => {
    broker = await startAppWithBroker();
    const owner = await setupOwner(broker.app);
    const advisor = await loginAs(broker.app, await createStaff(broker.app, owner.cookie, 'advisor'));
    const url = `ws://127.0.0.1:${(broker.app.server.address() as AddressInfo).port}/ws`;
    const ownerSocket = await TestSocket.open(url, { cookie: owner.cookie });
    const advisorSocket = await TestSocket.open(url, { cookie: advisor });
    sockets.push(ownerSocket, advisorSocket);
    ownerSocket.send({ type: 'subscribe', topics: ['devices'] });
    await ownerSocket.next((m) => m.type === 'subscribed');
    advisorSocket.send({ type: 'subscribe', topics: ['devices'] });
    expect(await advisorSocket.next((m) => m.type === 'error')).toMatchObject({
      message: 'Not a topic you can subscribe to: devices',
    });

    broker.app.deviceGateway.onMessage('kiosk', 'heartbeat', () => {
      throw new Error('boom');
    });
    const pairing = await pairDevice(broker.app, owner.cookie, 'kiosk', 'Kiosk');
    const client = await connectDevice(broker.mqttUrl, pairing, {
      will: {
        topic: mqttTopic.device('kiosk', pairing.deviceId, 'status'),
        payload: Buffer.from('{"state":"offline"}'),
        qos: 1,
        retain: true,
      },
    });
    clients.push(client);
    await client.publishAsync(
      mqttTopic.device('kiosk', pairing.deviceId, 'status'),
      JSON.stringify({ state: 'online', firmware: '2.1.0', model: 'ESP32-S3' }),
      { qos: 1, retain: true },
    );
    await ownerSocket.next((m) => m.type === 'event' && m.name === 'device.changed');
    expect(await listedDevice(broker.app, owner.cookie, pairing.deviceId)).toMatchObject({
      online: true,
      firmware: '2.1.0',
      model: 'ESP32-S3',
      lastSeenAt: '2026-03-02T14:00:00.000Z',
      badMessages: 0,
    });
    await client.publishAsync(
      mqttTopic.device('kiosk', pairing.deviceId, 'heartbeat'),
      JSON.stringify({ at: '2026-03-02T14:00:00Z', seq: 1, screen: 'welcome' }),
      { qos: 1 },
    );
    await waitFor('the failing handler to count', async () => {
      const device = await listedDevice(broker!.app, owner.cookie, pairing.deviceId);
      return device.badMessages === 1 && device.lastError === 'heartbeat not handled: boom';
    });
    client.stream.destroy(); // gone without DISCONNECT: the will says offline
    await waitFor(
      'offline',
      async () => !(await listedDevice(broker!.app, owner.cookie, pairing.deviceId)).online,
    );
    expect(advisorSocket.messages.filter((m) => m.type === 'event')).toEqual([]);
  });

  it('lists the bay TVs’ display tokens beside the devices, online while their socket is open', async () => {
    broker = await startAppWithBroker();
    const { cookie } = await setupOwner(broker.app);
    const created = await injectAs(broker.app, cookie, {
      method: 'POST',
      url: '/api/display-tokens',
      payload: { name: 'Lobby TV' },
    });
    const { id, token } = created.json<{ id: string; token: string }>();
    expect(await listedDevice(broker.app, cookie, id)).toMatchObject({
      kind: 'display',
      name: 'Lobby TV',
      source: 'display-token',
      online: false,
    });
    const tv = await TestSocket.open(
      `ws://127.0.0.1:${(broker.app.server.address() as AddressInfo).port}/ws?displayToken=${token}`,
    );
    sockets.push(tv);
    await tv.next((m) => m.type === 'welcome');
    expect((await listedDevice(broker.app, cookie, id)).online).toBe(true);
  });

  it('closes gracefully with the app: clients see the close, and each device’s will marks it offline', async () => {
    const { lines, logger } = logCollector();
    broker = await startAppWithBroker({ logger });
    const { cookie } = await setupOwner(broker.app);
    const pairing = await pairDevice(broker.app, cookie, 'bay-sensor', 'Sensor');
    const client = await connectDevice(broker.mqttUrl, pairing, {
      will: {
        topic: mqttTopic.device('bay-sensor', pairing.deviceId, 'status'),
        payload: Buffer.from('{"state":"offline"}'),
        qos: 1,
        retain: true,
      },
    });
    clients.push(client);
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    const app = broker;
    broker = null;
    await app.close();
    await closed;
    expect(
      lines.some(
        (l) =>
          l.msg === 'device offline (its last will or its own status)' && l.deviceId === pairing.deviceId,
      ),
    ).toBe(true);
  });

  it('keeps serving HTTP with one clear line when the MQTT port is taken', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(0, '127.0.0.1', () => resolve()));
    const taken = (blocker.address() as AddressInfo).port;
    const { lines, logger } = logCollector();
    plain = await createTestApp({ mqttPort: taken, mqttHost: '127.0.0.1' }, { logger });
    await plain.app.listen({ host: '127.0.0.1', port: 0 });
    await waitFor('the broker to give up', () => plain!.app.deviceBrokerState().mqtt.error !== null);
    const reason = `Port ${taken} is already in use by another program; MQTT broker is off until it is free.`;
    expect(plain.app.deviceBrokerState().mqtt).toEqual({
      listening: false,
      port: taken,
      host: '127.0.0.1',
      error: reason,
    });
    expect(lines.filter((l) => l.msg === reason)).toHaveLength(1);
    expect((await plain.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBeLessThan(500);
  });
});
