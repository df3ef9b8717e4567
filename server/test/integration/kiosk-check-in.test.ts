import { createHash, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCaptureServer, type CaptureServer } from '../../../devices/escpos/index.js';
import {
  DEFAULT_KIOSK_AUTHORIZATION,
  type KioskCheckInInput,
  type KioskCheckInResult,
  type KioskLookupResult,
} from '../../contracts/kiosk.js';
import type { LiveEvents } from '../../contracts/live-events.js';
import { buildApp } from '../../src/app.js';
import { openDatabase } from '../../src/db/database.js';
import { pairKiosk, type PairedKiosk } from '../helpers/kiosk.js';
import { pairDevice } from '../helpers/mqtt.js';
import { TestSocket } from '../helpers/ws-client.js';
import { createTestApp, injectAs, problemOf, setupOwner, type TestApp } from '../helpers/test-app.js';

/**
 * The check-in kiosk through the real app: a paired kiosk's token (helpers/kiosk.ts), a real
 * SQLite file, the real print queue sending to a TCP label printer on 127.0.0.1 that decodes what
 * it gets. The clock reads 2026-03-02 09:00 in the shop (America/New_York).
 */

const PHONE = '555-201-3001';
const PLATE = '7ABC123';
/** A real VIN (check digit 3 at position 9) and the same with a typo at the check digit. */
const GOOD_VIN = '1HGCM82633A004352';
const BAD_VIN = '1HGCM82643A004352';

let t: TestApp;
let app: FastifyInstance;
let cookie: string;
let kiosk: PairedKiosk;
let customerId: string;
let vehicleId: string;
let appointmentId: string;
let restarted: boolean;

async function staff<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object): Promise<T> {
  const response = await injectAs(app, cookie, { method, url, ...(payload ? { payload } : {}) });
  if (response.statusCode >= 300)
    throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json<T>();
}

function kioskPost(url: string, payload: object, as: PairedKiosk = kiosk) {
  return app.inject({ method: 'POST', url, headers: as.headers, payload });
}

async function lookup(phone: string, fact: string, as: PairedKiosk = kiosk): Promise<KioskLookupResult> {
  const response = await kioskPost('/api/kiosk/lookup', { phone, fact }, as);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<KioskLookupResult>();
}

