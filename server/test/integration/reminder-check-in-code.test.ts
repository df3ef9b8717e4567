import { BinaryBitmap, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../src/lib/clock.js';
import { insertVehicle } from '../helpers/fixtures.js';
import { pairKiosk } from '../helpers/kiosk.js';
import { startRecordingGateway, type RecordingGateway } from '../helpers/sms-gateway.js';
import { decodeQuotedPrintable, startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';
import { createTestApp, injectAs, setupOwner, type TestApp } from '../helpers/test-app.js';

/**
 * The appointment reminder carries the kiosk's check-in code: typed ("XXXX-XXXX") from the text or
 * the email, or scanned from the email's QR image (`ASE-CHECKIN:<code>`), sent through a real SMTP
 * server and a recording SMS gateway on 127.0.0.1.
 */
let t: TestApp;
let owner: { id: string; cookie: string };
let smtp: TestSmtpServer;
let gateway: RecordingGateway;

beforeEach(async () => {
  t = await createTestApp({ notificationPollSeconds: 0 });
  owner = await setupOwner(t.app);
  smtp = await startSmtpServer();
  gateway = await startRecordingGateway();
  const current = (
    await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/notification-settings' })
  ).json<{
    version: number;
  }>();
  const configured = await injectAs(t.app, owner.cookie, {
    method: 'PATCH',
    url: '/api/notification-settings',
    payload: {
      version: current.version,
      publicBaseUrl: 'https://shop.example.com',
      email: {
        host: smtp.host,
        port: smtp.port,
        secure: false,
        from: 'Main St Auto <service@mainst.example>',
      },
      sms: {
        baseUrl: gateway.url,
        accountSid: 'AC123',
        authToken: 'twilio-secret',
        fromNumber: '+15550001111',
      },
    },
  });
  expect(configured.statusCode, configured.body).toBe(200);
});

afterEach(async () => {
  await t.close();
  await smtp.close();
  await gateway.close();
});

/** A customer preferring `channel`, with a car booked `hoursAhead` from now; the appointment's id. */
async function bookedCustomer(channel: 'sms' | 'email', hoursAhead: number): Promise<string> {
  const customer = await injectAs(t.app, owner.cookie, {
    method: 'POST',
    url: '/api/customers',
    payload: {
      name: `Rosa ${channel}`,
      contactInfo: {
        phones: [{ number: '555-201-8001' }],
        emails: [{ address: `rosa-${channel}@example.com` }],
      },
      preferences: { contactChannel: channel },
      confirmDuplicate: true,
    },
  });
  expect(customer.statusCode, customer.body).toBe(201);
  const customerId = customer.json<{ id: string }>().id;
  const vehicleId = insertVehicle(t.database, customerId, { make: 'Honda', model: 'Civic', year: 2019 });
  const startsAt = t.clock.now().getTime() + hoursAhead * HOUR_MS;
  const appointment = await injectAs(t.app, owner.cookie, {
    method: 'POST',
    url: '/api/appointments',
    payload: {
      customerId,
      vehicleId,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + HOUR_MS).toISOString(),
    },
  });
  expect(appointment.statusCode, appointment.body).toBe(201);
  return appointment.json<{ id: string }>().id;
}

/** The parts of a MIME message: each one's headers (lower-case names) and raw body. */
function mimeParts(raw: string): { headers: string; body: string }[] {
  return raw
    .split(/\r?\n--[^\r\n]+\r?\n/)
    .slice(1)
    .map((part) => {
      const split = part.search(/\r?\n\r?\n/);
      return { headers: part.slice(0, split).toLowerCase(), body: part.slice(split).trim() };
    });
}

/** Reads a QR code out of a PNG, as a phone's camera would from the screen. */
async function readQr(png: Buffer): Promise<string> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const source = new RGBLuminanceSource(new Uint8ClampedArray(data), info.width, info.height);
  return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
}

describe('the appointment reminder', () => {
  it('carries the check-in code in the text message and the email, and the email its QR image', async () => {
    const kiosk = await pairKiosk(t.app, owner.cookie);
    const bySms = await bookedCustomer('sms', 3);
    const byEmail = await bookedCustomer('email', 5);

    expect(await t.app.notifications.queueAppointmentReminders()).toBe(2);
    await t.app.outbox.drain();

    // The kiosk-check-in module's own codes: the same one every time it is asked for.
    const smsCode = await t.app.kioskCheckIn.reminderCodeFor(bySms);
    const formatted = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;
    expect(gateway.requests).toHaveLength(1);
    expect(gateway.requests[0]!.form.Body).toContain(
      `Check in at the kiosk with code ${formatted(smsCode)}.`,
    );

    const [mail] = await smtp.waitFor(1);
    const emailCode = await t.app.kioskCheckIn.reminderCodeFor(byEmail);
    expect(emailCode).not.toBe(smsCode);
    expect(mail!.text).toContain(`Check in at the kiosk with code ${formatted(emailCode)}.`);
    const parts = mimeParts(mail!.raw);
    const image = parts.find((p) => p.headers.includes('content-type: image/png'));
    expect(image, 'an inline PNG part').toBeDefined();
    const contentId = /content-id: <([^>]+)>/.exec(image!.headers)?.[1];
    expect(contentId).toBeDefined();
    const html = parts.find((p) => p.headers.includes('content-type: text/html'))!;
    const htmlText = html.headers.includes('quoted-printable') ? decodeQuotedPrintable(html.body) : html.body;
    expect(htmlText).toContain(`src="cid:${contentId}"`);
    expect(htmlText).toContain(`alt="Check-in QR code ${formatted(emailCode)}"`);
    const scanned = await readQr(Buffer.from(image!.body.replace(/\s/g, ''), 'base64'));
    expect(scanned).toBe(`ASE-CHECKIN:${emailCode}`);

    // What the kiosk's camera reads finds today's appointment (the code typed from the text too).
    for (const code of [scanned, formatted(smsCode)]) {
      const found = await t.app.inject({
        method: 'POST',
        url: '/api/kiosk/lookup-code',
        headers: kiosk.headers,
        payload: { code },
      });
      expect(found.statusCode, found.body).toBe(200);
      expect(found.json<{ matches: unknown[] }>().matches).toHaveLength(1);
    }
  });

  it('says nothing of a kiosk while no tablet is paired as one (or its device is revoked)', async () => {
    await bookedCustomer('sms', 3);
    expect(await t.app.notifications.queueAppointmentReminders()).toBe(1);
    await t.app.outbox.drain();
    expect(gateway.requests[0]!.form.Body).not.toContain('kiosk');

    const kiosk = await pairKiosk(t.app, owner.cookie);
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/devices/${kiosk.deviceId}/revoke`,
      headers: { cookie: owner.cookie },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    await bookedCustomer('sms', 5);
    expect(await t.app.notifications.queueAppointmentReminders()).toBe(1);
    await t.app.outbox.drain();
    expect(gateway.requests).toHaveLength(2);
    expect(gateway.requests[1]!.form.Body).not.toContain('kiosk');
  });

  it('still goes out, without a code, when the code cannot be had', async () => {
    t.app.notifications.useCheckInCodes({
      reminderCodeFor: () => Promise.reject(new Error('the kiosk tables are locked')),
    });
    await bookedCustomer('sms', 3);
    expect(await t.app.notifications.queueAppointmentReminders()).toBe(1);
    await t.app.outbox.drain();
    expect(gateway.requests).toHaveLength(1);
    expect(gateway.requests[0]!.form.Body).toContain('reminder of your appointment for 2019 Honda Civic');
    expect(gateway.requests[0]!.form.Body).not.toContain('kiosk');
  });
});
