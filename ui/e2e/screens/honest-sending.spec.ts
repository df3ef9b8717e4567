import { devices } from '@playwright/test';
import { test, expect, expectAccessible } from '../support/fixtures';
import { ownerApi, json, OWNER_STATE } from '../support/owner';
import { drawSignature } from '../support/trust';

/**
 * Issue 15, items 1, 4 and 10, on a shop where no SMS or email is set up: the approval panel says
 * before sending that nothing can reach the customer and names "Settings → Messages"; after
 * sending it says "Not sent: SMS not set up" (never "Sent"), the link can be copied and shown as a
 * QR code; the customer's page shows the total with tax that the invoice then charges; and the
 * answered link shows the summary of the answer.
 */
test.use({ storageState: OWNER_STATE });
test.describe.configure({ timeout: 180_000 });

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const money = (cents: number) => usd.format(cents / 100);
const { defaultBrowserType: _webkit, ...IPHONE_13 } = devices['iPhone 13'];

test('nothing can send: the panel says so, offers the link and a QR code; the customer sees the real total', async ({
  page,
  context,
  openContext,
  allowHttpError,
}) => {
  allowHttpError(410, '/api/public/approvals/'); // the answered link, opened again on purpose
  const api = await ownerApi();
  const run = String(Date.now()).slice(-6);

  // A fresh install has no SMS or email; other specs may have set them up, so take them away.
  const settings = await json<{ version: number }>(await api.get('/api/notification-settings'));
  await json(
    await api.patch('/api/notification-settings', {
      data: {
        version: settings.version,
        email: { host: '', from: '' },
        sms: { accountSid: '', fromNumber: '' },
      },
    }),
  );

  const customer = await json<{ id: string }>(
    await api.post('/api/customers', {
      data: {
        name: `Jenny Honest ${run}`,
        confirmDuplicate: true,
        contactInfo: { phones: [{ number: `+1 555 86${run.slice(-1)} 5309`, primary: true }] },
        preferences: { contactChannel: 'sms' },
      },
    }),
  );
  const vehicle = await json<{ id: string }>(
    await api.post('/api/vehicles', {
      data: { customerId: customer.id, year: 2019, make: 'Honda', model: 'Civic', licensePlate: `HS${run}` },
    }),
  );
  const ro = await json<{ id: string; jobs: { id: string; title: string }[] }>(
    await api.post('/api/repair-orders', {
      data: { customerId: customer.id, vehicleId: vehicle.id, concerns: ['Brakes grind'] },
    }),
  );
  const job = ro.jobs[0]!;
  for (const line of [
    { kind: 'labor', description: 'Replace front pads', quantity: 1.7, unitPriceCents: 14_500 },
    { kind: 'part', description: 'Ceramic pads', quantity: 1, unitPriceCents: 8_999, partNumber: 'CP-1' },
    { kind: 'fee', description: 'Brake fluid disposal', quantity: 1, unitPriceCents: 495 },
  ])
    await json(await api.post(`/api/jobs/${job.id}/lines`, { data: line }));

  // ---------------------------------------------------------------- the advisor's panel
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/repair-orders/${ro.id}`);
  const panel = page.getByTestId('approval-panel');
  await panel.getByRole('button', { name: 'Send to customer' }).click();
  const readiness = panel.getByTestId('channel-readiness');
  await expect(readiness).toContainText(
    'Nothing can send to the customer yet (SMS not set up, email not set up)',
  );
  await expect(readiness.getByRole('link', { name: 'Open Settings → Messages' })).toHaveAttribute(
    'href',
    '/settings/notifications',
  );
  await panel.getByRole('button', { name: 'Send', exact: true }).click();

  const delivery = panel.getByTestId('approval-delivery');
  await expect(delivery).toContainText('Not sent: SMS not set up (text to •••• 5309)');
  await expect(panel.getByText(/Sent by/)).toHaveCount(0);
  const link = await panel.getByTestId('approval-link').inputValue();
  expect(link).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
  await panel.getByTestId('copy-link').click();
  await expect(panel.getByTestId('copy-link')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  await panel.getByRole('button', { name: "Show a QR code for the customer's phone" }).click();
  const qr = panel.getByTestId('approval-qr');
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  await expectAccessible(page, 'approval panel with nothing set up to send');

  // The RO's messages say what happened, once.
  const message = page.getByTestId('delivery-message').first();
  await expect(message).toContainText('Not sent');
  await expect(message).toContainText('SMS not set up');
  await expect(message).not.toContainText(/queued/i);

  // ---------------------------------------------------------------- the customer's phone
  const phoneContext = await openContext({ ...IPHONE_13 });
  const phone = await phoneContext.newPage();
  await phone.goto(new URL(link).pathname);
  const totalWithTax = phone.getByTestId('total-with-tax');
  await expect(totalWithTax).toContainText(/If you approve everything: \$[\d,]+\.\d\d with tax/);
  const shown = /(\$[\d,]+\.\d\d) with tax/.exec((await totalWithTax.textContent()) ?? '')![1]!;

  await phone.getByRole('group', { name: job.title }).getByText('Approve', { exact: true }).click();
  await phone.getByLabel('Your name').fill('Jenny Honest');
  await drawSignature(phone);
  await phone.getByRole('button', { name: 'Send my answer' }).click();
  await expect(phone.getByTestId('approved-with-tax')).toContainText(`${shown} with tax`);

  // The answered link, opened again: the summary, not the form and not a bare thank-you.
  await phone.reload();
  const summary = phone.getByTestId('approval-thanks');
  await expect(summary).toBeVisible();
  await expect(summary.getByText(/Replace front pads/)).toBeVisible();
  await expect(summary.getByTestId('approved-with-tax')).toContainText(`${shown} with tax`);
  await expect(phone.getByRole('button', { name: 'Send my answer' })).toBeHidden();
  await expectAccessible(phone, 'answered link summary');

  // The invoice charges exactly what the customer was shown.
  for (const status of ['In_Progress', 'Completed']) {
    const current = await json<{ version: number }>(await api.get(`/api/jobs/${job.id}`));
    await json(await api.post(`/api/jobs/${job.id}/status`, { data: { status, version: current.version } }));
  }
  const invoice = await json<{ totalCents: number }>(
    await api.post('/api/invoices', { data: { repairOrderId: ro.id } }),
  );
  expect(money(invoice.totalCents)).toBe(shown);
});