/** A PNG data URL as a signature pad sends it: a drawn name, an untouched canvas, or a dot. */
async function signature(kind: 'drawn' | 'blank' | 'dot' = 'drawn'): Promise<string> {
  const ink = {
    drawn:
      '<path d="M20 80 C 60 10, 90 10, 120 70 S 200 120, 280 30" stroke="#000" stroke-width="4" fill="none"/>',
    blank: '',
    dot: '<rect x="150" y="50" width="3" height="3" fill="#000"/>',
  }[kind];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120">${ink}</svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

interface Counts {
  repairOrders: number;
  jobs: number;
  customers: number;
  vehicles: number;
  checkIns: number;
  arrived: number;
}

function counts(): Counts {
  const count = (table: string) =>
    (t.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    repairOrders: count('repair_orders'),
    jobs: count('service_jobs'),
    customers: count('customers'),
    vehicles: count('vehicles'),
    checkIns: count('kiosk_check_ins'),
    arrived: (
      t.database.sqlite.prepare(`SELECT count(*) AS n FROM appointments WHERE status = 'arrived'`).get() as {
        n: number;
      }
    ).n,
  };
}

/** The counts after the one appointment (one booked concern, one added) was checked in once. */
function afterOneArrival(before: Counts): Counts {
  return { ...before, repairOrders: before.repairOrders + 1, jobs: before.jobs + 2, checkIns: 1, arrived: 1 };
}

function repairOrderByNumber(number: number): { id: string; key_tag: string | null } {
  return t.database.sqlite.prepare('SELECT id, key_tag FROM repair_orders WHERE number = ?').get(number) as {
    id: string;
    key_tag: string | null;
  };
}

function auditOf(
  action: string,
): Array<{ actor_label: string; entity_id: string; data: Record<string, unknown> }> {
  return (
    t.database.sqlite
      .prepare('SELECT actor_label, entity_id, data FROM audit_log WHERE action = ? ORDER BY at')
      .all(action) as Array<{ actor_label: string; entity_id: string; data: string }>
  ).map((row) => ({ ...row, data: JSON.parse(row.data) as Record<string, unknown> }));
}

async function appointmentCheckIn(
  match: KioskLookupResult['matches'][number],
  overrides: Partial<KioskCheckInInput> = {},
): Promise<KioskCheckInInput> {
  return {
    requestId: randomUUID(),
    language: 'en',
    appointmentRef: match.appointment!.ref,
    customer: { ref: match.ref },
    vehicle: { ref: match.appointment!.vehicleRef! },
    concerns: ['Brakes make noise'],
    odometer: 48_210,
    waiting: true,
    contactChannel: 'phone',
    authorization: { name: 'John Smith', signature: await signature() },
    ...overrides,
  };
}

async function walkInNew(overrides: Partial<KioskCheckInInput> = {}): Promise<KioskCheckInInput> {
  return {
    requestId: randomUUID(),
    language: 'es',
    customer: {
      new: {
        firstName: 'María',
        lastName: 'García López',
        phone: '(555) 301-4002',
        email: 'maria@example.com',
      },
    },
    vehicle: { new: { plate: '8xyz 999', state: 'tx' } },
    concerns: ['Check engine light is on'],
    waiting: false,
    contactChannel: 'sms',
    authorization: { name: 'María García', signature: await signature() },
    ...overrides,
  };
}

/** Closes the app and the database and opens both again from the file, as after a power cut. */
async function restart(): Promise<void> {
  restarted = true;
  await app.close();
  await t.database.close();
  t.database = openDatabase(join(t.dataDir, 'ase.db'));
  app = await buildApp({
    config: t.config,
    database: t.database,
    clock: t.clock,
    logger: pino({ level: 'silent' }),
  });
  await app.ready();
  t.app = app;
}

beforeEach(async () => {
  restarted = false;
  t = await createTestApp({ printQueuePollSeconds: 0, printerTimeoutMs: 400 });
  app = t.app;
  ({ cookie } = await setupOwner(app));
  kiosk = await pairKiosk(app, cookie);
  customerId = (
    await staff<{ id: string }>('POST', '/api/customers', {
      name: 'John Smith',
      contactInfo: { phones: [{ number: PHONE }] },
    })
  ).id;
  vehicleId = (
    await staff<{ id: string }>('POST', '/api/vehicles', {
      customerId,
      licensePlate: PLATE,
      year: 2019,
      make: 'Honda',
      model: 'Civic',
    })
  ).id;
  // Today 10:00-11:00 in the shop (15:00Z); the clock reads 09:00 there.
  appointmentId = (
    await staff<{ id: string }>('POST', '/api/appointments', {
      customerId,
      vehicleId,
      requestedServices: ['Oil change'],
      kind: 'drop_off',
      startsAt: '2026-03-02T15:00:00.000Z',
      endsAt: '2026-03-02T16:00:00.000Z',
    })
  ).id;
});

afterEach(async () => {
  if (!restarted) return t.close();
  // t.close() would close the first app and database, closed already: close the running ones.
  await app.close();
  await t.database.close();
  rmSync(t.dataDir, { recursive: true, force: true });
});

describe('an appointment at the door', () => {
  it('is found by phone (any format) and last name, masked; the check-in arrives it in one go, audited and live', async () => {
    const heard: LiveEvents['kioskCheckedIn'][] = [];
    app.events.on('kioskCheckedIn', (event) => void heard.push(event));

    const found = await lookup('+1 (555) 201 3001', 'SMITH');
    expect(found.matches).toHaveLength(1);
    const [match] = found.matches;
    expect(match).toMatchObject({
      maskedName: 'J. Sm***',
      contactChannel: 'sms',
      vehicles: [{ masked: '2019 Honda C***', plateMasked: '7AB***' }],
      appointment: { startsAt: '2026-03-02T15:00:00.000Z', concerns: ['Oil change'], waiter: false },
    });
    expect(match!.appointment!.vehicleRef).toBe(match!.vehicles[0]!.ref);
    // Nothing unmasked and no id leaves the server.
    const text = JSON.stringify(found);
    for (const secret of ['Smith', 'John', PLATE, 'Civic', customerId, vehicleId, appointmentId])
      expect(text).not.toContain(secret);

    const before = counts();
    const body = await appointmentCheckIn(match!, { language: 'es' });
    const response = await kioskPost('/api/kiosk/check-in', body);
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json<KioskCheckInResult>();
    expect(result).toMatchObject({ tagNumber: 1, keyTag: 'no-printer', firstName: 'John' });
    expect(counts()).toEqual(afterOneArrival(before));

    const { id: roId } = repairOrderByNumber(result.repairOrderNumber);
    const ro = await staff<{
      customer: { id: string };
      vehicle: { id: string };
      odometerIn: number;
      waiter: boolean;
      keyTag: string;
      jobs: Array<{ concern: string }>;
    }>('GET', `/api/repair-orders/${roId}`);
    expect(ro).toMatchObject({ odometerIn: 48_210, waiter: true, keyTag: '1' });
    expect(ro.customer.id).toBe(customerId);
    expect(ro.vehicle.id).toBe(vehicleId);
    expect(ro.jobs.map((j) => j.concern)).toEqual(['Oil change', 'Brakes make noise']);
    const appointment = await staff<{ status: string; repairOrderId: string }>(
      'GET',
      `/api/appointments/${appointmentId}`,
    );
    expect(appointment).toMatchObject({ status: 'arrived', repairOrderId: roId });
    const customer = await staff<{ preferences: { contactChannel: string; language: string } }>(
      'GET',
      `/api/customers/${customerId}`,
    );
    expect(customer.preferences).toMatchObject({ contactChannel: 'phone', language: 'es' });

    // The staff side: what was signed, in which language, and the re-encoded signature.
    const view = await staff<{
      kioskName: string;
      tagNumber: number;
      flags: string[];
      authorization: { name: string; language: string; text: string; signatureUrl: string };
    }>('GET', `/api/repair-orders/${roId}/kiosk-check-in`);
    expect(view).toMatchObject({
      kioskName: 'Front door kiosk',
      tagNumber: 1,
      flags: [],
      authorization: { name: 'John Smith', language: 'es', text: DEFAULT_KIOSK_AUTHORIZATION.es },
    });
    const image = await injectAs(app, cookie, { method: 'GET', url: view.authorization.signatureUrl });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');

    const [entry] = auditOf('kiosk.checked_in');
    expect(entry).toMatchObject({
      actor_label: 'kiosk: Front door kiosk',
      entity_id: roId,
      data: {
        appointmentId,
        tagNumber: 1,
        language: 'es',
        signatureSha256: createHash('sha256').update(image.rawPayload).digest('hex'),
        authorizationTextSha256: createHash('sha256').update(DEFAULT_KIOSK_AUTHORIZATION.es).digest('hex'),
      },
    });
    expect(auditOf('appointment.arrived')[0]?.actor_label).toBe('kiosk: Front door kiosk');
    expect(heard).toEqual([
      {
        repairOrderId: roId,
        repairOrderNumber: result.repairOrderNumber,
        appointmentId,
        kioskName: 'Front door kiosk',
        tagNumber: 1,
        flags: [],
        at: t.clock.now().toISOString(),
      },
    ]);
  });

  it('is found by plate as the second fact, and by the reminder code typed or read from its QR', async () => {
    expect((await lookup(PHONE, '7ab c123')).matches).toHaveLength(1);

    const code = await app.kioskCheckIn.reminderCodeFor(appointmentId);
    expect(await app.kioskCheckIn.reminderCodeFor(appointmentId)).toBe(code); // stable
    for (const typed of [code.toLowerCase(), `ASE-CHECKIN:${code}`]) {
      const response = await kioskPost('/api/kiosk/lookup-code', { code: typed });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<KioskLookupResult>().matches).toMatchObject([
        { maskedName: 'J. Sm***', appointment: { concerns: ['Oil change'] } },
      ]);
    }
    // Tomorrow the same code finds nothing.
    t.clock.advance(24 * 3600_000);
    const tomorrow = await kioskPost('/api/kiosk/lookup-code', { code });
    expect(tomorrow.json()).toEqual({ matches: [] });
  });
});

