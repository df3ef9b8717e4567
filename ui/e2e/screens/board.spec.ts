import type { APIRequestContext, Page } from '@playwright/test';
import { expect, expectAccessible, test } from '../support/fixtures';
import { json, OWNER_STATE, ownerApi } from '../support/owner';

test.use({ storageState: OWNER_STATE });

interface CreatedRepairOrder {
  id: string;
  number: number;
  jobs: { id: string; version: number; title: string }[];
}

interface Arranged extends CreatedRepairOrder {
  technician: { id: string; name: string };
}

/**
 * A waiter's RO, promised an hour ago (so overdue), with one job per concern, all assigned to a
 * technician of its own: the test filters the board to that technician, so it sees its own jobs
 * among the hundreds other tests leave on the shared board (and axe checks a board of a few cards:
 * on 200 it takes over a minute).
 */
async function arrangeRepairOrder(api: APIRequestContext, concerns: string[]): Promise<Arranged> {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const technician = await json<{ id: string; name: string }>(
    await api.post('/api/technicians', { data: { name: `Board Tech ${stamp}` } }),
  );
  const customer = await json<{ id: string }>(
    await api.post('/api/customers', { data: { name: `Bea Board ${stamp}`, confirmDuplicate: true } }),
  );
  const vehicle = await json<{ id: string }>(
    await api.post('/api/vehicles', {
      data: {
        customerId: customer.id,
        year: 2018,
        make: 'Honda',
        model: 'Civic',
        licensePlate: 'BRD' + stamp.slice(-4),
      },
    }),
  );
  const ro = await json<CreatedRepairOrder>(
    await api.post('/api/repair-orders', {
      data: {
        customerId: customer.id,
        vehicleId: vehicle.id,
        concerns,
        waiter: true,
        promisedAt: new Date(Date.now() - 60 * 60_000).toISOString(),
      },
    }),
  );
  for (const job of ro.jobs) {
    const assigned = await json<{ version: number }>(
      await api.patch(`/api/jobs/${job.id}`, { data: { version: job.version, technicianId: technician.id } }),
    );
    job.version = assigned.version;
  }
  return { ...ro, technician };
}

/** Opens the board and waits until its live connection has subscribed, so no event is missed. */
async function openBoard(page: Page, technicianName?: string): Promise<void> {
  const subscribed = new Promise<void>((resolve) => {
    page.on('websocket', (socket) =>
      socket.on('framereceived', (frame) => {
        if (String(frame.payload).includes('"subscribed"')) resolve();
      }),
    );
  });
  await page.goto('/board');
  await expect(page.getByRole('heading', { name: 'Job board', level: 1 })).toBeVisible();
  await subscribed;
  if (technicianName) await page.getByLabel('Technician').selectOption({ label: technicianName });
}

const cardIn = (page: Page, status: string, jobId: string) =>
  page.getByTestId(`column-${status}`).locator(`[data-testid="job-card"][data-job-id="${jobId}"]`);

