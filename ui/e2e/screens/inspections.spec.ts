import type { APIRequestContext } from '@playwright/test';
import sharp from 'sharp';
import { expect, expectAccessible, test } from '../support/fixtures';
import { json, OWNER_STATE, ownerApi } from '../support/owner';
import { finding, liveSubscribed, rate } from '../support/trust';

test.use({ storageState: OWNER_STATE });

const PASSWORD = 'wrench-turner-1';
const TABLET = { width: 768, height: 1024 };

interface Arranged {
  email: string;
  ro: { id: string; number: number };
}

/** A technician account linked to a technician record, and an RO whose job is assigned to them. */
async function arrange(api: APIRequestContext): Promise<Arranged> {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const email = `ivy.${stamp}@e2e.shop`;
  const user = await json<{ id: string }>(
    await api.post('/api/users', {
      data: { name: `Ivy Inspector ${stamp}`, email, role: 'technician', password: PASSWORD },
    }),
  );
  const technician = await json<{ id: string }>(
    await api.post('/api/technicians', { data: { name: `Ivy ${stamp}`, userId: user.id } }),
  );
  const customer = await json<{ id: string }>(
    await api.post('/api/customers', { data: { name: `Pat Photo ${stamp}`, confirmDuplicate: true } }),
  );
  const vehicle = await json<{ id: string }>(
    await api.post('/api/vehicles', {
      data: {
        customerId: customer.id,
        year: 2017,
        make: 'Subaru',
        model: 'Outback',
        licensePlate: 'IN' + stamp.slice(-5),
      },
    }),
  );
  const ro = await json<{ id: string; number: number; jobs: { id: string; version: number }[] }>(
    await api.post('/api/repair-orders', {
      data: { customerId: customer.id, vehicleId: vehicle.id, concerns: ['Courtesy inspection'] },
    }),
  );
  const job = ro.jobs[0]!;
  await json(
    await api.patch(`/api/jobs/${job.id}`, { data: { version: job.version, technicianId: technician.id } }),
  );
  return { email, ro };
}

