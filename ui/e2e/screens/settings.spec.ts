import type { APIRequestContext, BrowserContext } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { expect, expectAccessible, test } from '../support/fixtures';
import { json, OWNER_STATE, ownerApi } from '../support/owner';

test.use({ storageState: OWNER_STATE });
// Each test signs people in and hashes their passwords (argon2) and runs axe on several states.
test.describe.configure({ timeout: 180_000 });

/** A browser with nobody signed in (explicit: the owner's state from test.use must not leak in). */
const SIGNED_OUT = { storageState: { cookies: [], origins: [] } };

/** A suffix that keeps this run's names and emails apart from every other spec's data. */
const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

interface Settings {
  version: number;
  laborRateCents: number;
  taxRatesBp: { labor: number; part: number; fee: number; sublet: number };
  [key: string]: unknown;
}

/** Puts the money settings back as they were: other specs' repair orders are priced with them. */
async function restoreSettings(api: APIRequestContext, original: Settings): Promise<void> {
  const now = await json<Settings>(await api.get('/api/settings'));
  const { version: _v, ...values } = original;
  await json(await api.patch('/api/settings', { data: { ...values, version: now.version } }));
}

async function signedInContext(
  openContext: (options?: typeof SIGNED_OUT) => Promise<BrowserContext>,
  email: string,
  password: string,
): Promise<BrowserContext> {
  const context = await openContext(SIGNED_OUT);
  // The context's request shares its cookies: the page opened next is signed in.
  const response = await context.request.post('/api/auth/login', { data: { email, password } });
  expect(response.ok()).toBe(true);
  return context;
}

