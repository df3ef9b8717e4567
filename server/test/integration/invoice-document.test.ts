import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Invoice } from '../../src/modules/billing/billing.schemas.js';
import type { InvoiceDocument } from '../../src/modules/billing/invoice-document.schemas.js';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
import { pdfText } from '../helpers/pdf-text.js';
import { createTestApp, injectAs, problemOf, setupOwner, type TestApp } from '../helpers/test-app.js';

/** Issue 15 item 5: an invoice a shop can hand over, on paper (PDF) and on the print page's data. */

let t: TestApp;
let owner: { id: string; cookie: string };

beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
});
afterEach(async () => {
  await t.close();
});

function call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return injectAs(t.app, owner.cookie, { method, url, ...(payload === undefined ? {} : { payload }) });
}

async function ok<T>(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object): Promise<T> {
  const response = await call(method, url, payload);
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json<T>();
}

/**
 * A finished visit: odometer 48,210 in and 48,214 out, one brake job by Tina Tech with its 3C,
 * labor, a part with a part number and a disposal fee approved, rotors declined.
 */
async function finishedVisit(): Promise<{ invoice: Invoice; roId: string }> {
  const settings = await ok<{ version: number }>('GET', '/api/settings');
  await ok('PATCH', '/api/settings', {
    version: settings.version,
    shopName: 'Prairie Avenue Auto',
    address: '4120 Prairie Ave, Brookfield, IL 60513',
    phone: '+17085550134',
    registrationNumbers: [
      { label: 'IL repair facility', value: 'RF-204118' },
      { label: 'EPA', value: 'ILD000412370' },
    ],
    warrantyText: 'Twelve months or 12,000 miles on parts and labor.',
  });
  const customerId = insertCustomer(t.database, {
    name: 'Ann Example',
    contactInfo: {
      phones: [{ number: '+15555550123', primary: true }],
      emails: [{ address: 'ann@example.com', primary: true }],
    },
  });
  const vehicleId = insertVehicle(t.database, customerId, {
    make: 'Toyota',
    model: 'Camry',
    year: 2015,
    vin: '4T1BF1FK5FU123456',
  });
  t.database.sqlite.prepare(`UPDATE vehicles SET license_plate = 'ABC1234' WHERE id = ?`).run(vehicleId);
  const tech = await ok<{ id: string }>('POST', '/api/technicians', { name: 'Tina Tech' });
  const ro = await ok<{ id: string; version: number; jobs: { id: string; version: number }[] }>(
    'POST',
    '/api/repair-orders',
    { customerId, vehicleId, concerns: ['Brakes squeal'], odometerIn: 48_210 },
  );
  const job = ro.jobs[0]!;
  await ok('PATCH', `/api/jobs/${job.id}`, {
    version: job.version,
    title: 'Front brakes',
    technicianId: tech.id,
    cause: 'Front pads worn to 2 mm',
    correction: 'Replaced front pads and cleaned calipers',
  });
  const add = async (payload: object) =>
    (await ok<{ id: string }>('POST', `/api/jobs/${job.id}/lines`, payload)).id;
  const labor = await add({
    kind: 'labor',
    description: 'Replace front pads',
    quantity: 1.5,
    unitPriceCents: 12_000,
  });
  const part = await add({
    kind: 'part',
    description: 'Brake pad set',
    partNumber: 'BP-1234',
    quantity: 1,
    unitPriceCents: 4_550,
  });
  const fee = await add({
    kind: 'fee',
    description: 'Hazardous waste disposal',
    quantity: 1,
    unitPriceCents: 500,
  });
  const rotors = await add({
    kind: 'part',
    description: 'Front rotors',
    partNumber: 'RT-88',
    quantity: 2,
    unitPriceCents: 8_000,
  });
  await ok('POST', `/api/repair-orders/${ro.id}/approvals`, {
    method: 'in_person',
    approvedBy: 'Ann Example',
    decisions: [
      { lineId: labor, state: 'approved' },
      { lineId: part, state: 'approved' },
      { lineId: fee, state: 'approved' },
      { lineId: rotors, state: 'declined', reason: 'next time' },
    ],
  });
  for (const status of ['In_Progress', 'Completed']) {
    const current = await ok<{ version: number }>('GET', `/api/jobs/${job.id}`);
    await ok('POST', `/api/jobs/${job.id}/status`, { status, version: current.version });
  }
  const fresh = await ok<{ version: number }>('GET', `/api/repair-orders/${ro.id}`);
  await ok('PATCH', `/api/repair-orders/${ro.id}`, { version: fresh.version, odometerOut: 48_214 });
  const invoice = await ok<Invoice>('POST', '/api/invoices', { repairOrderId: ro.id });
  return { invoice, roId: ro.id };
}