describe('the advisor', () => {
  it("sees the check-in live on the board's socket", async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const socket = await TestSocket.open(`ws://127.0.0.1:${port}/ws`, { cookie });
    try {
      await socket.next((m) => m.type === 'welcome');
      socket.send({ type: 'subscribe', topics: ['board', 'appointments'] });
      await socket.next((m) => m.type === 'subscribed');
      const [match] = (await lookup(PHONE, 'Smith')).matches;
      const response = await kioskPost('/api/kiosk/check-in', await appointmentCheckIn(match!));
      expect(response.statusCode, response.body).toBe(201);
      const { id: roId } = repairOrderByNumber(response.json<KioskCheckInResult>().repairOrderNumber);
      const event = await socket.next((m) => m.type === 'event' && m.name === 'kioskCheckedIn');
      expect(event).toMatchObject({
        topics: expect.arrayContaining(['board', 'appointments', `repair-order:${roId}`]) as unknown,
        payload: { repairOrderId: roId, appointmentId, kioskName: 'Front door kiosk', tagNumber: 1 },
      });
    } finally {
      socket.close();
    }
  });
});

describe('a walk-in', () => {
  it('a returning customer with a new car whose VIN fails its check digit: kept on the repair order, flagged', async () => {
    // Another open repair order already holds tag 1: the kiosk hands out the lowest free one.
    await staff('POST', '/api/repair-orders', { customerId, vehicleId, concerns: ['Tires'], keyTag: '1' });
    await staff('POST', `/api/appointments/${appointmentId}/cancel`, {});
    const [match] = (await lookup(PHONE, 'smith')).matches;
    expect(match!.appointment).toBeNull();

    const vin = await kioskPost('/api/kiosk/vin', { vin: BAD_VIN.toLowerCase() });
    expect(vin.statusCode, vin.body).toBe(200);
    expect(vin.json()).toMatchObject({ vin: BAD_VIN, wellFormed: true, checkDigitOk: false });
    const good = await kioskPost('/api/kiosk/vin', { vin: GOOD_VIN });
    expect(good.json()).toMatchObject({ vin: GOOD_VIN, wellFormed: true, checkDigitOk: true });
    const short = await kioskPost('/api/kiosk/vin', { vin: 'ABC' });
    expect(short.json()).toMatchObject({ wellFormed: false, checkDigitOk: false, make: null });

    const response = await kioskPost('/api/kiosk/check-in', {
      requestId: randomUUID(),
      language: 'en',
      customer: { ref: match!.ref },
      vehicle: { new: { vin: BAD_VIN } },
      concerns: ['Oil change'],
      waiting: false,
      contactChannel: 'sms',
      authorization: { name: 'John Smith', signature: await signature() },
    } satisfies KioskCheckInInput);
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json<KioskCheckInResult>();
    expect(result.tagNumber).toBe(2);
    const { id: roId } = repairOrderByNumber(result.repairOrderNumber);
    const ro = await staff<{ vehicle: { id: string } }>('GET', `/api/repair-orders/${roId}`);
    const vehicle = await staff<{ vin: string; vinCheckOverride: string | null; customerId: string }>(
      'GET',
      `/api/vehicles/${ro.vehicle.id}`,
    );
    expect(vehicle).toMatchObject({ vin: BAD_VIN, customerId });
    expect(vehicle.vinCheckOverride).toContain('kiosk');
    const view = await staff<{ flags: string[] }>('GET', `/api/repair-orders/${roId}/kiosk-check-in`);
    expect(view.flags).toEqual(['vin-check-digit']);
    expect(auditOf('vehicle.vin_check_overridden')).toHaveLength(1);
  });

  it('a new customer: created with phone, email, channel and language; the same phone as a customer on file is flagged, never merged', async () => {
    const settings = await staff<{ version: number }>('GET', '/api/settings');
    const text = 'Autorizo el diagnóstico hasta $99.';
    await staff('PATCH', '/api/settings', {
      version: settings.version,
      kiosk: { authorizationText: { en: null, es: text }, idleSeconds: 60 },
    });

    const first = await kioskPost('/api/kiosk/check-in', await walkInNew());
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<KioskCheckInResult>()).toMatchObject({ tagNumber: 1, firstName: 'María' });
    const { id: roId } = repairOrderByNumber(first.json<KioskCheckInResult>().repairOrderNumber);
    const ro = await staff<{ customer: { id: string }; waiter: boolean }>(
      'GET',
      `/api/repair-orders/${roId}`,
    );
    expect(ro.waiter).toBe(false);
    const customer = await staff<{
      name: string;
      contactInfo: { phones: Array<{ number: string }>; emails: Array<{ address: string }> };
      preferences: { contactChannel: string; language: string };
    }>('GET', `/api/customers/${ro.customer.id}`);
    expect(customer).toMatchObject({
      name: 'María García López',
      contactInfo: { phones: [{ number: '+15553014002' }], emails: [{ address: 'maria@example.com' }] },
      preferences: { contactChannel: 'sms', language: 'es' },
    });
    const view = await staff<{ flags: string[]; authorization: { text: string } }>(
      'GET',
      `/api/repair-orders/${roId}/kiosk-check-in`,
    );
    expect(view).toMatchObject({ flags: [], authorization: { text } });

    // Someone types John Smith's phone as a new customer: a second customer, flagged.
    const before = counts();
    const second = await kioskPost(
      '/api/kiosk/check-in',
      await walkInNew({
        customer: { new: { firstName: 'Jon', lastName: 'Smith', phone: PHONE } },
        vehicle: { new: { plate: 'NEW1' } },
      }),
    );
    expect(second.statusCode, second.body).toBe(201);
    expect(counts().customers).toBe(before.customers + 1);
    const { id: secondRo } = repairOrderByNumber(second.json<KioskCheckInResult>().repairOrderNumber);
    expect(
      (await staff<{ flags: string[] }>('GET', `/api/repair-orders/${secondRo}/kiosk-check-in`)).flags,
    ).toEqual(['possible-duplicate']);
    const john = await staff<{ mergedIntoId: string | null }>('GET', `/api/customers/${customerId}`);
    expect(john.mergedIntoId).toBeNull();
  });
});

