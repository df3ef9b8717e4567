import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SerialBinding } from '../../../devices/obd/elm327-link.js';
import {
  MockBinding,
  readTranscript,
  transcriptAdapter,
  type TranscriptAdapter,
} from '../../../devices/obd/transcript-binding.js';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  setupOwner,
  type TestApp,
} from '../helpers/test-app.js';

/**
 * The counter's "Scan" through the real app: the ELM327 is played back from the transcripts in
 * devices/obd/transcripts on @serialport/binding-mock, handed to the app as its serial binding.
 */

const PORT = '/dev/ttyUSB-counter';
const VIN = '1HGCM82633A004352'; // what can-11bit-scan.txt reports

let t: TestApp;
let owner: string;
let adapter: TranscriptAdapter | null = null;

/** The app's binding: whatever adapter the current test plugged in (none: nothing at the path). */
const binding: SerialBinding = {
  list: () => MockBinding.list(),
  open: (options) => (adapter ?? { binding: MockBinding }).binding.open(options),
};

function plugIn(transcript: string): TranscriptAdapter {
  adapter = transcriptAdapter(PORT, readTranscript(transcript));
  return adapter;
}

beforeEach(async () => {
  t = await createTestApp(
    { obdSerialPath: PORT },
    { tuning: { obdSerial: { binding, commandTimeoutMs: 2_000 } } },
  );
  owner = (await setupOwner(t.app)).cookie;
});
afterEach(async () => {
  adapter = null;
  MockBinding.reset();
  await t.close();
});

function vehicle(vin: string | null = VIN): string {
  return insertVehicle(t.database, insertCustomer(t.database), { vin });
}

const scan = (vehicleId: string, payload: object = {}, cookie = owner) =>
  injectAs(t.app, cookie, { method: 'POST', url: `/api/vehicles/${vehicleId}/obd-scan`, payload });
const obdOf = (vehicleId: string) =>
  injectAs(t.app, owner, { method: 'GET', url: `/api/vehicles/${vehicleId}/obd` });
const countScans = () =>
  (t.database.sqlite.prepare('SELECT count(*) AS n FROM obd_scans').get() as { n: number }).n;

