import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, expectAccessible, test } from '../support/fixtures';
import { json, OWNER_STATE, ownerApi } from '../support/owner';

test.use({ storageState: OWNER_STATE });

/** The shape of a cloudflared tunnel token: base64 of {"a": account, "t": tunnel id, "s": secret}. */
const TUNNEL_ID = '5e7c2a10-3b4d-4c5e-8f90-a1b2c3d4e5f6';
const SECRET = Buffer.alloc(32, 9).toString('base64');
const TOKEN = Buffer.from(
  JSON.stringify({ a: '0123456789abcdef0123456789abcdef', t: TUNNEL_ID, s: SECRET }),
).toString('base64');

test('remote access: paste a tunnel token, see its state, download the CA, remove the token', async ({
  page,
  allowHttpError,
}) => {
  // Start from "no tunnel" whatever an earlier run left.
  const api = await ownerApi();
  await json(await api.delete('/api/remote-access/tunnel'));

  await page.goto('/settings/remote-access');
  await expect(page.getByRole('heading', { name: 'Remote access', level: 2 })).toBeVisible();
  const state = page.getByTestId('tunnel-state');
  await expect(state).toContainText('Off');
  await expectAccessible(page, 'settings: remote access');

  // Something that is not a token: the field says what to copy instead.
  allowHttpError(400, '/api/remote-access/tunnel');
  await page.getByLabel('Tunnel token').fill('my-password-123');
  await page.getByRole('button', { name: 'Save token' }).click();
  await expect(page.getByText(/This is not a Cloudflare tunnel token/).first()).toBeVisible();

  // The whole install command pasted from the dashboard works; the token is never shown back.
  await page.getByLabel('Tunnel token').fill(`cloudflared service install ${TOKEN}`);
  await page.getByRole('button', { name: 'Save token' }).click();
  await expect(page.getByText('Saved. The tunnel restarts with it.')).toBeVisible();
  await expect(state).toContainText('Connecting'); // no cloudflared runs here: it is still starting
  await expect(page.getByText(TUNNEL_ID)).toBeVisible();
  await expect(page.getByLabel('Replace the tunnel token')).toHaveValue('');
  const status = await (await api.get('/api/remote-access')).text();
  expect(status).not.toContain(SECRET);
  expect(status).not.toContain(TOKEN);

  // Remote sign-in: the owner here has no second factor, so the screen says so and where to fix it.
  await expect(
    page.getByTestId('mfa-missing').getByRole('link', { name: 'Turn it on in My account' }),
  ).toHaveAttribute('href', '/settings/account');
  await expect(page.getByRole('link', { name: 'Change it in Messages' })).toHaveAttribute(
    'href',
    '/settings/notifications',
  );

  // The CA downloads as a file, and it is the one whose fingerprint the screen shows.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the CA certificate' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('ase-local-ca.crt');
  const pem = await readFile(await download.path(), 'utf8');
  const ca = new X509Certificate(pem);
  expect(ca.ca).toBe(true);
  await expect(page.getByTestId('ca-fingerprint')).toHaveText(ca.fingerprint256);
  await page.getByText('iPad and iPhone').click();
  await expect(page.getByText(/Certificate Trust Settings/)).toBeVisible();

  // Remove, with a confirmation first.
  await page.getByRole('button', { name: 'Remove the token' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove the tunnel token?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(dialog).toBeHidden();
  await expect(state).toContainText('Off');
  await expect(page.getByLabel('Tunnel token')).toBeVisible();
});
