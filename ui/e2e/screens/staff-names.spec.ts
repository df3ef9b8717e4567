import { expect, expectAccessible, test } from '../support/fixtures';
import { json, OWNER_STATE, ownerApi } from '../support/owner';

test.use({ storageState: OWNER_STATE });

/**
 * Two staff members with the same name are warned about, not blocked: two "Rosa Diaz" on the board
 * and in the technician report could not be told apart, but the owner may know better.
 */
test('a second technician or account with the same name is warned about, and can still be saved', async ({
  page,
}) => {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const name = `Rosa Diaz ${stamp}`;
  const api = await ownerApi();
  await json(await api.post('/api/technicians', { data: { name } }));
  await json(
    await api.post('/api/users', {
      data: {
        name: `Sam Lee ${stamp}`,
        role: 'advisor',
        email: `sam-${stamp}@e2e.shop`,
        password: 'a long advisor pass 7',
      },
    }),
  );
  await api.dispose();

  // A new technician by the same name (other case, extra spaces): a warning, the save still works.
  await page.goto('/settings/floor');
  await page.getByRole('button', { name: 'Add technician' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill(`  rosa   diaz ${stamp}`);
  const warning = dialog.getByTestId('same-name-warning');
  await expect(warning).toHaveText(
    `There is already a ${name} (technician). Use a different name or add an initial so the board and reports can tell them apart.`,
  );
  await expectAccessible(page, 'technician dialog with a same-name warning');
  await dialog.getByLabel('Name', { exact: true }).fill(`Rosa M. Diaz ${stamp}`);
  await expect(warning).toHaveCount(0);
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await expect(warning).toBeVisible();
  await dialog.getByRole('button', { name: 'Add technician' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Edit ${name}` })).toHaveCount(2);

  // Editing one of them to its own name says nothing; a new account under an existing account's name does.
  await page
    .getByRole('button', { name: `Edit ${name}` })
    .first()
    .click();
  await expect(page.getByRole('dialog').getByTestId('same-name-warning')).toBeVisible(); // the other Rosa
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  await page.goto('/settings/users');
  await page.getByRole('button', { name: 'Add user', exact: true }).click();
  await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill(`Sam Lee ${stamp}`);
  await expect(page.getByRole('dialog').getByTestId('same-name-warning')).toContainText(
    `There is already a Sam Lee ${stamp} (service advisor).`,
  );
});
