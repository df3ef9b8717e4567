import { createCustomerWithVehicle, createRepairOrder } from '../support/arrange';
import { expect, test } from '../support/fixtures';
import { recordMeasurement } from '../support/measurements';
import { json, OWNER_STATE, ownerApi } from '../support/owner';

test.use({ storageState: OWNER_STATE });

/**
 * The budget: the board with 200 open jobs renders in under 500 ms in headless Chromium.
 * Measured (not asserted against the clock): from navigation start to the moment the 200th card
 * is in the page, with the API answer and the render both inside it.
 */
test('the job board with 200 open jobs: render time', async ({ page }) => {
  const api = await ownerApi();
  const before = await json<{ items: unknown[] }>(await api.get('/api/jobs'));
  const wanted = 200 - before.items.length;
  const ids = await createCustomerWithVehicle(api, 'Fleet Scale Test');
  for (let made = 0; made < wanted; made += 5) {
    const count = Math.min(5, wanted - made);
    await createRepairOrder(
      api,
      ids,
      Array.from({ length: count }, (_, i) => `Scale concern ${made + i + 1}`),
    );
  }
  const board = await json<{ items: unknown[] }>(await api.get('/api/jobs'));
  expect(board.items.length).toBeGreaterThanOrEqual(200);
  await api.dispose();

  // Stamp the moment the card count reaches the board's size, from inside the page.
  await page.addInitScript((target: number) => {
    const observer = new MutationObserver(() => {
      if (document.querySelectorAll('[data-testid="job-card"]').length >= target) {
        (window as unknown as { __boardRenderedAt: number }).__boardRenderedAt = performance.now();
        observer.disconnect();
      }
    });
    document.addEventListener('DOMContentLoaded', () =>
      observer.observe(document.body, { childList: true, subtree: true }),
    );
  }, board.items.length);

  // Five loads; the first is cold (scripts not yet in the browser cache), the median is reported.
  const runs: { scriptsDone: number; apiAnswered: number; rendered: number }[] = [];
  for (let run = 0; run < 5; run++) {
    await page.goto('/board');
    await expect(page.locator('[data-testid="job-card"]')).toHaveCount(board.items.length);
    runs.push(
      await page.evaluate(() => {
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const scripts = resources.filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'));
        const api = resources.find((r) => new URL(r.name).pathname === '/api/jobs');
        return {
          scriptsDone: Math.round(Math.max(0, ...scripts.map((r) => r.responseEnd))),
          apiAnswered: Math.round(api?.responseEnd ?? -1),
          rendered: Math.round((window as unknown as { __boardRenderedAt: number }).__boardRenderedAt),
        };
      }),
    );
  }
  const median = [...runs].sort((a, b) => a.rendered - b.rendered)[2]!;
  recordMeasurement(
    'board: 200+ open jobs, navigation start → all cards rendered (median of 5)',
    median.rendered,
    'ms',
    // Per load, ms since navigation: scripts loaded, board answer received, all cards in the page.
    { jobs: board.items.length, median, runs },
  );
});