describe('POST /api/vehicles/:id/obd-scan', () => {
  it('scans the car, stores the scan on the open repair order and records the odometer', async () => {
    const vehicleId = vehicle();
    const ro = await injectAs(t.app, owner, {
      method: 'POST',
      url: '/api/repair-orders',
      payload: {
        customerId: t.database.sqlite
          .prepare('SELECT customer_id FROM vehicles WHERE id = ?')
          .pluck()
          .get(vehicleId),
        vehicleId,
        concerns: ['Check engine light'],
      },
    });
    expect(ro.statusCode).toBe(201);
    const plugged = plugIn('can-11bit-scan.txt');

    const response = await scan(vehicleId);
    expect(response.statusCode, response.body).toBe(201);
    expect(plugged.unexpected).toEqual([]);
    const body = response.json();
    expect(body.odometer).toEqual({ status: 'recorded', holdId: null });
    expect(body.scan).toMatchObject({
      vehicleId,
      repairOrderId: ro.json().id,
      source: 'serial',
      vin: VIN,
      protocol: 'ISO 15765-4 CAN (11 bit ID, 500 kbaud)',
      milOn: true,
      batteryVolts: 12.4,
      odometerKm: 10603.8,
      permanentReported: true,
    });
    expect(body.scan.codes).toEqual([
      {
        code: 'P0301',
        kind: 'stored',
        system: 'Powertrain',
        scope: 'generic',
        description: null, // no descriptions file in this app: shown without a title, never made up
      },
      { code: 'P0420', kind: 'stored', system: 'Powertrain', scope: 'generic', description: null },
      { code: 'P0171', kind: 'pending', system: 'Powertrain', scope: 'generic', description: null },
    ]);
    expect(body.scan.readiness.monitors).toContainEqual({ name: 'Evaporative system', complete: false });

    const history = await injectAs(t.app, owner, {
      method: 'GET',
      url: `/api/vehicles/${vehicleId}/odometer`,
    });
    expect(history.json().items).toMatchObject([{ reading: 10604, unit: 'km', source: 'obd' }]);
    const view = (await obdOf(vehicleId)).json();
    expect(view.scans).toHaveLength(1);
    expect(view.scans[0].id).toBe(body.scan.id);
    expect(view.serialConfigured).toBe(true);
  });

  it('holds an odometer reading lower than the last one until the advisor confirms it', async () => {
    const vehicleId = vehicle();
    const typed = await injectAs(t.app, owner, {
      method: 'POST',
      url: `/api/vehicles/${vehicleId}/odometer`,
      payload: { reading: 50_000, unit: 'km' },
    });
    expect(typed.statusCode).toBe(201);
    plugIn('can-11bit-scan.txt');

    const response = await scan(vehicleId);
    expect(response.statusCode).toBe(201);
    const { odometer } = response.json();
    expect(odometer.status).toBe('held-lower');
    const waiting = (await obdOf(vehicleId)).json().odometerHolds;
    expect(waiting).toEqual([
      expect.objectContaining({ id: odometer.holdId, readingKm: 10604, source: 'serial' }),
    ]);
    const before = await injectAs(t.app, owner, {
      method: 'GET',
      url: `/api/vehicles/${vehicleId}/odometer`,
    });
    expect(before.json().items).toHaveLength(1);

    const confirm = () =>
      injectAs(t.app, owner, { method: 'POST', url: `/api/obd/odometer-holds/${odometer.holdId}/confirm` });
    expect((await confirm()).statusCode).toBe(200);
    const after = await injectAs(t.app, owner, { method: 'GET', url: `/api/vehicles/${vehicleId}/odometer` });
    expect(after.json().items[0]).toMatchObject({ reading: 10604, source: 'obd' });
    const detail = await injectAs(t.app, owner, { method: 'GET', url: `/api/vehicles/${vehicleId}` });
    // The vehicle keeps its own unit (miles here): 10,604 km = 6,589 mi, lowered by the confirmation.
    expect(detail.json()).toMatchObject({ odometer: 6589, odometerUnit: 'mi' });
    expect((await obdOf(vehicleId)).json().odometerHolds).toEqual([]);
    // Confirmed once: a second click records nothing more.
    expect((await confirm()).statusCode).toBe(409);
    const audit = t.database.sqlite
      .prepare(`SELECT count(*) FROM audit_log WHERE action = 'vehicle.odometer_lowered' AND entity_id = ?`)
      .pluck()
      .get(vehicleId);
    expect(audit).toBe(1);
  });

  it('refuses to store a scan of another car (VIN mismatch): 409, nothing written', async () => {
    const vehicleId = vehicle('2HGFG12567H512345');
    plugIn('can-11bit-scan.txt');
    const before = countScans();
    const response = await scan(vehicleId);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ type: 'urn:ase:problem:obd-vin-mismatch', scannedVin: VIN });
    expect(countScans()).toBe(before);
  });

  it.each([
    ['ignition-off.txt', 409, 'no-car', /ignition/],
    ['no-data.txt', 409, 'no-car', /ignition/],
    ['unplugged-mid-scan.txt', 503, 'unplugged', /disconnected/],
    ['silent-adapter.txt', 503, 'timeout', /did not answer "ATZ"/],
  ] as const)(
    '%s: %i problem+json with the fault "%s", nothing stored',
    async (file, status, fault, detail) => {
      const vehicleId = vehicle();
      plugIn(file);
      const before = countScans();
      const response = await scan(vehicleId);
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.json()).toMatchObject({ type: `urn:ase:problem:obd-${fault}`, fault });
      expect(response.json().detail).toMatch(detail);
      expect(countScans()).toBe(before);
    },
  );

  it('says there is no adapter when nothing is plugged in at the configured path', async () => {
    const response = await scan(vehicle());
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      fault: 'no-adapter',
      detail: `No OBD adapter at ${PORT}: is it plugged in?`,
    });
  });

  it('refuses a repair order of another vehicle, and an unknown vehicle', async () => {
    const other = vehicle(null);
    const customerId = t.database.sqlite
      .prepare('SELECT customer_id FROM vehicles WHERE id = ?')
      .pluck()
      .get(other);
    const ro = await injectAs(t.app, owner, {
      method: 'POST',
      url: '/api/repair-orders',
      payload: { customerId, vehicleId: other, concerns: ['Noise'] },
    });
    const response = await scan(vehicle(), { repairOrderId: ro.json().id });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { path: 'repairOrderId', message: 'is not a repair order of this vehicle' },
    ]);
    expect((await scan('0190f5c2-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });

  it('is for the counter and the floor, not the parts desk', async () => {
    const parts = await loginAs(t.app, await createStaff(t.app, owner, 'parts'));
    expect((await scan(vehicle(null), {}, parts)).statusCode).toBe(403);
    const tech = await loginAs(t.app, await createStaff(t.app, owner, 'technician'));
    plugIn('can-11bit-scan.txt');
    expect((await scan(vehicle(), {}, tech)).statusCode).toBe(201);
  });
});

describe('POST /api/vehicles/:id/obd-clear', () => {
  const clear = (vehicleId: string, payload: object) =>
    injectAs(t.app, owner, { method: 'POST', url: `/api/vehicles/${vehicleId}/obd-clear`, payload });

  it('needs confirm: true, and sends nothing to the car without it', async () => {
    const vehicleId = vehicle();
    const plugged = plugIn('clear-codes.txt');
    const missing = await clear(vehicleId, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toMatch(/confirm/);
    const refused = await clear(vehicleId, { confirm: false });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      { path: 'confirm', message: expect.stringMatching(/readiness monitors/) },
    ]);
    expect(plugged.sent).toEqual([]);
  });

  it('clears with the confirmation, and audits it on the vehicle', async () => {
    const vehicleId = vehicle();
    const plugged = plugIn('clear-codes.txt');
    const response = await clear(vehicleId, { confirm: true });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      cleared: true,
      protocol: 'ISO 15765-4 CAN (11 bit ID, 500 kbaud)',
    });
    expect(plugged.sent.at(-1)).toBe('04');
    const audit = t.database.sqlite
      .prepare(`SELECT count(*) FROM audit_log WHERE action = 'vehicle.obd_codes_cleared' AND entity_id = ?`)
      .pluck()
      .get(vehicleId);
    expect(audit).toBe(1);
  });
});

