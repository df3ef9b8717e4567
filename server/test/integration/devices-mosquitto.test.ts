import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectAsync } from 'mqtt';
import { mqttTopic, type BayState } from '../../contracts/mqtt.js';
import type { PairedDevice, Pairing } from '../../src/modules/devices/devices.schemas.js';
import { insertBay } from '../helpers/fixtures.js';
import {
  listedDevice,
  pairDevice,
  startAppWithBroker,
  waitFor,
  type AppWithBroker,
} from '../helpers/mqtt.js';
import { injectAs, setupOwner } from '../helpers/test-app.js';

/*
 * Interoperability with Debian's mosquitto-clients: what a firmware author tries first. The
 * command lines are the ones devices/README.md shows.
 */

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 15_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

const credentials = (pairing: Pairing) => [
  '-i',
  pairing.clientId,
  '-u',
  pairing.username,
  '-P',
  pairing.password,
];

describe('mosquitto_pub and mosquitto_sub against the broker', () => {
  let broker: AppWithBroker | null = null;
  afterEach(async () => {
    await broker?.close();
    broker = null;
  });

  it('publishes a report at QoS 1, receives the retained bay state as a display, and is refused where it must be', async () => {
    broker = await startAppWithBroker();
    const { app } = broker;
    const { cookie } = await setupOwner(app);
    const bayId = insertBay(broker.database, 'Bay 2');
    const reports: number[] = [];
    app.deviceGateway.onMessage('bay-sensor', 'occupancy', (m) => {
      reports.push(m.payload.seq);
    });
    const sensor = await pairDevice(app, cookie, 'bay-sensor', 'Bay 2 sensor', bayId);
    const display = await pairDevice(app, cookie, 'display', 'Bay 2 TV', bayId);
    const server = ['-h', '127.0.0.1', '-p', String(broker.mqttPort), '-V', 'mqttv311'];

    const published = await run('mosquitto_pub', [
      ...server,
      ...credentials(sensor),
      '-q',
      '1',
      '-t',
      `ase/v1/bay-sensor/${sensor.deviceId}/occupancy`,
      '-m',
      '{"at":"2026-03-02T10:02:00Z","seq":41,"event":"in"}',
    ]);
    expect(published).toMatchObject({ code: 0, stderr: '' });
    await waitFor('the report from mosquitto_pub', () => reports.includes(41));

    const state: BayState = {
      bayId,
      occupied: true,
      since: '2026-03-02T10:02:00.000Z',
      jobId: null,
      repairOrderNumber: 1042,
      jobTitle: 'Front brakes',
      at: '2026-03-02T10:02:00.050Z',
    };
    await app.deviceGateway.publishBayState(state);
    const received = await run('mosquitto_sub', [
      ...server,
      ...credentials(display),
      '-q',
      '1',
      '-t',
      `ase/v1/bay/${bayId}/state`,
      '-C',
      '1',
      '-W',
      '5',
    ]);
    expect(received).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(received.stdout)).toEqual(state);

    // Another device's topic: MQTT 3.1.1 cannot say no to a publish, so it is dropped and counted.
    const forged = await run('mosquitto_pub', [
      ...server,
      ...credentials(sensor),
      '-q',
      '1',
      '-t',
      mqttTopic.bayState(bayId),
      '-m',
      '{"forged":true}',
    ]);
    expect(forged.code).toBe(0);
    expect((await listedDevice(app, cookie, sensor.deviceId)).refusals).toBe(1);
    const stillTrue = await run('mosquitto_sub', [
      ...server,
      ...credentials(display),
      '-t',
      mqttTopic.bayState(bayId),
      '-C',
      '1',
      '-W',
      '5',
    ]);
    expect(JSON.parse(stillTrue.stdout)).toEqual(state);

    const denied = await run('mosquitto_sub', [
      ...server,
      ...credentials(sensor),
      '-t',
      'ase/v1/#',
      '-C',
      '1',
      '-W',
      '3',
    ]);
    expect(denied).toEqual({ code: 0, stdout: '', stderr: 'All subscription requests were denied.\n' });

    const wrong = await run('mosquitto_pub', [
      ...server,
      '-i',
      sensor.clientId,
      '-u',
      sensor.username,
      '-P',
      'guess',
      '-t',
      'x',
      '-m',
      '{}',
    ]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/bad user name or password/i);

    const v5 = await run('mosquitto_pub', [
      '-h',
      '127.0.0.1',
      '-p',
      String(broker.mqttPort),
      '-V',
      'mqttv5',
      ...credentials(sensor),
      '-t',
      `ase/v1/bay-sensor/${sensor.deviceId}/occupancy`,
      '-m',
      '{}',
    ]);
    expect(v5.code).not.toBe(0);
  }, 60_000);

  it('speaks MQTT over TLS with the local CA’s certificate, whose fingerprint the pairing carries', async () => {
    broker = await startAppWithBroker({ tls: true });
    const { app } = broker;
    const { cookie } = await setupOwner(app);
    const created = await injectAs(app, cookie, {
      method: 'POST',
      url: '/api/devices',
      payload: { kind: 'obd-dongle', name: 'Dongle' },
    });
    const { pairing } = created.json<PairedDevice>();
    const caPem = (await app.inject({ method: 'GET', url: '/api/tls/ca.crt' })).body;
    expect(pairing.caSha256).toBe(new X509Certificate(caPem).fingerprint256);
    expect(pairing.tlsPort).toBe(Number(new URL(broker.mqttsUrl!).port));
    const caFile = join(broker.dataDir, 'pinned-ca.pem');
    writeFileSync(caFile, caPem);
    const telemetry: number[] = [];
    app.deviceGateway.onMessage('obd-dongle', 'telemetry', (m) => {
      telemetry.push(m.payload.seq);
    });

    const published = await run('mosquitto_pub', [
      '-h',
      'localhost',
      '-p',
      String(pairing.tlsPort),
      '--cafile',
      caFile,
      '-V',
      'mqttv311',
      ...credentials(pairing),
      '-q',
      '1',
      '-t',
      `ase/v1/obd-dongle/${pairing.deviceId}/telemetry`,
      '-m',
      '{"at":"2026-03-02T10:02:00Z","seq":1,"batteryVolts":12.4}',
    ]);
    expect(published).toMatchObject({ code: 0, stderr: '' });

    const client = await connectAsync(broker.mqttsUrl!, {
      ca: caPem,
      servername: 'localhost',
      clientId: pairing.clientId,
      username: pairing.username,
      password: pairing.password,
      protocolVersion: 4,
      reconnectPeriod: 0,
    });
    await client.publishAsync(
      `ase/v1/obd-dongle/${pairing.deviceId}/telemetry`,
      JSON.stringify({ at: '2026-03-02T10:02:01Z', seq: 2, batteryVolts: 12.5 }),
      { qos: 1 },
    );
    await client.endAsync();
    await waitFor('both reports over TLS', () => telemetry.length === 2);
    expect(telemetry).toEqual([1, 2]);

    const unpinned = await run('mosquitto_pub', [
      '-h',
      'localhost',
      '-p',
      String(pairing.tlsPort),
      '--capath',
      '/nonexistent',
      ...credentials(pairing),
      '-t',
      'x',
      '-m',
      '{}',
    ]);
    expect(unpinned.code).not.toBe(0);
  }, 60_000);
});
