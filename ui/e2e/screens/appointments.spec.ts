import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from '../support/fixtures';
import { json, ownerApi, OWNER_STATE } from '../support/owner';
import { instantOnDate } from '../../src/lib/calendar/zoned';

// Tall enough that the whole 7 AM-7 PM day is on screen for the drags.
test.use({ storageState: OWNER_STATE, viewport: { width: 1600, height: 1300 } });

/** A Tuesday well clear of today and of other screens' data. */
const DAY = '2030-01-15';

function lane(page: Page, key: string): Locator {
  return page.locator(`[data-lane-key="${key}"]`);
}

/** Drags a block so that the point grabbed lands at `hour` (shop clock) in another day-view lane. */
async function dragBlock(
  page: Page,
  block: Locator,
  target: Locator,
  fractionOfWindow: number,
): Promise<void> {
  const from = await block.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + 8);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 20, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height * fractionOfWindow + 8, { steps: 8 });
  await page.mouse.up();
}

test('appointments: book, a refused double booking, move by keyboard and by drag, check in', async ({
  page,
  allowHttpError,
}) => {
  test.slow(); // one long story with five axe runs
  allowHttpError(409, '/api/appointments'); // the double booking, on purpose
  const api = await ownerApi();
  const tag = Date.now().toString(36).slice(-5).toUpperCase();
  const { timezone } = await json<{ timezone: string }>(await api.get('/api/settings'));
  const at = (hour: number, minute = 0) => new Date(instantOnDate(DAY, hour, minute, timezone)).toISOString();

  const bayA = await json(await api.post('/api/bays', { data: { name: `Cal A ${tag}` } }));
  const bayB = await json(await api.post('/api/bays', { data: { name: `Cal B ${tag}` } }));
  const tech = await json(await api.post('/api/technicians', { data: { name: `Tess Cal ${tag}` } }));
  const annName = `Ann Calendar ${tag}`;
  const bobName = `Bob Holder ${tag}`;
  const ann = await json(await api.post('/api/customers', { data: { name: annName } }));
  const bob = await json(await api.post('/api/customers', { data: { name: bobName } }));
  await json(
    await api.post('/api/vehicles', {
      data: { customerId: ann.id, year: 2018, make: 'Honda', model: 'Civic', licensePlate: `AC${tag}` },
    }),
  );
  const bobCar = await json(
    await api.post('/api/vehicles', {
      data: { customerId: bob.id, year: 2015, make: 'Ford', model: 'F-150' },
    }),
  );
  // Bob already holds bay A, 9-10 on the shop's clock.
  const held = await json(
    await api.post('/api/appointments', {
      data: {
        customerId: bob.id,
        vehicleId: bobCar.id,
        startsAt: at(9),
        endsAt: at(10),
        bayId: bayA.id,
        requestedServices: ['Brake noise'],
      },
    }),
  );

  allowHttpError(409, `/api/appointments/${held.id}`); // the drag onto Ann's slot, on purpose

  // Today's day view, then the date picker to the day.
  await page.goto('/appointments');
  await expect(page.getByRole('heading', { name: 'Appointments', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
  await expectAccessible(page, 'appointments day view');
  await page.getByLabel('Date', { exact: true }).fill(DAY);
  await expect(page.getByRole('heading', { name: /Tuesday, January 15, 2030/ })).toBeVisible();
  await expect(page).toHaveURL(/date=2030-01-15/);
  const bobBlock = page.getByTestId('appointment').filter({ hasText: bobName });
  await expect(
    lane(page, `bay:${bayA.id}`).getByTestId('appointment').filter({ hasText: bobName }),
  ).toBeVisible();
  await expect(bobBlock).toContainText('Brake noise');
  await expect(bobBlock).toContainText('Drop-off');
  await expect(lane(page, 'unassigned')).toBeVisible();

  // Book Ann from the keyboard-reachable button: customer by search, then her vehicle.
  await page.getByRole('button', { name: /New appointment/ }).click();
  const dialog = page.getByRole('dialog', { name: 'New appointment' });
  await expect(dialog).toBeVisible();
  const search = dialog.getByRole('combobox', { name: /Customer or vehicle/ });
  await expect(search).toBeFocused();
  await expectAccessible(page, 'new appointment dialog');
  await search.fill(annName);
  await expect(dialog.getByRole('option', { name: new RegExp(annName) })).toBeVisible();
  await search.press('Enter');
  await expect(dialog.getByText(`Customer: ${annName}`)).toBeVisible();
  await dialog.getByLabel('Vehicle', { exact: true }).selectOption({ label: `2018 Honda Civic · AC${tag}` });
  await dialog.getByLabel('Requested services').fill('Oil change\nCheck engine light');
  await dialog.getByLabel('Waiter', { exact: true }).check();
  await dialog.getByLabel(/^Starts/).fill(`${DAY}T11:00`);
  await dialog.getByLabel(/^Ends/).fill(`${DAY}T12:00`);
  await dialog.getByLabel('Bay').selectOption({ label: bayA.name });
  await dialog.getByLabel('Technician').selectOption({ label: tech.name });
  await dialog.getByLabel(/^Ends/).press('Enter');
  await expect(dialog).toBeHidden();
  const annInBayA = lane(page, `bay:${bayA.id}`).getByTestId('appointment').filter({ hasText: annName });
  await expect(annInBayA).toBeVisible();
  await expect(annInBayA).toContainText('Waiter');
  await expect(annInBayA).toContainText('Oil change');

  // A second booking on top of Bob's: refused, and the message names Bob's appointment.
  await page.getByRole('button', { name: /New appointment/ }).click();
  const again = page.getByRole('dialog', { name: 'New appointment' });
  await again.getByRole('combobox', { name: /Customer or vehicle/ }).fill(annName);
  await expect(again.getByRole('option', { name: new RegExp(annName) })).toBeVisible();
  await again.getByRole('combobox', { name: /Customer or vehicle/ }).press('Enter');
  await again.getByLabel(/^Starts/).fill(`${DAY}T09:30`);
  await again.getByLabel(/^Ends/).fill(`${DAY}T10:30`);
  await again.getByLabel('Bay').selectOption({ label: bayA.name });
  await again.getByRole('button', { name: 'Book appointment' }).click();
  await expect(again.getByRole('alert')).toContainText(`${bayA.name} is booked`);
  await expect(again.getByRole('alert')).toContainText(`for ${bobName}`);
  await expect(again.locator('#appt-bay-error')).toContainText(bobName);
  await expect(again.getByLabel('Bay')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'appointment dialog with a conflict');
  await page.keyboard.press('Escape');
  await expect(again).toBeHidden();
  // The focus goes back to what opened the dialog (after the dialog unmounts): wait for it, or it
  // could land there after the focus below and Enter would open a new booking instead.
  await expect(page.getByRole('button', { name: /New appointment/ })).toBeFocused();
  await expect(page.getByTestId('appointment').filter({ hasText: annName })).toHaveCount(1);

  // Move Ann with the keyboard: open her block with Enter, change time and bay, Enter saves.
  await annInBayA.focus();
  await expect(annInBayA).toBeFocused();
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Appointment', exact: true });
  await expect(edit).toBeVisible();
  await expect(edit.getByLabel(/^Starts/)).toBeFocused();
  await expectAccessible(page, 'appointment edit dialog');
  await edit.getByLabel(/^Starts/).fill(`${DAY}T13:00`);
  await edit.getByLabel(/^Ends/).fill(`${DAY}T14:00`);
  await edit.getByLabel('Bay').selectOption({ label: bayB.name });
  await edit.getByLabel(/^Ends/).press('Enter');
  await expect(edit).toBeHidden();
  const annInBayB = lane(page, `bay:${bayB.id}`).getByTestId('appointment').filter({ hasText: annName });
  await expect(annInBayB).toBeVisible();
  await expect(annInBayB).toContainText('1:00');
  const list = await json<{ items: { id: string; customerName: string; startsAt: string; bayId: string }[] }>(
    await api.get(`/api/appointments?from=${at(0)}&to=${at(23)}`),
  );
  const annAppointment = list.items.find((a) => a.customerName === annName)!;
  expect(annAppointment).toMatchObject({ bayId: bayB.id, startsAt: at(13) });

  // Drag Bob to bay B at 3 PM (the axis runs 7 AM-7 PM: 3 PM is 8/12 down).
  await dragBlock(page, bobBlock, lane(page, `bay:${bayB.id}`), 8 / 12);
  await expect(
    lane(page, `bay:${bayB.id}`).getByTestId('appointment').filter({ hasText: bobName }),
  ).toContainText('3:00');
  await expect
    .poll(
      async () => (await json<{ startsAt: string }>(await api.get(`/api/appointments/${held.id}`))).startsAt,
    )
    .toBe(at(15));

  // Dragged onto Ann's slot: refused, put back, and the message names Ann.
  await dragBlock(page, bobBlock, lane(page, `bay:${bayB.id}`), 6.5 / 12);
  await expect(page.getByRole('alert').filter({ hasText: annName })).toBeVisible();
  await expect(bobBlock).toContainText('3:00');
  expect((await json(await api.get(`/api/appointments/${held.id}`))).startsAt).toBe(at(15));

  // The week, by technician: Ann sits in Tess's row on Tuesday.
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Jan 14\s*–\s*20, 2030/ })).toBeVisible();
  await expect(page.locator(`td[data-date="${DAY}"]`).getByTestId('appointment').first()).toBeVisible();
  await page.getByRole('button', { name: 'By technician' }).click();
  await expect(
    page.locator(`td[data-lane-key="technician:${tech.id}"][data-date="${DAY}"]`).getByTestId('appointment'),
  ).toContainText(annName);
  await expectAccessible(page, 'appointments week view');

  // Ann arrives: a repair order opens from the appointment and the app goes to it.
  await page.getByTestId('appointment').filter({ hasText: annName }).click();
  await page
    .getByRole('dialog', { name: 'Appointment' })
    .getByRole('button', { name: /Arrived/ })
    .click();
  await expect(page).toHaveURL(/\/repair-orders\/[0-9a-f-]{36}$/);
  const after = await json(await api.get(`/api/appointments/${annAppointment.id}`));
  expect(after.status).toBe('arrived');
  expect(page.url()).toContain(after.repairOrderId);

  await api.dispose();
});
