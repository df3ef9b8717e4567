import type { APIRequestContext } from '@playwright/test';
import { expect, expectAccessible, test } from '../support/fixtures';
import { json, OWNER_STATE, ownerApi } from '../support/owner';

/**
 * Issue 15, items 4 and 5: a shop's first invoice it can hand over. The starter canned jobs came
 * with first-run setup; a red "Front brake pads" finding at 2 mm becomes a job titled from the
 * finding and priced from the front-axle starter job; the owner types the registration numbers
 * in Settings → Invoice and the odometer out on the RO; the print page then shows the odometer in
 * and out, each job's technician and 3C, part numbers, declined work, the legal text and a
 * signature line, with the amounts of both jobs in one column.
 */
test.use({ storageState: OWNER_STATE });
test.describe.configure({ timeout: 180_000 });

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

async function moveJob(api: APIRequestContext, jobId: string, status: string, extra: object = {}) {
  const job = await json<{ version: number }>(await api.get(`/api/jobs/${jobId}`));
  await json(
    await api.post(`/api/jobs/${jobId}/status`, { data: { status, version: job.version, ...extra } }),
  );
}

interface Line {
  id: string;
  kind: string;
  description: string;
  unitPriceCents: number;
  partNumber: string | null;
}
interface Job {
  id: string;
  title: string;
  version: number;
  lines: Line[];
}