describe('the invoice a shop hands over', () => {
  it('the PDF carries every item a state repair invoice needs, in one column layout', async () => {
    const { invoice } = await finishedVisit();
    const response = await call('GET', `/api/invoices/${invoice.id}/pdf`);
    expect(response.statusCode).toBe(200);
    const text = pdfText(response.rawPayload).join('\n');
    for (const expected of [
      'Prairie Avenue Auto',
      '4120 Prairie Ave, Brookfield, IL 60513',
      '+17085550134',
      'IL repair facility RF-204118',
      'EPA ILD000412370',
      `Invoice ${invoice.number}`,
      'Customer: Ann Example',
      '+15555550123',
      'ann@example.com',
      'VIN 4T1BF1FK5FU123456',
      'Plate ABC1234',
      'Odometer in: 48,210',
      'Odometer out: 48,214',
      'Front brakes',
      'Technician: Tina Tech',
      'Cause: Front pads worn to 2 mm',
      'Correction: Replaced front pads and cleaned calipers',
      'Labor: Replace front pads',
      'Brake pad set',
      'BP-1234',
      'Fee: Hazardous waste disposal',
      'Tax on parts',
      'Declined today: Front brakes - Front rotors ($160.00)',
      'Twelve months or 12,000 miles on parts and labor.',
      'odometer reading',
      'Customer signature',
    ])
      expect(text).toContain(expected);
  });

  it('GET /api/invoices/:id/document gives the print page the same content', async () => {
    const { invoice } = await finishedVisit();
    const document = await ok<InvoiceDocument>('GET', `/api/invoices/${invoice.id}/document`);
    expect(document.vehicle).toMatchObject({
      odometerIn: 48_210,
      odometerOut: 48_214,
      licensePlate: 'ABC1234',
    });
    expect(document.jobs).toHaveLength(1);
    expect(document.jobs[0]).toMatchObject({
      title: 'Front brakes',
      technicianName: 'Tina Tech',
      cause: 'Front pads worn to 2 mm',
    });
    expect(document.jobs[0]!.lines.find((l) => l.kind === 'part')?.partNumber).toBe('BP-1234');
    expect(document.declined).toEqual([
      { jobTitle: 'Front brakes', description: 'Front rotors', amountCents: 16_000, state: 'declined' },
    ]);
    expect(document.shop.legalText).toMatch(/odometer/);
    expect(
      (await call('GET', '/api/invoices/01900000-0000-7000-8000-00000000abcd/document')).statusCode,
    ).toBe(404);
  });

  it('refuses an odometer out below the odometer in, naming the field, and changes nothing', async () => {
    const customerId = insertCustomer(t.database, { name: 'Bo' });
    const vehicleId = insertVehicle(t.database, customerId, {});
    const ro = await ok<{ id: string; version: number }>('POST', '/api/repair-orders', {
      customerId,
      vehicleId,
      concerns: ['Noise'],
      odometerIn: 1000,
    });
    const response = await call('PATCH', `/api/repair-orders/${ro.id}`, {
      version: ro.version,
      odometerOut: 999,
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors?.[0]?.path).toBe('odometerOut');
    const after = await ok<{ odometerOut: number | null; version: number }>(
      'GET',
      `/api/repair-orders/${ro.id}`,
    );
    expect(after).toMatchObject({ odometerOut: null, version: ro.version });
  });

  it('registration numbers are checked: a label without a value is a 400 naming the field', async () => {
    const settings = await ok<{ version: number }>('GET', '/api/settings');
    const response = await call('PATCH', '/api/settings', {
      version: settings.version,
      registrationNumbers: [{ label: 'EPA', value: '' }],
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(problemOf(response).errors)).toContain('registrationNumbers');
  });
});
