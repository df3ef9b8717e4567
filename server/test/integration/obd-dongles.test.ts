import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mqttTopic } from '../../contracts/mqtt.js';
import type { Pairing } from '../../src/modules/devices/devices.schemas.js';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
import {
  connectDevice,
  pairDevice,
  startAppWithBroker,
  waitFor,
  type AppWithBroker,
} from '../helpers/mqtt.js';
import { injectAs, setupOwner } from '../helpers/test-app.js';

/**
 * OBD dongles over MQTT, end to end: a real broker in the real app, a real `mqtt` client paired
 * through the API (and Debian's mosquitto_pub for one report), the obd module's handlers on the
 * device gateway, and what the advisor sees through the API.
 */

const VIN = '1HGCM82633A004352';
const OTHER_VIN = '1FTFW1ET5DFC10312';
const DAY = 86_400_000;

let t: AppWithBroker;
let owner: string;
let pairing: Pairing;
let dongle: MqttClient;

beforeEach(async () => {
  t = await startAppWithBroker();
  owner = (await setupOwner(t.app)).cookie;
  pairing = await pairDevice(t.app, owner, 'obd-dongle', 'Dongle 1');
  dongle = await connectDevice(t.mqttUrl, pairing);
});
afterEach(async () => {
  await dongle.endAsync();
  await t.close();
});

const stamp = (seq: number) => ({ seq, at: '2026-03-02T14:00:00Z' });
function publish(channel: 'telemetry' | 'dtc', payload: object) {
  return dongle.publishAsync(
    mqttTopic.device('obd-dongle', pairing.deviceId, channel),
    JSON.stringify(payload),
    {
      qos: 1,
    },
  );
}
const sql = <T>(query: string, ...params: unknown[]) =>
  t.database.sqlite
    .prepare(query)
    .pluck()
    .get(...params) as T;
const scanCount = () => sql<number>('SELECT count(*) FROM obd_scans');
const get = (url: string) => injectAs(t.app, owner, { method: 'GET', url });

function vehicleWithRepairOrder(vin: string | null) {
  const customerId = insertCustomer(t.database);
  const vehicleId = insertVehicle(t.database, customerId, { vin });
  return { customerId, vehicleId };
}

