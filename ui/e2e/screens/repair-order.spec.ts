import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from '../support/fixtures';
import { ownerApi, json, OWNER_STATE } from '../support/owner';

/**
 * The repair-order editor, as an advisor lives it: check a new customer in with a new car found by
 * its VIN, open the RO, write up jobs and lines, record the customer's decisions, and see that the
 * totals are the server's, that a colleague's save in between is a visible conflict, and that a
 * second screen follows along live.
 */
test.use({ storageState: OWNER_STATE });
// Long flows on a shared CI box: each drives a dozen screens' worth of steps.
test.describe.configure({ timeout: 180_000 });

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const money = (cents: number) => usd.format(cents / 100);

/** A North-American VIN's check digit (position 9), so each run gets its own valid VIN. */
function withCheckDigit(vin: string): string {
  // Letters transliterate to digits (I, O and Q never appear); each position has its weight.
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const letterValues = [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9];
  const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
  const valueOf = (ch: string) => (/\d/.test(ch) ? Number(ch) : letterValues[letters.indexOf(ch)]!);
  const sum = [...vin].reduce((acc, ch, i) => acc + valueOf(ch) * weights[i]!, 0);
  const digit = sum % 11 === 10 ? 'X' : String(sum % 11);
  return vin.slice(0, 8) + digit + vin.slice(9);
}

