import { afterEach, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { mqttTopic } from '../../contracts/mqtt.js';
import type { DeviceMessage } from '../../src/modules/devices/device-gateway.js';
import {
  connectDevice,
  pairDevice,
  startAppWithBroker,
  waitFor,
  type AppWithBroker,
} from '../helpers/mqtt.js';
import { setupOwner } from '../helpers/test-app.js';

describe('the device gateway', () => {
  let broker: AppWithBroker | null = null;
  const clients: MqttClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.endAsync(true);
    await broker?.close();
    broker = null;
  });

  it('hands a paired device’s valid report to onMessage, with the device and the server’s time', async () => {
    broker = await startAppWithBroker();
    const { cookie } = await setupOwner(broker.app);
    const received: DeviceMessage<'bay-sensor', 'occupancy'>[] = [];
    broker.app.deviceGateway.onMessage('bay-sensor', 'occupancy', (message) => {
      received.push(message);
    });
    const pairing = await pairDevice(broker.app, cookie, 'bay-sensor', 'Bay 1 sensor');
    const client = await connectDevice(broker.mqttUrl, pairing);
    clients.push(client);
    const report = { at: '2026-03-02T14:00:01.000Z', seq: 1, event: 'in' };
    await client.publishAsync(
      mqttTopic.device('bay-sensor', pairing.deviceId, 'occupancy'),
      JSON.stringify(report),
      {
        qos: 1,
      },
    );
    await waitFor('the report to reach the handler', () => received.length === 1);
    expect(received[0]).toMatchObject({
      device: { id: pairing.deviceId, kind: 'bay-sensor', name: 'Bay 1 sensor', bayId: null },
      channel: 'occupancy',
      payload: report,
      receivedAt: '2026-03-02T14:00:00.000Z',
    });
  });
});
