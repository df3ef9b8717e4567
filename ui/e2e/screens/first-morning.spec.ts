import { devices } from '@playwright/test';
import { expect, expectAccessible, test } from '../support/fixtures';
import { json, OWNER_STATE, ownerApi } from '../support/owner';
import { drawSignature } from '../support/trust';

/**
 * Issue 15, item 11: a new shop's first morning as one story, on a shop with no SMS or email set
 * up and no diagnosis without approval. A new caller is booked from the appointment dialog; their
 * car gets a part from stock (with its cost) and labor; the board holds the job until the
 * customer approves; the approval panel says honestly that nothing was sent and the advisor
 * copies the link; the customer sees the total with tax; the technician completes the job with
 * its cause and correction; the invoice charges what the customer saw and carries the odometer
 * and the 3C; the reports' gross profit comes from real costs (below 100 %).
 * Each screen has its own, finer spec; this one proves they hold together.
 */
test.use({ storageState: OWNER_STATE, viewport: { width: 1600, height: 1300 } });
test.describe.configure({ timeout: 300_000 });

/** A day clear of today and of the other calendar specs' days. */
const BOOKING_DAY = '2030-02-21';
const { defaultBrowserType: _webkit, ...IPHONE_13 } = devices['iPhone 13'];
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

type Settings = {
  version: number;
  timezone: string;
  diagnosisWithoutApproval: { allowed: boolean; limitHours: number };
};

