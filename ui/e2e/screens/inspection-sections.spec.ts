import { expect, expectAccessible, test } from '../support/fixtures';
import { json, OWNER_STATE, ownerApi } from '../support/owner';
import { finding, rate } from '../support/trust';

test.use({ storageState: OWNER_STATE, viewport: { width: 768, height: 1024 }, hasTouch: true });

/**
 * On a tablet, 29 open items are 9,000 px of scrolling: "All OK" rates a section's unrated items
 * green after a second tap (and can be undone), and a fully rated section folds to its header,
 * which still says how it went ("5 of 5 rated, 1 red").
 */
test('All OK per section, with confirm and undo; rated sections fold to a summary', async ({ page }) => {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const api = await ownerApi();
  const customer = await json<{ id: string }>(
    await api.post('/api/customers', { data: { name: `Sue Sections ${stamp}`, confirmDuplicate: true } }),
  );
  const vehicle = await json<{ id: string }>(
    await api.post('/api/vehicles', {
      data: { customerId: customer.id, year: 2019, make: 'Ford', model: 'Escape' },
    }),
  );
  const ro = await json<{ id: string }>(
    await api.post('/api/repair-orders', {
      data: { customerId: customer.id, vehicleId: vehicle.id, concerns: ['Courtesy inspection'] },
    }),
  );
  const inspection = await json<{ id: string }>(
    await api.post(`/api/repair-orders/${ro.id}/inspections`, { data: {} }),
  );
  await api.dispose();

  await page.goto(`/inspections/${inspection.id}`);
  const tires = page.locator('[data-testid="inspection-section"][data-section-key="tires"]');
  const tiresToggle = tires.getByRole('button', { name: 'Tires (tread depth)', exact: true });
  await expect(tires.getByTestId('section-summary')).toHaveText('0 of 5 rated');
  await expect(tiresToggle).toHaveAttribute('aria-expanded', 'true');

  // One red, then "All OK" for the rest: a second tap confirms.
  await rate(page, 'tires.lf', 'Now');
  const allOk = tires.getByRole('button', { name: 'All OK: Tires (tread depth)' });
  expect((await allOk.boundingBox())!.height).toBeGreaterThanOrEqual(48);
  await allOk.click();
  await expect(tires.getByText('Mark the 4 unrated items OK?')).toBeVisible();
  await expectAccessible(page, 'inspection: All OK asks first');
  await tires.getByRole('button', { name: 'Mark 4 OK' }).click();
  await expect(tires.getByTestId('section-summary')).toHaveText('5 of 5 rated, 1 red');
  await expect(tiresToggle).toHaveAttribute('aria-expanded', 'false');
  await expect(finding(page, 'tires.rf')).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: 'Tires (tread depth): 4 items marked OK.' }),
  ).toBeVisible();

  // Undo takes back those four, not the red one.
  await tires.getByRole('button', { name: 'Undo All OK: Tires (tread depth)' }).click();
  await expect(tires.getByTestId('section-summary')).toHaveText('1 of 5 rated, 1 red');
  await expect(tiresToggle).toHaveAttribute('aria-expanded', 'true');
  await expect(finding(page, 'tires.rf')).toHaveAttribute('data-rating', '');
  await expect(finding(page, 'tires.lf')).toHaveAttribute('data-rating', 'red');

  // Any section folds and opens by hand.
  const brakes = page.locator('[data-testid="inspection-section"][data-section-key="brakes"]');
  await brakes.getByRole('button', { name: 'Brakes', exact: true }).click();
  await expect(finding(page, 'brakes.fluid')).toHaveCount(0);
  await brakes.getByRole('button', { name: 'Brakes', exact: true }).click();
  await expect(finding(page, 'brakes.fluid')).toBeVisible();

  // Rated sections stay folded when the inspection is opened again.
  await tires.getByRole('button', { name: 'All OK: Tires (tread depth)' }).click();
  await tires.getByRole('button', { name: 'Mark 4 OK' }).click();
  await expect(tires.getByTestId('section-summary')).toHaveText('5 of 5 rated, 1 red');
  await page.reload();
  await expect(tires.getByTestId('section-summary')).toHaveText('5 of 5 rated, 1 red');
  await expect(tiresToggle).toHaveAttribute('aria-expanded', 'false');
  await expect(brakes.getByRole('button', { name: 'Brakes', exact: true })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expectAccessible(page, 'inspection with a folded section');
});
