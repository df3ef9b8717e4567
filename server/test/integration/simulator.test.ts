import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planDay } from '../../../devices/simulator/day-plan.js';
import { downloadShopCa, pairWithServer } from '../../../devices/simulator/server-pairing.js';
import { ShopFloor } from '../../../devices/simulator/shop-floor.js';
import { startVirtualPrinter, type VirtualPrinter } from '../../../devices/simulator/virtual-printer.js';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
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
  let printer: VirtualPrinter | null = null;
  const folders: string[] = [];
  afterEach(async () => {
    await printer?.close();
    printer = null;
    await floor?.close();
    floor = null;
    await shop?.close();
    shop = null;
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'pairs its devices, comes online, and every report of a seeded day is taken or counted as bad',
    { timeout: 60_000 },
    async () => {
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
      // up to the first car into bay 1: the display placed there shows it (the bay-sensors module
      // publishes the bay's retained state), then the rest of the day
      const firstIn = plan.findIndex((s) => s.action === 'occupancy' && s.bay === 0 && s.event === 'in');
      expect(await floor.play(plan.slice(0, firstIn + 1))).toBe(true);
      const display = floor.displays[0]!;
      await waitFor('the display to show bay 1 occupied', () => display.seen.at(-1)?.occupied === true);
      expect(display.seen.at(-1)?.bayId).toBe(bays[0]);
      expect(await floor.play(plan.slice(firstIn + 1))).toBe(true);
      await waitFor(
        'the display to show bay 1 empty at closing',
        () => display.seen.at(-1)?.occupied === false,
      );
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
    },
  );

  it("connects over TLS trusting only the shop's CA, and refuses a CA that is not the paired one", async () => {
    shop = await startAppWithBroker({ tls: true });
    const { mqttsUrl } = shop;
    expect(mqttsUrl).not.toBeNull();
    const { cookie } = await setupOwner(shop.app);
    const folder = mkdtempSync(join(tmpdir(), 'ase-sim-pairings-'));
    folders.push(folder);
    const server = `http://127.0.0.1:${(shop.app.server.address() as AddressInfo).port}`;
    const { pairings } = await pairWithServer({
      server,
      email: OWNER.email,
      password: OWNER.password,
      folder,
      log: () => {},
      bays: 0,
      dongles: 1,
      displays: 0,
      printer: null,
    });
    const dongle = pairings[0]!;
    expect(dongle.caSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const caPem = await downloadShopCa(server);
    const options = { start: START, speed: 0, brokerUrl: mqttsUrl!, caPem, log: () => {} };

    floor = new ShopFloor({ ...options, pairings: [{ ...dongle, caSha256: 'AB:'.repeat(31) + 'AB' }] });
    await expect(floor.connect()).rejects.toThrow(/not the pairing's AB:AB.*not this shop's CA/);

    floor = new ShopFloor({ ...options, pairings: [dongle] });
    await floor.connect();
    await floor.dongles[0]!.sendTelemetry({
      vin: '2T3MDS9Y8J1766708',
      odometerKm: 92_507.9,
      batteryVolts: 12.6,
    });
    const listed = await injectAs(shop.app, cookie, { method: 'GET', url: '/api/devices' });
    expect(
      listed.json<{ items: FloorDevice[] }>().items.map((d) => [d.kind, d.online, d.badMessages]),
    ).toEqual([['obd-dongle', true, 0]]);
  });

  it('adds its virtual printer to the shop, which prints a key tag it writes as text and PNG', async () => {
    shop = await startAppWithBroker();
    const { cookie } = await setupOwner(shop.app);
    const folder = mkdtempSync(join(tmpdir(), 'ase-sim-labels-'));
    folders.push(folder);
    printer = await startVirtualPrinter({
      host: '127.0.0.1',
      port: 0,
      out: join(folder, 'labels'),
      log: () => {},
    });
    const server = `http://127.0.0.1:${(shop.app.server.address() as AddressInfo).port}`;
    const { pairings } = await pairWithServer({
      server,
      email: OWNER.email,
      password: OWNER.password,
      folder: join(folder, 'pairings'),
      log: () => {},
      bays: 0,
      dongles: 0,
      displays: 0,
      printer: { host: '127.0.0.1', port: printer.port },
    });
    expect(pairings.map((p) => p.kind)).toEqual(['label-printer']);
    const printers = await injectAs(shop.app, cookie, { method: 'GET', url: '/api/printers' });
    expect(printers.json<Array<{ deviceId: string; host: string; port: number }>>()).toMatchObject([
      { deviceId: pairings[0]!.deviceId, host: '127.0.0.1', port: printer.port },
    ]);

    const customerId = insertCustomer(shop.database, { name: 'Maria Gonzalez' });
    const vehicleId = insertVehicle(shop.database, customerId, { year: 2019, make: 'Honda', model: 'Civic' });
    const ro = await injectAs(shop.app, cookie, {
      method: 'POST',
      url: '/api/repair-orders',
      payload: { customerId, vehicleId, concerns: ['Oil change'] },
    });
    expect(ro.statusCode, ro.body).toBe(201);
    const { id, number } = ro.json<{ id: string; number: number }>();
    const queued = await injectAs(shop.app, cookie, {
      method: 'POST',
      url: `/api/repair-orders/${id}/key-tag`,
      payload: {},
    });
    expect(queued.statusCode, queued.body).toBe(202);
    const labels = printer;
    await waitFor('the key tag to be written', () => labels.files.length === 2, 15_000);
    const text = readFileSync(join(folder, 'labels', '0001.txt'), 'utf8').split('\n');
    expect(text.slice(0, 2)).toEqual([String(number), 'Gonzalez']);
    expect(text).toContain('2019 Honda Civic');
    expect(text.find((line) => line.startsWith('[QR] '))).toMatch(new RegExp(`/repair-orders/${id}$`));
    expect(labels.files[0]).toBe(join(folder, 'labels', '0001.png'));
  });
});
