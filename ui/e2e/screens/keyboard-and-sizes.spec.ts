import { expect, expectAccessible, test } from '../support/fixtures';
import { json, OWNER_STATE, ownerApi } from '../support/owner';

test.use({ storageState: OWNER_STATE });

test('at the counter: "/" focuses the search, arrows and Enter open a hit, Esc closes the list', async ({
  page,
}) => {
  const api = await ownerApi();
  const run = String(Date.now()).slice(-6);
  const customer = await json<{ id: string }>(
    await api.post('/api/customers', { data: { name: `Keyboard Kim ${run}`, confirmDuplicate: true } }),
  );
  await api.dispose();

  await page.goto('/board');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('/');
  const search = page.getByRole('combobox', { name: /search/i });
  await expect(search).toBeFocused();

  await page.keyboard.type(`Keyboard Kim ${run}`);
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option', { name: new RegExp(`Keyboard Kim ${run}`) })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(results).toBeHidden();

  await page.keyboard.press('ArrowDown'); // opens the list again on the same hits
  await expect(results).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/customers/${customer.id}$`));
});

for (const size of [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 820, height: 1180 },
  { name: '1080p TV', width: 1920, height: 1080 },
]) {
  test(`the board fits a ${size.name} (${size.width}×${size.height}) without sideways scrolling`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto('/board');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, `board on a ${size.name}`);
  });
}
