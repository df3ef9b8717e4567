import type { APIRequestContext } from '@playwright/test';
import { expect, expectAccessible, test } from '../support/fixtures';
import { json, OWNER_STATE, ownerApi } from '../support/owner';

test.use({ storageState: OWNER_STATE });

/**
 * The customer and vehicle records: details, edit with server field errors and a stale-version
 * conflict, live updates, odometer, transfer, merge, and the new-customer duplicate warning.
 */

interface Customer {
  id: string;
  name: string;
  version: number;
}
interface Vehicle {
  id: string;
  version: number;
}

/** A 555 number no other test uses (the server refuses a second customer with the same phone). */
function uniquePhone(): { typed: string; shown: string } {
  const digits = String(Math.floor(1_000_000 + Math.random() * 8_999_999));
  const typed = `(555) ${digits.slice(0, 3)}-${digits.slice(3)}`;
  return { typed, shown: typed };
}

async function arrangeCustomer(api: APIRequestContext, name: string, extra: object = {}): Promise<Customer> {
  return json<Customer>(
    await api.post('/api/customers', {
      data: { name, contactInfo: { phones: [{ number: uniquePhone().typed }] }, ...extra },
    }),
  );
}

async function arrangeVehicle(api: APIRequestContext, customerId: string, plate: string): Promise<Vehicle> {
  return json<Vehicle>(
    await api.post('/api/vehicles', {
      data: { customerId, year: 2018, make: 'Honda', model: 'Civic', licensePlate: plate, odometer: 45000 },
    }),
  );
}

test('customer page: details, a bad phone named beside its field, live changes, a stale save', async ({
  page,
  allowHttpError,
}) => {
  const api = await ownerApi();
  const stamp = Date.now().toString(36).toUpperCase();
  const customer = await arrangeCustomer(api, `Rita Records ${stamp}`, {
    contactInfo: {
      phones: [{ number: uniquePhone().typed }],
      emails: [{ address: `rita.${stamp.toLowerCase()}@example.com` }],
    },
  });
  allowHttpError(400, `/api/customers/${customer.id}`); // the bad phone, on purpose
  allowHttpError(409, `/api/customers/${customer.id}`); // the stale save, on purpose
  const vehicle = await arrangeVehicle(api, customer.id, `RR${stamp}`.slice(0, 8));
  const ro = await json<{ id: string; number: number }>(
    await api.post('/api/repair-orders', {
      data: { customerId: customer.id, vehicleId: vehicle.id, concerns: ['Brakes squeal when stopping'] },
    }),
  );

  await page.goto(`/customers/${customer.id}`);
  await expect(page.getByRole('heading', { level: 1, name: customer.name })).toBeVisible();
  await expect(page.getByRole('link', { name: '2018 Honda Civic', exact: true })).toHaveAttribute(
    'href',
    `/vehicles/${vehicle.id}`,
  );
  await expect(page.getByRole('link', { name: `#${ro.number}` })).toHaveAttribute(
    'href',
    `/repair-orders/${ro.id}`,
  );
  await expect(page.getByText('Brakes squeal when stopping')).toBeVisible();
  await expectAccessible(page, 'customer page');

  // A phone the server cannot read: its message sits under that field, and nothing is saved.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByLabel('Name')).toBeFocused();
  await page.getByLabel('Phone 1', { exact: true }).fill('555 CALL NOW');
  await page.getByRole('button', { name: 'Save customer' }).click();
  await expect(page.locator('#phone-0-error')).toContainText('not a phone number');
  await expect(page.getByLabel('Phone 1', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'customer edit with a field error');

  const fixed = uniquePhone();
  await page.getByLabel('Phone 1', { exact: true }).fill(fixed.typed);
  await page.getByLabel('Contact by').selectOption('email');
  await page.getByRole('button', { name: 'Save customer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Customer saved.' })).toBeVisible();
  await expect(page.getByRole('link', { name: fixed.shown })).toBeVisible();
  await expect(page.getByTestId('contact-channel')).toHaveText('Email');

  // Someone else renames the customer: the page follows without a reload.
  let current = await json<Customer>(await api.get(`/api/customers/${customer.id}`));
  current = await json<Customer>(
    await api.patch(`/api/customers/${customer.id}`, {
      data: { name: `Rita R. Records ${stamp}`, version: current.version },
    }),
  );
  await expect(page.getByRole('heading', { level: 1, name: `Rita R. Records ${stamp}` })).toBeVisible();

  // A save against an older version is refused with the offer to load theirs.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Notes').fill('Prefers mornings');
  await json(
    await api.patch(`/api/customers/${customer.id}`, {
      data: { notes: 'Gate code 4321', version: current.version },
    }),
  );
  await expect(page.getByText('Someone else changed this customer while you were editing.')).toBeVisible();
  await page.getByRole('button', { name: 'Save customer' }).click();
  await expect(page.getByRole('alert')).toContainText('Someone else changed this first.');
  await page.getByRole('button', { name: 'Reload their version' }).click();
  await expect(page.getByLabel('Notes')).toHaveValue('Gate code 4321');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Gate code 4321')).toBeVisible();

  await api.dispose();
});