test('starter canned jobs price a finding; the printed invoice carries everything a shop hands over', async ({
  page,
}) => {
  const api = await ownerApi();
  const run = stamp();

  // ---------------------------------------------------------------- the starter set came with setup
  await page.goto('/settings/canned-jobs');
  await expect(page.getByRole('heading', { name: 'Canned jobs' })).toBeVisible();
  for (const name of [
    'Oil and filter change',
    'Brake pads, front axle',
    'Brake pads, rear axle',
    'Cabin air filter',
  ])
    await expect(page.locator('li strong').getByText(name, { exact: true })).toBeVisible();
  // Once only: asking again adds nothing.
  expect(
    (await json<{ created: unknown[] }>(await api.post('/api/canned-jobs/starter-set'))).created,
  ).toEqual([]);

  // ---------------------------------------------------------------- registration numbers in settings
  await page.goto('/settings/invoice');
  await expect(page.getByRole('heading', { name: 'Invoice', exact: true })).toBeVisible();
  while ((await page.getByTestId('registration-number').count()) > 0)
    await page
      .getByRole('button', { name: /^Remove number/ })
      .first()
      .click();
  await page.getByRole('button', { name: 'Add a number' }).click();
  await page.locator('#reg-label-0').fill('State repair license');
  await page.locator('#reg-value-0').fill(`RF-${run}`);
  await expect(page.getByLabel('Legal text')).toHaveValue(/odometer/);
  await expectAccessible(page, 'settings: invoice');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  // ---------------------------------------------------------------- arrange the visit through the API
  const customer = await json<{ id: string }>(
    await api.post('/api/customers', {
      data: {
        name: `Ivy Invoice ${run}`,
        confirmDuplicate: true,
        contactInfo: { phones: [{ number: '+15555550142' }] },
      },
    }),
  );
  const vehicle = await json<{ id: string }>(
    await api.post('/api/vehicles', {
      data: {
        customerId: customer.id,
        year: 2017,
        make: 'Honda',
        model: 'Accord',
        licensePlate: `INV${run.slice(-4)}`,
      },
    }),
  );
  const ro = await json<{ id: string; jobs: Job[] }>(
    await api.post('/api/repair-orders', {
      data: {
        customerId: customer.id,
        vehicleId: vehicle.id,
        concerns: ['Check engine light on'],
        odometerIn: 48_210,
      },
    }),
  );
  const tech = await json<{ id: string }>(
    await api.post('/api/technicians', { data: { name: `Tina Tech ${run}` } }),
  );
  const inspection = await json<{ id: string; findings: { itemKey: string; version: number }[] }>(
    await api.post(`/api/repair-orders/${ro.id}/inspections`, { data: {} }),
  );
  const pads = inspection.findings.find((f) => f.itemKey === 'brakes.front-pads')!;
  await json(
    await api.patch(`/api/inspections/${inspection.id}/findings/brakes.front-pads`, {
      data: { version: pads.version, rating: 'red', measurement: 2 },
    }),
  );

  // ---------------------------------------------------------------- the finding becomes a priced job
  await page.goto(`/repair-orders/${ro.id}`);
  const panel = page.getByTestId('inspection-panel');
  await panel.getByRole('button', { name: 'Recommend job for Front brake pads' }).click();
  await expect(panel.getByText('✓ Recommended: Front brake pads at 2 mm')).toBeVisible();
  const jobs = (await json<{ jobs: Job[] }>(await api.get(`/api/repair-orders/${ro.id}`))).jobs;
  const brakeJob = jobs.find((j) => j.title === 'Front brake pads at 2 mm')!;
  expect(brakeJob.lines.map((l) => [l.kind, l.partNumber, l.unitPriceCents])).toEqual([
    ['labor', null, expect.any(Number)],
    ['part', 'PADS-FRONT', 7_900],
  ]);

  // The check-engine job: a diagnostic hour, and rotors the customer declines.
  const engineJob = ro.jobs[0]!;
  const add = async (jobId: string, data: object) =>
    json<{ id: string }>(await api.post(`/api/jobs/${jobId}/lines`, { data }));
  const diag = await add(engineJob.id, {
    kind: 'labor',
    description: 'Diagnose check engine light',
    quantity: 1,
  });
  const rotors = await add(brakeJob.id, {
    kind: 'part',
    description: 'Front rotors',
    partNumber: 'RT-77',
    quantity: 2,
    unitPriceCents: 8_000,
  });
  await json(
    await api.post(`/api/repair-orders/${ro.id}/approvals`, {
      data: {
        method: 'in_person',
        approvedBy: 'Ivy',
        decisions: [
          ...brakeJob.lines.map((l) => ({ lineId: l.id, state: 'approved' })),
          { lineId: diag.id, state: 'approved' },
          { lineId: rotors.id, state: 'declined', reason: 'next visit' },
        ],
      },
    }),
  );
  for (const [job, cause, correction] of [
    [brakeJob, 'Front pads worn to 2 mm', 'Replaced front pads, cleaned and lubed slides'],
    [engineJob, 'Loose gas cap (P0457)', 'Tightened cap, cleared code, road tested'],
  ] as const) {
    const current = await json<{ version: number }>(await api.get(`/api/jobs/${job.id}`));
    await json(
      await api.patch(`/api/jobs/${job.id}`, { data: { version: current.version, technicianId: tech.id } }),
    );
    await moveJob(api, job.id, 'In_Progress');
    await moveJob(api, job.id, 'Completed', { cause, correction });
  }

  // ---------------------------------------------------------------- odometer out on the RO head
  await page.reload();
  await page.getByRole('button', { name: 'Edit concerns and promised time' }).click();
  await page.getByLabel('Odometer out').fill('48,214');
  await page.getByRole('button', { name: 'Save visit' }).click();
  await expect(page.getByTestId('ro-odometer-out')).toHaveText('48,214');

  const invoice = await json<{ id: string }>(
    await api.post('/api/invoices', { data: { repairOrderId: ro.id } }),
  );

  // ---------------------------------------------------------------- the print page
  await page.goto(`/print/invoices/${invoice.id}`);
  await expect(page.getByTestId('print-registration')).toHaveText(`State repair license RF-${run}`);
  await expect(page.getByText('+15555550142')).toBeVisible();
  await expect(page.getByTestId('print-odometer')).toHaveText('Odometer in: 48,210 · Odometer out: 48,214');
  const lines = page.getByTestId('print-lines');
  await expect(lines.getByText('Front brake pads at 2 mm')).toBeVisible();
  await expect(lines.getByText(`Technician: Tina Tech ${run}`).first()).toBeVisible();
  await expect(lines.getByText('Front pads worn to 2 mm')).toBeVisible();
  await expect(lines.getByText('Tightened cap, cleared code, road tested')).toBeVisible();
  await expect(lines.getByRole('cell', { name: 'PADS-FRONT' })).toBeVisible();
  await expect(page.getByTestId('print-totals')).toContainText('Tax on parts');
  await expect(page.getByTestId('print-declined')).toContainText(
    'Declined today: Front brake pads at 2 mm - Front rotors ($160.00)',
  );
  await expect(page.getByTestId('print-warranty')).toBeVisible();
  await expect(page.getByTestId('print-legal')).toContainText('odometer');
  await expect(page.getByTestId('print-signature')).toContainText('Customer signature');

  // Columns line up across jobs: both jobs' amount cells start at the same x.
  const amountX = async (index: number) =>
    (await page
      .getByTestId('print-job')
      .nth(index)
      .locator('tr:not(.job-head):not(.story) td:last-child')
      .first()
      .boundingBox())!.x;
  await expect(page.getByTestId('print-job')).toHaveCount(2);
  expect(await amountX(0)).toBe(await amountX(1));
  await expectAccessible(page, 'invoice print');
});
