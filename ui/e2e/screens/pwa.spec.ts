import { expect, test } from '../support/fixtures';
import { OWNER_STATE } from '../support/owner';

test.use({ storageState: OWNER_STATE });

test('the app is installable: manifest with PNG icons, served icons', async ({ request }) => {
  const response = await request.get('/manifest.webmanifest');
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as {
    name: string;
    start_url: string;
    display: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest.name).toBeTruthy();
  expect(manifest.start_url).toBe('/');
  expect(manifest.display).toBe('standalone');
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i) => i.sizes === size && i.type === 'image/png' && !i.purpose);
    expect(icon, `a ${size} PNG icon`).toBeDefined();
    const image = await request.get(icon!.src);
    expect(image.ok()).toBe(true);
    expect(image.headers()['content-type']).toBe('image/png');
  }
});

test('with the server unreachable the app shell still opens, says so, and recovers by itself', async ({
  page,
  context,
  allowConsoleError,
}) => {
  // The refused requests while the network is cut are the point of this test.
  allowConsoleError(/ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED|Failed to fetch/);

  await page.goto('/board');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The service worker installs after the first screen; wait until it controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  const banner = page.getByRole('status').filter({ hasText: "Can't reach the ASE server" });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Retrying');

  await context.setOffline(false);
  await expect(banner).toBeHidden({ timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