describe('without an adapter configured, and with the descriptions file', () => {
  let bare: TestApp;
  beforeAll(async () => {
    bare = await createTestApp({ obdDtcDescriptionsFile: 'set below' });
  });
  afterAll(() => bare.close());

  it('answers 503 "not configured" for a scan', async () => {
    const cookie = (await setupOwner(bare.app)).cookie;
    const vehicleId = insertVehicle(bare.database, insertCustomer(bare.database), { vin: VIN });
    const response = await injectAs(bare.app, cookie, {
      method: 'POST',
      url: `/api/vehicles/${vehicleId}/obd-scan`,
      payload: {},
    });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ type: 'urn:ase:problem:obd-not-configured' });
    const view = await injectAs(bare.app, cookie, { method: 'GET', url: `/api/vehicles/${vehicleId}/obd` });
    expect(view.json()).toMatchObject({ serialConfigured: false, descriptions: { available: false } });
    expect(view.json().descriptions.problem).toMatch(/set below/);
  });

  it('describes generic codes from the file, and a manufacturer-specific code by its system only', async () => {
    const dir = bare.dataDir;
    const file = join(dir, 'dtc.json');
    writeFileSync(file, JSON.stringify({ P0301: 'Cylinder 1 Misfire Detected', P1456: 'never shown' }));
    const withFile = await createTestApp(
      { obdSerialPath: PORT, obdDtcDescriptionsFile: file },
      { tuning: { obdSerial: { binding } } },
    );
    try {
      const cookie = (await setupOwner(withFile.app)).cookie;
      const vehicleId = insertVehicle(withFile.database, insertCustomer(withFile.database), { vin: VIN });
      plugIn('can-11bit-scan.txt');
      const response = await injectAs(withFile.app, cookie, {
        method: 'POST',
        url: `/api/vehicles/${vehicleId}/obd-scan`,
        payload: {},
      });
      expect(response.statusCode).toBe(201);
      expect(response.json().scan.codes[0]).toMatchObject({
        code: 'P0301',
        description: 'Cylinder 1 Misfire Detected',
      });
      expect(response.json().scan.codes[1]).toMatchObject({ code: 'P0420', description: null });
    } finally {
      await withFile.close();
    }
  });
});
