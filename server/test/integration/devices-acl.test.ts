import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { DEVICE_KINDS, mqttTopic, type DeviceKind } from '../../contracts/mqtt.js';
import type { Pairing } from '../../src/modules/devices/devices.schemas.js';
import { insertBay } from '../helpers/fixtures.js';
import {
  connectDevice,
  pairDevice,
  startAppWithBroker,
  waitFor,
  type AppWithBroker,
} from '../helpers/mqtt.js';
import { setupOwner } from '../helpers/test-app.js';

/*
 * The ACL matrix (issue 17, point 3): every device kind × its own / another device's / foreign
 * topics × publish / subscribe, then anonymous, unknown, wrong password, client id ≠ username and
 * revoked. A refused publish reaches nobody and adds one refusal to the device; a refused
 * subscription gets SUBACK 0x80 and adds one refusal. The connection stays up either way.
 */

/** A report each kind may send (display: only its status). */
const OWN_REPORT: Record<DeviceKind, { channel: string; payload: object }> = {
  'bay-sensor': { channel: 'occupancy', payload: { at: '2026-03-02T14:00:00Z', seq: 1, event: 'in' } },
  'obd-dongle': { channel: 'telemetry', payload: { at: '2026-03-02T14:00:00Z', seq: 1, batteryVolts: 12.6 } },
  'label-printer': {
    channel: 'print-result',
    payload: { at: '2026-03-02T14:00:00Z', seq: 1, printJobId: 'job-1', ok: true },
  },
  kiosk: { channel: 'heartbeat', payload: { at: '2026-03-02T14:00:00Z', seq: 1, screen: 'check-in' } },
  display: { channel: 'status', payload: { state: 'online', firmware: '1.0.0' } },
  'home-assistant': { channel: 'status', payload: { state: 'online' } },
};

interface Paired {
  pairing: Pairing;
  client: MqttClient;
}

