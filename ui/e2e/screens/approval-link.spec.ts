import { devices } from '@playwright/test';
import sharp from 'sharp';
import { test, expect, expectAccessible } from '../support/fixtures';
import { ownerApi, json, OWNER_STATE } from '../support/owner';
import { drawSignature } from '../support/trust';

/**
 * The customer approval link: the advisor sends the estimate from the repair order, the customer
 * opens the link on a phone in a separate browser context (no session), sees the inspection photo,
 * approves one job, declines the other, signs with a drag on the canvas and sends; the advisor's
 * repair order shows the answer live, and the declined job stays on the vehicle as deferred work.
 */
test.use({ storageState: OWNER_STATE });
test.describe.configure({ timeout: 180_000 });

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const money = (cents: number) => usd.format(cents / 100);

// The phone: iPhone 13 size, touch and user agent, driven by chromium (the only browser here).
const { defaultBrowserType: _webkit, ...IPHONE_13 } = devices['iPhone 13'];

test('the customer approves one job, declines another and signs; the advisor sees it live', async ({
  page,
  openContext,
  allowHttpError,
}) => {
  allowHttpError(410, '/api/public/approvals/'); // the answered link, opened again on purpose
  const api = await ownerApi();
  const run = String(Date.now()).slice(-6);

  // ---------------------------------------------------------------- arrange: RO, lines, inspection
  const customer = await json<{ id: string }>(
    await api.post('/api/customers', {
      data: {
        name: `Nina Phone ${run}`,
        confirmDuplicate: true,
        contactInfo: { emails: [{ address: `nina.${run}@e2e.shop` }] },
        preferences: { contactChannel: 'email' },
      },
    }),
  );
  const vehicle = await json<{ id: string }>(
    await api.post('/api/vehicles', {
      data: { customerId: customer.id, year: 2017, make: 'Mazda', model: 'CX-5', licensePlate: `AP${run}` },
    }),
  );
  const ro = await json<{ id: string; number: number; jobs: { id: string; title: string }[] }>(
    await api.post('/api/repair-orders', {
      data: {
        customerId: customer.id,
        vehicleId: vehicle.id,
        concerns: ['Front brakes grind when stopping', 'Wipers leave streaks'],
      },
    }),
  );
  const [brakeJob, wiperJob] = ro.jobs;
  await json(
    await api.post(`/api/jobs/${brakeJob!.id}/lines`, {
      data: {
        kind: 'labor',
        description: 'Replace front pads and rotors',
        quantity: 1.5,
        unitPriceCents: 14_000,
      },
    }),
  );
  await json(
    await api.post(`/api/jobs/${wiperJob!.id}/lines`, {
      data: {
        kind: 'part',
        description: 'Wiper blade pair',
        quantity: 1,
        unitPriceCents: 3_900,
        partNumber: 'WB-22',
      },
    }),
  );

  const inspection = await json<{
    id: string;
    sections: { items: { key: string; label: string }[] }[];
    findings: { itemKey: string; version: number }[];
  }>(await api.post(`/api/repair-orders/${ro.id}/inspections`, { data: {} }));
  const item = inspection.sections[0]!.items[0]!;
  const version = inspection.findings.find((f) => f.itemKey === item.key)?.version ?? 1;
  await json(
    await api.patch(`/api/inspections/${inspection.id}/findings/${item.key}`, {
      data: { version, rating: 'red', note: `Worn out (${run})` },
    }),
  );
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#b91c1c' } })
    .jpeg()
    .toBuffer();
  await json(
    await api.post(`/api/inspections/${inspection.id}/media?itemKey=${encodeURIComponent(item.key)}`, {
      headers: { 'content-type': 'image/jpeg' },
      data: photo,
    }),
  );

  // ---------------------------------------------------------------- the advisor sends it
  await page.goto(`/repair-orders/${ro.id}`);
  const panel = page.getByTestId('approval-panel');
  await expect(panel.getByText('Not sent to the customer yet.')).toBeVisible();
  await panel.getByRole('button', { name: 'Send to customer' }).click();
  await panel.getByLabel('Note to the customer (optional)').fill('The brakes are the urgent part.');
  await panel.getByRole('button', { name: 'Send', exact: true }).click();
  const linkBox = panel.getByTestId('approval-link');
  await expect(linkBox).toHaveValue(/\/r\/[A-Za-z0-9_-]{43}$/);
  const link = await linkBox.inputValue();
  // What really happened to the email (issue 15): queued when email is set up, else not sent; never "Sent".
  await expect(panel.getByTestId('approval-delivery')).toContainText(
    /Queued: email to|Not sent: email not set up/,
  );
  await expect(panel.getByTestId('approval-state')).toContainText('not opened yet');
  await expectAccessible(page, 'repair order with a sent approval link');

  // ---------------------------------------------------------------- the customer's phone
  const phoneContext = await openContext({ ...IPHONE_13 });
  const phone = await phoneContext.newPage();
  await phone.goto(new URL(link).pathname);
  await expect(phone.getByRole('heading', { name: 'Your estimate' })).toBeVisible();
  await expect(phone.getByText('2017 Mazda CX-5')).toBeVisible();
  await expect(phone.getByText('The brakes are the urgent part.')).toBeVisible();
  await expect(phone.getByText(`Worn out (${run})`)).toBeVisible();

  // The advisor sees the link was opened, live.
  await expect(panel.getByTestId('approval-state')).toContainText('Opened by the customer');

  // The photo: a thumbnail that loads, tapped to enlarge.
  const thumb = phone.getByRole('button', { name: new RegExp(`Enlarge photo`) }).first();
  await expect(thumb).toBeVisible();
  await expect
    .poll(() =>
      thumb.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    )
    .toBe(true);
  await thumb.click();
  const viewer = phone.getByRole('dialog', { name: 'Photo' });
  await expect(viewer.locator('img')).toBeVisible();
  await expect
    .poll(() => viewer.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(320);
  await viewer.getByRole('button', { name: 'Close' }).click();
  await expect(viewer).toBeHidden();
  await expectAccessible(phone, 'customer estimate page on a phone');

  // The page fits the phone: nothing wider than the screen.
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Nothing chosen yet: sending says what is missing.
  await phone.getByRole('button', { name: 'Send my answer' }).click();
  await expect(phone.getByText('Approve or decline each of the 2 remaining jobs.')).toBeVisible();

  const brakes = phone.getByRole('group', { name: brakeJob!.title });
  const wipers = phone.getByRole('group', { name: wiperJob!.title });
  await brakes.getByText('Approve', { exact: true }).click();
  await wipers.getByText('Decline', { exact: true }).click();
  await expect(phone.getByTestId('running-total')).toHaveText(money(21_000));

  await phone.getByLabel('Your name').fill('Nina Phone');
  await drawSignature(phone);
  await expect(phone.getByText('Signed. Tap Clear to start over.')).toBeVisible();

  await phone.getByRole('button', { name: 'Send my answer' }).click();
  const thanks = phone.getByTestId('approval-thanks');
  await expect(thanks.getByRole('heading', { name: 'Thank you, Nina Phone!' })).toBeVisible();
  await expect(thanks.getByText(`Approved · ${money(21_000)}`)).toBeVisible();
  await expect(thanks.getByText(`Declined · ${money(3_900)}`)).toBeVisible();
  await expectAccessible(phone, 'customer thank-you page');

  // ---------------------------------------------------------------- the advisor's screen, live
  await expect(panel.getByTestId('approval-state')).toContainText('Answered by Nina Phone');
  await expect(panel.getByText('Approved', { exact: true })).toBeVisible();
  await expect(panel.getByText('Declined', { exact: true })).toBeVisible();

  // The same link again (issue 15): the summary of the answer, not the form again.
  await phone.reload();
  await expect(phone.getByTestId('approval-thanks')).toBeVisible();
  await expect(phone.getByRole('button', { name: 'Send my answer' })).toBeHidden();
  await expectAccessible(phone, 'answered link page');

  // The declined job stays on the vehicle as deferred work.
  await page.goto(`/vehicles/${vehicle.id}`);
  const deferred = page.getByTestId('deferred-work');
  await expect(deferred.getByText('Wiper blade pair')).toBeVisible();
  await expect(deferred.getByRole('link', { name: `RO #${ro.number}` })).toBeVisible();
});

test('an unknown link gets a clear page with nothing of any repair order', async ({
  openContext,
  allowHttpError,
}) => {
  allowHttpError(404, '/api/public/approvals/');
  const context = await openContext({ ...IPHONE_13 });
  const phone = await context.newPage();
  await phone.goto(`/r/${'x'.repeat(43)}`);
  await expect(phone.getByRole('heading', { name: 'Link not found' })).toBeVisible();
  await expect(phone.getByTestId('link-unknown')).toBeVisible();
  await expectAccessible(phone, 'unknown link page');
});

test('the estimate page fits a 375 px phone with big touch targets', async ({ openContext }) => {
  const api = await ownerApi();
  const run = String(Date.now()).slice(-6);
  const customer = await json<{ id: string }>(
    await api.post('/api/customers', { data: { name: `Sam Small ${run}`, confirmDuplicate: true } }),
  );
  const vehicle = await json<{ id: string }>(
    await api.post('/api/vehicles', {
      data: {
        customerId: customer.id,
        year: 2012,
        make: 'Volkswagen',
        model: 'Golf Variant',
        licensePlate: `SM${run}`,
      },
    }),
  );
  const ro = await json<{ id: string; jobs: { id: string }[] }>(
    await api.post('/api/repair-orders', {
      data: {
        customerId: customer.id,
        vehicleId: vehicle.id,
        concerns: [
          'Timing belt and water pump replacement at the recommended interval, with a very long title',
        ],
      },
    }),
  );
  await json(
    await api.post(`/api/jobs/${ro.jobs[0]!.id}/lines`, {
      data: {
        kind: 'labor',
        description: 'Timing belt, tensioner and water pump kit',
        quantity: 4.2,
        unitPriceCents: 15_500,
      },
    }),
  );
  // Shared by the advisor (no message sent): the link comes back once, in the answer.
  const sent = await json<{ link: string }>(
    await api.post(`/api/repair-orders/${ro.id}/approval-requests`, { data: { channels: [] } }),
  );

  const context = await openContext({
    viewport: { width: 375, height: 667 },
    isMobile: true,
    hasTouch: true,
  });
  const phone = await context.newPage();
  await phone.goto(new URL(sent.link).pathname);
  await expect(phone.getByRole('heading', { name: 'Recommended work' })).toBeVisible();
  expect(
    await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  for (const target of [
    phone.getByText('Approve', { exact: true }),
    phone.getByText('Decline', { exact: true }),
    phone.getByRole('button', { name: 'Send my answer' }),
    phone.getByRole('button', { name: 'Clear' }),
  ]) {
    const box = (await target.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(48);
    expect(box.width).toBeGreaterThanOrEqual(48);
  }
  await expectAccessible(phone, 'customer estimate page at 375 px');
});