describe('what the customer asks for and reads', () => {
  it('a car left with "need it back by": the repair order is promised then; a waiter or a time past is a 400', async () => {
    const readyBy = '2026-03-02T22:00:00.000Z'; // 17:00 in the shop, the clock reads 09:00
    const waiter = await kioskPost('/api/kiosk/check-in', await walkInNew({ waiting: true, readyBy }));
    expect(waiter.statusCode).toBe(400);
    expect(problemOf(waiter).errors?.map((e) => e.path)).toEqual(['readyBy']);
    const past = await kioskPost(
      '/api/kiosk/check-in',
      await walkInNew({ readyBy: '2026-03-02T13:00:00.000Z' }),
    );
    expect(problemOf(past).errors?.map((e) => e.path)).toEqual(['readyBy']);
    expect(counts().checkIns).toBe(0);

    const left = await kioskPost('/api/kiosk/check-in', await walkInNew({ readyBy }));
    expect(left.statusCode, left.body).toBe(201);
    const { id } = repairOrderByNumber(left.json<KioskCheckInResult>().repairOrderNumber);
    expect(
      await staff<{ promisedAt: string | null; waiter: boolean }>('GET', `/api/repair-orders/${id}`),
    ).toMatchObject({
      promisedAt: readyBy,
      waiter: false,
    });
  });

  it('a text the owner changed while it was on screen is read again, never signed unseen (409)', async () => {
    const self = async () =>
      (await app.inject({ method: 'GET', url: '/api/kiosk/self', headers: kiosk.headers })).json<{
        authorizationVersion: string;
      }>().authorizationVersion;
    const shown = await self();
    const settings = await staff<{ version: number }>('GET', '/api/settings');
    await staff('PATCH', '/api/settings', {
      version: settings.version,
      kiosk: { authorizationText: { en: 'Diagnosis up to $80.', es: null }, idleSeconds: 60 },
    });
    const now = await self();
    expect(now).not.toBe(shown);

    const stale = await kioskPost('/api/kiosk/check-in', await walkInNew({ authorizationVersion: shown }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ type: string }>().type).toMatch(/authorization-text-changed$/);
    expect(counts().checkIns).toBe(0);
    const current = await kioskPost('/api/kiosk/check-in', await walkInNew({ authorizationVersion: now }));
    expect(current.statusCode, current.body).toBe(201);
  });
});