test('board: move a job by keyboard and tap, blocked with a reason; a second screen follows live', async ({
  page,
  openContext,
}) => {
  const api = await ownerApi();
  const ro = await arrangeRepairOrder(api, ['Brakes squeal when stopping', 'Check engine light is on']);
  const job = ro.jobs[0]!;

  await openBoard(page, ro.technician.name);
  const other = await (await openContext({ storageState: OWNER_STATE })).newPage();
  await openBoard(other, ro.technician.name);

  // Every column is there with its heading; the job starts Pending.
  for (const name of ['Pending', 'In progress', 'Blocked', 'Completed'])
    await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  const card = cardIn(page, 'Pending', job.id);
  await expect(card.getByRole('link', { name: `RO ${ro.number}` })).toHaveAttribute(
    'href',
    `/repair-orders/${ro.id}`,
  );
  await expect(card.getByText('Overdue')).toBeVisible();
  await expect(card.getByText('Waiter')).toBeVisible();
  await expect(card).toContainText('2018 Honda Civic');
  await expect(card).toContainText(ro.technician.name);
  await expect(card).toContainText('Pending since just now');
  // A Pending job offers only Start: the status machine's one allowed move.
  await expect(card.getByRole('button')).toHaveCount(1);
  await expectAccessible(page, 'job board');

  // Pending → In progress from the keyboard.
  await card.getByRole('button', { name: /^Start/ }).press('Enter');
  await expect(cardIn(page, 'In_Progress', job.id)).toBeVisible();
  await expect(cardIn(other, 'In_Progress', job.id)).toBeVisible();
  // The moved card keeps the keyboard focus, on its first move.
  await expect(cardIn(page, 'In_Progress', job.id).getByRole('button', { name: /^Block/ })).toBeFocused();

  // Blocked asks for a reason; Esc cancels and nothing moves.
  const started = cardIn(page, 'In_Progress', job.id);
  await started.getByRole('button', { name: /^Block/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Block this job' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('What is it waiting for?')).toBeFocused();
  await expectAccessible(page, 'job board: block reason dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(cardIn(page, 'In_Progress', job.id)).toBeVisible();

  await started.getByRole('button', { name: /^Block/ }).click();
  await dialog.getByLabel('What is it waiting for?').fill('Brake pads on order');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const blocked = cardIn(page, 'Blocked', job.id);
  await expect(blocked).toContainText('Waiting for: Brake pads on order');
  await expect(cardIn(other, 'Blocked', job.id)).toContainText('Brake pads on order');

  // Back to work, then done.
  await blocked.getByRole('button', { name: /^Resume/ }).click();
  await expect(cardIn(page, 'In_Progress', job.id)).toBeVisible();
  await cardIn(page, 'In_Progress', job.id)
    .getByRole('button', { name: /^Complete/ })
    .click();
  // The shop's default asks for the cause and correction (issue 15); they may be skipped.
  await page.getByTestId('complete-job-dialog').getByRole('button', { name: 'Complete without' }).click();
  const done = cardIn(page, 'Completed', job.id);
  await expect(done).toBeVisible();
  await expect(done.getByText('Overdue')).toHaveCount(0); // a completed job is no longer late
  await expect(done.getByRole('button')).toHaveCount(0); // only billing moves it on (Paid)
  await expect(cardIn(other, 'Completed', job.id)).toBeVisible();

  const saved = await json<{ status: string; blockedReason: string | null }>(
    await api.get(`/api/jobs/${job.id}`),
  );
  expect(saved).toMatchObject({ status: 'Completed', blockedReason: null });
  await expectAccessible(page, 'job board after moves');
  await api.dispose();
});

test('board: drag and drop moves a job only where the status machine allows; live on a second screen', async ({
  page,
  openContext,
}) => {
  const api = await ownerApi();
  const ro = await arrangeRepairOrder(api, ['Replace the cabin air filter']);
  const job = ro.jobs[0]!;
  await openBoard(page, ro.technician.name);
  const other = await (await openContext({ storageState: OWNER_STATE })).newPage();
  await openBoard(other, ro.technician.name);

  // A drop the status machine refuses (Pending → Completed) does nothing.
  await cardIn(page, 'Pending', job.id).dragTo(page.getByTestId('column-Completed'));
  await expect(cardIn(page, 'Pending', job.id)).toBeVisible();
  // An allowed one moves the job, here and on the other screen.
  await cardIn(page, 'Pending', job.id).dragTo(page.getByTestId('column-In_Progress'));
  await expect(cardIn(page, 'In_Progress', job.id)).toBeVisible();
  await expect(cardIn(other, 'In_Progress', job.id)).toBeVisible();
  // Dropped on Blocked, it asks for the reason first.
  await cardIn(page, 'In_Progress', job.id).dragTo(page.getByTestId('column-Blocked'));
  await page
    .getByRole('dialog', { name: 'Block this job' })
    .getByLabel('What is it waiting for?')
    .fill('Sublet');
  await page.getByRole('button', { name: 'Block job' }).click();
  await expect(cardIn(page, 'Blocked', job.id)).toContainText('Waiting for: Sublet');
  await expect(cardIn(other, 'Blocked', job.id)).toBeVisible();
  expect(await json<{ status: string }>(await api.get(`/api/jobs/${job.id}`))).toMatchObject({
    status: 'Blocked',
  });
  await api.dispose();
});

test('board: a move on an out-of-date card reloads the board and says so', async ({
  page,
  allowHttpError,
}) => {
  const api = await ownerApi();
  const ro = await arrangeRepairOrder(api, ['Replace wiper blades']);
  const job = ro.jobs[0]!;
  allowHttpError(409, `/api/jobs/${job.id}/status`); // the stale move, on purpose

  // This screen misses live updates (its socket goes nowhere), so it keeps showing the old state.
  await page.routeWebSocket(/\/ws/, () => {});
  await page.goto('/board');
  await page.getByLabel('Technician').selectOption({ label: ro.technician.name });
  const card = cardIn(page, 'Pending', job.id);
  await expect(card).toBeVisible();

  // Meanwhile someone else starts the job.
  await json(
    await api.post(`/api/jobs/${job.id}/status`, { data: { status: 'In_Progress', version: job.version } }),
  );

  await card.getByRole('button', { name: /^Start/ }).click();
  await expect(page.getByRole('alert')).toContainText(`Someone else changed RO ${ro.number}`);
  await expect(cardIn(page, 'In_Progress', job.id)).toBeVisible();
  await expectAccessible(page, 'job board: stale move notice');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await api.dispose();
});

test('board: filters by technician', async ({ page }) => {
  const api = await ownerApi();
  const mine = await arrangeRepairOrder(api, ['Rotate the tyres']);
  const theirs = await arrangeRepairOrder(api, ['Align the front end']);
  const [mineJob, theirJob] = [mine.jobs[0]!, theirs.jobs[0]!];

  await page.goto('/board');
  await expect(cardIn(page, 'Pending', theirJob.id)).toBeVisible();
  await page.getByLabel('Technician').selectOption({ label: mine.technician.name });
  await expect(cardIn(page, 'Pending', mineJob.id)).toContainText(mine.technician.name);
  await expect(page.locator(`[data-job-id="${theirJob.id}"]`)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Job board' }).locator('..')).toContainText(
    '1 open job · 1 overdue',
  );
  await page.getByLabel('Technician').selectOption({ label: 'Everyone' });
  await expect(cardIn(page, 'Pending', theirJob.id)).toBeVisible();
  await api.dispose();
});