test('the first morning: booking, stock part with cost, honest sending, approval gate, total with tax, 3C, invoice, reports', async ({
  page,
  context,
  openContext,
}) => {
  const api = await ownerApi();
  const tag = Date.now().toString(36).slice(-5).toUpperCase();
  const digits = String(Date.now()).slice(-4);
  const callerName = `Morgan Morning ${tag}`;
  const phone = `708555${digits}`;
  const sku = `FM-${tag}`;

  // ---------------------------------------------------------------- the shop as a fresh install has it
  const notificationSettings = await json<{ version: number }>(await api.get('/api/notification-settings'));
  await json(
    await api.patch('/api/notification-settings', {
      data: {
        version: notificationSettings.version,
        email: { host: '', from: '' },
        sms: { accountSid: '', fromNumber: '' },
      },
    }),
  );
  const before = await json<Settings>(await api.get('/api/settings'));
  await json(
    await api.patch('/api/settings', {
      data: { version: before.version, diagnosisWithoutApproval: { allowed: false, limitHours: 0.5 } },
    }),
  );
  const technician = await json<{ id: string; name: string }>(
    await api.post('/api/technicians', { data: { name: `Morning Tech ${tag}` } }),
  );
  await json(
    await api.post('/api/inventory/items', {
      data: {
        sku,
        name: `Front pads ${tag}`,
        binLocation: 'A-1',
        quantityOnHand: 4,
        costPriceCents: 2_500,
        sellPriceCents: 6_000,
      },
    }),
  );

  try {
    // -------------------------------------------------------------- a new caller, booked in the dialog
    await page.goto(`/appointments?date=${BOOKING_DAY}`);
    await page.getByRole('button', { name: /New appointment/ }).click();
    const booking = page.getByRole('dialog', { name: 'New appointment' });
    await booking.getByRole('button', { name: 'New customer' }).click();
    await booking.getByLabel('Name', { exact: true }).fill(callerName);
    await booking.getByLabel('Phone', { exact: true }).fill(phone);
    await booking.getByLabel('Phone', { exact: true }).blur();
    await booking.getByRole('button', { name: 'Create customer' }).click();
    await expect(booking.getByRole('heading', { name: 'New vehicle' })).toBeVisible();
    await booking.getByLabel('Year', { exact: true }).fill('2018');
    await booking.getByLabel('Make', { exact: true }).fill('Mazda');
    await booking.getByLabel('Model', { exact: true }).fill('CX-5');
    await booking.getByLabel('Plate', { exact: true }).fill(`FM${tag}`);
    await booking.getByRole('button', { name: 'Create vehicle' }).click();
    await expect(booking.getByText(`Customer: ${callerName}`)).toBeVisible();
    await booking.getByLabel('Requested services').fill('Brakes grind');
    await booking.getByLabel(/^Starts/).fill(`${BOOKING_DAY}T08:00`);
    await booking.getByLabel(/^Ends/).fill(`${BOOKING_DAY}T09:30`);
    await booking.getByRole('button', { name: 'Book appointment' }).click();
    await expect(booking).toBeHidden();
    await expect(page.getByTestId('appointment').filter({ hasText: callerName })).toBeVisible();

    const customers = await json<{ items: { id: string; name: string }[] }>(
      await api.get(`/api/customers/duplicates?phone=${phone}`),
    );
    expect(customers.items.map((c) => c.name)).toEqual([callerName]);
    const customerId = customers.items[0]!.id;
    const vehicles = await json<{ items: { id: string }[] }>(
      await api.get(`/api/vehicles?customerId=${customerId}&limit=10&offset=0`),
    );
    expect(vehicles.items).toHaveLength(1);

    // -------------------------------------------------------------- the car arrives: an RO with work
    const ro = await json<{ id: string; jobs: { id: string; version: number; title: string }[] }>(
      await api.post('/api/repair-orders', {
        data: {
          customerId,
          vehicleId: vehicles.items[0]!.id,
          concerns: [`Brakes grind ${tag}`],
          odometerIn: 61_230,
        },
      }),
    );
    const job = ro.jobs[0]!;
    await json(
      await api.patch(`/api/jobs/${job.id}`, { data: { version: job.version, technicianId: technician.id } }),
    );
    await json(
      await api.post(`/api/jobs/${job.id}/lines`, {
        data: { kind: 'labor', description: 'Replace front pads', quantity: 1.5, unitPriceCents: 14_000 },
      }),
    );

    // The advisor adds the pads from stock: on hand shown, the line keeps the part's cost.
    await page.goto(`/repair-orders/${ro.id}`);
    const card = page.getByTestId('job').filter({ has: page.getByRole('heading', { name: job.title }) });
    await card.getByRole('button', { name: `Add part to ${job.title}` }).click();
    const search = card.getByRole('combobox', { name: 'Search stock' });
    await search.fill(sku);
    await expect(card.getByTestId('stock-result').filter({ hasText: sku })).toContainText('4 on hand');
    await search.press('Enter');
    await card.getByRole('button', { name: 'Add line' }).click();
    await expect(
      card
        .getByTestId('line')
        .filter({ hasText: `Front pads ${tag}` })
        .getByTestId('line-cost'),
    ).toHaveText('stock · cost $25.00');

    // -------------------------------------------------------------- the board holds unapproved work
    await page.goto('/board');
    await page.getByLabel('Technician').selectOption({ label: technician.name });
    const pending = page
      .getByTestId('column-Pending')
      .locator(`[data-testid="job-card"][data-job-id="${job.id}"]`);
    await expect(pending).toBeVisible();
    await expect(pending.getByRole('button', { name: /^Start/ })).toHaveCount(0);
    await expect(pending.getByTestId('job-held')).toContainText("Waiting for the customer's approval");

    // -------------------------------------------------------------- nothing can send: said, and the link offered
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`/repair-orders/${ro.id}`);
    const panel = page.getByTestId('approval-panel');
    await panel.getByRole('button', { name: 'Send to customer' }).click();
    await expect(panel.getByTestId('channel-readiness')).toContainText(
      'Nothing can send to the customer yet',
    );
    await panel.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(panel.getByTestId('approval-delivery')).toContainText('Not sent');
    await expect(panel.getByText(/Sent by/)).toHaveCount(0);
    const link = await panel.getByTestId('approval-link').inputValue();
    await panel.getByTestId('copy-link').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    // -------------------------------------------------------------- the customer's phone: the real total
    const phoneContext = await openContext({ ...IPHONE_13 });
    const customerPhone = await phoneContext.newPage();
    await customerPhone.goto(new URL(link).pathname);
    const totalWithTax = customerPhone.getByTestId('total-with-tax');
    await expect(totalWithTax).toContainText(/\$[\d,]+\.\d\d with tax/);
    const shown = /(\$[\d,]+\.\d\d) with tax/.exec((await totalWithTax.textContent()) ?? '')![1]!;
    await customerPhone.getByRole('group', { name: job.title }).getByText('Approve', { exact: true }).click();
    await customerPhone.getByLabel('Your name').fill(callerName);
    await drawSignature(customerPhone);
    await customerPhone.getByRole('button', { name: 'Send my answer' }).click();
    await expect(customerPhone.getByTestId('approved-with-tax')).toContainText(`${shown} with tax`);

    // -------------------------------------------------------------- approved: started, completed with its 3C
    await page.goto('/board');
    await page.getByLabel('Technician').selectOption({ label: technician.name });
    await pending.getByRole('button', { name: /^Start/ }).click();
    const working = page.getByTestId('column-In_Progress').locator(`[data-job-id="${job.id}"]`);
    await working.getByRole('button', { name: /^Complete/ }).click();
    const complete = page.getByTestId('complete-job-dialog');
    await complete.getByLabel('Cause (what was found)').fill('Front pads worn to 2 mm');
    await complete.getByLabel('Correction (what was done)').fill('Replaced front pads, road tested');
    await complete.getByRole('button', { name: 'Complete job' }).click();
    await expect(page.getByTestId('column-Completed').locator(`[data-job-id="${job.id}"]`)).toBeVisible();

    // -------------------------------------------------------------- odometer out, the invoice on paper
    await page.goto(`/repair-orders/${ro.id}`);
    await page.getByRole('button', { name: 'Edit concerns and promised time' }).click();
    await page.getByLabel('Odometer out').fill('61,236');
    await page.getByRole('button', { name: 'Save visit' }).click();
    await expect(page.getByTestId('ro-odometer-out')).toHaveText('61,236');
    const invoice = await json<{ id: string; totalCents: number }>(
      await api.post('/api/invoices', { data: { repairOrderId: ro.id } }),
    );
    expect(usd.format(invoice.totalCents / 100)).toBe(shown);

    await page.goto(`/print/invoices/${invoice.id}`);
    await expect(page.getByTestId('print-odometer')).toHaveText('Odometer in: 61,230 · Odometer out: 61,236');
    const printed = page.getByTestId('print-lines');
    await expect(printed.getByText('Front pads worn to 2 mm')).toBeVisible();
    await expect(printed.getByText('Replaced front pads, road tested')).toBeVisible();
    await expect(printed.getByText(`Technician: ${technician.name}`).first()).toBeVisible();

    // -------------------------------------------------------------- reports: gross profit from real costs
    const today = new Intl.DateTimeFormat('en-CA', {
      timeZone: before.timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date());
    await page.goto(`/reports?from=${today}&to=${today}&period=day`);
    const partsGp = page.getByTestId('kpi-parts_gp').getByTestId('kpi-value');
    await expect(partsGp).toHaveText(/\d/);
    expect(Number((await partsGp.textContent())!.replace(/[^\d.]/g, ''))).toBeLessThan(100);
    await expectAccessible(page, 'reports after the first morning');
  } finally {
    const now = await json<Settings>(await api.get('/api/settings'));
    await json(
      await api.patch('/api/settings', {
        data: { version: now.version, diagnosisWithoutApproval: before.diagnosisWithoutApproval },
      }),
    );
    await api.dispose();
  }
});
