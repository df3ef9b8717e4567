import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskCheckInInput, KioskCheckInResult } from '../../contracts/kiosk.js';
import type { LiveEvents } from '../../contracts/live-events.js';
import { pairKiosk, type PairedKiosk } from '../helpers/kiosk.js';
import { createTestApp, injectAs, problemOf, setupOwner, type TestApp } from '../helpers/test-app.js';

/**
 * The staff's list of kiosk check-ins (GET /api/kiosk-check-ins): how the board and the calendar
 * know the "Checked in at the kiosk" marks after a reload, with one request and no 404s.
 * The clock reads 2026-03-02 09:00 in the shop (America/New_York).
 */
let t: TestApp;
let owner: { id: string; cookie: string };
let kiosk: PairedKiosk;
const events: LiveEvents['kioskCheckedIn'][] = [];

beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
  kiosk = await pairKiosk(t.app, owner.cookie, { name: 'Front door' });
  events.length = 0;
  t.app.events.on('kioskCheckedIn', (event) => void events.push(event));
});
afterEach(async () => {
  await t.close();
});

async function drawnSignature(): Promise<string> {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><path d="M20 80 C 60 10, 90 10, 120 70 S 200 120, 280 30" stroke="#000" stroke-width="4" fill="none"/></svg>';
  return `data:image/png;base64,${(await sharp(Buffer.from(svg)).png().toBuffer()).toString('base64')}`;
}

/** A walk-in, new customer, new car whose VIN fails its check digit: flagged, never refused. */
async function walkIn(): Promise<string> {
  const body: KioskCheckInInput = {
    requestId: randomUUID(),
    language: 'en',
    customer: { new: { firstName: 'Ana', lastName: 'Ruiz', phone: '555-301-0001' } },
    vehicle: { new: { vin: '1HGCM82643A004352' } },
    concerns: ['Brakes make noise'],
    waiting: false,
    contactChannel: 'sms',
    authorization: { name: 'Ana Ruiz', signature: await drawnSignature() },
  };
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/kiosk/check-in',
    headers: kiosk.headers,
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  const { repairOrderNumber } = response.json<KioskCheckInResult>();
  const ro = t.database.sqlite
    .prepare('SELECT id FROM repair_orders WHERE number = ?')
    .get(repairOrderNumber) as {
    id: string;
  };
  return ro.id;
}

const list = (query: string) =>
  injectAs(t.app, owner.cookie, { method: 'GET', url: `/api/kiosk-check-ins${query}` });

describe('the kiosk check-ins list', () => {
  it("gives the day's check-ins with their flags, as the live event told them", async () => {
    const startOfDay = '2026-03-02T05:00:00.000Z'; // midnight in New York
    expect((await list(`?since=${startOfDay}`)).json()).toEqual({ items: [] });

    const repairOrderId = await walkIn();
    const today = await list(`?since=${startOfDay}`);
    expect(today.statusCode, today.body).toBe(200);
    const [event] = events;
    expect(today.json()).toEqual({
      items: [
        {
          repairOrderId,
          appointmentId: null,
          at: event!.at,
          kioskName: 'Front door',
          tagNumber: event!.tagNumber,
          flags: ['vin-check-digit'],
        },
      ],
    });

    // Tomorrow's board starts empty; one repair order's answer is a list, empty when not at a kiosk.
    expect((await list('?since=2026-03-03T05:00:00.000Z')).json()).toEqual({ items: [] });
    expect((await list(`?repairOrderId=${repairOrderId}`)).json<{ items: unknown[] }>().items).toHaveLength(
      1,
    );
    const counterRo = await list(`?repairOrderId=${randomUUID()}`);
    expect(counterRo.statusCode).toBe(200);
    expect(counterRo.json()).toEqual({ items: [] });
  });

  it('refuses a time that is not one, naming it, and is for staff only', async () => {
    const bad = await list('?since=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(problemOf(bad).errors?.[0]?.path).toBe('query.since');
    const asKiosk = await t.app.inject({
      method: 'GET',
      url: '/api/kiosk-check-ins',
      headers: kiosk.headers,
    });
    expect(asKiosk.statusCode).toBe(403);
    expect(problemOf(asKiosk).type).toMatch(/kiosk-scope$/);
    expect((await t.app.inject({ method: 'GET', url: '/api/kiosk-check-ins' })).statusCode).toBe(401);
  });
});
