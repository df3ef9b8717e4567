import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { startCaptureServer, type CaptureServer } from '../../../devices/escpos/index.js';
import { HOME_ASSISTANT_STATUS_TOPIC, mqttTopic } from '../../contracts/mqtt.js';
import type { Pairing } from '../../src/modules/devices/devices.schemas.js';
import { insertBay } from '../helpers/fixtures.js';
import {
  connectDevice,
  listedDevice,
  pairDevice,
  startAppWithBroker,
  waitFor,
  type AppWithBroker,
} from '../helpers/mqtt.js';
import { injectAs, setupOwner } from '../helpers/test-app.js';

/*
 * Home Assistant (issue 17, point 9): the shop's Home Assistant is paired like a device and, once
 * connected to ASE's broker, finds each bay's occupancy and each label printer's state through
 * MQTT discovery, with no configuration of its own. A real aedes broker in the real app, a real
 * `mqtt` client in Home Assistant's place, a real TCP printer on 127.0.0.1.
 */

interface Received {
  topic: string;
  payload: string;
  retain: boolean;
}

describe('Home Assistant discovery', () => {
  let broker: AppWithBroker;
  let cookie: string;
  let bayId: string;
  let printer: CaptureServer;
  let printerPairing: Pairing;
  let homeAssistant: Pairing;
  let client: MqttClient;
  const received: Received[] = [];
  const configs = () => received.filter((m) => m.topic.startsWith('homeassistant/'));
  const latest = (topic: string) => received.filter((m) => m.topic === topic).at(-1);

  beforeAll(async () => {
    broker = await startAppWithBroker();
    ({ cookie } = await setupOwner(broker.app));
    bayId = insertBay(broker.database, 'Bay 2');
    printer = await startCaptureServer();
    printerPairing = await pairDevice(broker.app, cookie, 'label-printer', 'Counter printer');
    const put = await injectAs(broker.app, cookie, {
      method: 'PUT',
      url: `/api/printers/${printerPairing.deviceId}`,
      payload: { transport: 'tcp', host: printer.host, port: printer.port },
    });
    expect(put.statusCode, put.body).toBe(200);
    homeAssistant = await pairDevice(broker.app, cookie, 'home-assistant', 'Home Assistant');
    client = await connectDevice(broker.mqttUrl, homeAssistant);
    client.on('message', (topic, payload, packet) =>
      received.push({ topic, payload: payload.toString(), retain: packet.retain }),
    );
    await client.subscribeAsync(
      ['homeassistant/#', 'ase/v1/bay/+/state', 'ase/v1/printer/+/state', mqttTopic.serverStatus],
      { qos: 1 },
    );
  });

  afterAll(async () => {
    await client.endAsync(true);
    await printer.close();
    await broker.close();
  });

  const bayConfigTopic = () => `homeassistant/binary_sensor/ase_bay_${bayId}/config`;
  const printerTopics = () => [
    `homeassistant/binary_sensor/ase_printer_${printerPairing.deviceId}/config`,
    `homeassistant/sensor/ase_printer_${printerPairing.deviceId}_queued/config`,
  ];

  it('announces each bay, each printer and the server, retained, with nothing to configure', async () => {
    await waitFor('the discovery configs', () => configs().length >= 4);
    expect(new Set(configs().map((m) => m.topic))).toEqual(
      new Set([bayConfigTopic(), ...printerTopics(), 'homeassistant/binary_sensor/ase_server/config']),
    );
    // Retained: Home Assistant subscribing afresh (a restart) gets every one at once.
    await client.unsubscribeAsync('homeassistant/#');
    const mark = received.length;
    await client.subscribeAsync('homeassistant/#', { qos: 1 });
    await waitFor('the retained configs', () => received.slice(mark).length >= 4);
    expect(received.slice(mark).every((m) => m.retain && m.topic.startsWith('homeassistant/'))).toBe(true);
    const bay = JSON.parse(latest(bayConfigTopic())!.payload) as Record<string, unknown>;
    expect(bay).toMatchObject({
      unique_id: `ase_bay_${bayId}_occupied`,
      device_class: 'occupancy',
      state_topic: mqttTopic.bayState(bayId),
      availability_topic: mqttTopic.serverStatus,
      device: { identifiers: [`ase_bay_${bayId}`], name: 'Bay 2', via_device: 'ase_server' },
    });
    const online = JSON.parse(latest(printerTopics()[0]!)!.payload) as Record<string, unknown>;
    expect(online).toMatchObject({
      device_class: 'connectivity',
      state_topic: mqttTopic.printerState(printerPairing.deviceId),
      device: { name: 'Counter printer' },
    });
    await waitFor('the server’s status', () => latest(mqttTopic.serverStatus)?.payload === 'online');
  });

  it('gives the states the configs point at: a bay’s occupancy and a printer’s answer', async () => {
    await waitFor('the printer’s state after its status probe', () => {
      const state = latest(mqttTopic.printerState(printerPairing.deviceId));
      return state !== undefined && (JSON.parse(state.payload) as { online: boolean }).online;
    });
    expect(JSON.parse(latest(mqttTopic.printerState(printerPairing.deviceId))!.payload)).toMatchObject({
      printerId: printerPairing.deviceId,
      online: true,
      queued: 0,
      lastError: null,
    });
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
    await waitFor('the bay’s occupancy', () => {
      const last = latest(mqttTopic.bayState(bayId));
      return last !== undefined && (JSON.parse(last.payload) as { occupied: boolean }).occupied;
    });
  });

  it('announces everything again when Home Assistant comes online, and counts no refusal for it', async () => {
    const before = configs().length;
    await client.publishAsync(HOME_ASSISTANT_STATUS_TOPIC, 'online', { qos: 1 });
    await waitFor('the configs again', () => configs().length >= before + 4);
    const listed = await listedDevice(broker.app, cookie, homeAssistant.deviceId);
    expect(listed.refusals).toBe(0);
    expect(listed.badMessages).toBe(0);
  });

  it('clears a revoked printer’s entities (an empty retained config)', async () => {
    const revoked = await injectAs(broker.app, cookie, {
      method: 'POST',
      url: `/api/devices/${printerPairing.deviceId}/revoke`,
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    await waitFor('the printer’s configs to be cleared', () =>
      printerTopics().every((topic) => latest(topic)?.payload === ''),
    );
    expect(latest(bayConfigTopic())!.payload).not.toBe('');
  });
});