test('a technician fills an inspection on a tablet, with a photo; the advisor recommends a job from it', async ({
  page,
  openContext,
}) => {
  const api = await ownerApi();
  const { email, ro } = await arrange(api);

  // The technician's tablet: a fresh device, signed in with their own account.
  const tablet = await (await openContext({ viewport: TABLET, hasTouch: true })).newPage();
  await tablet.goto('/login');
  await tablet.getByLabel('Email').fill(email);
  await tablet.getByLabel('Password').fill(PASSWORD);
  await tablet.getByRole('button', { name: 'Sign in' }).click();
  await expect(tablet).toHaveURL(/\/my-jobs$/);
  await tablet.getByRole('button', { name: `Inspect RO ${ro.number}` }).click();
  await expect(tablet).toHaveURL(/\/inspections\/[0-9a-f-]{36}$/);
  await expect(tablet.getByRole('heading', { name: 'Multi-point inspection', level: 1 })).toBeVisible();
  await expect(tablet.getByText(`RO ${ro.number}`)).toBeVisible();

  // Big touch targets, and nothing wider than the tablet.
  const okButton = finding(tablet, 'tires.lf').getByRole('button', { name: 'OK', exact: true });
  expect((await okButton.boundingBox())!.height).toBeGreaterThanOrEqual(48);
  expect(await tablet.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(TABLET.width);
  await expectAccessible(tablet, 'inspection (tablet)');

  // "Complete" too early names what is missing, without asking the server.
  await tablet.getByRole('button', { name: 'Complete inspection' }).click();
  const missing = tablet.getByRole('alert').filter({ hasText: 'Rate these required items first' });
  await expect(missing).toBeVisible();
  await expect(missing.getByRole('button', { name: 'Left front tire' })).toBeVisible();

  // Tread depth: 3/32" suggests (and, on an unrated item, sets) yellow.
  const lf = finding(tablet, 'tires.lf');
  await lf.getByLabel(/Measurement/).fill('3');
  await lf.getByLabel(/Measurement/).press('Enter');
  await expect(lf).toHaveAttribute('data-rating', 'yellow');
  await lf.getByLabel('Note').fill('Inner edge worn, alignment?');
  await lf.getByLabel('Note').blur();

  // A photo straight from the "camera" (the file input), with its thumbnail shown after upload.
  const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#556677' } })
    .jpeg()
    .toBuffer();
  await lf
    .locator('input[type="file"]')
    .setInputFiles({ name: 'tire.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(lf.getByRole('img', { name: /Left front tire: photo 1/ })).toBeVisible();
  await expect(tablet.getByRole('status').filter({ hasText: 'Photo added.' })).toBeVisible();

  for (const key of [
    'tires.rf',
    'tires.lr',
    'tires.rr',
    'brakes.rear-pads',
    'brakes.fluid',
    'battery.voltage',
  ])
    await rate(tablet, key, 'OK');
  for (const key of ['fluids.oil', 'wipers.blades', 'lights.exterior']) await rate(tablet, key, 'OK');
  await rate(tablet, 'brakes.front-pads', 'Now');
  await expect(missing).toBeHidden();

  // The advisor has the repair order open at the counter while the technician completes.
  const subscribed = liveSubscribed(page);
  await page.goto(`/repair-orders/${ro.id}`);
  const panel = page.getByTestId('inspection-panel');
  await expect(panel.getByText('In progress', { exact: true })).toBeVisible();
  await subscribed;

  await tablet.getByRole('button', { name: 'Complete inspection' }).click();
  await expect(tablet.getByTestId('inspection-status')).toHaveText('Completed');
  await expect(tablet.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await expect(finding(tablet, 'tires.rf').getByRole('button', { name: 'OK', exact: true })).toBeDisabled();

  // Live on the advisor's screen: the findings and the photo; one tap makes the job.
  await expect(panel.getByText('Completed', { exact: true })).toBeVisible();
  await expect(panel.getByTestId('attention-item')).toHaveCount(2);
  await expect(panel.getByRole('img', { name: /Left front tire: photo 1/ })).toBeVisible();
  await expectAccessible(page, 'repair order with inspection');
  await panel.getByRole('button', { name: 'Recommend job for Front brake pads' }).click();
  await expect(panel.getByText('✓ Recommended: Front brake pads')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Jobs \(2\)/ })).toBeVisible();

  // The photo itself is served to staff, re-encoded (no longer the uploaded bytes).
  const inspections = await json<{ items: { media: { hash: string; width: number }[] }[] }>(
    await api.get(`/api/repair-orders/${ro.id}/inspections`),
  );
  const [media] = inspections.items[0]!.media;
  expect(media!.width).toBe(1600);
  const served = await api.get(`/api/media/${media!.hash}`);
  expect(served.headers()['content-type']).toBe('image/jpeg');
  expect((await served.body()).equals(photo)).toBe(false);
  await api.dispose();
});

test('the inspection screen works on a phone and the template editor saves a new template', async ({
  page,
  openContext,
}) => {
  const api = await ownerApi();
  const { ro } = await arrange(api);
  const inspection = await json<{ id: string }>(
    await api.post(`/api/repair-orders/${ro.id}/inspections`, { data: {} }),
  );

  const phone = await (
    await openContext({ viewport: { width: 375, height: 740 }, hasTouch: true, storageState: OWNER_STATE })
  ).newPage();
  await phone.goto(`/inspections/${inspection.id}`);
  await expect(phone.getByRole('heading', { name: 'Multi-point inspection', level: 1 })).toBeVisible();
  await rate(phone, 'battery.voltage', 'Soon');
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectAccessible(phone, 'inspection (phone)');

  await page.goto('/settings/inspections');
  await expect(page.getByTestId('template-row').filter({ hasText: 'Multi-point inspection' })).toBeVisible();
  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByLabel('Name', { exact: true }).fill(`Pre-trip ${Date.now().toString(36)}`);
  await page.getByLabel('Title', { exact: true }).fill('Tires');
  await page.getByLabel('Item 1 of section 1', { exact: true }).fill('Spare tire');
  await page.getByLabel('Unit of Spare tire').fill('32nds');
  await page.getByLabel('Yellow below, Spare tire').fill('4');
  await page.getByLabel('Red below, Spare tire').fill('6');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('must not be above the yellow limit')).toBeVisible();
  await page.getByLabel('Red below, Spare tire').fill('2');
  await expectAccessible(page, 'template editor');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Pre-trip .* saved\./ })).toBeVisible();
  await expect(page.getByTestId('template-row').filter({ hasText: 'Pre-trip' })).toContainText(
    '1 section · 1 item ·',
  );
  await api.dispose();
});
