import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCaptureServer, type CaptureServer } from '../../../devices/escpos/index.js';
import { EventBus } from '../../src/events/event-bus.js';
import { newId } from '../../src/lib/ids.js';
import { PrintQueueWorker } from '../../src/modules/printing/print-queue-worker.js';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
import { pairDevice } from '../helpers/mqtt.js';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  problemOf,
  setupOwner,
  type TestApp,
} from '../helpers/test-app.js';

/**
 * Label printing through the real app and a real TCP printer on 127.0.0.1 that decodes what it
 * gets (devices/escpos/capture-server.ts). The worker's timer is off: each test runs the queue's
 * passes itself (app.printQueue.drain()) and moves the clock for backoffs.
 */

interface Job {
  id: string;
  status: 'queued' | 'printing' | 'printed' | 'failed';
  attempts: number;
  lastError: string | null;
  reprintOf: string | null;
  summary: string;
}

let t: TestApp;
let cookie: string;
let printer: CaptureServer;
let printerId: string;
let roId: string;
let roNumber: number;

beforeEach(async () => {
  t = await createTestApp({ printQueuePollSeconds: 0, printerTimeoutMs: 400 });
  ({ cookie } = await setupOwner(t.app));
  printer = await startCaptureServer();
  printerId = (await pairDevice(t.app, cookie, 'label-printer', 'Counter printer')).deviceId;
  const put = await injectAs(t.app, cookie, {
    method: 'PUT',
    url: `/api/printers/${printerId}`,
    payload: { transport: 'tcp', host: printer.host, port: printer.port },
  });
  expect(put.statusCode, put.body).toBe(200);
  const customerId = insertCustomer(t.database, { name: 'Maria Gonzalez' });
  const vehicleId = insertVehicle(t.database, customerId, { year: 2019, make: 'Honda', model: 'Civic' });
  const ro = await injectAs(t.app, cookie, {
    method: 'POST',
    url: '/api/repair-orders',
    payload: { customerId, vehicleId, concerns: ['Oil change'], promisedAt: '2026-03-02T21:30:00.000Z' },
  });
  expect(ro.statusCode, ro.body).toBe(201);
  ({ id: roId, number: roNumber } = ro.json<{ id: string; number: number }>());
});

afterEach(async () => {
  await printer.close();
  await t.close();
});

async function printKeyTag(): Promise<Job> {
  const response = await injectAs(t.app, cookie, {
    method: 'POST',
    url: `/api/repair-orders/${roId}/key-tag`,
    headers: { host: 'ase.shop.lan:8080' },
    payload: {},
  });
  expect(response.statusCode, response.body).toBe(202);
  return response.json<Job>();
}

async function jobs(): Promise<Job[]> {
  return (await injectAs(t.app, cookie, { method: 'GET', url: '/api/print-jobs' })).json<{ items: Job[] }>()
    .items;
}

