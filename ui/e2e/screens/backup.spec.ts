import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, test } from '../support/fixtures';
import { json, OWNER_STATE, ownerApi } from '../support/owner';

test.use({ storageState: OWNER_STATE });
test.describe.configure({ timeout: 120_000 });

test('backup: a folder replica is tested, saved and seen replicating; the restore command is shown', async ({
  page,
  allowConsoleError,
}) => {
  allowConsoleError(/status of 400 .*\/api\/backup\/settings/); // the refused relative path, on purpose
  // The e2e server runs on this machine, so a temp folder here is a "USB disk" it can write to.
  const replica = mkdtempSync(join(tmpdir(), 'ase-e2e-replica-'));
  try {
    await page.goto('/settings/backup');
    await expect(page.getByRole('heading', { name: 'Backup', level: 2 })).toBeVisible();
    await expect(page.getByTestId('replication-state')).toHaveText('Off');

    await page.getByLabel('A disk or NAS folder').check();
    await page.getByLabel('Folder', { exact: true }).fill(join(replica, 'missing'));
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByTestId('test-result')).toHaveText(/Connection failed\.[\s\S]*does not exist/);

    await page.getByLabel('Folder', { exact: true }).fill('relative/path');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('#filePath-error')).toHaveText(/must be an absolute directory/);

    await page.getByLabel('Folder', { exact: true }).fill(replica);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByTestId('test-result')).toHaveText(/Connection works\.[\s\S]*is writable/);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();

    // Litestream starts beside the server and reports its first copy; the page shows it.
    await expect(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect(page.getByTestId('replication-state')).toHaveText('Replicating', { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId('last-sync')).toHaveText(/\d+ s ago/);
    await expect(page.getByTestId('restore-command')).toContainText(`npm run restore -- --data-dir`);
    await expect(page.getByTestId('restore-command')).toContainText(`--file ${replica}`);
    await expectAccessible(page, 'settings: backup');
  } finally {
    // Back to off, so Litestream does not keep running for the other specs.
    const api = await ownerApi();
    const current = await json<{ settings: { version: number } }>(await api.get('/api/backup'));
    await json(
      await api.put('/api/backup/settings', { data: { version: current.settings.version, target: 'off' } }),
    );
    rmSync(replica, { recursive: true, force: true });
  }
});