describe('dtc reports', () => {
  it('become a scan on the open repair order; a repeat and an older seq are not counted again', async () => {
    const { customerId, vehicleId } = vehicleWithRepairOrder(VIN);
    const ro = await injectAs(t.app, owner, {
      method: 'POST',
      url: '/api/repair-orders',
      payload: { customerId, vehicleId, concerns: ['Check engine light'] },
    });
    const announced: unknown[] = [];
    t.app.events.on('obdChanged', (e) => void announced.push(e));
    const first = { ...stamp(10), vin: VIN, stored: ['P0301'], pending: [], permanent: [], milOn: true };
    await publish('dtc', { ...first, freezeFrame: { rpm: 820, coolantC: 91, dtc: 'P0301' } });
    await publish('dtc', first); // the same seq again (a retry after a lost PUBACK)
    await publish('dtc', {
      ...stamp(9),
      vin: VIN,
      stored: ['P0171'],
      pending: [],
      permanent: [],
      milOn: true,
    });
    // Reports of one dongle are handled in order: once seq 11 is in, 10, 10 and 9 are done.
    await publish('dtc', {
      ...stamp(11),
      stored: ['P0301', 'P1456'],
      pending: ['P0420'],
      permanent: [],
      milOn: true,
    });
    await waitFor(
      'the scan of seq 11',
      () => sql<number>('SELECT count(*) FROM obd_scans WHERE seq = 11') === 1,
    );

    expect(scanCount()).toBe(2);
    // The vehicle's and the repair order's screens hear of each scan (topics vehicle:… and repair-order:…).
    expect(announced).toEqual([
      { vehicleId, repairOrderId: ro.json().id, change: 'scan', at: expect.any(String) },
      { vehicleId, repairOrderId: ro.json().id, change: 'scan', at: expect.any(String) },
    ]);
    const view = (await get(`/api/vehicles/${vehicleId}/obd`)).json();
    expect(view.scans.map((s: { repairOrderId: string }) => s.repairOrderId)).toEqual([
      ro.json().id,
      ro.json().id,
    ]);
    const [latest, earlier] = view.scans;
    expect(latest).toMatchObject({ source: 'mqtt', deviceId: pairing.deviceId, vin: VIN, milOn: true });
    expect(latest.codes).toEqual([
      { code: 'P0301', kind: 'stored', system: 'Powertrain', scope: 'generic', description: null },
      {
        code: 'P1456',
        kind: 'stored',
        system: 'Powertrain',
        scope: 'manufacturer-specific',
        description: null,
      },
      { code: 'P0420', kind: 'pending', system: 'Powertrain', scope: 'generic', description: null },
    ]);
    expect(earlier.freezeFrame).toEqual({ rpm: 820, coolantC: 91, dtc: 'P0301' });
  });

  it('with an unknown VIN wait in the unmatched list until the advisor attaches them', async () => {
    await publish('dtc', {
      ...stamp(1),
      vin: OTHER_VIN,
      stored: ['U0100'],
      pending: [],
      permanent: [],
      milOn: true,
    });
    // Without a VIN, a report belongs to the dongle's last one.
    await publish('telemetry', { ...stamp(2), odometerKm: 120_500.4, batteryVolts: 12.2 });
    await waitFor('two unmatched reports', () => sql<number>('SELECT count(*) FROM obd_unmatched') === 2);
    expect(scanCount()).toBe(0);

    const list = (await injectAs(t.app, owner, { method: 'GET', url: '/api/obd/unmatched' })).json();
    expect(list.items).toMatchObject([
      { channel: 'telemetry', vin: OTHER_VIN, odometerKm: 120_500.4, deviceName: 'Dongle 1' },
      { channel: 'dtc', vin: OTHER_VIN, codes: ['U0100'], milOn: true },
    ]);
    const attach = (vehicleId: string) =>
      injectAs(t.app, owner, {
        method: 'POST',
        url: `/api/obd/unmatched/${list.items[1].id}/attach`,
        payload: { vehicleId },
      });

    const wrongCar = vehicleWithRepairOrder(VIN).vehicleId;
    const refused = await attach(wrongCar);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors).toEqual([
      { path: 'vehicleId', message: `has VIN ${VIN}, not ${OTHER_VIN}` },
    ]);

    const { vehicleId } = vehicleWithRepairOrder(null);
    const attached = await attach(vehicleId);
    expect(attached.statusCode, attached.body).toBe(200);
    expect(attached.json()).toEqual({ vehicleId, attached: 2, scans: 1 });
    const view = (await get(`/api/vehicles/${vehicleId}/obd`)).json();
    expect(view.scans[0].codes[0]).toMatchObject({ code: 'U0100', system: 'Network', scope: 'generic' });
    const history = (await get(`/api/vehicles/${vehicleId}/odometer`)).json().items;
    expect(history).toMatchObject([{ reading: 120_500, unit: 'km', source: 'obd' }]);
    expect((await get('/api/obd/unmatched')).json().items).toEqual([]);
    expect((await attach(vehicleId)).statusCode).toBe(409);
  });

  it('from mosquitto_pub (Debian) are handled like any client’s', async () => {
    const { vehicleId } = vehicleWithRepairOrder(VIN);
    await dongle.endAsync(); // one connection per client id: mosquitto_pub takes the dongle's place
    const payload = {
      ...stamp(5),
      vin: VIN,
      stored: ['C0035'],
      pending: [],
      permanent: ['C0035'],
      milOn: false,
    };
    await promisify(execFile)('mosquitto_pub', [
      ...['-h', '127.0.0.1', '-p', String(t.mqttPort), '-V', 'mqttv311', '-q', '1'],
      ...['-i', pairing.clientId, '-u', pairing.username, '-P', pairing.password],
      ...['-t', mqttTopic.device('obd-dongle', pairing.deviceId, 'dtc'), '-m', JSON.stringify(payload)],
    ]);
    await waitFor('the scan from mosquitto_pub', () => scanCount() === 1);
    const [scan] = (await get(`/api/vehicles/${vehicleId}/obd`)).json().scans;
    expect(scan.codes.map((c: { code: string; kind: string }) => `${c.code}/${c.kind}`)).toEqual([
      'C0035/stored',
      'C0035/permanent',
    ]);
    dongle = await connectDevice(t.mqttUrl, pairing); // for afterEach
  });
});