describe('key tags', () => {
  it('prints: the printer decodes the RO number (large), last name, vehicle and the QR of the RO URL', async () => {
    const queued = await printKeyTag();
    expect(queued.status).toBe('queued'); // said as it is: queued, not printed
    expect(await t.app.printQueue.drain()).toEqual({ attempted: 1, printed: 1 });

    const [capture] = await printer.waitForCaptures(1);
    const decoded = capture!.decoded;
    expect(decoded.text[0]).toBe(String(roNumber));
    expect(decoded.items.find((i) => i.type === 'line' && i.text === String(roNumber))).toMatchObject({
      width: 4,
    });
    expect(decoded.text).toContain('Gonzalez');
    expect(decoded.text).toContain('2019 Honda Civic');
    // 21:30 UTC is 4:30 PM in the shop's default time zone (America/New_York).
    expect(decoded.text).toContain('Promised Mon, Mar 2, 4:30 PM');
    expect(decoded.qrCodes).toEqual([`http://ase.shop.lan:8080/repair-orders/${roId}`]);
    expect(decoded.cuts).toBe(1);

    const [job] = await jobs();
    expect(job).toMatchObject({
      id: queued.id,
      status: 'printed',
      attempts: 1,
      summary: `Key tag ${roNumber} · Gonzalez`,
    });
  });

  it('printer down → queued and shown → printer up → printed exactly once', async () => {
    await printer.setMode('refuse');
    const queued = await printKeyTag();
    expect(await t.app.printQueue.drain()).toEqual({ attempted: 1, printed: 0 });
    let [job] = await jobs();
    expect(job).toMatchObject({ status: 'queued', attempts: 1 });
    expect(job!.lastError).toContain('ECONNREFUSED');
    const printers = (await injectAs(t.app, cookie, { method: 'GET', url: '/api/printers' })).json<
      Array<{ online: boolean; queued: number; lastError: string | null }>
    >();
    expect(printers[0]).toMatchObject({ online: false, queued: 1 });

    // Not due yet (backoff): a pass does nothing.
    expect(await t.app.printQueue.drain()).toEqual({ attempted: 0, printed: 0 });

    await printer.setMode('print');
    t.clock.advance(5_000);
    // Two workers on the same database at once (as two processes would be): the claim lets only
    // one of them send it.
    const other = new PrintQueueWorker({
      db: t.database.kysely,
      clock: t.clock,
      events: new EventBus(),
      pollSeconds: 0,
      timeoutMs: 400,
      log: { warn: () => undefined, error: () => undefined },
    });
    const passes = await Promise.all([t.app.printQueue.drain(), other.drain()]);
    expect(passes.reduce((sum, p) => sum + p.printed, 0)).toBe(1);
    t.clock.advance(60_000);
    await t.app.printQueue.drain();

    await printer.waitForCaptures(1);
    expect(printer.captures).toHaveLength(1);
    [job] = await jobs();
    expect(job).toMatchObject({ id: queued.id, status: 'printed', attempts: 2, lastError: null });
  });

  it('a printer that accepts and never reads: the attempt times out, is retried, and the app keeps serving', async () => {
    await printer.setMode('never-read');
    await printKeyTag();
    const connectionsBefore = printer.connections; // the status probe when the printer was set up
    const pass = t.app.printQueue.drain();
    // While the worker waits on the wedged printer (connected, no answer), the API answers.
    for (let tries = 0; printer.connections === connectionsBefore && tries < 200; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(printer.connections).toBe(connectionsBefore + 1);
    const during = await injectAs(t.app, cookie, { method: 'GET', url: '/api/print-jobs' });
    expect(during.statusCode).toBe(200);
    expect(during.json<{ items: Job[] }>().items[0]?.status).toBe('printing');
    expect(await pass).toEqual({ attempted: 1, printed: 0 });
    let [job] = await jobs();
    expect(job).toMatchObject({ status: 'queued', attempts: 1 });
    expect(job!.lastError).toContain('did not read the job within 400 ms');

    await printer.setMode('print');
    t.clock.advance(5_000);
    await t.app.printQueue.drain();
    [job] = await jobs();
    expect(job).toMatchObject({ status: 'printed', attempts: 2 });
    // The wedged connection's bytes were dropped with it: the label came out once.
    expect(await printer.waitForCaptures(1)).toHaveLength(1);
  });

  it('a printer that takes the job but reports offline: failed, not resent (it may print later)', async () => {
    printer.setStatusByte(0x1a);
    await printKeyTag();
    await t.app.printQueue.drain();
    const [job] = await jobs();
    expect(job).toMatchObject({ status: 'failed', attempts: 1 });
    expect(job!.lastError).toContain('reports it is offline');
    t.clock.advance(60 * 60_000);
    expect(await t.app.printQueue.drain()).toEqual({ attempted: 0, printed: 0 });
  });

  it('gives up after the bounded number of attempts, and a person can retry it', async () => {
    await printer.setMode('refuse');
    await printKeyTag();
    for (let attempt = 0; attempt < 12; attempt += 1) {
      await t.app.printQueue.drain();
      t.clock.advance(10 * 60_000);
    }
    let [job] = await jobs();
    expect(job).toMatchObject({ status: 'failed', attempts: 12 });
    expect(job!.lastError).toMatch(/^gave up after 12 attempts/);

    await printer.setMode('print');
    const retried = await injectAs(t.app, cookie, {
      method: 'POST',
      url: `/api/print-jobs/${job!.id}/retry`,
    });
    expect(retried.statusCode, retried.body).toBe(202);
    await t.app.printQueue.drain();
    [job] = await jobs();
    expect(job).toMatchObject({ status: 'printed' });
    const again = await injectAs(t.app, cookie, { method: 'POST', url: `/api/print-jobs/${job!.id}/retry` });
    expect(problemOf(again)).toMatchObject({ status: 409 });
  });

  it('reprint by hand: a new job marked as a reprint, printed again, and audited', async () => {
    const first = await printKeyTag();
    await t.app.printQueue.drain();
    const reprint = await injectAs(t.app, cookie, {
      method: 'POST',
      url: `/api/print-jobs/${first.id}/reprint`,
    });
    expect(reprint.statusCode, reprint.body).toBe(202);
    expect(reprint.json<Job>()).toMatchObject({ status: 'queued', reprintOf: first.id });
    await t.app.printQueue.drain();
    const captures = await printer.waitForCaptures(2);
    expect(captures[1]!.decoded.qrCodes).toEqual(captures[0]!.decoded.qrCodes);
    const audit = t.database.sqlite
      .prepare(`SELECT action, entity_id FROM audit_log WHERE action = 'print_job.reprinted'`)
      .all() as Array<{ action: string; entity_id: string }>;
    expect(audit).toEqual([{ action: 'print_job.reprinted', entity_id: reprint.json<Job>().id }]);
  });

  it('a job left "printing" by a crash is failed on the next start with a note, never resent', async () => {
    const job = await printKeyTag();
    t.database.sqlite
      .prepare(`UPDATE print_jobs SET status = 'printing', attempts = 1 WHERE id = ?`)
      .run(job.id);
    await t.app.printQueue.stop();
    await t.app.printQueue.start();
    const [after] = await jobs();
    expect(after).toMatchObject({ status: 'failed' });
    expect(after!.lastError).toContain('may or may not have printed');
    t.clock.advance(60 * 60_000);
    await t.app.printQueue.drain();
    expect(printer.captures).toHaveLength(0);
  });
});

describe('bin labels, previews and who may print', () => {
  it('bin labels print one label per item, SKU as CODE128', async () => {
    const ids: string[] = [];
    for (const [sku, name, binLocation] of [
      ['OF-123', 'Oil filter', 'A3'],
      ['WB-22', 'Wiper blade 22in', null],
    ] as const) {
      const item = await injectAs(t.app, cookie, {
        method: 'POST',
        url: '/api/inventory/items',
        payload: { sku, name, binLocation },
      });
      expect(item.statusCode, item.body).toBe(201);
      ids.push(item.json<{ id: string }>().id);
    }
    const queued = await injectAs(t.app, cookie, {
      method: 'POST',
      url: '/api/inventory/bin-labels',
      payload: { itemIds: ids },
    });
    expect(queued.statusCode, queued.body).toBe(202);
    await t.app.printQueue.drain();
    const [capture] = await printer.waitForCaptures(1);
    expect(capture!.decoded.pages.map((p) => ({ barcodes: p.barcodes, text: p.text }))).toEqual([
      { barcodes: [{ symbology: 'CODE128', data: 'OF-123' }], text: ['Oil filter', 'Bin A3'] },
      { barcodes: [{ symbology: 'CODE128', data: 'WB-22' }], text: ['Wiper blade 22in', 'No bin'] },
    ]);
  });

  it('the preview is an SVG of the same document: its QR is the RO URL the tag carries', async () => {
    const response = await injectAs(t.app, cookie, {
      method: 'GET',
      url: `/api/labels/preview?kind=key-tag&repairOrderId=${roId}`,
      headers: { host: 'ase.shop.lan:8080' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('image/svg+xml');
    expect(response.body).toContain(`data-qr="http://ase.shop.lan:8080/repair-orders/${roId}"`);
    expect(response.body).toContain(`>${roNumber}</text>`);
    const sticker = await injectAs(t.app, cookie, {
      method: 'GET',
      url: `/api/labels/preview?kind=oil-sticker&repairOrderId=${roId}`,
    });
    // No oil interval setting yet: 6 months from the test clock's 2 Mar 2026.
    expect(sticker.body).toContain('>Sep 2, 2026</text>');
  });

  it('bad input gets a 4xx naming the field; a technician may not print key tags', async () => {
    const missingHost = await injectAs(t.app, cookie, {
      method: 'PUT',
      url: `/api/printers/${newId()}`,
      payload: { transport: 'tcp' },
    });
    expect(problemOf(missingHost)).toMatchObject({ status: 400, errors: [{ path: 'host' }] });
    // Only a paired label-printer device can be given an address.
    const sensor = await pairDevice(t.app, cookie, 'bay-sensor', 'Bay 1 sensor');
    for (const deviceId of [newId(), sensor.deviceId]) {
      const notAPrinter = await injectAs(t.app, cookie, {
        method: 'PUT',
        url: `/api/printers/${deviceId}`,
        payload: { transport: 'tcp', host: '10.0.0.9' },
      });
      expect(problemOf(notAPrinter).status).toBe(404);
    }
    const printers = (await injectAs(t.app, cookie, { method: 'GET', url: '/api/printers' })).json<
      Array<{ deviceId: string; name: string; port: number }>
    >();
    expect(printers).toMatchObject([{ deviceId: printerId, name: 'Counter printer', port: printer.port }]);
    const noItems = await injectAs(t.app, cookie, {
      method: 'POST',
      url: '/api/inventory/bin-labels',
      payload: { itemIds: [] },
    });
    expect(problemOf(noItems).status).toBe(400);
    const unknownRo = await injectAs(t.app, cookie, {
      method: 'POST',
      url: `/api/repair-orders/${newId()}/key-tag`,
      payload: {},
    });
    expect(problemOf(unknownRo).status).toBe(404);
    const previewWithoutRo = await injectAs(t.app, cookie, {
      method: 'GET',
      url: '/api/labels/preview?kind=key-tag',
    });
    expect(problemOf(previewWithoutRo)).toMatchObject({ status: 400, errors: [{ path: 'repairOrderId' }] });

    const tech = await loginAs(t.app, await createStaff(t.app, cookie, 'technician'));
    const refused = await injectAs(t.app, tech, {
      method: 'POST',
      url: `/api/repair-orders/${roId}/key-tag`,
      payload: {},
    });
    expect(refused.statusCode).toBe(403);
    expect(await jobs()).toEqual([]);
  });
});
