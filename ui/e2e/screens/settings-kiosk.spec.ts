import { DEFAULT_KIOSK_AUTHORIZATION } from '$contracts/kiosk';
import { expect, expectAccessible, test } from '../support/fixtures';
import { OWNER_STATE } from '../support/owner';

test.use({ storageState: OWNER_STATE });

/**
 * Settings → Kiosk, without saving: the kiosk specs run beside this one and read these settings
 * (saving is covered by server/test/integration/kiosk-settings.test.ts).
 */
test('settings → kiosk: the texts start from the default, the preview follows, a bad idle time is named', async ({
  page,
}) => {
  await page.goto('/settings');
  await page
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('link', { name: 'Kiosk' })
    .click();
  await expect(page.getByRole('heading', { name: 'Kiosk' })).toBeVisible();
  const spanish = page.getByLabel('Authorization text (Spanish)');
  await expect(spanish).toHaveValue(DEFAULT_KIOSK_AUTHORIZATION.es);
  await expect(page.getByRole('button', { name: 'Use the default Spanish text' })).toBeDisabled();
  await expectAccessible(page, 'settings: kiosk');

  // The preview shows the language picked, as typed.
  const preview = page.getByRole('figure', { name: 'Preview on the kiosk' });
  await expect(preview).toContainText(DEFAULT_KIOSK_AUTHORIZATION.en);
  await spanish.fill('Autorizo al taller hasta $200.');
  await page.getByRole('button', { name: 'Spanish', exact: true }).click();
  await expect(preview).toContainText('Autorizo al taller hasta $200.');
  await expect(preview).toContainText('Firma');

  // "Use the default" brings the default's words back.
  await page.getByRole('button', { name: 'Use the default Spanish text' }).click();
  await expect(spanish).toHaveValue(DEFAULT_KIOSK_AUTHORIZATION.es);
  await expect(preview).toContainText(DEFAULT_KIOSK_AUTHORIZATION.es);

  // Out of range: said next to the field before anything is sent.
  const idle = page.getByLabel('Seconds without a touch before “Still there?”');
  await idle.fill('15');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#kiosk-idle-seconds-error')).toHaveText('between 20 and 600 seconds');
  await expect(idle).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'settings: kiosk with a field error');
});