describe('privacy', () => {
  it('never tells whether a phone number is on file without the second fact', async () => {
    const unknownPhone = await kioskPost('/api/kiosk/lookup', { phone: '555-999-0000', fact: 'Smith' });
    const wrongName = await kioskPost('/api/kiosk/lookup', { phone: PHONE, fact: 'Jones' });
    const firstName = await kioskPost('/api/kiosk/lookup', { phone: PHONE, fact: 'John' });
    const wrongPlate = await kioskPost('/api/kiosk/lookup', { phone: PHONE, fact: '7ABC124' });
    for (const response of [unknownPhone, wrongName, firstName, wrongPlate]) {
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(unknownPhone.body);
    }
    expect(unknownPhone.json()).toEqual({ matches: [] });

    const notAPhone = await kioskPost('/api/kiosk/lookup', { phone: '12ab', fact: 'Smith' });
    expect(notAPhone.statusCode).toBe(400);
    expect(problemOf(notAPhone).errors?.map((e) => e.path)).toEqual(['phone']);
  });

  it('limits lookups per kiosk: the 11th in 5 minutes is 429 with when to retry; another kiosk is not held up', async () => {
    for (let i = 0; i < 10; i++) {
      const response =
        i % 2 === 0
          ? await kioskPost('/api/kiosk/lookup', { phone: PHONE, fact: `guess${i}` })
          : await kioskPost('/api/kiosk/lookup-code', { code: 'ABCDEFGH' });
      expect(response.statusCode, response.body).toBe(200);
      t.clock.advance(1_000);
    }
    const limited = await kioskPost('/api/kiosk/lookup', { phone: PHONE, fact: 'Smith' });
    expect(limited.statusCode).toBe(429);
    expect(problemOf(limited).type).toMatch(/kiosk-lookup-limit$/);
    expect(limited.json<{ retryAfterSeconds: number }>().retryAfterSeconds).toBe(290);

    const other = await pairKiosk(app, cookie, { name: 'Side door kiosk' });
    expect((await lookup(PHONE, 'Smith', other)).matches).toHaveLength(1);
    t.clock.advance(290_000);
    expect((await lookup(PHONE, 'Smith')).matches).toHaveLength(1);
  });

  it('refs work only on the kiosk that got them, and only for 30 minutes', async () => {
    const [match] = (await lookup(PHONE, 'Smith')).matches;
    const other = await pairKiosk(app, cookie, { name: 'Side door kiosk' });
    const before = counts();
    const elsewhere = await kioskPost('/api/kiosk/check-in', await appointmentCheckIn(match!), other);
    expect(elsewhere.statusCode).toBe(400);
    expect(problemOf(elsewhere).errors?.map((e) => e.path)).toContain('customer.ref');

    t.clock.advance(31 * 60_000);
    const late = await kioskPost('/api/kiosk/check-in', await appointmentCheckIn(match!));
    expect(late.statusCode).toBe(400);
    expect(problemOf(late).errors?.map((e) => e.path)).toContain('customer.ref');
    expect(counts()).toEqual(before);
  });
});

