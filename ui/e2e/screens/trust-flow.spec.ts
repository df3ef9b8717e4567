import { devices } from '@playwright/test';
import sharp from 'sharp';
import { expect, expectAccessible, test } from '../support/fixtures';
import { json, OWNER_STATE, ownerApi } from '../support/owner';
import { drawSignature, finding, liveSubscribed, rate } from '../support/trust';

/**
 * Issue 5's whole trust flow across three devices: the technician fills an inspection on a tablet
 * and photographs a worn part → the advisor turns the finding into a recommended job and sends the
 * estimate → the customer opens the link on a phone (separate context, no session), sees the
 * photo, approves one job, declines another, signs → the advisor's repair order shows the answer
 * live, line by line.
 */
test.use({ storageState: OWNER_STATE });
test.describe.configure({ timeout: 240_000 });

const PASSWORD = 'wrench-turner-1';
const TABLET = { width: 768, height: 1024 };
const { defaultBrowserType: _webkit, ...IPHONE_13 } = devices['iPhone 13'];

test('technician inspects with a photo → advisor sends → customer approves one, declines one, signs → advisor sees it live', async ({
  page,
  openContext,
}) => {
  const api = await ownerApi();
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

  // ---------------------------------------------------------------- arrange through the API
  const techEmail = `tia.${run}@e2e.shop`;
  const techUser = await json<{ id: string }>(
    await api.post('/api/users', {
      data: { name: `Tia Tech ${run}`, email: techEmail, role: 'technician', password: PASSWORD },
    }),
  );
  const technician = await json<{ id: string }>(
    await api.post('/api/technicians', { data: { name: `Tia ${run}`, userId: techUser.id } }),
  );
  const customer = await json<{ id: string }>(
    await api.post('/api/customers', {
      data: {
        name: `Carla Trust ${run}`,
        confirmDuplicate: true,
        contactInfo: { emails: [{ address: `carla.${run}@e2e.shop` }] },
        preferences: { contactChannel: 'email' },
      },
    }),
  );
  const vehicle = await json<{ id: string }>(
    await api.post('/api/vehicles', {
      data: {
        customerId: customer.id,
        year: 2015,
        make: 'Honda',
        model: 'Accord',
        licensePlate: `TF${run.slice(-5)}`,
      },
    }),
  );
  const ro = await json<{
    id: string;
    number: number;
    jobs: { id: string; version: number; title: string }[];
  }>(
    await api.post('/api/repair-orders', {
      data: {
        customerId: customer.id,
        vehicleId: vehicle.id,
        concerns: ['Courtesy inspection', 'Wipers streak'],
      },
    }),
  );
  const [inspectJob, wiperJob] = ro.jobs;
  await json(
    await api.patch(`/api/jobs/${inspectJob!.id}`, {
      data: { version: inspectJob!.version, technicianId: technician.id },
    }),
  );
  await json(
    await api.post(`/api/jobs/${wiperJob!.id}/lines`, {
      data: {
        kind: 'part',
        description: 'Wiper blade pair',
        quantity: 1,
        unitPriceCents: 3_900,
        partNumber: 'WB-1',
      },
    }),
  );

  // ---------------------------------------------------------------- the technician's tablet
  const tablet = await (await openContext({ viewport: TABLET, hasTouch: true })).newPage();
  await tablet.goto('/login');
  await tablet.getByLabel('Email').fill(techEmail);
  await tablet.getByLabel('Password').fill(PASSWORD);
  await tablet.getByRole('button', { name: 'Sign in' }).click();
  await expect(tablet).toHaveURL(/\/my-jobs$/);
  await tablet.getByRole('button', { name: `Inspect RO ${ro.number}` }).click();
  await expect(tablet.getByRole('heading', { name: 'Multi-point inspection', level: 1 })).toBeVisible();

  // The worn front pads: rated "Now", measured, noted and photographed.
  const pads = finding(tablet, 'brakes.front-pads');
  await rate(tablet, 'brakes.front-pads', 'Now');
  await pads.getByLabel('Note').fill(`Metal on metal (${run})`);
  await pads.getByLabel('Note').blur();
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#7f1d1d' } })
    .jpeg()
    .toBuffer();
  await pads
    .locator('input[type="file"]')
    .setInputFiles({ name: 'pads.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(pads.getByRole('img', { name: /Front brake pads: photo 1/ })).toBeVisible();
  for (const key of [
    'tires.lf',
    'tires.rf',
    'tires.lr',
    'tires.rr',
    'brakes.rear-pads',
    'brakes.fluid',
    'battery.voltage',
    'fluids.oil',
    'wipers.blades',
    'lights.exterior',
  ])
    await rate(tablet, key, 'OK');
  await tablet.getByRole('button', { name: 'Complete inspection' }).click();
  await expect(tablet.getByTestId('inspection-status')).toHaveText('Completed');

  // ---------------------------------------------------------------- the advisor at the counter
  const advisorLive = liveSubscribed(page);
  await page.goto(`/repair-orders/${ro.id}`);
  await advisorLive;
  const inspectionPanel = page.getByTestId('inspection-panel');
  await expect(inspectionPanel.getByText('Completed', { exact: true })).toBeVisible();
  await inspectionPanel.getByRole('button', { name: 'Recommend job for Front brake pads' }).click();
  await expect(inspectionPanel.getByText('✓ Recommended: Front brake pads')).toBeVisible();

  // The advisor prices the new job (a labour line), then sends the estimate.
  const withBrakes = await json<{ jobs: { id: string; title: string }[] }>(
    await api.get(`/api/repair-orders/${ro.id}`),
  );
  const brakeJob = withBrakes.jobs.find((job) => job.id !== inspectJob!.id && job.id !== wiperJob!.id)!;
  await json(
    await api.post(`/api/jobs/${brakeJob.id}/lines`, {
      data: { kind: 'labor', description: 'Front pads and rotors', quantity: 2, unitPriceCents: 15_000 },
    }),
  );
  const approvalPanel = page.getByTestId('approval-panel');
  await approvalPanel.getByRole('button', { name: 'Send to customer' }).click();
  await approvalPanel.getByRole('button', { name: 'Send', exact: true }).click();
  const linkBox = approvalPanel.getByTestId('approval-link');
  await expect(linkBox).toHaveValue(/\/r\/[A-Za-z0-9_-]{43}$/);
  const link = await linkBox.inputValue();

  // ---------------------------------------------------------------- the customer's phone
  const phone = await (await openContext({ ...IPHONE_13 })).newPage();
  await phone.goto(new URL(link).pathname);
  await expect(phone.getByRole('heading', { name: 'Your estimate' })).toBeVisible();
  await expect(phone.getByText(`Metal on metal (${run})`, { exact: true })).toBeVisible();
  const thumb = phone.getByRole('button', { name: /Enlarge photo/ }).first();
  await expect
    .poll(() =>
      thumb.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    )
    .toBe(true);

  await phone.getByRole('group', { name: brakeJob.title }).getByText('Approve', { exact: true }).click();
  await phone.getByRole('group', { name: wiperJob!.title }).getByText('Decline', { exact: true }).click();
  await phone.getByLabel('Your name').fill('Carla Trust');
  await drawSignature(phone);
  await phone.getByRole('button', { name: 'Send my answer' }).click();
  await expect(phone.getByTestId('approval-thanks')).toBeVisible();

  // ---------------------------------------------------------------- live on the advisor's screen
  await expect(approvalPanel.getByTestId('approval-state')).toContainText('Answered by Carla Trust');
  // The job cards show each line's new state without a reload, and say how it was decided.
  const brakeLine = page.locator('[data-testid="line"]').filter({ hasText: 'Front pads and rotors' });
  const wiperLine = page.locator('[data-testid="line"]').filter({ hasText: 'Wiper blade pair' });
  await expect(brakeLine).toHaveAttribute('data-approval', 'approved');
  await expect(wiperLine).toHaveAttribute('data-approval', 'declined');
  const after = await json<{
    jobs: { id: string; lines: { approvalState: string; approvalMethod: string | null }[] }[];
  }>(await api.get(`/api/repair-orders/${ro.id}`));
  const lineOf = (jobId: string) => after.jobs.find((job) => job.id === jobId)!.lines[0]!;
  expect(lineOf(brakeJob.id)).toMatchObject({ approvalState: 'approved', approvalMethod: 'link' });
  expect(lineOf(wiperJob!.id)).toMatchObject({ approvalState: 'declined', approvalMethod: 'link' });
  await expectAccessible(page, 'repair order after the customer answered');
  await api.dispose();
});
