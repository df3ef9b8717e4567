import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { expect, expectAccessible, test } from '../support/fixtures';
import { json, OWNER_STATE, ownerApi } from '../support/owner';

test.use({ storageState: OWNER_STATE });

const PASSWORD = 'clock-turner-1';

interface Arranged {
  email: string;
  technician: { id: string; name: string };
  helper: { id: string; name: string };
  ro: { id: string; number: number; jobs: { id: string; version: number; title: string }[] };
}

/**
 * A technician account linked to a technician record, a second technician without an account
 * (the owner clocks them), and an RO whose first job is assigned to the first technician.
 */
async function arrange(api: APIRequestContext): Promise<Arranged> {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const email = `cody.${stamp}@e2e.shop`;
  const user = await json<{ id: string }>(
    await api.post('/api/users', {
      data: { name: `Cody Clock ${stamp}`, email, role: 'technician', password: PASSWORD },
    }),
  );
  const technician = await json<{ id: string; name: string }>(
    await api.post('/api/technicians', { data: { name: `Cody ${stamp}`, userId: user.id } }),
  );
  const helper = await json<{ id: string; name: string }>(
    await api.post('/api/technicians', { data: { name: `Hal Helper ${stamp}` } }),
  );
  const customer = await json<{ id: string }>(
    await api.post('/api/customers', { data: { name: `Tia Timeclock ${stamp}`, confirmDuplicate: true } }),
  );
  const vehicle = await json<{ id: string }>(
    await api.post('/api/vehicles', {
      data: { customerId: customer.id, year: 2019, make: 'Subaru', model: 'Outback' },
    }),
  );
  const ro = await json<Arranged['ro']>(
    await api.post('/api/repair-orders', {
      data: { customerId: customer.id, vehicleId: vehicle.id, concerns: ['Timing belt due'] },
    }),
  );
  const job = ro.jobs[0]!;
  const assigned = await json<{ version: number }>(
    await api.patch(`/api/jobs/${job.id}`, { data: { version: job.version, technicianId: technician.id } }),
  );
  job.version = assigned.version;
  return { email, technician, helper, ro };
}

/** Signs the technician in on a new device (browser context) and waits for live updates. */
async function technicianPage(openContext: () => Promise<BrowserContext>, email: string): Promise<Page> {
  const page = await (await openContext()).newPage();
  const subscribed = new Promise<void>((resolve) => {
    page.on('websocket', (socket) =>
      socket.on('framereceived', (frame) => {
        if (String(frame.payload).includes('"subscribed"')) resolve();
      }),
    );
  });
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/my-jobs$/);
  await expect(page.getByRole('heading', { name: 'My jobs', level: 1 })).toBeVisible();
  await subscribed;
  return page;
}

const jobIn = (page: Page, status: string, jobId: string) =>
  page.getByTestId(`my-section-${status}`).locator(`[data-testid="my-job"][data-job-id="${jobId}"]`);

test('time clock: a technician clocks in, clocks on a job, sees it tick and who else is on it, clocks off and out', async ({
  openContext,
}) => {
  const api = await ownerApi();
  const { email, technician, helper, ro } = await arrange(api);
  const job = ro.jobs[0]!;
  const page = await technicianPage(openContext, email);

  // The shift bar: not in yet.
  const bar = page.getByTestId('shift-bar');
  await expect(bar).toContainText('Not clocked in.');
  const clockIn = bar.getByRole('button', { name: 'Clock in for the day' });
  expect((await clockIn.boundingBox())!.height).toBeGreaterThanOrEqual(64);
  await expectAccessible(page, 'time clock: before the shift');
  await clockIn.click();
  await expect(bar).toContainText('On shift');
  await expect(bar).toContainText('Not clocked on a job.');

  // Clock on the Pending job: it starts (In progress) and the clock ticks.
  const pending = jobIn(page, 'Pending', job.id);
  const clockOn = pending.getByRole('button', { name: /^Clock on/ });
  expect((await clockOn.boundingBox())!.height).toBeGreaterThanOrEqual(64);
  await clockOn.click();
  const working = jobIn(page, 'In_Progress', job.id);
  const face = working.getByTestId('clock-face');
  await expect(face).toBeVisible();
  const first = await face.textContent();
  await expect(face).not.toHaveText(first ?? '', { timeout: 5_000 });
  await expect(bar).toContainText(`Clocked on RO ${ro.number}`);

  // Live: the owner clocks a helper on the same job; the technician sees who else is on it.
  await json(await api.post(`/api/jobs/${job.id}/clock/on`, { data: { technicianId: helper.id } }));
  await expect(working.getByTestId('clock-others')).toHaveText(`Also on it: ${helper.name}`);
  await expectAccessible(page, 'time clock: clocked on a job');

  // Clock off the job: the time is kept, the shift goes on.
  await working.getByRole('button', { name: /^Clock off/ }).click();
  await expect(working.getByTestId('clock-face')).toHaveCount(0);
  await expect(working).toContainText('Clocked so far');
  await expect(working.getByRole('button', { name: /^Clock on/ })).toBeVisible();
  await expect(bar).toContainText('Not clocked on a job.');

  // Clock out for the day.
  await bar.getByRole('button', { name: 'Clock out' }).click();
  await expect(bar).toContainText('Not clocked in.');
  await expectAccessible(page, 'time clock: after the shift');

  const clock = await json<{
    onNow: { technicianId: string }[];
    entries: { technicianId: string; running: boolean }[];
  }>(await api.get(`/api/jobs/${job.id}/clock`));
  expect(clock.onNow.map((n) => n.technicianId)).toEqual([helper.id]);
  expect(clock.entries.filter((e) => e.technicianId === technician.id)).toMatchObject([{ running: false }]);
  await json(await api.post(`/api/jobs/${job.id}/clock/off`, { data: { technicianId: helper.id } }));
  await api.dispose();
});
