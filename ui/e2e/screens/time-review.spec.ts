import type { APIRequestContext, Page } from '@playwright/test';
import { expect, expectAccessible, test } from '../support/fixtures';
import { createCustomerWithVehicle, createRepairOrder } from '../support/arrange';
import { json, OWNER_STATE, ownerApi } from '../support/owner';
import { addDays, dateAt, instantOnDate } from '../../src/lib/calendar/zoned';

test.use({ storageState: OWNER_STATE });

interface Entry {
  id: string;
  startedAt: string;
  endedAt: string | null;
  version: number;
}
interface Shift {
  id: string;
  clockInAt: string;
  clockOutAt: string | null;
  version: number;
}

interface Arranged {
  day: string;
  at: (hour: number, minute?: number) => string;
  technician: { id: string; name: string };
  ro: { number: number; jobs: { id: string; title: string }[] };
  shift: Shift;
  entry: Entry;
}

/**
 * A technician who clocked in, on a job, off it and out (through the API, as the owner does for a
 * technician without an account), then moved by correction to YESTERDAY on the shop's clock:
 * shift 8:00 AM–4:30 PM, job 9:00–10:00 AM. Yesterday, because a correction may not end in the
 * future and today's morning may not have happened yet when the test runs.
 */
async function arrange(api: APIRequestContext): Promise<Arranged> {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const { timezone } = await json<{ timezone: string }>(await api.get('/api/settings'));
  const day = addDays(dateAt(Date.now(), timezone), -1);
  const at = (hour: number, minute = 0) => new Date(instantOnDate(day, hour, minute, timezone)).toISOString();

  const technician = await json<{ id: string; name: string }>(
    await api.post('/api/technicians', { data: { name: `Rita Review ${stamp}` } }),
  );
  const ro = await createRepairOrder(api, await createCustomerWithVehicle(api, `Tom Time ${stamp}`), [
    `Brake pads ${stamp}`,
  ]);
  const job = ro.jobs[0]!;
  const who = { data: { technicianId: technician.id } };
  await json(await api.post('/api/timeclock/shifts/clock-in', who));
  await json(await api.post(`/api/jobs/${job.id}/clock/on`, who));
  await json(await api.post(`/api/jobs/${job.id}/clock/off`, who));
  const out = await json<{ shift: Shift }>(await api.post('/api/timeclock/shifts/clock-out', who));

  const shift = await json<Shift>(
    await api.patch(`/api/timeclock/shifts/${out.shift.id}`, {
      data: {
        version: out.shift.version,
        clockInAt: at(8),
        clockOutAt: at(16, 30),
        reason: 'e2e: yesterday',
      },
    }),
  );
  const listed = await json<{ items: Entry[] }>(
    await api.get('/api/timeclock/entries', { params: { technicianId: technician.id } }),
  );
  const clocked = listed.items[0]!;
  const entry = await json<Entry>(
    await api.patch(`/api/timeclock/entries/${clocked.id}`, {
      data: { version: clocked.version, startedAt: at(9), endedAt: at(10), reason: 'e2e: yesterday' },
    }),
  );
  return { day, at, technician, ro, shift, entry };
}

const sectionOf = (page: Page, name: string) => page.getByTestId('tech-day').filter({ hasText: name });

