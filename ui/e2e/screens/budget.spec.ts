import { gzipSync } from 'node:zlib';
import { expect, test } from '../support/fixtures';
import { recordMeasurement } from '../support/measurements';

/**
 * The budget: initial JavaScript for login + board ≤ 100 KB gzip. A fresh browser (no
 * cache, no service worker) opens /login, signs in and lands on the board; every script it
 * fetched on the way is counted at its gzip size. Bytes are deterministic, so this one asserts.
 */
const BUDGET_BYTES = 100 * 1024;

test('login + board load at most 100 KB of gzipped JavaScript', async ({ openContext, allowHttpError }) => {
  allowHttpError(401, '/api/auth/me'); // the signed-out check on the way in
  const context = await openContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const scripts = new Map<string, number>();
  page.on('response', (response) => {
    const url = response.url();
    if (response.request().resourceType() !== 'script' || scripts.has(url)) return;
    scripts.set(url, 0);
    void response.body().then((body) => scripts.set(url, gzipSync(body).length));
  });

  await page.goto('/login');
  await page.getByLabel('Email').fill('owner@e2e.shop');
  await page.getByLabel('Password').fill('correct-horse-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/board$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');

  const total = [...scripts.values()].reduce((sum, size) => sum + size, 0);
  recordMeasurement('initial JS, login + board (gzip)', total / 1024, 'KB', { files: scripts.size });
  expect(scripts.size).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
});
