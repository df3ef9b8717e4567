import { expect, expectAccessible, test } from '../support/fixtures';
import { createRepairOrder } from '../support/arrange';
import { json, OWNER_STATE, ownerApi } from '../support/owner';

test.use({ storageState: OWNER_STATE });
test.describe.configure({ timeout: 120_000 });

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

test('notification settings: SMTP saved, the password write-only, a test send reports the failure in plain words', async ({
  page,
}) => {
  await page.goto('/settings/notifications');
  await expect(page.getByRole('heading', { name: 'Messages', level: 2 })).toBeVisible();
  await expectAccessible(page, 'settings: messages');

  // Port 9 on loopback refuses connections: the "internet is down" of this test.
  await page.getByLabel('SMTP server').fill('127.0.0.1');
  await page.getByLabel('Port', { exact: true }).fill('9');
  await page.getByLabel('From', { exact: true }).fill('Main St Auto <service@mainst.example>');
  await page.getByLabel('Password', { exact: true }).fill('e2e-smtp-secret');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(page.getByText('Set. Leave empty to keep it.').first()).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('SMTP server')).toHaveValue('127.0.0.1');
  const settings = await json<Record<string, unknown>>(
    await (await ownerApi()).get('/api/notification-settings'),
  );
  expect(JSON.stringify(settings)).not.toContain('e2e-smtp-secret');

  await page.getByLabel('Email to').fill('owner@example.com');
  await page.getByRole('button', { name: 'Send test email' }).click();
  await expect(page.getByTestId('test-email-result')).toHaveText(
    /Not sent: the mail server refused the connection \(is the internet down\?\)/,
  );
});

test('repair order: "tell the customer it\'s ready" queues an email and its delivery status shows live, with retry', async ({
  page,
}) => {
  const api = await ownerApi();
  // Make sure email points at a port that refuses (the previous test may not have run).
  const current = await json<{ version: number }>(await api.get('/api/notification-settings'));
  await json(
    await api.patch('/api/notification-settings', {
      data: {
        version: current.version,
        email: { enabled: true, host: '127.0.0.1', port: 9, from: 'Shop <shop@mainst.example>' },
      },
    }),
  );
  const customer = await json<{ id: string }>(
    await api.post('/api/customers', {
      data: {
        name: `Dana Ready ${stamp()}`,
        contactInfo: { emails: [{ address: `dana.${stamp()}@example.com` }] },
        preferences: { contactChannel: 'email' },
        confirmDuplicate: true,
      },
    }),
  );
  const vehicle = await json<{ id: string }>(
    await api.post('/api/vehicles', {
      data: { customerId: customer.id, year: 2017, make: 'Ford', model: 'Focus' },
    }),
  );
  const ro = await createRepairOrder(api, { customerId: customer.id, vehicleId: vehicle.id }, ['Oil change']);

  await page.goto(`/repair-orders/${ro.id}`);
  const panel = page.getByRole('region', { name: 'Messages' });
  await expect(panel.getByText('No messages about this repair order yet.')).toBeVisible();
  await panel.getByRole('button', { name: "Tell the customer it's ready" }).click();
  await expect(panel.getByText(/Queued: Email to d•••@example\.com/)).toBeVisible();

  // The worker tries (the SMTP port refuses) and the panel follows live: waiting to retry, in plain words.
  const message = panel.getByTestId('delivery-message');
  await expect(message).toHaveCount(1);
  await expect(message.getByText(/Waiting to retry \(1 try so far\)/)).toBeVisible({ timeout: 20_000 });
  await expect(
    message.getByText('the mail server refused the connection (is the internet down?)'),
  ).toBeVisible();
  await expectAccessible(page, 'repair order: delivery status');

  await message.getByRole('button', { name: 'Retry now' }).click();
  await expect(panel.getByText(/trying again now/)).toBeVisible();
  await expect(message.getByText(/Waiting to retry \(2 tries so far\)/)).toBeVisible({ timeout: 20_000 });
});