test('shop and money settings: saved in server units, kept on reload, bad values named at the field, 409 offers a reload', async ({
  page,
  allowHttpError,
}) => {
  allowHttpError(400, '/api/settings'); // the 150 % tax rate, on purpose
  allowHttpError(409, '/api/settings'); // saved elsewhere first, on purpose
  const api = await ownerApi();
  const original = await json<Settings>(await api.get('/api/settings'));
  try {
    await page.goto('/settings');
    await expect(page.getByRole('heading', { name: 'Shop and money' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Shop and money' })).toHaveAttribute('aria-current', 'page');
    await expectAccessible(page, 'settings: shop and money');

    await page.getByLabel('Labor rate per hour').fill('152.50');
    await page.getByLabel('Parts', { exact: true }).fill('8.25');
    await page.getByLabel('Percent of labor').fill('6');
    await page.getByLabel('Cap per repair order').fill('42');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();

    // Dollars and percents went over as cents and basis points.
    const saved = await json<Settings & { shopSupplies: { percentBp: number; capCents: number } }>(
      await api.get('/api/settings'),
    );
    expect(saved.laborRateCents).toBe(15250);
    expect(saved.taxRatesBp.part).toBe(825);
    expect(saved.shopSupplies).toMatchObject({ percentBp: 600, capCents: 4200 });

    await page.reload();
    await expect(page.getByLabel('Labor rate per hour')).toHaveValue('152.50');
    await expect(page.getByLabel('Parts', { exact: true })).toHaveValue('8.25');

    // Not a number at all: refused before sending, next to the field.
    await page.getByLabel('Labor rate per hour').fill('lots');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.locator('#labor-rate-error')).toContainText('dollars');
    await page.getByLabel('Labor rate per hour').fill('152.50');

    // A number the server refuses: its message, said in percent, next to the field.
    await page.getByLabel('Parts', { exact: true }).fill('150');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.locator('#tax-part-error')).toHaveText('must be at most 100 %');
    await expect(page.getByLabel('Parts', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, 'settings: shop and money with a field error');

    // Someone else saves first: the conflict is shown, with their version one click away.
    await page.getByLabel('Parts', { exact: true }).fill('9');
    const current = await json<Settings>(await api.get('/api/settings'));
    await json(
      await api.patch('/api/settings', {
        data: { version: current.version, taxRatesBp: { ...current.taxRatesBp, part: 700 } },
      }),
    );
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Someone else changed this first.')).toBeVisible();
    await page.getByRole('button', { name: 'Reload their version' }).click();
    await expect(page.getByLabel('Parts', { exact: true })).toHaveValue('7');
    await expect(page.getByText('Someone else changed this first.')).toHaveCount(0);
  } finally {
    await restoreSettings(api, original);
    await api.dispose();
  }
});

test('users: add an advisor and a PIN technician, deactivate with undo; the PIN pad lists the technician', async ({
  page,
  openContext,
}) => {
  const api = await ownerApi();
  const s = stamp();
  const advisorName = `Avery Advisor ${s}`;
  const advisorEmail = `avery.${s}@e2e.shop`;
  const techName = `Tess Pin ${s}`;

  await page.goto('/settings/users');
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Olivia Owner \(you\)/ })).toBeVisible();
  await expectAccessible(page, 'settings: users');

  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a user' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await expectAccessible(page, 'settings: add user dialog');
  await dialog.getByLabel('Name').fill(advisorName);
  await dialog.getByLabel('Role').selectOption('advisor');
  await dialog.getByLabel('Email').fill(advisorEmail);
  await dialog.getByLabel('Initial password').fill('counter-pass-1');
  await dialog.getByLabel('Initial password').press('Enter');
  await expect(dialog).toBeHidden();
  const advisorRow = page.getByRole('row', { name: new RegExp(advisorName) });
  await expect(advisorRow).toContainText('Service advisor');
  await expect(advisorRow).toContainText('Active');

  await page.getByRole('button', { name: 'Add user' }).click();
  await dialog.getByLabel('Name').fill(techName);
  await dialog.getByLabel('Role').selectOption('technician');
  await dialog.getByLabel('PIN', { exact: true }).fill('4821');
  await expect(dialog.getByLabel(/Put them on the floor/)).toBeChecked();
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(techName) })).toContainText('PIN');

  // Manage: every section of the dialog passes axe; Esc closes it.
  await page.getByRole('button', { name: `Manage ${techName}` }).click();
  const manage = page.getByRole('dialog', { name: `Manage ${techName}` });
  await expect(manage.getByRole('heading', { name: /Technician PIN \(set\)/ })).toBeVisible();
  await expectAccessible(page, 'settings: manage user dialog');
  await page.keyboard.press('Escape');
  await expect(manage).toBeHidden();

  // Reset the advisor's password, then change their role in the same dialog: the password reset
  // moved the account's version, and the form still saves (no false "someone else changed it").
  await page.getByRole('button', { name: `Manage ${advisorName}` }).click();
  const manageAdvisor = page.getByRole('dialog', { name: `Manage ${advisorName}` });
  await manageAdvisor.getByLabel('New password').fill('counter-pass-2');
  await manageAdvisor.getByRole('button', { name: 'Set new password' }).click();
  await expect(manageAdvisor.getByText('New password set.')).toBeVisible();
  await manageAdvisor.getByLabel('Role', { exact: true }).selectOption('parts');
  await manageAdvisor.getByRole('button', { name: 'Save details' }).click();
  await expect(manageAdvisor.getByText('Saved.')).toBeVisible();
  await manageAdvisor.getByRole('button', { name: 'Done' }).click();
  await expect(advisorRow).toContainText('Parts');

  // Deactivate (confirmed), then undo.
  await page.getByRole('button', { name: `Deactivate ${advisorName}` }).click();
  const confirm = page.getByRole('dialog', { name: `Deactivate ${advisorName}?` });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  await expect(advisorRow).toContainText('Deactivated');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(advisorRow).toContainText('Active');

  // The technician record was made, linked to the account.
  await page.getByRole('link', { name: 'Technicians and bays' }).click();
  const techRow = page.getByRole('row', { name: new RegExp(techName) });
  await expect(techRow.getByRole('rowheader')).toHaveText(techName);
  await expect(techRow.getByRole('cell').first()).toHaveText(techName); // signs in as: the new account

  // A shop tablet that nobody is signed in on: the PIN pad offers the new technician.
  const tablet = await openContext(SIGNED_OUT);
  const tabletPage = await tablet.newPage();
  await tabletPage.goto('/login');
  await tabletPage.getByRole('tab', { name: 'Technician PIN' }).click();
  await expect(tabletPage.getByRole('button', { name: techName })).toBeVisible();

  await api.dispose();
});

