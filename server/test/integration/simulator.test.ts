import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planDay } from '../../../devices/simulator/day-plan.js';
import { pairWithServer } from '../../../devices/simulator/server-pairing.js';
import { ShopFloor } from '../../../devices/simulator/shop-floor.js';
import { startAppWithBroker, waitFor, type AppWithBroker } from '../helpers/mqtt.js';
import { injectAs, OWNER, setupOwner } from '../helpers/test-app.js';

/**
 * `npm run simulate` against the real app: the simulator signs in over HTTP as the owner, pairs
 * its devices with POST /api/devices, and plays a short seeded day on the app's own broker. What
 * the server saw is read back from the device gateway and GET /api/devices.
 */
const START = new Date('2026-12-07T07:30:00.000Z');

interface FloorDevice {
  id: string;
  kind: string;
  bayId: string | null;
  online: boolean;
  badMessages: number;
  lastError: string | null;
}

describe('the simulator on the real app', () => {
  let shop: AppWithBroker | null = null;
  let floor: ShopFloor | null = null;
  const folders: string[] = [];
  afterEach(async () => {
    await floor?.close();
    floor = null;
    await shop?.close();
    shop = null;
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('pairs its devices, comes online, and every report of a seeded day is taken or counted as bad', async () => {
    shop = await startAppWithBroker();
    const app = shop.app;
    const { cookie } = await setupOwner(app);
    const bays: string[] = [];
    for (const name of ['Bay 1', 'Bay 2', 'Bay 3']) {
      const created = await injectAs(app, cookie, { method: 'POST', url: '/api/bays', payload: { name } });
      expect(created.statusCode, created.body).toBe(201);
      bays.push(created.json<{ id: string }>().id);
    }
    const received = { occupancy: 0, telemetry: 0, dtc: 0 };
    app.deviceGateway.onMessage('bay-sensor', 'occupancy', () => void received.occupancy++);
    app.deviceGateway.onMessage('obd-dongle', 'telemetry', () => void received.telemetry++);
    app.deviceGateway.onMessage('obd-dongle', 'dtc', () => void received.dtc++);

    const folder = mkdtempSync(join(tmpdir(), 'ase-sim-pairings-'));
    folders.push(folder);
    const server = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const pairing = { server, email: OWNER.email, password: OWNER.password, folder, log: () => {} };
    const counts = { bays: 3, dongles: 2, displays: 1, printer: null };
    const { pairings, cars } = await pairWithServer({ ...pairing, ...counts });
    expect(cars).toEqual([]); // no open repair orders in a new shop: the dongles make up cars
    expect(pairings.map((p) => p.kind)).toEqual([
      'bay-sensor',
      'bay-sensor',
      'bay-sensor',
      'obd-dongle',
      'obd-dongle',
      'display',
    ]);
    expect(pairings.filter((p) => p.kind === 'bay-sensor').map((p) => p.bayId)).toEqual(bays);
    expect(pairings.find((p) => p.kind === 'display')?.bayId).toBe(bays[0]);
    expect(readdirSync(folder).sort()).toEqual([
      'bay-sensor-01.json',
      'bay-sensor-02.json',
      'bay-sensor-03.json',
      'display-01.json',
      'obd-dongle-01.json',
      'obd-dongle-02.json',
    ]);
    // a second run reuses what the folder holds: the same devices, none added
    expect((await pairWithServer({ ...pairing, ...counts })).pairings).toEqual(pairings);
    const listed = async () =>
      (await injectAs(app, cookie, { method: 'GET', url: '/api/devices' })).json<{ items: FloorDevice[] }>()
        .items;
    expect((await listed()).length).toBe(6);

    floor = new ShopFloor({ pairings, start: START, speed: 0, brokerUrl: shop.mqttUrl, log: () => {} });
    await floor.connect();
    await waitFor('all six devices online', async () => (await listed()).every((d) => d.online));

    const plan = planDay({
      seed: 11,
      bays: 3,
      dongles: 2,
      hours: 4,
      dtcRate: 0.6,
      faultRate: 0.2,
      telemetryEveryMinutes: 10,
    });
    expect(await floor.play(plan)).toBe(true);
    const t = floor.totals;
    expect(t.occupancy).toBeGreaterThan(6);
    expect(t.telemetry).toBeGreaterThan(4);
    expect(t.dtc).toBeGreaterThan(0);
    expect(t.malformed).toBeGreaterThan(0);
    // QoS 1: each report was acknowledged before the next; the handlers may still be running
    await waitFor(
      'the valid reports to reach the gateway',
      () =>
        received.occupancy === t.occupancy + t.duplicate &&
        received.telemetry === t.telemetry &&
        received.dtc === t.dtc,
    );
    const devices = await listed();
    const sensors = devices.filter((d) => d.kind === 'bay-sensor');
    expect(sensors.reduce((sum, d) => sum + d.badMessages, 0)).toBe(t.malformed);
    const others = devices.filter((d) => d.kind !== 'bay-sensor');
    expect(others.map((d) => `${d.kind} ${d.badMessages} ${d.lastError}`).sort()).toEqual([
      'display 0 null',
      'obd-dongle 0 null',
      'obd-dongle 0 null',
    ]);

    await floor.close();
    await waitFor('all six devices offline after the clean shutdown', async () =>
      (await listed()).every((d) => !d.online),
    );
  });
});
