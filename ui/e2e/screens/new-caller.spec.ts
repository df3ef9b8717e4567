import { expect, expectAccessible, test } from '../support/fixtures';
import { json, ownerApi, OWNER_STATE } from '../support/owner';

test.use({ storageState: OWNER_STATE, viewport: { width: 1600, height: 1300 } });

/** A day clear of today and of the other calendar specs' days. */
const DAY = '2030-02-19';

test('booking a new caller: customer and vehicle made in the dialog, a known phone offers the customer on file', async ({
  page,
}) => {
  const api = await ownerApi();
  const tag = Date.now().toString(36).slice(-5).toUpperCase();
  const digits = String(Date.now()).slice(-4);
  const knownPhone = `312555${digits}`;
  const newPhone = `773555${digits}`;
  const knownName = `Kim Known ${tag}`;
  const callerName = `Nora Newcaller ${tag}`;
  await json(
    await api.post('/api/customers', {
      data: {
        name: knownName,
        contactInfo: { phones: [{ number: knownPhone, primary: true }] },
        confirmDuplicate: true,
      },
    }),
  );

  await page.goto(`/appointments?date=${DAY}`);
  await expect(page.getByRole('heading', { name: 'Appointments', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: /New appointment/ }).click();
  const dialog = page.getByRole('dialog', { name: 'New appointment' });
  await expect(dialog).toBeVisible();

  // The caller gives a phone the shop already has: the customer on file is offered, and taken.
  await dialog.getByRole('button', { name: 'New customer' }).click();
  await expect(dialog.getByRole('heading', { name: 'New customer' })).toBeVisible();
  await dialog.getByLabel('Name', { exact: true }).fill('Kim');
  await dialog.getByLabel('Phone', { exact: true }).fill(knownPhone);
  await dialog.getByLabel('Phone', { exact: true }).blur();
  const duplicates = dialog.getByRole('status').filter({ hasText: 'Looks like an existing customer' });
  await expect(duplicates).toContainText(knownName);
  await expectAccessible(page, 'new customer inside the appointment dialog');
  await dialog.getByRole('button', { name: `Use ${knownName}` }).click();
  await expect(dialog.getByText(`Customer: ${knownName}`)).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'New vehicle' })).toHaveCount(0);

  // A real new caller: the customer, then the vehicle, then the booking, all in the dialog.
  await dialog.getByRole('button', { name: 'New customer' }).click();
  await dialog.getByLabel('Name', { exact: true }).fill(callerName);
  await dialog.getByLabel('Phone', { exact: true }).fill(newPhone);
  await dialog.getByLabel('Phone', { exact: true }).blur();
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  await expect(dialog.getByRole('heading', { name: 'New vehicle' })).toBeVisible();
  await expect(dialog).toContainText(`Vehicle for ${callerName}`);
  await dialog.getByLabel('Year', { exact: true }).fill('2016');
  await dialog.getByLabel('Make', { exact: true }).fill('Subaru');
  await dialog.getByLabel('Model', { exact: true }).fill('Outback');
  await dialog.getByLabel('Plate', { exact: true }).fill(`NC${tag}`);
  await dialog.getByRole('button', { name: 'Create vehicle' }).click();
  await expect(dialog.getByText(`Customer: ${callerName}`)).toBeVisible();
  await expect(dialog.getByLabel('Vehicle', { exact: true })).toHaveValue(/.+/);
  await expect(dialog.getByLabel('Vehicle', { exact: true }).locator('option:checked')).toHaveText(
    `2016 Subaru Outback · NC${tag}`,
  );
  await dialog.getByLabel('Requested services').fill('Noise from the front');
  await dialog.getByLabel(/^Starts/).fill(`${DAY}T10:00`);
  await dialog.getByLabel(/^Ends/).fill(`${DAY}T11:00`);
  await dialog.getByRole('button', { name: 'Book appointment' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('appointment').filter({ hasText: callerName })).toBeVisible();

  // What the server holds: one new customer with the phone, its vehicle, the appointment with both.
  const customers = await json<{ items: { id: string; name: string }[] }>(
    await api.get(`/api/customers/duplicates?phone=${newPhone}`),
  );
  expect(customers.items.map((c) => c.name)).toEqual([callerName]);
  const callerId = customers.items[0]!.id;
  const vehicles = await json<{ items: { id: string; make: string; model: string }[] }>(
    await api.get(`/api/vehicles?customerId=${callerId}&limit=10&offset=0`),
  );
  expect(vehicles.items).toHaveLength(1);
  expect(vehicles.items[0]).toMatchObject({ make: 'Subaru', model: 'Outback' });
  const from = new Date(Date.parse(`${DAY}T00:00:00Z`) - 86_400_000).toISOString();
  const to = new Date(Date.parse(`${DAY}T00:00:00Z`) + 2 * 86_400_000).toISOString();
  const booked = await json<{ items: { customerId: string; vehicleId: string | null }[] }>(
    await api.get(`/api/appointments?from=${from}&to=${to}&limit=200&offset=0`),
  );
  expect(booked.items.filter((a) => a.customerId === callerId)).toEqual([
    expect.objectContaining({ vehicleId: vehicles.items[0]!.id }),
  ]);
  await api.dispose();
});
