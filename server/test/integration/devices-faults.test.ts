import { connect as tcpConnect, type Socket } from 'node:net';
import { generate } from 'mqtt-packet';
import type { MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES, mqttTopic } from '../../contracts/mqtt.js';
import {
  connectDevice,
  listedDevice,
  logCollector,
  pairDevice,
  startAppWithBroker,
  waitFor,
  type AppWithBroker,
  type BrokerAppOptions,
} from '../helpers/mqtt.js';
import { setupOwner } from '../helpers/test-app.js';

/*
 * Bad input and faults (issue 17): each is refused or bounded, counted, shown, and the broker
 * keeps serving everyone else.
 */

const occupancy = (seq: number) => JSON.stringify({ at: '2026-03-02T14:00:00Z', seq, event: 'in' });

describe('the broker under bad input and faults', () => {
  let broker: AppWithBroker | null = null;
  const clients: MqttClient[] = [];
  const sockets: Socket[] = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    for (const client of clients.splice(0)) await client.endAsync(true);
    await broker?.close();
    broker = null;
  });

  async function start(options: BrokerAppOptions = {}) {
    broker = await startAppWithBroker(options);
    const { cookie } = await setupOwner(broker.app);
    const seen: Array<{ deviceId: string; seq: number }> = [];
    broker.app.deviceGateway.onMessage('bay-sensor', 'occupancy', (m) => {
      seen.push({ deviceId: m.device.id, seq: m.payload.seq });
    });
    const pairSensor = async (name: string) => {
      const pairing = await pairDevice(broker!.app, cookie, 'bay-sensor', name);
      const client = await connectDevice(broker!.mqttUrl, pairing);
      clients.push(client);
      return { pairing, client, topic: mqttTopic.device('bay-sensor', pairing.deviceId, 'occupancy') };
    };
    return { app: broker.app, cookie, seen, pairSensor };
  }

  it('drops malformed JSON, wrong types and unknown fields, counts each with its reason, and goes on', async () => {
    const { app, cookie, seen, pairSensor } = await start();
    const sensor = await pairSensor('Bay 1 sensor');
    const bad: Array<[string, RegExp]> = [
      ['{"at": "x", "seq": 1, "event": ', /malformed JSON/],
      [JSON.stringify({ at: '2026-03-02T14:00:00Z', seq: 'one', event: 'in' }), /at \/seq: Expected integer/],
      [JSON.stringify({ at: '2026-03-02T14:00:00Z', seq: 1, event: 'in', extra: true }), /at \/extra/],
      [JSON.stringify({ at: '2026-03-02T14:00:00Z', seq: 1, event: 'sideways' }), /at \/event/],
    ];
    for (const [index, [payload, reason]] of bad.entries()) {
      await sensor.client.publishAsync(sensor.topic, payload, { qos: 1 });
      const device = await listedDevice(app, cookie, sensor.pairing.deviceId);
      expect(device.badMessages).toBe(index + 1);
      expect(device.lastError).toMatch(reason);
    }
    await sensor.client.publishAsync(sensor.topic, occupancy(7), { qos: 1 });
    await waitFor('the good report after the bad ones', () => seen.length === 1);
    expect(seen).toEqual([{ deviceId: sensor.pairing.deviceId, seq: 7 }]);
    expect(sensor.client.connected).toBe(true);
  });

  it('drops a 10 MB payload unread and a 20 KB one after reading, counts both, and keeps the device connected', async () => {
    const { app, cookie, seen, pairSensor } = await start();
    const sensor = await pairSensor('Bay 1 sensor');
    const bytes = 10 * 1024 * 1024;
    // Past the 64 KiB frame limit the broker skips the bytes as they come (a QoS 1 sender gets no
    // PUBACK for them), so QoS 0 here.
    sensor.client.publish(sensor.topic, Buffer.alloc(bytes, 0x20), { qos: 0 });
    await waitFor('the 10 MB packet to be counted', async () => {
      const device = await listedDevice(app, cookie, sensor.pairing.deviceId);
      return device.badMessages === 1;
    });
    expect((await listedDevice(app, cookie, sensor.pairing.deviceId)).lastError).toBe(
      `packet of ${bytes + 2 + sensor.topic.length} bytes is over the ${4 * MAX_PAYLOAD_BYTES}-byte frame limit: dropped unread`,
    );
    await sensor.client.publishAsync(sensor.topic, Buffer.alloc(20 * 1024, 0x20), { qos: 1 });
    const device = await listedDevice(app, cookie, sensor.pairing.deviceId);
    expect(device.badMessages).toBe(2);
    expect(device.lastError).toBe(
      `payload of ${20 * 1024} bytes is over the ${MAX_PAYLOAD_BYTES}-byte limit`,
    );
    await sensor.client.publishAsync(sensor.topic, occupancy(1), { qos: 1 });
    await waitFor('a normal report after the big ones', () => seen.length === 1);
    expect(sensor.client.connected).toBe(true);
  });

  it('closes a connection whose first packet claims to be huge, before reading it', async () => {
    const { app, cookie } = await start();
    const socket = tcpConnect(broker!.mqttPort, '127.0.0.1');
    sockets.push(socket);
    socket.on('error', () => undefined);
    let closed = false;
    socket.on('close', () => (closed = true));
    // CONNECT (0x10) with a remaining length of 200 MB (varint 0x80 0x80 0xAF 0x5F), then a trickle.
    socket.write(Buffer.from([0x10, 0x80, 0x80, 0xaf, 0x5f, 0x00, 0x04]));
    await waitFor('the connection to be closed', () => closed);
    const list = await app.inject({ method: 'GET', url: '/api/devices', headers: { cookie } });
    expect(list.json<{ unknownClients: unknown[] }>().unknownClients).toEqual([
      expect.objectContaining({
        address: '127.0.0.1',
        refusals: 1,
        lastRefusal: `packet of ${0x5f * 128 ** 3 + 0x2f * 128 ** 2} bytes is over the ${4 * MAX_PAYLOAD_BYTES}-byte frame limit: dropped unread`,
      }),
    ]);
  });

  it('bounds a flood of 10,000 messages from one device and keeps serving another', async () => {
    const { app, cookie, seen, pairSensor } = await start();
    const flooder = await pairSensor('Flooding sensor');
    const neighbour = await pairSensor('Quiet sensor');
    const started = Date.now();
    for (let seq = 0; seq < 10_000; seq++) flooder.client.publish(flooder.topic, occupancy(seq), { qos: 0 });
    await neighbour.client.publishAsync(neighbour.topic, occupancy(1), { qos: 1 });
    await waitFor('the quiet sensor’s report during the flood', () =>
      seen.some((s) => s.deviceId === neighbour.pairing.deviceId),
    );
    await waitFor(
      'the flood to be read',
      async () => {
        const device = await listedDevice(app, cookie, flooder.pairing.deviceId);
        return (
          device.badMessages + seen.filter((s) => s.deviceId === flooder.pairing.deviceId).length === 10_000
        );
      },
      20_000,
    );
    const elapsedSeconds = (Date.now() - started) / 1000;
    const passed = seen.filter((s) => s.deviceId === flooder.pairing.deviceId).length;
    // A burst of 50, then 20 a second: what got through is bounded by the time the flood took.
    expect(passed).toBeGreaterThanOrEqual(50);
    expect(passed).toBeLessThanOrEqual(50 + Math.ceil(20 * elapsedSeconds) + 1);
    const device = await listedDevice(app, cookie, flooder.pairing.deviceId);
    expect(device.lastError).toBe('over 20 messages a second: dropped');
    expect(flooder.client.connected).toBe(true);
  }, 60_000);

  it('refuses an address unchecked after 10 bad connection attempts in a minute, even with the right password', async () => {
    const { app, cookie, pairSensor } = await start();
    const sensor = await pairSensor('Bay 1 sensor');
    const attempt = (password: string) =>
      connectDevice(broker!.mqttUrl, { ...sensor.pairing, password }).then(
        async (client) => {
          await client.endAsync(true);
          return 0;
        },
        (error: { code?: number }) => error.code,
      );
    for (let i = 0; i < 10; i++) expect(await attempt('guess')).toBe(4);
    expect(await attempt(sensor.pairing.password)).toBe(5);
    expect((await listedDevice(app, cookie, sensor.pairing.deviceId)).refusals).toBe(10);
    const list = await app.inject({ method: 'GET', url: '/api/devices', headers: { cookie } });
    expect(list.json<{ unknownClients: unknown[] }>().unknownClients).toEqual([
      expect.objectContaining({
        address: '127.0.0.1',
        refusals: 1,
        lastRefusal: 'too many failed connection attempts from 127.0.0.1: refused unchecked for up to 60 s',
      }),
    ]);
    expect(sensor.client.connected).toBe(true); // the device already connected is not touched
  }, 60_000);

  it('closes a socket that never sends CONNECT', async () => {
    await start({ connectTimeoutMs: 200 });
    const socket = tcpConnect(broker!.mqttPort, '127.0.0.1');
    sockets.push(socket);
    let closed = false;
    socket.on('close', () => (closed = true));
    socket.on('error', () => undefined);
    await waitFor('the silent socket to be closed', () => closed, 5_000);
  });

  it('survives connections reset (RST) mid-packet and after sign-in, and keeps serving another device', async () => {
    const { pairSensor, seen } = await start();
    const { pairing } = await pairSensor('Bay 1 sensor');
    // A reset, not a FIN: the kernel's ECONNRESET on the broker's side must be handled, not thrown.
    const reset = async (bytes: Buffer) => {
      const socket = tcpConnect(broker!.mqttPort, '127.0.0.1');
      socket.on('error', () => undefined);
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.write(bytes);
      await new Promise((resolve) => setTimeout(resolve, 50));
      socket.resetAndDestroy();
    };
    const connectPacket = generate({
      cmd: 'connect',
      protocolId: 'MQTT',
      protocolVersion: 4,
      clientId: pairing.clientId,
      username: pairing.username,
      password: Buffer.from(pairing.password),
      clean: true,
      keepalive: 30,
    });
    await reset(connectPacket.subarray(0, 5)); // half a CONNECT
    await reset(connectPacket); // signed in, then reset (it takes over the device's session)
    const other = await pairSensor('Bay 2 sensor');
    await other.client.publishAsync(other.topic, occupancy(1), { qos: 1 });
    // An unhandled socket error would have failed this test as an uncaught exception by now.
    await waitFor('the other sensor’s report', () => seen.some((m) => m.seq === 1), 5_000);
  });

  it('closes a half-open connection when its keep-alive expires; the device goes offline, its will fires', async () => {
    const { app, cookie, pairSensor } = await start();
    const { pairing } = await pairSensor('Placeholder');
    await clients.pop()!.endAsync(true); // the helper connected it: this test speaks raw MQTT instead
    const changed: string[] = [];
    app.events.on('device.changed', ({ deviceId }) => changed.push(deviceId));
    const socket = tcpConnect(broker!.mqttPort, '127.0.0.1');
    sockets.push(socket);
    socket.on('error', () => undefined);
    let connack: Buffer | null = null;
    let closed = false;
    socket.on('data', (data) => (connack ??= data));
    socket.on('close', () => (closed = true));
    socket.write(
      generate({
        cmd: 'connect',
        protocolId: 'MQTT',
        protocolVersion: 4,
        clean: true,
        clientId: pairing.clientId,
        username: pairing.username,
        password: Buffer.from(pairing.password),
        keepalive: 1,
        will: {
          topic: mqttTopic.device('bay-sensor', pairing.deviceId, 'status'),
          payload: Buffer.from('{"state":"offline"}'),
          qos: 1,
          retain: true,
        },
      }),
    );
    await waitFor('CONNACK', () => connack !== null);
    expect([...connack!]).toEqual([0x20, 0x02, 0x00, 0x00]);
    await waitFor(
      'the device to show online',
      async () => (await listedDevice(app, cookie, pairing.deviceId)).online,
    );
    // The peer now says nothing at all (no PINGREQ, no FIN): the broker must give up after 1.5 × 1 s.
    await waitFor('the broker to close the silent connection', () => closed, 5_000);
    await waitFor(
      'the device to show offline',
      async () => !(await listedDevice(app, cookie, pairing.deviceId)).online,
    );
    await waitFor('a device.changed event', () => changed.includes(pairing.deviceId));
  });

  it('refuses an MQTT 5 client and says why in the log', async () => {
    const { lines, logger } = logCollector();
    const { pairSensor } = await start({ logger });
    const { pairing } = await pairSensor('Modern sensor');
    const refused = await connectDevice(broker!.mqttUrl, pairing, {
      protocolVersion: 5,
      clientId: `${pairing.clientId}`,
    }).then(
      async (client) => {
        await client.endAsync(true);
        return false;
      },
      () => true,
    );
    expect(refused).toBe(true);
    const refusedLine = () => lines.find((line) => String(line.msg).startsWith('MQTT 5 client refused'));
    await waitFor('the log line', () => refusedLine() !== undefined);
    expect(String(refusedLine()!.msg)).toContain('speaks MQTT 3.1.1 only');
    expect(refusedLine()!.address).toBe('127.0.0.1');
  });
});