describe('the broker ACL, deny by default', () => {
  let broker: AppWithBroker;
  let cookie: string;
  let bayId: string;
  let otherBayId: string;
  const devices = new Map<DeviceKind, { mine: Paired; other: Paired }>();
  const reports: Array<{ deviceId: string; channel: string }> = [];

  beforeAll(async () => {
    broker = await startAppWithBroker();
    ({ cookie } = await setupOwner(broker.app));
    bayId = insertBay(broker.database, 'Bay 1');
    otherBayId = insertBay(broker.database, 'Bay 2');
    for (const kind of DEVICE_KINDS) {
      const channel = OWN_REPORT[kind].channel;
      if (channel !== 'status')
        broker.app.deviceGateway.onMessage(kind, channel as never, (m) => {
          reports.push({ deviceId: m.device.id, channel: m.channel });
        });
      const mine = await pairDevice(broker.app, cookie, kind, `${kind} A`, bayId);
      const other = await pairDevice(broker.app, cookie, kind, `${kind} B`, otherBayId);
      devices.set(kind, {
        mine: { pairing: mine, client: await connectDevice(broker.mqttUrl, mine) },
        other: { pairing: other, client: await connectDevice(broker.mqttUrl, other) },
      });
    }
  });

  afterAll(async () => {
    for (const { mine, other } of devices.values()) {
      await mine.client.endAsync(true);
      await other.client.endAsync(true);
    }
    await broker.close();
  });

  async function refusalsOf(deviceId: string): Promise<number> {
    const response = await broker.app.inject({ method: 'GET', url: '/api/devices', headers: { cookie } });
    const device = response
      .json<{ items: Array<{ id: string; refusals: number }> }>()
      .items.find((d) => d.id === deviceId);
    if (device === undefined) throw new Error(`device ${deviceId} not listed`);
    return device.refusals;
  }

  /** Publishes at QoS 1 (the PUBACK comes back either way) and says whether the broker refused it. */
  async function publishRefused(client: MqttClient, deviceId: string, topic: string, payload: object) {
    const before = await refusalsOf(deviceId);
    await client.publishAsync(topic, JSON.stringify(payload), { qos: 1 });
    const after = await refusalsOf(deviceId);
    expect(client.connected).toBe(true);
    return after === before + 1;
  }

  async function subscribeRefused(client: MqttClient, deviceId: string, filter: string) {
    const before = await refusalsOf(deviceId);
    // mqtt.js rejects a SUBACK 0x80 (failure) with the packet; a grant resolves with its QoS.
    const refused = await client.subscribeAsync(filter, { qos: 1 }).then(
      (granted) => granted[0]!.qos === 128,
      (error: Error & { packet?: { granted?: number[] } }) => {
        if (error.packet?.granted?.[0] !== 128) throw error;
        return true;
      },
    );
    expect(await refusalsOf(deviceId)).toBe(refused ? before + 1 : before);
    await client.unsubscribeAsync(filter);
    return refused;
  }

  for (const kind of DEVICE_KINDS) {
    describe(kind, () => {
      it('publishes its own reports, and nothing of another device, another kind or outside ase/v1', async () => {
        const { mine, other } = devices.get(kind)!;
        const id = mine.pairing.deviceId;
        const { channel, payload } = OWN_REPORT[kind];
        const otherKind = DEVICE_KINDS.find((k) => k !== kind)!;
        const expected: Array<[string, boolean]> = [
          [mqttTopic.device(kind, id, channel), false],
          [mqttTopic.device(kind, id, 'status'), false],
          [mqttTopic.device(kind, other.pairing.deviceId, channel), true],
          [mqttTopic.device(otherKind, id, OWN_REPORT[otherKind].channel), true],
          [mqttTopic.command(kind, id, 'print'), true],
          [mqttTopic.bayState(bayId), true],
          [mqttTopic.printerState(id), true],
          [mqttTopic.serverStatus, true],
          // Home Assistant's birth and will (acted on, never passed on); nobody else's business
          ['homeassistant/status', kind !== 'home-assistant'],
          ['homeassistant/binary_sensor/x/config', true],
          ['$SYS/broker/clients', true],
          ['shop/anything', true],
        ];
        for (const [topic, refused] of expected)
          expect([topic, await publishRefused(mine.client, id, topic, payload)]).toEqual([topic, refused]);
        if (channel !== 'status')
          await waitFor('the own report to reach its handler', () =>
            reports.some((r) => r.deviceId === id && r.channel === channel),
          );
        expect(reports.filter((r) => r.deviceId === other.pairing.deviceId)).toEqual([]);
      });

      it('subscribes to its own commands only (a display also to its bay’s state, Home Assistant to the floor’s)', async () => {
        const { mine, other } = devices.get(kind)!;
        const id = mine.pairing.deviceId;
        const readsFloor = kind === 'home-assistant';
        const expected: Array<[string, boolean]> = [
          [mqttTopic.command(kind, id, '#'), false],
          [mqttTopic.command(kind, id, '+'), false],
          [mqttTopic.command(kind, id, 'print'), false],
          [mqttTopic.command(kind, other.pairing.deviceId, '#'), true],
          [mqttTopic.device(kind, other.pairing.deviceId, 'status'), true],
          [`ase/v1/${kind}/+/status`, true],
          [mqttTopic.bayState(bayId), kind !== 'display' && !readsFloor],
          [mqttTopic.bayState(otherBayId), !readsFloor],
          ['ase/v1/bay/+/state', !readsFloor],
          ['ase/v1/printer/+/state', !readsFloor],
          [mqttTopic.serverStatus, !readsFloor],
          ['homeassistant/#', !readsFloor],
          ['ase/v1/bay/#', true],
          ['ase/v1/+/+/state', true],
          ['ase/v1/#', true],
          ['#', true],
          ['$SYS/#', true],
        ];
        for (const [filter, refused] of expected)
          expect([filter, await subscribeRefused(mine.client, id, filter)]).toEqual([filter, refused]);
      });
    });
  }

  it('delivers nothing a device may not see, even when a refused publish aims at a display', async () => {
    const display = devices.get('display')!.mine;
    const sensor = devices.get('bay-sensor')!.mine;
    const received: string[] = [];
    display.client.on('message', (topic, payload) => received.push(`${topic} ${payload.toString()}`));
    await display.client.subscribeAsync(mqttTopic.bayState(bayId), { qos: 1 });
    await sensor.client.publishAsync(mqttTopic.bayState(bayId), '{"forged":true}', { qos: 1 });
    const state = {
      bayId,
      occupied: true,
      since: '2026-03-02T14:00:00.000Z',
      jobId: null,
      repairOrderNumber: null,
      jobTitle: null,
      at: '2026-03-02T14:00:00.000Z',
    };
    await broker.app.deviceGateway.publishBayState(state);
    await waitFor('the bay state to reach the display', () => received.length > 0);
    // Only ASE's own state arrives (other modules may send the same state again); never the forgery.
    expect(new Set(received)).toEqual(new Set([`${mqttTopic.bayState(bayId)} ${JSON.stringify(state)}`]));
  });

  describe('connections', () => {
    const refusedWith = async (options: Parameters<typeof connectDevice>[2], pairing: Pairing) => {
      const error = await connectDevice(broker.mqttUrl, pairing, options).then(
        async (client) => {
          await client.endAsync(true);
          return null;
        },
        (e: Error & { code?: number }) => e,
      );
      return error?.code ?? null;
    };

    it('refuses anonymous, unknown, wrong-password and client-id-mismatch clients, counting each', async () => {
      const { pairing } = devices.get('bay-sensor')!.mine;
      const before = await refusalsOf(pairing.deviceId);
      expect(await refusedWith({ username: undefined, password: undefined }, pairing)).toBe(4);
      expect(await refusedWith({ username: 'no-such-device', clientId: 'no-such-device' }, pairing)).toBe(4);
      expect(await refusedWith({ password: 'not the password' }, pairing)).toBe(4);
      expect(await refusedWith({ clientId: 'someone-else' }, pairing)).toBe(2);
      expect(await refusalsOf(pairing.deviceId)).toBe(before + 2);
      const list = await broker.app.inject({ method: 'GET', url: '/api/devices', headers: { cookie } });
      expect(
        list.json<{ unknownClients: Array<{ address: string; refusals: number }> }>().unknownClients,
      ).toEqual([expect.objectContaining({ address: '127.0.0.1', refusals: 2 })]);
    });

    it('drops a revoked device at once and refuses it from then on', async () => {
      const pairing = await pairDevice(broker.app, cookie, 'kiosk', 'Counter kiosk');
      const client = await connectDevice(broker.mqttUrl, pairing);
      const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
      const revoked = await broker.app.inject({
        method: 'POST',
        url: `/api/devices/${pairing.deviceId}/revoke`,
        headers: { cookie },
      });
      expect(revoked.statusCode).toBe(200);
      await closed;
      await client.endAsync(true);
      expect(await refusedWith({}, pairing)).toBe(5);
      expect(revoked.json<{ revokedAt: string | null }>().revokedAt).not.toBeNull();
    });
  });
});