test('vehicle page: odometer readings, edit, live change, transfer to a new owner', async ({ page }) => {
  const api = await ownerApi();
  const stamp = Date.now().toString(36).toUpperCase();
  const owner = await arrangeCustomer(api, `Otto Owner ${stamp}`);
  const buyer = await arrangeCustomer(api, `Bea Buyer ${stamp}`);
  const vehicle = await arrangeVehicle(api, owner.id, `VP${stamp}`.slice(0, 8));

  await page.goto(`/vehicles/${vehicle.id}`);
  await expect(page.getByRole('heading', { level: 1, name: '2018 Honda Civic' })).toBeVisible();
  await expect(page.getByText('Owner:').getByRole('link', { name: owner.name })).toHaveAttribute(
    'href',
    `/customers/${owner.id}`,
  );
  await expect(page.getByTestId('current-odometer')).toHaveText('45,000 mi');
  await expectAccessible(page, 'vehicle page');

  // A new reading shows in the history and becomes the current odometer.
  await page.getByLabel('New reading').fill('46,500');
  await page.getByRole('button', { name: 'Record reading' }).click();
  const readings = page.getByRole('table', { name: 'Odometer readings' });
  await expect(readings.getByRole('cell', { name: '46,500 mi' })).toBeVisible();
  await expect(page.getByTestId('current-odometer')).toHaveText('46,500 mi');

  // A lower reading must be confirmed (replaced cluster) before it can be sent.
  await page.getByLabel('New reading').fill('12000');
  await expect(page.getByRole('button', { name: 'Record reading' })).toBeDisabled();
  await page.getByRole('checkbox', { name: /instrument cluster was replaced/ }).check();
  await page.getByRole('button', { name: 'Record reading' }).click();
  await expect(readings.getByRole('cell', { name: '12,000 mi' })).toBeVisible();
  await expect(page.getByTestId('current-odometer')).toHaveText('12,000 mi');

  // A reading taken elsewhere (check-in at the counter) appears live.
  await json(await api.post(`/api/vehicles/${vehicle.id}/odometer`, { data: { reading: 12345 } }));
  await expect(readings.getByRole('cell', { name: '12,345 mi' })).toBeVisible();

  // Edit: trim and engine.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Trim').fill('EX');
  await page.getByLabel('Engine').fill('2.0L I4');
  await page.getByRole('button', { name: 'Save vehicle' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '2018 Honda Civic EX' })).toBeVisible();

  // Transfer: find the buyer with the search box, confirm; the owner link and history follow.
  await page.getByRole('button', { name: 'Transfer ownership' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Find the new owner')).toBeFocused();
  await dialog.getByLabel('Find the new owner').fill(buyer.name);
  await dialog.getByRole('option', { name: new RegExp(buyer.name) }).click();
  await dialog.getByLabel('Note (optional)').fill('Sold privately');
  await expectAccessible(page, 'transfer dialog');
  await dialog.getByRole('button', { name: `Transfer to ${buyer.name}` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Owner:').getByRole('link', { name: buyer.name })).toBeVisible();
  const owners = page.getByRole('region', { name: 'Owners' });
  await expect(owners.getByRole('link', { name: owner.name })).toBeVisible();
  await expect(owners.getByText('Sold privately')).toBeVisible();

  await api.dispose();
});

test('merge a duplicate customer into this one, after seeing what moves', async ({ page }) => {
  const api = await ownerApi();
  const stamp = Date.now().toString(36).toUpperCase();
  const email = `mo.${stamp.toLowerCase()}@example.com`;
  const kept = await arrangeCustomer(api, `Mo Merge ${stamp}`, {
    contactInfo: { emails: [{ address: email }] },
  });
  const duplicate = await arrangeCustomer(api, `Maurice Merge ${stamp}`, {
    contactInfo: { emails: [{ address: email }] },
    confirmDuplicate: true,
  });
  await arrangeVehicle(api, duplicate.id, `MM${stamp}`.slice(0, 8));

  await page.goto(`/customers/${kept.id}`);
  await page.getByRole('button', { name: 'Merge another customer into this one' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: duplicate.name }).click();
  const moves = dialog.getByRole('list', { name: 'What moves' });
  await expect(moves).toContainText('1 vehicle: 2018 Honda Civic');
  await expect(moves).toContainText('No repair orders');
  await expectAccessible(page, 'merge confirmation');
  await dialog.getByRole('button', { name: `Merge ${duplicate.name} into ${kept.name}` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Moved 1 vehicle' })).toBeVisible();
  await expect(page.getByRole('link', { name: '2018 Honda Civic', exact: true })).toBeVisible();

  // The duplicate now points at the customer kept.
  await page.goto(`/customers/${duplicate.id}`);
  await expect(page.getByRole('link', { name: 'Open the customer kept' })).toHaveAttribute(
    'href',
    `/customers/${kept.id}`,
  );
  await api.dispose();
});

test('customers list: a new customer with a known phone is warned about, then created anyway', async ({
  page,
  allowHttpError,
}) => {
  allowHttpError(409, '/api/customers'); // the possible-duplicate answer, on purpose
  const api = await ownerApi();
  const stamp = Date.now().toString(36).toUpperCase();
  const phone = uniquePhone();
  const existing = await arrangeCustomer(api, `Nia Known ${stamp}`, {
    contactInfo: { phones: [{ number: phone.typed }] },
  });

  await page.goto('/customers');
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await expectAccessible(page, 'customers list');
  await page.getByRole('button', { name: 'New customer' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await dialog.getByLabel('Name').fill(`Nia New ${stamp}`);
  await dialog.getByLabel('Phone').fill(phone.typed);
  await expect(dialog.getByRole('link', { name: existing.name })).toBeVisible();
  await expectAccessible(page, 'new customer with duplicate warning');

  await dialog.getByRole('button', { name: 'Create customer' }).click();
  await expect(dialog.getByRole('button', { name: 'Create anyway' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Create anyway' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Nia New ${stamp}` })).toBeVisible();
  await api.dispose();
});
