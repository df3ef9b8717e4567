import { expect, test } from '../support/fixtures';
import { createCustomerWithVehicle } from '../support/arrange';
import { json, ownerApi, OWNER_STATE } from '../support/owner';
import { instantOnDate } from '../../src/lib/calendar/zoned';
import { formatDateTime, formatTime } from '../../src/lib/time/shop-time';

/**
 * One clock: a browser set to another time zone than the shop's still shows every time on the
 * shop's clock, the same on the repair order, the RO list, the board and reports. The board's
 * cards also carry the promised time and say, in words, when a promise is at risk.
 */
test("one clock: the RO, the list, the board and reports show the shop's time in a browser from another zone", async ({
  openContext,
}) => {
  const api = await ownerApi();
  const tag = Date.now().toString(36).slice(-5).toUpperCase();
  const { timezone: shopZone } = await json<{ timezone: string }>(await api.get('/api/settings'));
  const promisedMs = instantOnDate('2030-03-05', 16, 30, shopZone);
  const shopText = formatDateTime(promisedMs, shopZone);
  // A browser zone whose wall clock differs from the shop's at that moment.
  const browserZone = ['Asia/Tokyo', 'America/Chicago'].find(
    (zone) => formatDateTime(promisedMs, zone) !== shopText,
  )!;
  const browserText = formatDateTime(promisedMs, browserZone);

  const later = await createCustomerWithVehicle(api, `Clara Clock ${tag}`);
  const ro = await json<{ id: string; number: number }>(
    await api.post('/api/repair-orders', {
      data: { ...later, concerns: [`Clock check ${tag}`], promisedAt: new Date(promisedMs).toISOString() },
    }),
  );
  // Promised in 30 minutes and not started: at risk, said on the card.
  const soon = await createCustomerWithVehicle(api, `Sam Soon ${tag}`);
  const soonMs = Date.now() + 30 * 60_000;
  const soonRo = await json<{ id: string; number: number }>(
    await api.post('/api/repair-orders', {
      data: { ...soon, concerns: [`Soon ${tag}`], promisedAt: new Date(soonMs).toISOString() },
    }),
  );

  const context = await openContext({ storageState: OWNER_STATE, timezoneId: browserZone });
  const page = await context.newPage();
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(browserZone);

  await page.goto(`/repair-orders/${ro.id}`);
  await expect(page.getByTestId('ro-promised')).toHaveText(shopText);
  await expect(page.getByTestId('ro-promised')).not.toHaveText(browserText);

  await page.goto('/repair-orders');
  await expect(page.getByRole('row').filter({ hasText: `Clara Clock ${tag}` })).toContainText(shopText);

  await page.goto('/board');
  const card = page.getByTestId('job-card').filter({ hasText: `RO ${ro.number}` });
  await expect(card.getByTestId('job-promised')).toHaveText(`Promised ${shopText}`);
  await expect(card.getByTestId('job-promised')).toHaveAttribute('data-state', 'on-time');
  const soonCard = page.getByTestId('job-card').filter({ hasText: `RO ${soonRo.number}` });
  await expect(soonCard.getByTestId('job-promised')).toContainText(
    `Promised ${formatTime(soonMs, shopZone)}`,
  );
  await expect(soonCard.getByTestId('job-promised')).toContainText('At risk');

  // Reports say when their figures were made: on the same clock (any minute the page was open).
  const before = Date.now();
  await page.goto('/reports');
  const asOf = page.locator('p').filter({ hasText: 'Figures as of' });
  await expect(asOf).toBeVisible();
  const shown = /Figures as of (.+)\.\s*$/.exec((await asOf.textContent()) ?? '')?.[1]?.trim();
  const minutes: string[] = [];
  for (let ms = before - 60_000; ms <= Date.now() + 60_000; ms += 60_000)
    minutes.push(formatDateTime(ms, shopZone));
  expect(minutes).toContain(shown);

  // The bay TV's wall clock, in the same browser zone: the shop's time too.
  const { token } = await json<{ token: string }>(
    await api.post('/api/display-tokens', { data: { name: `Clock TV ${tag}` } }),
  );
  const tvContext = await openContext({
    storageState: { cookies: [], origins: [] },
    timezoneId: browserZone,
  });
  const tv = await tvContext.newPage();
  const tvBefore = Date.now();
  await tv.goto(`/display?token=${encodeURIComponent(token)}`);
  // The board (which carries the shop's zone) has arrived: the waiting line shows with it.
  await expect(tv.locator('.waiting')).toBeVisible();
  const clock = tv.locator('.clock time');
  await expect(clock).toHaveText(/\d/);
  const wallMinutes: string[] = [];
  for (let ms = tvBefore - 60_000; ms <= Date.now() + 60_000; ms += 60_000)
    wallMinutes.push(formatTime(ms, shopZone));
  expect(wallMinutes).toContain((await clock.textContent())?.trim());
  await api.dispose();
});