describe('twice, or across a restart', () => {
  it('a double tap (the same requestId at once) makes one repair order; both answers say the same', async () => {
    const [match] = (await lookup(PHONE, 'Smith')).matches;
    const body = await appointmentCheckIn(match!);
    const before = counts();
    const [a, b] = await Promise.all([
      kioskPost('/api/kiosk/check-in', body),
      kioskPost('/api/kiosk/check-in', body),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json()).toEqual(b.json());
    expect(counts()).toEqual(afterOneArrival(before));
    expect(auditOf('kiosk.checked_in')).toHaveLength(1);

    // Two customers at once (two requests): each gets their own tag number.
    const [x, y] = await Promise.all([
      kioskPost('/api/kiosk/check-in', await walkInNew()),
      kioskPost('/api/kiosk/check-in', await walkInNew({ vehicle: { new: { plate: 'OTHER1' } } })),
    ]);
    expect([x.statusCode, y.statusCode]).toEqual([201, 201]);
    const tags = [x, y].map((r) => r.json<KioskCheckInResult>().tagNumber).sort();
    expect(tags).toEqual([2, 3]);
  });

  it('refs from before a restart still work, and the same requestId after it answers the first result', async () => {
    const [match] = (await lookup(PHONE, 'Smith')).matches;
    const body = await appointmentCheckIn(match!);

    await restart();

    const first = await kioskPost('/api/kiosk/check-in', body);
    expect(first.statusCode, first.body).toBe(201);

    await restart();

    const again = await kioskPost('/api/kiosk/check-in', body);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(counts().checkIns).toBe(1);
  });
});

describe('bad input', () => {
  it('is a 400 naming the field, and nothing is written', async () => {
    const [match] = (await lookup(PHONE, 'Smith')).matches;
    const before = counts();
    const cases: Array<[string, Partial<KioskCheckInInput>]> = [
      ['customer.new.phone', { customer: { new: { firstName: 'Ana', lastName: 'Ruiz', phone: '123' } } }],
      [
        'customer.new.firstName',
        { customer: { new: { firstName: 'Ana 🚗', lastName: 'Ruiz', phone: '555-301-0001' } } },
      ],
      [
        'customer.new.lastName',
        { customer: { new: { firstName: 'Ana', lastName: '😀', phone: '555-301-0001' } } },
      ],
      ['concerns.0', { concerns: ['x'.repeat(10_000)] }],
      ['concerns.0', { concerns: ['   '] }],
      ['concerns', { concerns: [] }],
      ['vehicle.new.vin', { vehicle: { new: { vin: '1HGCM8263' } } }],
      ['vehicle.new', { vehicle: { new: {} } }],
      [
        'authorization.signature',
        { authorization: { name: 'Ana Ruiz', signature: await signature('blank') } },
      ],
      ['authorization.signature', { authorization: { name: 'Ana Ruiz', signature: await signature('dot') } }],
      [
        'authorization.signature',
        { authorization: { name: 'Ana Ruiz', signature: 'data:image/png;base64,AAAA' } },
      ],
      ['authorization.name', { authorization: { name: '   ', signature: await signature() } }],
      [
        'contactChannel',
        {
          contactChannel: 'email',
          customer: { new: { firstName: 'Ana', lastName: 'Ruiz', phone: '555-301-0001' } },
        },
      ],
    ];
    for (const [path, overrides] of cases) {
      const response = await kioskPost('/api/kiosk/check-in', await walkInNew(overrides));
      expect(response.statusCode, `${path}: ${response.body}`).toBe(400);
      expect(
        problemOf(response).errors?.map((e) => e.path),
        response.body,
      ).toContain(path);
    }
    // An email channel for a customer on file with no email: refused inside the transaction, rolled back.
    const noEmail = await kioskPost(
      '/api/kiosk/check-in',
      await appointmentCheckIn(match!, { contactChannel: 'email' }),
    );
    expect(noEmail.statusCode, noEmail.body).toBe(400);
    expect(problemOf(noEmail).errors?.map((e) => e.path)).toEqual(['contactChannel']);
    expect(counts()).toEqual(before);
    expect(auditOf('kiosk.checked_in')).toHaveLength(0);
  });

  it('a kiosk revoked mid-flow gets 401 kiosk-unpaired and nothing is written', async () => {
    const [match] = (await lookup(PHONE, 'Smith')).matches;
    const body = await appointmentCheckIn(match!);
    await staff('POST', `/api/devices/${kiosk.deviceId}/revoke`, {});
    const before = counts();
    const response = await kioskPost('/api/kiosk/check-in', body);
    expect(response.statusCode).toBe(401);
    expect(problemOf(response).type).toMatch(/kiosk-unpaired$/);
    expect(counts()).toEqual(before);
  });

  it('staff see a check-in only for a repair order made at the kiosk; the kiosk cannot read it', async () => {
    const ro = await staff<{ id: string }>('POST', '/api/repair-orders', {
      customerId,
      vehicleId,
      concerns: ['Tires'],
    });
    const missing = await injectAs(app, cookie, {
      method: 'GET',
      url: `/api/repair-orders/${ro.id}/kiosk-check-in`,
    });
    expect(missing.statusCode).toBe(404);
    const asKiosk = await app.inject({
      method: 'GET',
      url: `/api/repair-orders/${ro.id}/kiosk-check-in`,
      headers: kiosk.headers,
    });
    expect(asKiosk.statusCode).toBe(403);
  });
});

describe('the key tag', () => {
  let printer: CaptureServer;

  beforeEach(async () => {
    printer = await startCaptureServer();
  });
  afterEach(async () => {
    await printer.close();
  });

  /** A kiosk whose label printer is the capture server (a paired label-printer device, set up). */
  async function kioskWithPrinter(): Promise<PairedKiosk> {
    const printerId = (await pairDevice(app, cookie, 'label-printer', 'Door printer')).deviceId;
    await staff('PUT', `/api/printers/${printerId}`, {
      transport: 'tcp',
      host: printer.host,
      port: printer.port,
    });
    return pairKiosk(app, cookie, { name: 'Printer kiosk', labelPrinterDeviceId: printerId });
  }

  it("prints on the kiosk's label printer with the tag number the customer was told", async () => {
    const withPrinter = await kioskWithPrinter();
    await staff('POST', '/api/repair-orders', { customerId, vehicleId, concerns: ['Tires'], keyTag: '1' });

    const [match] = (await lookup(PHONE, 'Smith', withPrinter)).matches;
    const response = await kioskPost('/api/kiosk/check-in', await appointmentCheckIn(match!), withPrinter);
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json<KioskCheckInResult>();
    expect(result).toMatchObject({ tagNumber: 2, keyTag: 'queued' });

    expect(await app.printQueue.drain()).toEqual({ attempted: 1, printed: 1 });
    const [capture] = await printer.waitForCaptures(1);
    expect(capture!.decoded.text).toEqual(
      expect.arrayContaining([String(result.repairOrderNumber), 'TAG 2', 'Smith']),
    );
    expect(capture!.decoded.items.find((i) => i.type === 'line' && i.text === 'TAG 2')).toMatchObject({
      width: 3,
    });
  });

  it('a printer that is off: the check-in still succeeds, the tag is queued and prints when it is back', async () => {
    const withPrinter = await kioskWithPrinter();
    await printer.setMode('refuse');

    const response = await kioskPost('/api/kiosk/check-in', await walkInNew(), withPrinter);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<KioskCheckInResult>()).toMatchObject({ tagNumber: 1, keyTag: 'queued' });
    expect(await app.printQueue.drain()).toEqual({ attempted: 1, printed: 0 });

    await printer.setMode('print');
    t.clock.advance(60_000);
    expect(await app.printQueue.drain()).toEqual({ attempted: 1, printed: 1 });
    const [capture] = await printer.waitForCaptures(1);
    expect(capture!.decoded.text).toContain('TAG 1');
  });

  it('the key tag is committed with the check-in: a restart before any print pass still prints it, once', async () => {
    const withPrinter = await kioskWithPrinter();
    const response = await kioskPost('/api/kiosk/check-in', await walkInNew(), withPrinter);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<KioskCheckInResult>()).toMatchObject({ tagNumber: 1, keyTag: 'queued' });

    await restart();
    expect(await app.printQueue.drain()).toEqual({ attempted: 1, printed: 1 });
    const [capture] = await printer.waitForCaptures(1);
    expect(capture!.decoded.text).toContain('TAG 1');
    expect(await app.printQueue.drain()).toEqual({ attempted: 0, printed: 0 });
  });

  it('a label printer assigned but never set up: the check-in succeeds and says there is no printer', async () => {
    const printerId = (await pairDevice(app, cookie, 'label-printer', 'Unset printer')).deviceId;
    const withPrinter = await pairKiosk(app, cookie, {
      name: 'Printer kiosk',
      labelPrinterDeviceId: printerId,
    });
    const body = await walkInNew();
    const response = await kioskPost('/api/kiosk/check-in', body, withPrinter);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<KioskCheckInResult>()).toMatchObject({ keyTag: 'no-printer' });
    // The stored answer says so too: a retry hears the same.
    const again = await kioskPost('/api/kiosk/check-in', body, withPrinter);
    expect(again.json()).toEqual(response.json());
  });
});
