import { request } from '@playwright/test';
import {
  KIOSK_TOKEN_KEY,
  addKioskDevice,
  countTaps,
  expect,
  expectKioskScreenAccessible,
  kioskPairingCode,
  tablet,
  test,
  uniqueLetters,
} from '../support/kiosk';
import { KioskCustomer } from '../support/kiosk-customer';
import { json, ownerApi } from '../support/owner';
import { E2E_BASE_URL } from '../support/server';

/**
 * A tablet becomes the shop's kiosk only by the owner's pairing code, and stops being one the
 * moment the owner revokes it: mid-flow, without a tap, it goes back to the pairing screen and
 * what the customer had typed is gone.
 */
test.use(tablet('landscape'));

test('pairing: the code pairs a new tablet; revoked mid-flow it returns to the pairing screen at once', async ({
  page,
  allowHttpError,
}) => {
  allowHttpError(400, '/api/kiosk/pair'); // the wrong code, on purpose
  allowHttpError(401, '/api/kiosk/'); // the revoked token's last calls, on purpose
  const api = await ownerApi();
  const kiosk = await addKioskDevice(api, `Lobby kiosk ${uniqueLetters(4)}`);

  // A new tablet: nothing but the pairing screen.
  await page.goto('/kiosk');
  const codeField = page.getByLabel('Pairing code', { exact: true });
  await expect(codeField).toBeVisible();
  await expectKioskScreenAccessible(page, 'pairing', { bothSizes: true });
  await expect(page.getByRole('link')).toHaveCount(0);

  // A wrong code is refused and said so; the right one pairs.
  await codeField.tap();
  await codeField.pressSequentially('11112222');
  await codeField.press('Enter');
  await expect(codeField).toHaveAttribute('aria-invalid', 'true');
  await expect(codeField).toHaveAccessibleDescription(/That code did not work/);
  await expectKioskScreenAccessible(page, 'pairing, wrong code');
  const code = await kioskPairingCode(api, kiosk.deviceId);
  await codeField.fill('');
  await codeField.pressSequentially(`${code.slice(0, 4)} ${code.slice(4)}`);
  await codeField.press('Enter');
  const me = new KioskCustomer(page, await countTaps(page));
  await me.atWelcome();
  const token = await page.evaluate((key) => localStorage.getItem(key), KIOSK_TOKEN_KEY);
  expect(token).toMatch(/^kk_/);
  const status = await json<{ paired: boolean }>(await api.get(`/api/devices/${kiosk.deviceId}/kiosk`));
  expect(status.paired).toBe(true);

  // The kiosk's token opens the kiosk's routes only.
  const asKiosk = await request.newContext({
    baseURL: E2E_BASE_URL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  expect((await asKiosk.get('/api/kiosk/self')).status()).toBe(200);
  const elsewhere = await asKiosk.get('/api/customers');
  expect([401, 403]).toContain(elsewhere.status());

  // Mid-flow: a customer is typing their phone number when the owner revokes the tablet.
  await me.walkIn();
  await expect(me.field('phone.label')).toBeVisible();
  for (const digit of '512555') await page.getByRole('button', { name: digit, exact: true }).tap();
  await json(await api.post(`/api/devices/${kiosk.deviceId}/revoke`));
  // At once, by the live connection: no tap, no request of the kiosk's own needed.
  await expect(codeField).toBeVisible({ timeout: 5_000 });
  await expect(me.field('phone.label')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('512');
  const kept = await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]);
  expect(kept.filter((key) => key !== KIOSK_TOKEN_KEY)).toEqual([]);
  // And the old token is refused everywhere.
  const afterRevoke = await asKiosk.get('/api/kiosk/self');
  expect(afterRevoke.status()).toBe(401);
  expect((await afterRevoke.json()).type).toMatch(/kiosk-unpaired$/);
  await asKiosk.dispose();
});