test('time review: the counter sees a day of shifts and job clocks per technician and corrects an entry', async ({
  page,
  allowHttpError,
}) => {
  const api = await ownerApi();
  const { day, at, technician, ro, shift, entry } = await arrange(api);
  const job = ro.jobs[0]!;

  // The nav leads there; the day comes from the address.
  await page.goto(`/time?date=${day}`);
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Time', exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Time', level: 1, exact: true })).toBeVisible();
  const section = sectionOf(page, technician.name);
  await expect(section.getByRole('heading', { name: technician.name })).toBeVisible();

  const shiftRow = section.locator(`[data-testid="shift-row"][data-id="${shift.id}"]`);
  await expect(shiftRow.getByTestId('start')).toHaveText('8:00 AM');
  await expect(shiftRow.getByTestId('end')).toHaveText('4:30 PM');
  await expect(shiftRow.getByTestId('length')).toHaveText('8 h 30 min');
  const entryRow = section.locator(`[data-testid="entry-row"][data-id="${entry.id}"]`);
  await expect(entryRow).toContainText(`RO #${ro.number} · ${job.title}`);
  await expect(entryRow.getByTestId('start')).toHaveText('9:00 AM');
  await expect(entryRow.getByTestId('end')).toHaveText('10:00 AM');
  await expect(entryRow.getByTestId('length')).toHaveText('1 h');
  // 1 h on jobs of 8.5 h on shift: 12 %.
  await expect(section.getByTestId('tech-totals')).toHaveText(
    'On shift 8 h 30 min · On jobs 1 h · Productivity 12 % (on jobs ÷ on shift)',
  );
  await expectAccessible(page, 'time review');

  // Correct the entry's end. Without a reason the server refuses, and says so at the field.
  allowHttpError(400, '/api/timeclock/entries/');
  await entryRow.getByRole('button', { name: 'Correct' }).click();
  const dialog = page.getByRole('dialog', { name: 'Correct job clock' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('End')).toBeFocused();
  await dialog.getByLabel('End').fill(`${day}T11:15`);
  await dialog.getByLabel('Reason').press('Enter');
  await expect(dialog.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Reason')).toHaveAccessibleDescription('must not be empty');
  await expect(entryRow.getByTestId('end')).toHaveText('10:00 AM');
  await expectAccessible(page, 'time review: correction form with an error');

  await dialog.getByLabel('Reason').fill('Forgot to clock off after the road test');
  await dialog.getByLabel('Reason').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(entryRow.getByTestId('end')).toHaveText('11:15 AM');
  await expect(entryRow.getByTestId('length')).toHaveText('2 h 15 min');
  await expect(section.getByTestId('tech-totals')).toContainText('On jobs 2 h 15 min');
  await expect(page.getByTestId('time-status')).toHaveText(
    `Corrected ${technician.name} · RO #${ro.number} · ${job.title}: end 10:00 AM → 11:15 AM.`,
  );
  // The focus goes back to the row it came from.
  await expect(entryRow.getByRole('button', { name: 'Correct' })).toBeFocused();
  // The server stored it (the screen did not just repaint).
  const stored = await json<{ items: Entry[] }>(
    await api.get('/api/timeclock/entries', { params: { technicianId: technician.id } }),
  );
  expect(stored.items.find((e) => e.id === entry.id)?.endedAt).toBe(at(11, 15));

  // Esc cancels without saving.
  await shiftRow.getByRole('button', { name: 'Correct' }).click();
  const shiftDialog = page.getByRole('dialog', { name: 'Correct shift' });
  await expect(shiftDialog).toBeVisible();
  await expectAccessible(page, 'time review: correction form');
  await shiftDialog.getByLabel('End').fill(`${day}T17:00`);
  await page.keyboard.press('Escape');
  await expect(shiftDialog).toBeHidden();
  await expect(shiftRow.getByTestId('end')).toHaveText('4:30 PM');

  // Someone else corrects the shift while the form is open: a 409 offers their version.
  allowHttpError(409, '/api/timeclock/shifts/');
  await shiftRow.getByRole('button', { name: 'Correct' }).click();
  await expect(shiftDialog).toBeVisible();
  await json(
    await api.patch(`/api/timeclock/shifts/${shift.id}`, {
      data: { version: shift.version, clockOutAt: at(16, 45), reason: 'e2e: the other counter' },
    }),
  );
  await shiftDialog.getByLabel('End').fill(`${day}T17:00`);
  await shiftDialog.getByLabel('Reason').fill('Stayed late for a comeback');
  await shiftDialog.getByLabel('Reason').press('Enter');
  await expect(shiftDialog.getByRole('alert')).toContainText('Someone else changed this first.');
  await shiftDialog.getByRole('button', { name: 'Reload their version' }).click();
  await expect(shiftDialog.getByLabel('End')).toHaveValue(`${day}T16:45`);
  await expect(shiftDialog.getByLabel('Reason')).toHaveValue('Stayed late for a comeback');
  // Enter in a time field saves as well.
  await shiftDialog.getByLabel('End').fill(`${day}T17:00`);
  await shiftDialog.getByLabel('End').press('Enter');
  await expect(shiftDialog).toBeHidden();
  await expect(shiftRow.getByTestId('end')).toHaveText('5:00 PM');
  // Said against their version, the one the form showed when saved.
  await expect(page.getByTestId('time-status')).toHaveText(
    `Corrected ${technician.name} · shift: end 4:45 PM → 5:00 PM.`,
  );
  await expect(section.getByTestId('tech-totals')).toContainText('On shift 9 h');

  // Day and technician live in the address; the next day (today) has nothing for this technician.
  await page.getByLabel('Technician', { exact: true }).selectOption(technician.id);
  await expect(page).toHaveURL(new RegExp(`date=${day}&technician=${technician.id}`));
  await page.getByRole('button', { name: 'Next day' }).click();
  await expect(page).toHaveURL(new RegExp(`date=${addDays(day, 1)}`));
  await expect(page.getByText('No one clocked in on this day.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Technician', { exact: true })).toHaveValue(technician.id);
  await expect(page.getByText('No one clocked in on this day.')).toBeVisible();
  await page.getByRole('button', { name: 'Previous day' }).click();
  await expect(sectionOf(page, technician.name).getByTestId('entry-row')).toHaveCount(1);
  await expect(page.getByTestId('tech-day')).toHaveCount(1);
  await api.dispose();
});