test('not the owner: an advisor opening settings is told settings are for the owner', async ({
  openContext,
}) => {
  const api = await ownerApi();
  const s = stamp();
  const email = `casey.${s}@e2e.shop`;
  await json(
    await api.post('/api/users', {
      data: { name: `Casey Counter ${s}`, email, role: 'advisor', password: 'front-desk-key-1' },
    }),
  );
  const advisor = await signedInContext(openContext, email, 'front-desk-key-1');
  const page = await advisor.newPage();
  await page.goto('/settings/users');
  await expect(page.getByText('Only the owner can change')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectAccessible(page, 'settings: not the owner');
  await api.dispose();
});

test('technicians and bays: add a bay, edit it, add a technician without an account', async ({ page }) => {
  const s = stamp();
  await page.goto('/settings/floor');
  await expect(page.getByRole('heading', { name: 'Technicians and bays' })).toBeVisible();
  await expectAccessible(page, 'settings: technicians and bays');

  await page.getByRole('button', { name: 'Add bay' }).click();
  const bayDialog = page.getByRole('dialog', { name: 'Add a bay' });
  await bayDialog.getByLabel('Name').fill(`Lift ${s}`);
  await bayDialog.getByLabel('Equipment').fill('lift, alignment');
  await bayDialog.getByLabel('Position').fill('7');
  await expectAccessible(page, 'settings: add bay dialog');
  await bayDialog.getByRole('button', { name: 'Add bay' }).click();
  const bayRow = page.getByRole('row', { name: new RegExp(`Lift ${s}`) });
  await expect(bayRow).toContainText('lift, alignment');

  await page.getByRole('button', { name: `Edit bay Lift ${s}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit bay Lift ${s}` });
  await edit.getByLabel(/In use/).uncheck();
  await edit.getByRole('button', { name: 'Save bay' }).click();
  await expect(bayRow).toContainText('Not in use');

  await page.getByRole('button', { name: 'Add technician' }).click();
  const techDialog = page.getByRole('dialog', { name: 'Add a technician' });
  await techDialog.getByLabel('Name').fill(`Floor Only ${s}`);
  await techDialog.getByLabel('Skills').fill('brakes, diagnostics');
  await expectAccessible(page, 'settings: add technician dialog');
  await techDialog.getByRole('button', { name: 'Add technician' }).click();
  await expect(page.getByRole('row', { name: new RegExp(`Floor Only ${s}`) })).toContainText('No account');
});

test('bay TVs: the address is shown once, works, and stops working when revoked', async ({
  page,
  playwright,
  browser,
}) => {
  const name = `TV over bays ${stamp()}`;
  await page.goto('/settings/displays');
  await expect(page.getByRole('heading', { name: 'Bay TVs' })).toBeVisible();
  await expectAccessible(page, 'settings: bay TVs');

  await page.getByRole('button', { name: 'Add a TV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a bay TV' });
  await dialog.getByLabel('Where is the screen?').fill(name);
  await dialog.getByRole('button', { name: 'Create address' }).click();
  const shown = page.getByRole('dialog', { name: 'Open this address on the TV' });
  const address = shown.getByLabel('Address for the TV');
  await expect(address).toHaveValue(/\/display\?token=dt_/);
  await expect(shown.getByText('This address will not be shown again.')).toBeVisible();
  await expectAccessible(page, 'settings: new bay TV address');
  const url = new URL(await address.inputValue());
  const token = url.searchParams.get('token')!;
  await shown.getByRole('button', { name: 'Done' }).click();

  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Working');
  // Shown once: after a reload, the token is nowhere on the page.
  await page.reload();
  await expect(row).toContainText('Working');
  expect(await page.content()).not.toContain(token);

  // The TV has no session: only the token in the header (an explicit empty state, or the
  // owner's cookies from test.use would come along).
  const tv = await playwright.request.newContext({
    baseURL: url.origin,
    ...SIGNED_OUT,
  });
  const before = await tv.get('/api/display/board', { headers: { authorization: `Bearer ${token}` } });
  expect(before.status()).toBe(200);
  // The TV itself, live over its socket.
  const tvContext = await browser.newContext(SIGNED_OUT);
  const tvPage = await tvContext.newPage();
  await tvPage.goto(url.toString());
  await expect(tvPage.locator('.tv[data-live="open"]')).toBeVisible();

  await page.getByRole('button', { name: `Revoke ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: `Revoke ${name}?` });
  await confirm.getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText('Revoked');
  await expect(page.getByRole('button', { name: `Revoke ${name}` })).toHaveCount(0);

  const after = await tv.get('/api/display/board', { headers: { authorization: `Bearer ${token}` } });
  expect([401, 403]).toContain(after.status());
  await tv.dispose();
  // The server closed the TV's socket at once (4401); the screen says so instead of retrying
  // (its own periodic refresh is a minute away, far past this expectation's wait).
  await expect(tvPage.getByRole('heading', { name: 'This display token was refused' })).toBeVisible();
  await tvContext.close();
});

test('canned jobs: add one with labor and a part, then remove it', async ({ page }) => {
  const name = `Front pads ${stamp()}`;
  await page.goto('/settings/canned-jobs');
  await expect(page.getByRole('heading', { name: 'Canned jobs' })).toBeVisible();
  await expectAccessible(page, 'settings: canned jobs');

  await page.getByRole('button', { name: 'Add canned job' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a canned job' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Job title on the repair order').fill('Replace front brake pads');
  await dialog.locator('#line-0-description').fill('Replace front pads');
  await dialog.locator('#line-0-quantity').fill('1.2');
  await dialog.getByRole('button', { name: 'Add a line' }).click();
  await dialog.locator('#line-1-description').fill('Ceramic pads');
  await dialog.locator('#line-1-price').fill('89.99');
  await dialog.locator('#line-1-part-number').fill('CP-100');
  await expectAccessible(page, 'settings: canned job dialog');
  await dialog.getByRole('button', { name: 'Add canned job' }).click();
  await expect(dialog).toBeHidden();

  const card = page.getByRole('listitem').filter({ hasText: name });
  await expect(card).toContainText('Labor: Replace front pads · Part: Ceramic pads');

  await page.getByRole('button', { name: `Remove ${name}` }).click();
  await page
    .getByRole('dialog', { name: `Remove ${name}?` })
    .getByRole('button', { name: 'Remove' })
    .click();
  await expect(card).toHaveCount(0);
});

test('my account: change the password and turn on two-step sign-in (recovery codes shown once)', async ({
  openContext,
  allowHttpError,
}) => {
  allowHttpError(400, '/api/auth/password'); // the wrong current password, on purpose
  // A second owner, so the shared owner's password and sign-in stay as the other specs expect.
  const api = await ownerApi();
  const s = stamp();
  const email = `second.owner.${s}@e2e.shop`;
  await json(
    await api.post('/api/users', {
      data: { name: `Second Owner ${s}`, email, role: 'owner', password: 'first-pass-1' },
    }),
  );
  const context = await signedInContext(openContext, email, 'first-pass-1');
  const page = await context.newPage();
  await page.goto('/settings/account');
  await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible();
  await expectAccessible(page, 'settings: my account');

  await page.getByLabel('Current password').fill('not-it-at-all');
  await page.getByLabel('New password', { exact: true }).fill('fresh-start-22');
  await page.getByLabel('New password again').fill('fresh-start-22');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.locator('#current-password-error')).toHaveText('is not your current password');
  await page.getByLabel('Current password').fill('first-pass-1');
  // A common password is refused at its field, with the reason.
  await page.getByLabel('New password', { exact: true }).fill('qwertyuiop12');
  await page.getByLabel('New password again').fill('qwertyuiop12');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.locator('#new-password-error')).toHaveText(
    'This is similar to a commonly used password. Add more words or characters.',
  );
  await page.getByLabel('New password', { exact: true }).fill('fresh-start-22');
  await page.getByLabel('New password again').fill('fresh-start-22');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed.')).toBeVisible();

  await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expectAccessible(page, 'settings: two-step enrolment');
  const secret = await page.locator('code.secret').innerText();
  const code = new TOTP({
    secret: Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  }).generate();
  await page.getByLabel('The 6-digit code the app shows').fill(code);
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes.first()).toBeVisible();
  expect(await codes.count()).toBeGreaterThan(3);
  await expectAccessible(page, 'settings: recovery codes');
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await expect(codes).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Turn off…' })).toBeVisible();

  // The new password works; the old one does not.
  const fresh = await openContext(SIGNED_OUT);
  expect(
    (await fresh.request.post('/api/auth/login', { data: { email, password: 'first-pass-1' } })).status(),
  ).toBe(401);
  await api.dispose();
});
