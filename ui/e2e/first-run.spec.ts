import { OWNER_STATE } from './support/server';
import { expect, expectAccessible, test } from './support/fixtures';

/**
 * The first run of a new shop, as the owner lives it: create the owner account, sign in, and keep
 * the session for the screen tests that follow.
 */
test('first run: create the owner, sign out, sign back in', async ({ page, allowHttpError }) => {
  allowHttpError(400, '/api/setup'); // the bad email, on purpose
  allowHttpError(401, '/api/auth/login'); // the wrong password, on purpose
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Welcome to ASE' })).toBeVisible();
  await expectAccessible(page, 'setup');

  // A bad email is named next to its field, and nothing is created.
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
