import type { APIRequestContext } from '@playwright/test';
import { expect, expectAccessible, test } from '../support/fixtures';
import { json, OWNER_STATE, ownerApi } from '../support/owner';

test.use({ storageState: OWNER_STATE });

/**
 * Issue 15, item 2: work follows approval. The board offers no Start on a job nothing is approved
 * on when the shop allows no diagnosis without approval, and says why; completing asks for the
 * cause and correction; creating an invoice with a job nobody decided on asks what becomes of it
 * and names the inspection still in progress.
 */

interface Ro {
  id: string;
  number: number;
  jobs: { id: string; version: number; title: string }[];
}

async function arrange(api: APIRequestContext, concerns: string[]) {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const technician = await json<{ id: string; name: string }>(
    await api.post('/api/technicians', { data: { name: `Gate Tech ${stamp}` } }),
  );
  const customer = await json<{ id: string }>(
    await api.post('/api/customers', { data: { name: `Gail Gate ${stamp}`, confirmDuplicate: true } }),
  );
  const vehicle = await json<{ id: string }>(
    await api.post('/api/vehicles', {
      data: {
        customerId: customer.id,
        year: 2016,
        make: 'Ford',
        model: 'Focus',
        licensePlate: 'GT' + stamp.slice(-5),
      },
    }),
  );
  const ro = await json<Ro>(
    await api.post('/api/repair-orders', {
      data: {
        customerId: customer.id,
        vehicleId: vehicle.id,
        concerns: concerns.map((c) => `${c} ${stamp}`),
      },
    }),
  );
  const lines: string[] = [];
  for (const job of ro.jobs) {
    const assigned = await json<{ version: number }>(
      await api.patch(`/api/jobs/${job.id}`, { data: { version: job.version, technicianId: technician.id } }),
    );
    job.version = assigned.version;
    const line = await json<{ id: string }>(
      await api.post(`/api/jobs/${job.id}/lines`, {
        data: {
          kind: 'labor',
          description: `Labor: ${job.title}`,
          quantity: 1,
          unitPriceCents: 9_000,
          taxable: false,
        },
      }),
    );
    lines.push(line.id);
  }
  return { ro, technician, lines };
}

async function approve(api: APIRequestContext, roId: string, lineIds: string[]): Promise<void> {
  await json(
    await api.post(`/api/repair-orders/${roId}/approvals`, {
      data: {
        method: 'in_person',
        approvedBy: 'Gail Gate',
        decisions: lineIds.map((lineId) => ({ lineId, state: 'approved' })),
      },
    }),
  );
}

async function move(
  api: APIRequestContext,
  jobId: string,
  status: string,
  extra: object = {},
): Promise<void> {
  const { version } = await json<{ version: number }>(await api.get(`/api/jobs/${jobId}`));
  await json(await api.post(`/api/jobs/${jobId}/status`, { data: { status, version, ...extra } }));
}

type Settings = { version: number; diagnosisWithoutApproval: { allowed: boolean; limitHours: number } };

test('board: no Start on unapproved work when diagnosis is off, and why; completing asks for the 3C', async ({
  page,
}) => {
  const api = await ownerApi();
  const before = await json<Settings>(await api.get('/api/settings'));
  const { ro, technician, lines } = await arrange(api, ['Check engine light']);
  const job = ro.jobs[0]!;
  try {
    await json(
      await api.patch('/api/settings', {
        data: { version: before.version, diagnosisWithoutApproval: { allowed: false, limitHours: 0.5 } },
      }),
    );
    await page.goto('/board');
    await expect(page.getByRole('heading', { name: 'Job board', level: 1 })).toBeVisible();
    await page.getByLabel('Technician').selectOption({ label: technician.name });
    const pending = page
      .getByTestId('column-Pending')
      .locator(`[data-testid="job-card"][data-job-id="${job.id}"]`);
    await expect(pending).toBeVisible();
    await expect(pending.getByRole('button', { name: /^Start/ })).toHaveCount(0);
    await expect(pending.getByTestId('job-held')).toHaveText(
      "Waiting for the customer's approval: nothing on this job is approved yet.",
    );
    await expectAccessible(page, 'board with a job waiting for approval');

    // Approved by the advisor in person: Start is offered, and completing asks for the 3C.
    await approve(api, ro.id, [lines[0]!]);
    await page.reload();
    await page.getByLabel('Technician').selectOption({ label: technician.name });
    await pending.getByRole('button', { name: /^Start/ }).click();
    const working = page.getByTestId('column-In_Progress').locator(`[data-job-id="${job.id}"]`);
    await working.getByRole('button', { name: /^Complete/ }).click();
    const dialog = page.getByTestId('complete-job-dialog');
    await expect(dialog.getByRole('heading', { name: 'Complete this job' })).toBeVisible();
    await expectAccessible(page, 'board: complete-job dialog');
    await dialog.getByLabel('Cause (what was found)').fill('Loose gas cap');
    await dialog.getByLabel('Correction (what was done)').fill('Tightened the cap, cleared the code');
    await dialog.getByRole('button', { name: 'Complete job' }).click();
    await expect(page.getByTestId('column-Completed').locator(`[data-job-id="${job.id}"]`)).toBeVisible();
    const saved = await json<{ status: string; cause: string; correction: string }>(
      await api.get(`/api/jobs/${job.id}`),
    );
    expect(saved).toMatchObject({
      status: 'Completed',
      cause: 'Loose gas cap',
      correction: 'Tightened the cap, cleared the code',
    });
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

test('invoice: a job nobody decided on is asked about, naming the inspection in progress', async ({
  page,
}) => {
  const api = await ownerApi();
  const { ro, lines } = await arrange(api, ['Brakes squeal', 'Wipers streak']);
  const [done, undecided] = ro.jobs;
  await approve(api, ro.id, [lines[0]!]);
  await move(api, done!.id, 'In_Progress');
  await move(api, done!.id, 'Completed', { cause: 'Pads at 2 mm', correction: 'Replaced pads' });
  const inspection = await json<{ name: string }>(
    await api.post(`/api/repair-orders/${ro.id}/inspections`, { data: {} }),
  );

  await page.goto(`/repair-orders/${ro.id}`);
  const panel = page.getByTestId('invoice-panel');
  await panel.getByRole('button', { name: 'Create invoice' }).click();
  const dialog = page.getByTestId('undecided-work-dialog');
  await expect(dialog.getByRole('heading', { name: 'Before the invoice' })).toBeVisible();
  await expect(dialog.getByTestId('inspection-in-progress')).toContainText(inspection.name);
  const choice = dialog.locator(`[data-testid="undecided-job"][data-job-id="${undecided!.id}"]`);
  await expect(choice).toContainText(undecided!.title);
  await expectAccessible(page, 'RO editor: undecided work before the invoice');
  await choice.getByLabel('Declined by the customer').check();
  await dialog.getByRole('button', { name: 'Create invoice' }).click();
  await expect(panel.getByTestId('invoice-status')).toHaveText('Open');
  const after = await json<{ jobs: { id: string; lines: { approvalState: string }[] }[] }>(
    await api.get(`/api/repair-orders/${ro.id}`),
  );
  expect(after.jobs.find((j) => j.id === undecided!.id)!.lines.map((l) => l.approvalState)).toEqual([
    'declined',
  ]);
  await api.dispose();
});