describe('telemetry', () => {
  it('records the odometer at most hourly, holds a lower one for confirmation, and rolls up the day', async () => {
    const { vehicleId } = vehicleWithRepairOrder(VIN);
    await publish('telemetry', {
      ...stamp(1),
      vin: VIN,
      odometerKm: 84_211.5,
      batteryVolts: 12.6,
      fuelPercent: 40,
    });
    await publish('telemetry', { ...stamp(2), odometerKm: 84_213, batteryVolts: 12.2, milOn: true });
    await waitFor('two telemetry rows', () => sql<number>('SELECT count(*) FROM obd_telemetry') === 2);
    expect((await get(`/api/vehicles/${vehicleId}/odometer`)).json().items).toMatchObject([
      { reading: 84_212, unit: 'km', source: 'obd' },
    ]);

    t.clock.advance(2 * 60 * 60 * 1000);
    await publish('telemetry', { ...stamp(3), odometerKm: 1_200 }); // a replaced cluster, or a wrong car
    await waitFor(
      'the held reading',
      async () => (await get(`/api/vehicles/${vehicleId}/obd`)).json().odometerHolds.length === 1,
    );
    expect((await get(`/api/vehicles/${vehicleId}/odometer`)).json().items).toHaveLength(1);

    const daily = t.database.sqlite.prepare('SELECT * FROM obd_telemetry_daily').all();
    expect(daily).toMatchObject([
      {
        device_id: pairing.deviceId,
        day: '2026-03-02',
        vehicle_id: vehicleId,
        samples: 3,
        battery_min: 12.2,
        battery_max: 12.6,
        battery_count: 2,
        fuel_min: 40,
        fuel_max: 40,
        odometer_min_km: 1_200,
        odometer_max_km: 84_213,
        mil_on_samples: 1,
      },
    ]);

    const [hold] = (await get(`/api/vehicles/${vehicleId}/obd`)).json().odometerHolds;
    const confirmed = await injectAs(t.app, owner, {
      method: 'POST',
      url: `/api/obd/odometer-holds/${hold.id}/confirm`,
    });
    expect(confirmed.statusCode).toBe(200);
    expect((await get(`/api/vehicles/${vehicleId}/odometer`)).json().items[0]).toMatchObject({
      reading: 1_200,
    });
  });

  it('keeps raw rows for obdTelemetryRawDays and the daily roll-ups for ever', async () => {
    vehicleWithRepairOrder(VIN);
    await publish('telemetry', { ...stamp(1), vin: VIN, batteryVolts: 12.5 });
    await waitFor('the first row', () => sql<number>('SELECT count(*) FROM obd_telemetry') === 1);
    t.clock.advance(31 * DAY);
    await publish('telemetry', { ...stamp(2), batteryVolts: 12.4 });
    await waitFor(
      'the old row pruned',
      () => sql<number>('SELECT count(*) FROM obd_telemetry WHERE seq = 1') === 0,
    );
    expect(sql<number>('SELECT count(*) FROM obd_telemetry')).toBe(1);
    expect(sql<number>('SELECT count(*) FROM obd_telemetry_daily')).toBe(2);
  });

  it('drops a repeated seq, and a late one does not move the odometer', async () => {
    const { vehicleId } = vehicleWithRepairOrder(VIN);
    await publish('telemetry', { ...stamp(7), vin: VIN, odometerKm: 50_000 });
    await publish('telemetry', { ...stamp(7), vin: VIN, odometerKm: 50_000 });
    t.clock.advance(2 * 60 * 60 * 1000);
    await publish('telemetry', { ...stamp(6), odometerKm: 49_000 }); // late: sent before seq 7
    await publish('telemetry', { ...stamp(8), batteryVolts: 12.7 });
    await waitFor('seq 8', () => sql<number>('SELECT count(*) FROM obd_telemetry WHERE seq = 8') === 1);
    expect(sql<number>('SELECT count(*) FROM obd_telemetry')).toBe(3);
    expect(sql<number>('SELECT samples FROM obd_telemetry_daily')).toBe(3);
    expect((await get(`/api/vehicles/${vehicleId}/odometer`)).json().items).toMatchObject([
      { reading: 50_000 },
    ]);
    expect((await get(`/api/vehicles/${vehicleId}/obd`)).json().odometerHolds).toEqual([]);
  });
});
