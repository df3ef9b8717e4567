import { expect, expectAccessible, test } from './support/fixtures';
import { json, ownerApi } from './support/owner';
import { OWNER_STATE } from './support/server';

/**
 * The first run of a new shop, as the owner lives it: create the owner account, sign in, and keep
 * the session for the screen tests that follow.
 */
test('first run: name the shop, create the owner, sign out, sign back in', async ({
  page,
  allowHttpError,
}) => {
  allowHttpError(400, '/api/setup'); // the bad email, on purpose
  allowHttpError(401, '/api/auth/login'); // the wrong password, on purpose
  // Nothing else: asking who is signed in before setup or sign-in logs no failed request.
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Welcome to ASE' })).toBeVisible();
  await expectAccessible(page, 'setup');

  // A bad email is named next to its field, and nothing is created.
  await page.getByLabel('Shop name').fill('Olivia’s Auto Care');
  await page.getByLabel('Your name').fill('Olivia Owner');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password', { exact: true }).fill('correct-horse-1');
  await page.getByLabel('Password again').fill('correct-horse-1');
  await page.getByRole('button', { name: 'Create owner account' }).click();
  await expect(page.locator('#email-error')).toBeVisible();

  await page.getByLabel('Email').fill('owner@e2e.shop');
  await page.getByRole('button', { name: 'Create owner account' }).click();
  await expect(page).toHaveURL(/\/board$/);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByTestId('shop-name')).toHaveText('Olivia’s Auto Care');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expectAccessible(page, 'login');
  await page.getByLabel('Email').fill('owner@e2e.shop');
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('Password').fill('correct-horse-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/board$/);

  await page.context().storageState({ path: OWNER_STATE });
});

test('a fresh load of the sign-in page logs no console error', async ({ openContext }) => {
  // The console watch fails the test on any error, e.g. a 401 from asking who is signed in.
  const fresh = await (await openContext()).newPage();
  await fresh.goto('/login');
  await expect(fresh.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await fresh.reload();
  await expect(fresh.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

/**
 * The critical flow, on three screens at once: the counter writes up a new customer's car
 * (VIN decoded offline) with two jobs and moves one through In progress → Blocked → In progress →
 * Completed from the job board, while a second screen on the board and the bay TV follow every
 * change live, with no reload.
 */
test('critical flow: check-in by VIN, two jobs, one job through its statuses, live on the board and the bay TV', async ({
  openContext,
}) => {
  test.slow(); // three browsers and the first offline VIN decode of the run
  const api = await ownerApi();
  const bay = await json<{ id: string; name: string }>(
    await api.post('/api/bays', { data: { name: 'Bay 1' } }),
  );
  const { token } = await json<{ token: string }>(
    await api.post('/api/display-tokens', { data: { name: 'TV over the bays' } }),
  );
  await api.dispose();

  const counter = await (await openContext({ storageState: OWNER_STATE })).newPage();
  const wall = await (await openContext({ storageState: OWNER_STATE })).newPage();
  // The bay TV signs in with nothing but its token.
  const tv = await (await openContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await wall.goto('/board');
  await expect(wall.getByRole('heading', { level: 1 })).toBeVisible();
  await tv.goto(`/display?token=${encodeURIComponent(token)}`);
  const tvBay = tv.locator(`[data-testid="bay-card"][data-bay-name="${bay.name}"]`);
  await expect(tvBay).toBeVisible();
  // The name the owner gave the shop at setup heads the TV.
  await expect(tv.getByRole('heading', { level: 1 })).toHaveText('Olivia’s Auto Care');
  await expectAccessible(tv, 'bay TV');

  // ------------------------------------------------------------ check-in at the counter
  await counter.goto('/repair-orders/new');
  await counter.getByRole('button', { name: 'New customer' }).click();
  await counter.getByLabel('Name', { exact: true }).fill('Carla Critical');
  await counter.getByLabel('Phone').fill('(503) 555-0199');
  await counter.getByLabel('Email').fill('carla@e2e.shop');
  await counter.getByRole('button', { name: 'Create customer' }).click();
  await expect(counter.getByRole('link', { name: 'Carla Critical' })).toBeVisible();

  await counter.getByRole('button', { name: 'New vehicle' }).click();
  await counter.getByLabel('VIN', { exact: true }).fill('1HGCM82633A004352');
  await counter.getByRole('button', { name: 'Decode' }).click();
  // Offline NHTSA vPIC data: the first decode of a run unpacks it.
  await expect(counter.getByLabel('Year')).toHaveValue('2003', { timeout: 60_000 });
  await expect(counter.getByLabel('Make')).toHaveValue(/honda/i);
  await expect(counter.getByLabel('Model')).toHaveValue(/accord/i);
  await counter.getByLabel('Plate').fill('CRIT1');
  await counter.getByLabel('State').fill('OR');
  await counter.getByRole('button', { name: 'Create vehicle' }).click();

  await counter
    .getByLabel("Concerns (one per line, in the customer's words)")
    .fill('Brakes squeal\nOil change due');
  await counter.getByRole('button', { name: 'Open repair order' }).click();
  await expect(counter).toHaveURL(/\/repair-orders\/[0-9a-f-]{36}$/);
  const jobs = counter.getByTestId('job');
  await expect(jobs).toHaveCount(2);
  await expectAccessible(counter, 'repair order');

  // The first job goes to Bay 1.
  const brakes = jobs.filter({ hasText: 'Brakes squeal' });
  const brakesId = await brakes.getAttribute('data-job-id');
  await brakes.getByLabel('Bay').selectOption({ label: bay.name });

  // The wall board and the TV show the new jobs without a reload.
  const wallCard = wall.locator(`[data-testid="job-card"][data-job-id="${brakesId}"]`);
  await expect(wall.getByTestId('column-Pending').locator(wallCard)).toBeVisible();
  await expect(tvBay.getByTestId('bay-status')).toHaveText('Up next');

  // ------------------------------------------------------------ the job through its statuses
  await counter.goto('/board');
  const card = counter.locator(`[data-testid="job-card"][data-job-id="${brakesId}"]`);
  const steps: { button: RegExp; column: string; tv: string; reason?: string }[] = [
    { button: /^Start/, column: 'In_Progress', tv: 'In progress' },
    { button: /^Block/, column: 'Blocked', tv: 'Blocked', reason: 'Waiting for pads from the supplier' },
    { button: /^Resume/, column: 'In_Progress', tv: 'In progress' },
    { button: /^Complete/, column: 'Completed', tv: 'Done' },
  ];
  for (const step of steps) {
    await card.getByRole('button', { name: step.button }).click();
    // Completing asks for the cause and correction by default (issue 15); skipped here.
    if (step.column === 'Completed')
      await counter
        .getByTestId('complete-job-dialog')
        .getByRole('button', { name: 'Complete without' })
        .click();
    if (step.reason) {
      await counter.getByLabel('What is it waiting for?').fill(step.reason);
      await counter.getByRole('button', { name: 'Block job' }).click();
    }
    await expect(counter.getByTestId(`column-${step.column}`).locator(card)).toBeVisible();
    // Live elsewhere: the second board and the TV.
    await expect(wall.getByTestId(`column-${step.column}`).locator(wallCard)).toBeVisible();
    await expect(tvBay.getByTestId('bay-status')).toHaveText(step.tv);
    if (step.reason) await expect(wallCard).toContainText(step.reason);
  }
  await expectAccessible(counter, 'job board');
  await expectAccessible(tv, 'bay TV with a finished job');
});