function jobNamed(page: Page, title: string) {
  return page.getByTestId('job').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

test('check-in: new customer and a VIN-decoded vehicle, then the repair order opens', async ({
  page,
  allowHttpError,
}) => {
  allowHttpError(400, '/api/vehicles'); // the VIN with a wrong check digit, on purpose
  const api = await ownerApi();
  const run = String(Date.now()).slice(-7);
  const phone = (n: number) => `(415) ${200 + ((Number(run) + n) % 700)}-${run.slice(-4)}`;

  // Someone already on file, to see the duplicate warning.
  const existing = await json(
    await api.post('/api/customers', {
      data: { name: `Existing ${run}`, contactInfo: { phones: [{ number: phone(1) }] } },
    }),
  );

  // The VIN of the brief (a 2003 Honda Accord) with this run's own serial, so reruns never collide.
  const vin = withCheckDigit(`1HGCM82603A${run.padStart(6, '0').slice(-6)}`);
  const wrongCheckDigit = vin.slice(0, 8) + (vin[8] === '1' ? '2' : '1') + vin.slice(9);

  // ---------------------------------------------------------------- check-in
  await page.goto('/repair-orders/new');
  await expect(page.getByRole('heading', { name: 'New repair order' })).toBeVisible();
  await expectAccessible(page, 'new repair order');

  await page.getByRole('button', { name: 'New customer' }).click();
  const name = `Rita Check-in ${run}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Phone').fill(phone(1));
  await page.getByLabel('Phone').press('Tab');
  await expect(page.getByText('Looks like an existing customer')).toBeVisible();
  await expect(page.getByRole('button', { name: `Use ${existing.name}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create customer' })).toBeDisabled();
  await expectAccessible(page, 'new customer with duplicate warning');
  await page.getByLabel('Phone').fill(phone(2));
  await page.getByLabel('Phone').press('Tab');
  await expect(page.getByText('Looks like an existing customer')).toBeHidden();
  await page.getByLabel('Email').fill(`rita.${run}@e2e.shop`);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByRole('link', { name })).toBeVisible();

  await page.getByRole('button', { name: 'New vehicle' }).click();
  await page.getByLabel('VIN', { exact: true }).fill(wrongCheckDigit);
  await page.getByLabel('Plate').fill(`RO${run}`);
  await page.getByLabel('State').fill('CA');
  await page.getByRole('button', { name: 'Create vehicle' }).click();
  // The server refuses the check digit and says how to keep it anyway; the screen offers that.
  await expect(page.locator('#new-vehicle-vin-error')).toContainText('check digit');
  await expect(page.getByLabel('Reason to keep this VIN as written')).toBeVisible();
  await expectAccessible(page, 'new vehicle with a refused VIN');

  await page.getByLabel('VIN', { exact: true }).fill(vin);
  await page.getByRole('button', { name: 'Decode' }).click();
  // The first decode of a run unpacks the offline vPIC data: give it time.
  await expect(page.getByLabel('Year')).toHaveValue('2003', { timeout: 60_000 });
  await expect(page.locator('#new-vehicle-vin-error')).toBeHidden();
  await expect(page.getByLabel('Reason to keep this VIN as written')).toBeHidden();
  await expect(page.getByLabel('Make')).toHaveValue(/honda/i);
  await expect(page.getByLabel('Model')).toHaveValue(/accord/i);
  await expectAccessible(page, 'new vehicle decoded');
  await page.getByRole('button', { name: 'Create vehicle' }).click();
  await expect(page.getByRole('heading', { name: '3. Visit' })).toBeVisible();

  await page
    .getByLabel("Concerns (one per line, in the customer's words)")
    .fill('Brakes squeal\nCheck engine light');
  await page.getByLabel('Odometer in').fill('123456');
  const promised = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  await page
    .getByLabel('Promised time')
    .fill(`${promised.getFullYear()}-${pad(promised.getMonth() + 1)}-${pad(promised.getDate())}T17:00`);
  await expectAccessible(page, 'new repair order ready to open');
  await page.getByRole('button', { name: 'Open repair order' }).click();

  await expect(page).toHaveURL(/\/repair-orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: /^RO #\d+$/ })).toBeVisible();
  await expect(page.getByRole('link', { name })).toHaveAttribute('href', /\/customers\//);
  await expect(page.getByRole('link', { name: /2003 Honda Accord/i })).toHaveAttribute(
    'href',
    /\/vehicles\//,
  );
  await expect(page.getByTestId('job')).toHaveCount(2); // one per concern
  await expect(page.getByTestId('ro-concerns')).toContainText('Check engine light');
  await expectAccessible(page, 'repair order just opened');
  await api.dispose();
});

test('editor: jobs, lines, approvals, server totals, a stale save and a second screen live', async ({
  page,
  openContext,
  allowHttpError,
}) => {
  const api = await ownerApi();
  const run = String(Date.now()).slice(-7);
  const name = `Eddie Editor ${run}`;
  const customer = await json(await api.post('/api/customers', { data: { name } }));
  const vehicle = await json(
    await api.post('/api/vehicles', {
      data: { customerId: customer.id, year: 2003, make: 'Honda', model: 'Accord', licensePlate: `ED${run}` },
    }),
  );
  const created = await json(
    await api.post('/api/repair-orders', {
      data: {
        customerId: customer.id,
        vehicleId: vehicle.id,
        concerns: ['Brakes squeal', 'Check engine light'],
      },
    }),
  );
  const id: string = created.id;
  allowHttpError(409, `/api/repair-orders/${id}`); // the stale save, on purpose
  await page.goto(`/repair-orders/${id}`);
  await expect(page.getByRole('heading', { name: `RO #${created.number}` })).toBeVisible();
  await expect(page.getByTestId('job')).toHaveCount(2);
  await expectAccessible(page, 'repair order');

  // A second advisor has the same RO open.
  const other = await (await openContext({ storageState: OWNER_STATE })).newPage();
  await other.goto(`/repair-orders/${id}`);
  await expect(other.getByTestId('job')).toHaveCount(2);

  for (const title of ['Front brakes', 'Oil change']) {
    await page.getByLabel('Job title').fill(title);
    await page.getByRole('button', { name: 'Add job', exact: true }).click();
    await expect(jobNamed(page, title)).toBeVisible();
  }
  await expect(page.getByTestId('job')).toHaveCount(4);
  // The other screen follows without a reload.
  await expect(jobNamed(other, 'Oil change')).toBeVisible();

  const brakes = jobNamed(page, 'Front brakes');
  await brakes.getByRole('button', { name: 'Add labor to Front brakes' }).click();
  await brakes.getByLabel('Description').fill('Replace front pads');
  await brakes.getByLabel('Hours').fill('1.5');
  await brakes.getByLabel('Rate per hour ($)').fill('120');
  await expectAccessible(page, 'repair order adding a line');
  await brakes.getByRole('button', { name: 'Add line' }).click();
  const labor = brakes.getByTestId('line').filter({ hasText: 'Replace front pads' });
  await expect(labor).toContainText(money(18000));

  await brakes.getByRole('button', { name: 'Add part to Front brakes' }).click();
  await brakes.getByLabel('Description').fill('Brake pads, ceramic');
  await brakes.getByLabel('Part number').fill('BP-1234');
  await brakes.getByLabel('Quantity').fill('1');
  await brakes.getByLabel('Unit price ($)').fill('89.99');
  await brakes.getByRole('button', { name: 'Add line' }).click();
  const part = brakes.getByTestId('line').filter({ hasText: 'Brake pads, ceramic' });
  await expect(part).toContainText(money(8999));

  // The customer approves the labor by phone and declines the part.
  await expect(page.getByLabel('Decisions from')).toHaveValue(name);
  await page.getByLabel('by phone').check();
  await labor.getByRole('button', { name: 'Approve Replace front pads' }).click();
  await expect(labor).toHaveAttribute('data-approval', 'approved');
  await expect(labor).toContainText(`Approved by ${name}, by phone`);
  await part.getByRole('button', { name: 'Decline Brake pads, ceramic' }).click();
  await expect(part).toHaveAttribute('data-approval', 'declined');
  await expectAccessible(page, 'repair order with decisions');

  // Totals are exactly the server's.
  const ro = await json(await api.get(`/api/repair-orders/${id}`));
  const totals = page.getByTestId('totals');
  for (const block of ['estimate', 'approved'] as const) {
    const t = ro.totals[block];
    await expect(totals.getByTestId(`${block}-labor`)).toHaveText(money(t.subtotals.labor));
    await expect(totals.getByTestId(`${block}-part`)).toHaveText(money(t.subtotals.part));
    await expect(totals.getByTestId(`${block}-subtotal`)).toHaveText(money(t.subtotalCents));
    await expect(totals.getByTestId(`${block}-shop-supplies`)).toHaveText(money(t.shopSuppliesCents));
    await expect(totals.getByTestId(`${block}-tax`)).toHaveText(money(t.taxCents));
    await expect(totals.getByTestId(`${block}-total`)).toHaveText(money(t.totalCents));
  }
  expect(ro.totals.approved.subtotals.labor).toBe(18000);
  expect(ro.totals.approved.subtotals.part).toBe(0); // declined
  // ...and the other screen shows the same, live.
  await expect(other.getByTestId('totals').getByTestId('approved-total')).toHaveText(
    money(ro.totals.approved.totalCents),
  );

  // ---------------------------------------------------------------- a stale save
  await page.getByRole('button', { name: 'Edit concerns and promised time' }).click();
  const concernsBox = page.getByLabel('Concerns (one per line)');
  await concernsBox.fill('Brakes squeal when cold\nCheck engine light');
  // Meanwhile another advisor changes the RO.
  const current = await json(await api.get(`/api/repair-orders/${id}`));
  await json(
    await api.patch(`/api/repair-orders/${id}`, {
      data: { version: current.version, concerns: ['Their concern'] },
    }),
  );
  await expect(page.getByTestId('ro-concerns')).toContainText('Their concern'); // live
  await page.getByRole('button', { name: 'Save visit' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Someone else changed this first.' });
  await expect(alert).toBeVisible();
  await expect(concernsBox).toHaveValue('Brakes squeal when cold\nCheck engine light'); // typing kept
  await expectAccessible(page, 'repair order with a stale-version conflict');
  await alert.getByRole('button', { name: 'Reload their version' }).click();
  await expect(alert).toBeHidden();
  await expect(concernsBox).toHaveValue('Brakes squeal when cold\nCheck engine light');
  await page.getByRole('button', { name: 'Save visit' }).click();
  await expect(page.getByTestId('ro-concerns')).toContainText('Brakes squeal when cold');
  await expect(other.getByTestId('ro-concerns')).toContainText('Brakes squeal when cold');
  await expectAccessible(other, 'repair order, second screen');

  await api.dispose();
});
