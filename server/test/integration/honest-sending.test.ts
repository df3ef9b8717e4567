import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertVehicle } from '../helpers/fixtures.js';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  setupOwner,
  type TestApp,
} from '../helpers/test-app.js';

/**
 * Issue 15, items 1, 4 and 10: on a fresh install nothing can send, and ASE says so (channel
 * readiness before sending, messages that end "not sent: SMS not set up" instead of "queued");
 * the customer's page shows the total with tax the invoice will charge, computed by the invoice's
 * own function; an answered link shows what was answered.
 */
let t: TestApp;
let owner: { id: string; cookie: string };
let advisorCookie: string;
let technicianCookie: string;

beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
  advisorCookie = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'advisor', 'Ada Advisor'));
  technicianCookie = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'technician', 'Tom Tech'));
});
afterEach(async () => {
  await t.close();
});

async function as(cookie: string, method: string, url: string, payload?: unknown) {
  return injectAs(t.app, cookie, {
    method: method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

async function repairOrderFor(contact: { phone?: string; email?: string }, channel: 'sms' | 'email') {
  const customer = await as(owner.cookie, 'POST', '/api/customers', {
    name: 'Jenny Example',
    contactInfo: {
      ...(contact.phone ? { phones: [{ number: contact.phone, primary: true }] } : {}),
      ...(contact.email ? { emails: [{ address: contact.email, primary: true }] } : {}),
    },
    preferences: { contactChannel: channel },
  });
  expect(customer.statusCode, customer.body).toBe(201);
  const customerId = customer.json<{ id: string }>().id;
  const vehicleId = insertVehicle(t.database, customerId, {
    vin: `2HGFC2F59KH${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
    make: 'Honda',
    model: 'Civic',
    year: 2019,
  });
  const ro = await as(owner.cookie, 'POST', '/api/repair-orders', { customerId, vehicleId, concerns: [] });
  expect(ro.statusCode, ro.body).toBe(201);
  return ro.json<{ id: string }>().id;
}

async function addJob(
  roId: string,
  title: string,
  lines: { kind: string; description: string; quantity: number; unitPriceCents: number; taxable?: boolean }[],
) {
  const job = await as(owner.cookie, 'POST', `/api/repair-orders/${roId}/jobs`, { title });
  expect(job.statusCode, job.body).toBe(201);
  const jobId = job.json<{ id: string }>().id;
  const lineIds: string[] = [];
  for (const line of lines) {
    const response = await as(owner.cookie, 'POST', `/api/jobs/${jobId}/lines`, {
      ...line,
      ...(line.kind === 'part' ? { partNumber: 'PN-1' } : {}),
    });
    expect(response.statusCode, response.body).toBe(201);
    lineIds.push(response.json<{ id: string }>().id);
  }
  return { jobId, lineIds };
}

async function sendLink(roId: string, payload: object = {}) {
  const response = await as(advisorCookie, 'POST', `/api/repair-orders/${roId}/approval-requests`, payload);
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json<{
    link: string;
    qrCode: string;
    delivery: {
      queued: unknown[];
      notSent: { channel: string; recipient: string; reason: string }[];
      skipped: unknown[];
    };
  }>();
  return { ...body, token: body.link.split('/r/')[1]! };
}

async function signature(): Promise<string> {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200"><path d="M20 150 C 120 20, 220 180, 320 60 S 520 140, 580 40" stroke="#111" stroke-width="4" fill="none"/></svg>';
  return `data:image/png;base64,${(await sharp(Buffer.from(svg)).png().toBuffer()).toString('base64')}`;
}

function openLink(token: string) {
  return t.app.inject({ method: 'GET', url: `/api/public/approvals/${token}` });
}

async function answerLink(token: string, decisions: { lineId: string; decision: string }[]) {
  return t.app.inject({
    method: 'POST',
    url: `/api/public/approvals/${token}`,
    payload: { signerName: 'Jenny Example', signature: await signature(), decisions },
  });
}

describe('channel readiness', () => {
  it('says on a fresh install that no channel can reach a customer, and where to set them up', async () => {
    const response = await as(advisorCookie, 'GET', '/api/notifications/readiness');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      channels: { channel: string; ready: boolean; reason: string | null }[];
      customerChannelReady: boolean;
      settingsPage: { label: string; path: string };
    }>();
    expect(body.customerChannelReady).toBe(false);
    expect(body.channels).toEqual(
      expect.arrayContaining([
        { channel: 'sms', ready: false, reason: 'SMS not set up' },
        { channel: 'email', ready: false, reason: 'email not set up' },
      ]),
    );
    // The menu calls the settings page "Messages".
    expect(body.settingsPage).toEqual({ label: 'Settings → Messages', path: '/settings/notifications' });

    const settings = await as(owner.cookie, 'GET', '/api/notification-settings');
    const patched = await as(owner.cookie, 'PATCH', '/api/notification-settings', {
      version: settings.json<{ version: number }>().version,
      email: { host: 'smtp.example.com', from: 'Shop <shop@example.com>' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const after = (await as(owner.cookie, 'GET', '/api/notifications/readiness')).json<{
      channels: { channel: string; ready: boolean }[];
      customerChannelReady: boolean;
    }>();
    expect(after.customerChannelReady).toBe(true);
    expect(after.channels.find((c) => c.channel === 'email')?.ready).toBe(true);
  });

  it('is for the counter only', async () => {
    expect((await as(technicianCookie, 'GET', '/api/notifications/readiness')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications/readiness' })).statusCode).toBe(401);
  });
});

describe('a message whose channel is not set up', () => {
  it('ends as "Not sent: SMS not set up" at once, never "queued", and the worker sends nothing', async () => {
    const roId = await repairOrderFor({ phone: '+1 555 867 5309' }, 'sms');
    await addJob(roId, 'Front brake pads', [
      { kind: 'labor', description: 'Replace pads', quantity: 1, unitPriceCents: 10_000 },
    ]);
    const sent = await sendLink(roId);
    expect(sent.qrCode).toMatch(/^data:image\/png;base64,/);
    expect(sent.delivery.queued).toEqual([]);
    expect(sent.delivery.notSent).toEqual([
      { channel: 'sms', recipient: '•••• 5309', reason: 'SMS not set up' },
    ]);

    await t.app.outbox.drain();
    const messages = await as(advisorCookie, 'GET', `/api/repair-orders/${roId}/messages`);
    expect(messages.statusCode, messages.body).toBe(200);
    const [message] = messages.json<{
      items: { status: string; state: string; stateText: string; attempts: number }[];
    }>().items;
    expect(message).toMatchObject({
      status: 'failed',
      state: 'not_sent',
      stateText: 'Not sent: SMS not set up',
      attempts: 0,
    });
  });

  it('ends "not sent" in the worker too when the channel was unset after queueing', async () => {
    const settings = await as(owner.cookie, 'GET', '/api/notification-settings');
    const configured = await as(owner.cookie, 'PATCH', '/api/notification-settings', {
      version: settings.json<{ version: number }>().version,
      email: { host: 'smtp.example.com', from: 'Shop <shop@example.com>' },
    });
    expect(configured.statusCode, configured.body).toBe(200);
    const roId = await repairOrderFor({ email: 'jenny@example.com' }, 'email');
    await addJob(roId, 'Oil change', [
      { kind: 'labor', description: 'Oil and filter', quantity: 1, unitPriceCents: 5_000 },
    ]);
    const sent = await sendLink(roId);
    expect(sent.delivery.queued).toHaveLength(1);
    const unset = await as(owner.cookie, 'PATCH', '/api/notification-settings', {
      version: configured.json<{ version: number }>().version,
      email: { host: '' },
    });
    expect(unset.statusCode, unset.body).toBe(200);

    await t.app.outbox.drain();
    const [message] = (await as(advisorCookie, 'GET', `/api/repair-orders/${roId}/messages`)).json<{
      items: { status: string; state: string; stateText: string }[];
    }>().items;
    expect(message).toMatchObject({
      status: 'failed',
      state: 'not_sent',
      stateText: 'Not sent: email not set up',
    });
  });
});

describe("the customer's total", () => {
  async function taxedRepairOrder() {
    const current = await as(owner.cookie, 'GET', '/api/settings');
    const shop = await as(owner.cookie, 'PATCH', '/api/settings', {
      version: current.json<{ version: number }>().version,
      taxRatesBp: { labor: 625, part: 825, fee: 825, sublet: 0 },
      shopSupplies: { percentBp: 500, capCents: 3_500, taxable: true },
    });
    expect(shop.statusCode, shop.body).toBe(200);
    const roId = await repairOrderFor({ email: 'jenny@example.com' }, 'email');
    const brakes = await addJob(roId, 'Front brake pads and rotors', [
      { kind: 'labor', description: 'Replace pads and rotors', quantity: 1.7, unitPriceCents: 14_500 },
      { kind: 'part', description: 'Ceramic pads', quantity: 1, unitPriceCents: 8_999 },
      { kind: 'part', description: 'Rotor', quantity: 2, unitPriceCents: 7_433 },
      { kind: 'fee', description: 'Brake fluid disposal', quantity: 1, unitPriceCents: 495 },
    ]);
    const wipers = await addJob(roId, 'Wiper blades', [
      { kind: 'part', description: 'Wiper pair', quantity: 1, unitPriceCents: 3_333 },
      { kind: 'fee', description: 'Untaxed fee', quantity: 1, unitPriceCents: 250, taxable: false },
    ]);
    return { roId, jobs: [brakes, wipers] };
  }

  async function completeAndInvoice(roId: string, jobIds: string[]) {
    for (const jobId of jobIds) {
      for (const status of ['In_Progress', 'Completed']) {
        const job = await as(owner.cookie, 'GET', `/api/jobs/${jobId}`);
        const moved = await as(owner.cookie, 'POST', `/api/jobs/${jobId}/status`, {
          status,
          version: job.json<{ version: number }>().version,
        });
        expect(moved.statusCode, moved.body).toBe(200);
      }
    }
    const invoice = await as(owner.cookie, 'POST', '/api/invoices', { repairOrderId: roId });
    expect(invoice.statusCode, invoice.body).toBe(201);
    return invoice.json<{ totalCents: number; taxCents: number; shopSuppliesCents: number }>();
  }

  it('shows the total with tax that the invoice then charges, to the cent', async () => {
    const { roId, jobs } = await taxedRepairOrder();
    const { token } = await sendLink(roId);
    const page = await openLink(token);
    expect(page.statusCode, page.body).toBe(200);
    const view = page.json<{
      ifAllApproved: {
        subtotalCents: number;
        taxCents: number;
        shopSuppliesCents: number;
        totalCents: number;
      };
    }>();
    expect(view.ifAllApproved.taxCents).toBeGreaterThan(0);
    expect(view.ifAllApproved.shopSuppliesCents).toBeGreaterThan(0);

    const answered = await answerLink(
      token,
      jobs.flatMap((job) => job.lineIds.map((lineId) => ({ lineId, decision: 'approved' }))),
    );
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json<{ approvedWithTax: { totalCents: number } }>().approvedWithTax).toEqual(
      view.ifAllApproved,
    );

    const invoice = await completeAndInvoice(
      roId,
      jobs.map((job) => job.jobId),
    );
    expect(invoice.totalCents).toBe(view.ifAllApproved.totalCents);
    expect(invoice.taxCents).toBe(view.ifAllApproved.taxCents);
    expect(invoice.shopSuppliesCents).toBe(view.ifAllApproved.shopSuppliesCents);
  });

  it('shows an answered link the summary of what was approved and declined, with the total with tax', async () => {
    const { roId, jobs } = await taxedRepairOrder();
    const [brakes, wipers] = jobs as [(typeof jobs)[0], (typeof jobs)[0]];
    const { token } = await sendLink(roId);
    const answered = await answerLink(token, [
      ...brakes.lineIds.map((lineId) => ({ lineId, decision: 'approved' })),
      ...wipers.lineIds.map((lineId) => ({ lineId, decision: 'declined' })),
    ]);
    expect(answered.statusCode, answered.body).toBe(200);

    const again = await openLink(token);
    expect(again.statusCode).toBe(410);
    const problem = again.json<{
      linkState: string;
      summary: {
        signerName: string;
        results: { description: string; decision: string; outcome: string }[];
        approvedCents: number;
        declinedCents: number;
        approvedWithTax: { totalCents: number };
      };
    }>();
    expect(problem.linkState).toBe('answered');
    expect(problem.summary.signerName).toBe('Jenny Example');
    expect(problem.summary.results.map((r) => [r.description, r.decision])).toEqual([
      ['Replace pads and rotors', 'approved'],
      ['Ceramic pads', 'approved'],
      ['Rotor', 'approved'],
      ['Brake fluid disposal', 'approved'],
      ['Wiper pair', 'declined'],
      ['Untaxed fee', 'declined'],
    ]);
    expect(problem.summary.declinedCents).toBe(3_333 + 250);
    expect(problem.summary).toEqual(answered.json());

    const invoice = await completeAndInvoice(roId, [brakes.jobId]);
    expect(invoice.totalCents).toBe(problem.summary.approvedWithTax.totalCents);
  });
});
