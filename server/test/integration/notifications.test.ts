import { execFileSync } from 'node:child_process';
import { createECDH, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { openDatabase } from '../../src/db/database.js';
import type { DomainEvents } from '../../src/events/domain-events.js';
import { MINUTE_MS, HOUR_MS } from '../../src/lib/clock.js';
import type { WebPushChannel } from '../../src/modules/notifications/channels.js';
import {
  twilioSignature,
  type CustomerNotice,
} from '../../src/modules/notifications/notifications.service.js';
import { insertVehicle } from '../helpers/fixtures.js';
import { startRecordingGateway, type RecordingGateway } from '../helpers/sms-gateway.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  problemOf,
  setupOwner,
  type TestApp,
} from '../helpers/test-app.js';

let t: TestApp;
let app: FastifyInstance;
let owner: { id: string; cookie: string };
let smtp: TestSmtpServer;
let gateway: RecordingGateway;
const cleanups: (() => Promise<void> | void)[] = [];

interface MessageView {
  id: string;
  channel: string;
  status: string;
  attempts: number;
  recipient: string;
  lastError: string | null;
  nextAttemptAt: string | null;
}

function as(cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return injectAs(app, cookie, { method, url, ...(payload === undefined ? {} : { payload }) });
}

async function configure(extra: Record<string, unknown> = {}) {
  const current = (await as(owner.cookie, 'GET', '/api/notification-settings')).json<{ version: number }>();
  const response = await as(owner.cookie, 'PATCH', '/api/notification-settings', {
    version: current.version,
    publicBaseUrl: 'https://shop.example.com',
    email: { host: smtp.host, port: smtp.port, secure: false, from: 'Main St Auto <service@mainst.example>' },
    sms: {
      baseUrl: gateway.url,
      accountSid: 'AC123',
      authToken: 'twilio-secret',
      fromNumber: '+15550001111',
    },
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(200);
}

async function createCustomer(contact: { phone?: string; email?: string }, channel: 'sms' | 'email') {
  const response = await as(owner.cookie, 'POST', '/api/customers', {
    name: `Ann ${randomBytes(3).toString('hex')}`,
    contactInfo: {
      phones: contact.phone ? [{ number: contact.phone }] : [],
      emails: contact.email ? [{ address: contact.email }] : [],
    },
    preferences: { contactChannel: channel },
    confirmDuplicate: true,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function openRepairOrder(customerId: string) {
  const vehicleId = insertVehicle(t.database, customerId, { make: 'Honda', model: 'Civic', year: 2018 });
  const response = await as(owner.cookie, 'POST', '/api/repair-orders', {
    customerId,
    vehicleId,
    concerns: ['Brakes squeal'],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; number: number; jobs: { id: string; version: number }[] }>();
}

async function enqueue(notice: CustomerNotice) {
  return app.notifications.enqueueForCustomer
    ? t.database.kysely.transaction().execute((tx) => app.notifications.enqueueForCustomer(tx, notice))
    : Promise.reject(new Error('no notifications service'));
}

async function messagesOf(repairOrderId: string): Promise<MessageView[]> {
  const response = await as(owner.cookie, 'GET', `/api/repair-orders/${repairOrderId}/messages`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: MessageView[] }>().items;
}

function outboxRows() {
  return t.database.sqlite
    .prepare(
      'SELECT id, idempotency_key, channel, status, attempts, recipient, last_error FROM outbox_messages ORDER BY created_at, id',
    )
    .all() as {
    id: string;
    idempotency_key: string;
    channel: string;
    status: string;
    attempts: number;
    recipient: string;
    last_error: string | null;
  }[];
}

beforeEach(async () => {
  t = await createTestApp({ notificationPollSeconds: 0 });
  app = t.app;
  owner = await setupOwner(app);
  smtp = await startSmtpServer();
  gateway = await startRecordingGateway();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await t.close();
  await smtp.close();
  await gateway.close();
});

describe('notification settings', () => {
  it('makes VAPID keys on first read, keeps secrets write-only and versions changes', async () => {
    const first = await as(owner.cookie, 'GET', '/api/notification-settings');
    expect(first.statusCode).toBe(200);
    const settings = first.json<{
      version: number;
      push: { vapidPublicKey: string };
      email: { passwordSet: boolean };
    }>();
    expect(settings.push.vapidPublicKey).toMatch(/^[A-Za-z0-9_-]{80,}$/);
    expect(settings.email.passwordSet).toBe(false);

    const patched = await as(owner.cookie, 'PATCH', '/api/notification-settings', {
      version: settings.version,
      email: { host: 'smtp.example.com', user: 'shop', password: 'hunter2-secret' },
      sms: { authToken: 'tok-secret-123' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.body).not.toContain('hunter2-secret');
    expect(patched.body).not.toContain('tok-secret-123');
    expect(patched.json()).toMatchObject({
      version: settings.version + 1,
      email: { host: 'smtp.example.com', passwordSet: true },
      sms: { authTokenSet: true },
      push: { vapidPublicKey: settings.push.vapidPublicKey },
    });
    const again = await as(owner.cookie, 'GET', '/api/notification-settings');
    expect(again.body).not.toContain('hunter2-secret');
    expect(again.body).not.toContain('vapidPrivateKey');
    const audit = t.database.sqlite
      .prepare(`SELECT data FROM audit_log WHERE action = 'notification_settings.updated'`)
      .all() as { data: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.data).not.toContain('hunter2-secret');

    const stale = await as(owner.cookie, 'PATCH', '/api/notification-settings', {
      version: settings.version,
      publicBaseUrl: '',
    });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale).type).toBe('urn:ase:problem:stale-version');

    const bad = await as(owner.cookie, 'PATCH', '/api/notification-settings', {
      version: settings.version + 1,
      sms: { fromNumber: 'not a phone' },
    });
    expect(bad.statusCode).toBe(400);
    expect(problemOf(bad).errors?.[0]?.path).toBe('sms.fromNumber');

    const cleared = await as(owner.cookie, 'PATCH', '/api/notification-settings', {
      version: settings.version + 1,
      email: { password: null },
    });
    expect(cleared.json()).toMatchObject({ email: { passwordSet: false } });
  });

  it('lets only the owner read or change the settings', async () => {
    const advisor = await createStaff(app, owner.cookie, 'advisor');
    const cookie = await loginAs(app, advisor);
    expect((await as(cookie, 'GET', '/api/notification-settings')).statusCode).toBe(403);
    expect((await as(cookie, 'PATCH', '/api/notification-settings', { version: 1 })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/notification-settings' })).statusCode).toBe(401);
  });

  it('sends a test email and a test SMS straight away and reports a failure in plain words', async () => {
    await configure();
    const email = await as(owner.cookie, 'POST', '/api/notification-settings/test', {
      channel: 'email',
      to: 'owner@shop.test',
    });
    expect(email.json()).toMatchObject({ ok: true, channel: 'email' });
    await smtp.waitFor(1);
    expect(smtp.mails[0]!.to).toEqual(['owner@shop.test']);

    const sms = await as(owner.cookie, 'POST', '/api/notification-settings/test', {
      channel: 'sms',
      to: '(555) 201-3344',
    });
    expect(sms.json()).toMatchObject({ ok: true, channel: 'sms' });
    expect(gateway.requests.at(-1)!.form).toMatchObject({ To: '+15552013344', From: '+15550001111' });

    await gateway.down();
    const down = await as(owner.cookie, 'POST', '/api/notification-settings/test', {
      channel: 'sms',
      to: '5552013344',
    });
    expect(down.json<{ ok: boolean; detail: string }>()).toMatchObject({ ok: false });
    expect(down.json<{ detail: string }>().detail).toMatch(/(refused|lost) the connection.*internet down/);
  });
});

describe('email through a real SMTP server', () => {
  it('delivers the estimate-ready email with the link, once, with a Message-ID derived from the key', async () => {
    await configure();
    const customerId = await createCustomer({ email: 'ann@example.com' }, 'email');
    const ro = await openRepairOrder(customerId);
    const notice: CustomerNotice = {
      event: 'estimate_ready',
      customerId,
      repairOrderId: ro.id,
      idempotencyKey: `estimate_ready:req-1`,
      vars: { link: 'https://shop.example.com/r/abc123', vehicle: 'your 2018 Honda Civic' },
    };
    const queued = await enqueue(notice);
    expect(queued.queued).toEqual([
      { id: expect.any(String), channel: 'email', recipient: 'a•••@example.com' },
    ]);
    // Same key again: nothing new.
    const repeat = await enqueue(notice);
    expect(repeat.queued).toEqual([]);
    expect(outboxRows()).toHaveLength(1);

    expect((await messagesOf(ro.id))[0]).toMatchObject({
      status: 'pending',
      channel: 'email',
      recipient: 'a•••@example.com',
    });
    const events: DomainEvents['notificationStatusChanged'][] = [];
    app.events.on('notificationStatusChanged', (e) => events.push(e));
    expect(await app.outbox.drain()).toEqual({ attempted: 1, sent: 1 });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual(['ann@example.com']);
    expect(mail!.headers.get('subject')).toContain('estimate');
    expect(mail!.text).toContain('https://shop.example.com/r/abc123');
    expect(mail!.headers.get('message-id')).toMatch(/^<[0-9a-f]{32}@mainst\.example>$/);
    expect(mail!.headers.get('x-ase-idempotency-key')).toBe('estimate_ready:req-1:email');

    const [message] = await messagesOf(ro.id);
    expect(message).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(events.map((e) => e.status)).toEqual(['sending', 'sent']);
    expect(events[1]).toMatchObject({ repairOrderId: ro.id, channel: 'email', messageId: message!.id });
    expect(await app.outbox.drain()).toEqual({ attempted: 0, sent: 0 });
    expect(smtp.mails).toHaveLength(1);
  });

  it('does not queue for a customer without that contact, or an event turned off', async () => {
    await configure({ events: { vehicle_ready: false } });
    const customerId = await createCustomer({ phone: '555-201-0001' }, 'sms');
    const emailOnly = await enqueue({
      event: 'estimate_ready',
      customerId,
      idempotencyKey: 'x:1',
      vars: {},
      channels: ['email'],
    });
    expect(emailOnly.queued).toEqual([]);
    expect(emailOnly.skipped).toEqual([{ channel: 'email', reason: 'the customer has no email address' }]);
    const off = await enqueue({ event: 'vehicle_ready', customerId, idempotencyKey: 'x:2', vars: {} });
    expect(off.queued).toEqual([]);
    expect(off.skipped[0]!.reason).toMatch(/turned off/);
    expect(outboxRows()).toHaveLength(0);
  });
});

describe('SMS through the gateway while the internet is down', () => {
  it('queues and retries with backoff, then delivers each message exactly once when it is back', async () => {
    await configure();
    const customers = await Promise.all(
      ['555-201-1001', '555-201-1002', '555-201-1003'].map((phone) => createCustomer({ phone }, 'sms')),
    );
    const ro = await openRepairOrder(customers[0]!);
    await gateway.down();
    for (const [i, customerId] of customers.entries()) {
      await enqueue({
        event: 'vehicle_ready',
        customerId,
        repairOrderId: i === 0 ? ro.id : null,
        idempotencyKey: `vehicle_ready:test-${i}`,
        vars: { vehicle: 'your Civic' },
      });
    }
    expect(await app.outbox.drain()).toEqual({ attempted: 3, sent: 0 });
    let [message] = await messagesOf(ro.id);
    expect(message).toMatchObject({ status: 'pending', attempts: 1, channel: 'sms', recipient: '•••• 1001' });
    expect(message!.lastError).toMatch(/refused the connection/);
    const firstRetry = new Date(message!.nextAttemptAt!).getTime() - t.clock.now().getTime();
    expect(firstRetry).toBeGreaterThanOrEqual(24_000);
    expect(firstRetry).toBeLessThanOrEqual(36_000);

    // Not due yet: nothing is attempted.
    t.clock.advance(10_000);
    expect(await app.outbox.drain()).toEqual({ attempted: 0, sent: 0 });
    // Due again, still down: second attempt, longer wait.
    t.clock.advance(30_000);
    expect(await app.outbox.drain()).toEqual({ attempted: 3, sent: 0 });
    [message] = await messagesOf(ro.id);
    expect(message!.attempts).toBe(2);
    const secondRetry = new Date(message!.nextAttemptAt!).getTime() - t.clock.now().getTime();
    expect(secondRetry).toBeGreaterThanOrEqual(48_000);
    expect(gateway.requests).toHaveLength(0);

    await gateway.up();
    t.clock.advance(2 * MINUTE_MS);
    expect(await app.outbox.drain()).toEqual({ attempted: 3, sent: 3 });
    expect(gateway.requests).toHaveLength(3);
    for (const request of gateway.requests) {
      expect(request.method).toBe('POST');
      expect(request.url).toBe('/2010-04-01/Accounts/AC123/Messages.json');
      expect(request.headers.authorization).toBe(
        `Basic ${Buffer.from('AC123:twilio-secret').toString('base64')}`,
      );
      expect(request.headers['i-twilio-idempotency-token']).toMatch(/^vehicle_ready:test-\d:sms$/);
      expect(request.headers['idempotency-key']).toBe(request.headers['i-twilio-idempotency-token']);
      expect(request.form.From).toBe('+15550001111');
      expect(request.form.Body).toContain('is ready for pick-up');
    }
    expect(new Set(gateway.requests.map((r) => r.form.To))).toEqual(
      new Set(['+15552011001', '+15552011002', '+15552011003']),
    );
    [message] = await messagesOf(ro.id);
    expect(message).toMatchObject({ status: 'sent', attempts: 3, lastError: null });

    // Nothing more, however long we wait.
    t.clock.advance(HOUR_MS);
    expect(await app.outbox.drain()).toEqual({ attempted: 0, sent: 0 });
    expect(gateway.requests).toHaveLength(3);
  });

  it('delivers exactly once across an app restart on the same database file, also after a crash mid-send', async () => {
    await configure();
    const customerId = await createCustomer({ phone: '555-201-2001' }, 'sms');
    const other = await createCustomer({ phone: '555-201-2002' }, 'sms');
    await gateway.down();
    await enqueue({ event: 'vehicle_ready', customerId, idempotencyKey: 'restart:1', vars: {} });
    await enqueue({ event: 'vehicle_ready', customerId: other, idempotencyKey: 'restart:2', vars: {} });
    expect(await app.outbox.drain()).toEqual({ attempted: 2, sent: 0 });
    // A crash while sending the second one: the row is left 'sending' with a lease.
    const crashed = outboxRows()[1]!;
    t.database.sqlite
      .prepare(`UPDATE outbox_messages SET status = 'sending', lease_until = ? WHERE id = ?`)
      .run(new Date(t.clock.now().getTime() + 5 * MINUTE_MS).toISOString(), crashed.id);

    // Restart: close the app and the database, open the file again, build a new app.
    await app.close();
    await t.database.close();
    const database = openDatabase(join(t.dataDir, 'ase.db'));
    const restarted = await buildApp({
      config: t.config,
      database,
      clock: t.clock,
      logger: pino({ level: 'silent' }),
    });
    await restarted.ready();
    // t.close() closes the new app and database.
    t = {
      ...t,
      app: restarted,
      database,
      close: async () => {
        await restarted.close();
        await database.close();
        rmSync(t.dataDir, { recursive: true, force: true });
      },
    };
    app = restarted;

    await gateway.up();
    t.clock.advance(MINUTE_MS);
    // The crashed row's lease has not expired yet: only the other one goes.
    expect(await app.outbox.drain()).toEqual({ attempted: 1, sent: 1 });
    t.clock.advance(5 * MINUTE_MS);
    expect(await app.outbox.drain()).toEqual({ attempted: 1, sent: 1 });
    t.clock.advance(HOUR_MS);
    expect(await app.outbox.drain()).toEqual({ attempted: 0, sent: 0 });
    expect(gateway.requests.map((r) => r.headers['idempotency-key']).sort()).toEqual([
      'restart:1:sms',
      'restart:2:sms',
    ]);
    expect(outboxRows().map((r) => r.status)).toEqual(['sent', 'sent']);
  });

  it('does not retry a 4xx from the gateway, retries a 5xx, and "retry now" sends a failed one', async () => {
    await configure();
    const advisor = await createStaff(app, owner.cookie, 'advisor');
    const advisorCookie = await loginAs(app, advisor);
    const customerId = await createCustomer({ phone: '555-201-3001' }, 'sms');
    const ro = await openRepairOrder(customerId);
    gateway.respondWith(400, { code: 21211, message: "The 'To' number is not a valid phone number." });
    await enqueue({
      event: 'vehicle_ready',
      customerId,
      repairOrderId: ro.id,
      idempotencyKey: 'k:4xx',
      vars: {},
    });
    await app.outbox.drain();
    let [message] = await messagesOf(ro.id);
    expect(message).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null });
    expect(message!.lastError).toContain("answered 400: The 'To' number is not a valid phone number.");
    t.clock.advance(HOUR_MS);
    expect(await app.outbox.drain()).toEqual({ attempted: 0, sent: 0 });

    gateway.respondWith(503);
    const retried = await as(advisorCookie, 'POST', `/api/notifications/messages/${message!.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending' });
    await app.outbox.drain();
    [message] = await messagesOf(ro.id);
    expect(message).toMatchObject({ status: 'pending', attempts: 2 });
    expect(message!.lastError).toContain('answered 503');

    const problemsList = await as(advisorCookie, 'GET', '/api/notifications/problems');
    expect(problemsList.json<{ items: MessageView[] }>().items.map((m) => m.id)).toEqual([message!.id]);

    gateway.respondWith(201);
    await as(advisorCookie, 'POST', `/api/notifications/messages/${message!.id}/retry`);
    await app.outbox.drain();
    [message] = await messagesOf(ro.id);
    expect(message).toMatchObject({ status: 'sent', attempts: 3 });
    const again = await as(advisorCookie, 'POST', `/api/notifications/messages/${message!.id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(gateway.requests).toHaveLength(3);

    const technician = await createStaff(app, owner.cookie, 'technician');
    const techCookie = await loginAs(app, technician);
    expect(
      (await as(techCookie, 'POST', `/api/notifications/messages/${message!.id}/retry`)).statusCode,
    ).toBe(403);
    expect((await as(techCookie, 'GET', `/api/repair-orders/${ro.id}/messages`)).statusCode).toBe(200);
  });

  it('gives up after the maximum age and shows the message as failed', async () => {
    await configure();
    const customerId = await createCustomer({ phone: '555-201-4001' }, 'sms');
    await gateway.down();
    await enqueue({ event: 'vehicle_ready', customerId, idempotencyKey: 'old:1', vars: {} });
    await app.outbox.drain();
    t.clock.advance(49 * HOUR_MS);
    await app.outbox.drain();
    const [row] = outboxRows();
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect(row!.last_error).toMatch(/^gave up after 2 attempts: the SMS gateway refused the connection/);
  });
});

describe('SMS opt-out (STOP)', () => {
  function inbound(form: Record<string, string>, signature?: string) {
    return app.inject({
      method: 'POST',
      url: '/api/public/sms/inbound',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(signature === undefined ? {} : { 'x-twilio-signature': signature }),
      },
      payload: new URLSearchParams(form).toString(),
    });
  }

  it('honours STOP: cancels waiting texts, skips SMS afterwards (email instead), and START undoes it', async () => {
    await configure();
    const customerId = await createCustomer({ phone: '555-201-5001', email: 'bo@example.com' }, 'sms');
    const ro = await openRepairOrder(customerId);
    await gateway.down();
    await enqueue({
      event: 'estimate_ready',
      customerId,
      repairOrderId: ro.id,
      idempotencyKey: 'stop:1',
      vars: { link: 'https://x/r/1' },
    });
    await app.outbox.drain();

    const form = { From: '+15552015001', To: '+15550001111', Body: ' Stop ', MessageSid: 'SM1' };
    const unsigned = await inbound(form);
    expect(unsigned.statusCode).toBe(403);
    const signature = twilioSignature(
      'twilio-secret',
      'https://shop.example.com/api/public/sms/inbound',
      form,
    );
    const forged = await inbound({ ...form, Body: 'START' }, signature);
    expect(forged.statusCode).toBe(403);
    const stop = await inbound(form, signature);
    expect(stop.statusCode, stop.body).toBe(200);
    expect(stop.headers['content-type']).toMatch(/text\/xml/);

    const [cancelled] = await messagesOf(ro.id);
    expect(cancelled).toMatchObject({ status: 'cancelled' });
    expect(cancelled!.lastError).toMatch(/replied STOP/);
    await gateway.up();
    t.clock.advance(HOUR_MS);
    expect(await app.outbox.drain()).toEqual({ attempted: 0, sent: 0 });
    expect(gateway.requests).toHaveLength(0);

    const next = await enqueue({
      event: 'vehicle_ready',
      customerId,
      repairOrderId: ro.id,
      idempotencyKey: 'stop:2',
      vars: {},
    });
    expect(next.skipped).toEqual([
      { channel: 'sms', reason: 'the number replied STOP (opted out of texts)' },
    ]);
    expect(next.queued.map((q) => q.channel)).toEqual(['email']);

    const startForm = { From: '+15552015001', Body: 'START' };
    const start = await inbound(
      startForm,
      twilioSignature('twilio-secret', 'https://shop.example.com/api/public/sms/inbound', startForm),
    );
    expect(start.statusCode).toBe(200);
    const after = await enqueue({
      event: 'vehicle_ready',
      customerId,
      repairOrderId: ro.id,
      idempotencyKey: 'stop:3',
      vars: {},
    });
    expect(after.queued.map((q) => q.channel)).toEqual(['sms']);
    const audit = t.database.sqlite
      .prepare(`SELECT action FROM audit_log WHERE action LIKE 'notification.sms_%' ORDER BY at`)
      .all();
    expect(audit).toEqual([{ action: 'notification.sms_opt_out' }, { action: 'notification.sms_opt_in' }]);
  });

  it('never sends a text that was queued before the STOP arrived but sent after it', async () => {
    await configure({ sms: { authToken: null } });
    const customerId = await createCustomer({ phone: '555-201-6001' }, 'sms');
    await enqueue({ event: 'vehicle_ready', customerId, idempotencyKey: 'race:1', vars: {} });
    // Opt-out recorded directly (staff), the row stays pending: the worker must still refuse it.
    t.database.sqlite
      .prepare(`INSERT INTO sms_opt_outs (phone, source, created_at, updated_at) VALUES (?, 'staff', ?, ?)`)
      .run('+15552016001', t.clock.now().toISOString(), t.clock.now().toISOString());
    await app.outbox.drain();
    expect(outboxRows()[0]).toMatchObject({ status: 'failed' });
    expect(gateway.requests).toHaveLength(0);
    // Without an auth token set, the webhook trusts no one (inbound-sms-signature.test.ts has more).
    const response = await app.inject({
      method: 'POST',
      url: '/api/public/sms/inbound',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'From=%2B15552016002&Body=unsubscribe',
    });
    expect(response.statusCode).toBe(403);
    expect(await app.notifications.isOptedOut('+15552016002')).toBe(false);
  });
});

describe('web push to staff devices', () => {
  let tlsDir: string;
  let pushService: RecordingGateway;

  beforeEach(async () => {
    tlsDir = mkdtempSync(join(tmpdir(), 'ase-push-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(tlsDir, 'key.pem'),
        '-out',
        join(tlsDir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    const tls = {
      key: readFileSync(join(tlsDir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(tlsDir, 'cert.pem'), 'utf8'),
    };
    pushService = await startRecordingGateway(tls);
    (app.outbox.channels.push as WebPushChannel).agent = new Agent({ ca: tls.cert });
    cleanups.push(async () => {
      await pushService.close();
      rmSync(tlsDir, { recursive: true, force: true });
    });
  });

  function browserKeys() {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    return { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') };
  }

  it('sends an encrypted, VAPID-signed push to subscribed owner/advisor devices only', async () => {
    const keyResponse = await as(owner.cookie, 'GET', '/api/push/public-key');
    const { publicKey } = keyResponse.json<{ publicKey: string }>();
    expect(keyResponse.json()).toMatchObject({ enabled: true, subscribed: false });
    const subscribe = await as(owner.cookie, 'POST', '/api/push-subscriptions', {
      endpoint: `${pushService.url}/push/owner-device`,
      keys: browserKeys(),
    });
    expect(subscribe.statusCode, subscribe.body).toBe(201);
    expect((await as(owner.cookie, 'GET', '/api/push/public-key')).json()).toMatchObject({
      subscribed: true,
    });
    const technician = await createStaff(app, owner.cookie, 'technician');
    const techCookie = await loginAs(app, technician);
    await as(techCookie, 'POST', '/api/push-subscriptions', {
      endpoint: `${pushService.url}/push/tech-device`,
      keys: browserKeys(),
    });

    const customerId = await createCustomer({ phone: '555-201-7001' }, 'sms');
    const ro = await openRepairOrder(customerId);
    const result = await t.database.kysely.transaction().execute((tx) =>
      app.notifications.enqueueForStaff(tx, {
        event: 'approval_received',
        repairOrderId: ro.id,
        idempotencyKey: 'approval_received:req-9',
        vars: { signerName: 'Ann Example', repairOrderNumber: ro.number, approvedCount: 1, declinedCount: 1 },
      }),
    );
    expect(result.queued).toHaveLength(1);
    expect(await app.outbox.drain()).toEqual({ attempted: 1, sent: 1 });
    expect(pushService.requests).toHaveLength(1);
    const [request] = pushService.requests;
    expect(request!.url).toBe('/push/owner-device');
    expect(request!.headers['content-encoding']).toBe('aes128gcm');
    expect(request!.headers.authorization).toMatch(
      new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${publicKey}$`),
    );
    expect(request!.headers.ttl).toBe('86400');
    expect(request!.body.length).toBeGreaterThan(50);
    expect(request!.body.toString('latin1')).not.toContain('Ann Example');
    expect((await messagesOf(ro.id))[0]).toMatchObject({
      channel: 'push',
      status: 'sent',
      recipient: 'staff device',
    });

    // The device unsubscribed at the push service (410): the message is cancelled, the device forgotten.
    pushService.respondWith(410, {});
    await t.database.kysely.transaction().execute((tx) =>
      app.notifications.enqueueForStaff(tx, {
        event: 'approval_received',
        idempotencyKey: 'approval_received:req-10',
        vars: {},
      }),
    );
    await app.outbox.drain();
    expect(outboxRows().at(-1)).toMatchObject({
      status: 'cancelled',
      last_error: 'this device is no longer subscribed',
    });
    expect(
      t.database.sqlite
        .prepare('SELECT count(*) AS n FROM push_subscriptions WHERE user_id = ?')
        .get(owner.id),
    ).toEqual({ n: 0 });

    const unsubscribe = await as(techCookie, 'DELETE', '/api/push-subscriptions', {
      endpoint: `${pushService.url}/push/tech-device`,
    });
    expect(unsubscribe.statusCode).toBe(204);
  });
});

describe('messages made by events', () => {
  it('tells the customer once when the last job of the repair order is completed, and by the button', async () => {
    await configure();
    const customerId = await createCustomer({ email: 'cy@example.com' }, 'email');
    const ro = await openRepairOrder(customerId);
    for (const job of ro.jobs) {
      let version = job.version;
      for (const status of ['In_Progress', 'Completed']) {
        const moved = await as(owner.cookie, 'POST', `/api/jobs/${job.id}/status`, { status, version });
        expect(moved.statusCode, moved.body).toBe(200);
        version = moved.json<{ version: number }>().version;
      }
    }
    // The listener runs after the status change committed; wait for it.
    await expect.poll(() => outboxRows().length).toBe(1);
    expect(outboxRows()[0]).toMatchObject({
      idempotency_key: `vehicle_ready:${ro.id}:email`,
      channel: 'email',
    });
    await app.outbox.drain();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.text).toContain('your 2018 Honda Civic is ready for pick-up');

    const button = await as(owner.cookie, 'POST', `/api/repair-orders/${ro.id}/notify-ready`);
    expect(button.statusCode, button.body).toBe(200);
    expect(button.json()).toMatchObject({ queued: [{ channel: 'email', recipient: 'c•••@example.com' }] });
    expect(outboxRows()).toHaveLength(2);
  });

  it('queues one appointment reminder per appointment starting in the next 24 hours', async () => {
    await configure();
    const customerId = await createCustomer({ phone: '555-201-8001' }, 'sms');
    const vehicleId = insertVehicle(t.database, customerId);
    const book = async (hoursAhead: number) => {
      const startsAt = new Date(t.clock.now().getTime() + hoursAhead * HOUR_MS).toISOString();
      const endsAt = new Date(t.clock.now().getTime() + (hoursAhead + 1) * HOUR_MS).toISOString();
      const response = await as(owner.cookie, 'POST', '/api/appointments', {
        customerId,
        vehicleId,
        startsAt,
        endsAt,
      });
      expect(response.statusCode, response.body).toBe(201);
    };
    await book(3);
    await book(30);
    expect(await app.notifications.queueAppointmentReminders()).toBe(1);
    expect(await app.notifications.queueAppointmentReminders()).toBe(0);
    expect(outboxRows()).toHaveLength(1);
    expect(outboxRows()[0]!.idempotency_key).toMatch(
      /^appointment_reminder:[0-9a-f-]{36}:2026-03-02T17:00:00\.000Z:sms$/,
    );
    t.clock.advance(10 * HOUR_MS);
    expect(await app.notifications.queueAppointmentReminders()).toBe(1);
  });
});

describe('the worker', () => {
  it('runs on its own timer when enabled and leaves nothing running after close', async () => {
    const own = await createTestApp({ notificationPollSeconds: 1 });
    cleanups.push(() => own.close());
    const ownerOfOwn = await setupOwner(own.app);
    const settings = (
      await injectAs(own.app, ownerOfOwn.cookie, { method: 'GET', url: '/api/notification-settings' })
    ).json<{ version: number }>();
    await injectAs(own.app, ownerOfOwn.cookie, {
      method: 'PATCH',
      url: '/api/notification-settings',
      payload: {
        version: settings.version,
        sms: { baseUrl: gateway.url, accountSid: 'AC9', authToken: 'x', fromNumber: '+15550001111' },
      },
    });
    const created = await injectAs(own.app, ownerOfOwn.cookie, {
      method: 'POST',
      url: '/api/customers',
      payload: { name: 'Timer Test', contactInfo: { phones: [{ number: '555-201-9001' }] } },
    });
    const customerId = created.json<{ id: string }>().id;
    const result = await own.database.kysely.transaction().execute((tx) =>
      own.app.notifications.enqueueForCustomer(tx, {
        event: 'vehicle_ready',
        customerId,
        idempotencyKey: 'timer:1',
        vars: {},
      }),
    );
    own.app.notifications.announce(result);
    await expect.poll(() => gateway.requests.length, { timeout: 5000 }).toBe(1);
  });
});

describe('email while the mail server is down', () => {
  it('keeps the email waiting with the reason in plain words, then sends it once when the server is back', async () => {
    await configure();
    const customerId = await createCustomer({ email: 'dee@example.com' }, 'email');
    const port = smtp.port;
    await smtp.close();
    await enqueue({ event: 'vehicle_ready', customerId, idempotencyKey: 'smtp-down:1', vars: {} });
    expect(await app.outbox.drain()).toEqual({ attempted: 1, sent: 0 });
    expect(outboxRows()[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'the mail server refused the connection (is the internet down?)',
    });
    smtp = await startSmtpServer(port);
    t.clock.advance(MINUTE_MS);
    expect(await app.outbox.drain()).toEqual({ attempted: 1, sent: 1 });
    await smtp.waitFor(1);
    t.clock.advance(HOUR_MS);
    expect(await app.outbox.drain()).toEqual({ attempted: 0, sent: 0 });
    expect(smtp.mails).toHaveLength(1);
  });
});
