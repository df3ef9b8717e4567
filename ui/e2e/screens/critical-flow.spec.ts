import type { APIRequestContext, Page } from '@playwright/test';
import { devices } from '@playwright/test';
import { wallTimeAt } from '../../src/lib/calendar/zoned';
import { expect, expectAccessible, test } from '../support/fixtures';
import { json, OWNER_STATE, ownerApi } from '../support/owner';
import { drawSignature, liveSubscribed, rate } from '../support/trust';

/**
 * Issue 6's critical flow, end to end on three devices: the advisor books an appointment → the
 * car arrives and check-in opens the repair order → the technician clocks in, clocks on the job
 * and inspects the car → the customer approves the work from the link on their phone → the
 * technician completes the job (its stocked part leaves the shelf, the clock stops) → the advisor
 * invoices it and takes a split payment → the job is Paid → the owner's reports count it.
 */
test.use({ storageState: OWNER_STATE });
test.describe.configure({ timeout: 300_000 });

const PASSWORD = 'wrench-turner-1';
const TABLET = { width: 768, height: 1024 };
const { defaultBrowserType: _webkit, ...IPHONE_13 } = devices['iPhone 13'];
const INSPECTION_ITEMS = [
  'tires.lf',
  'tires.rf',
  'tires.lr',
  'tires.rr',
  'brakes.front-pads',
  'brakes.rear-pads',
  'brakes.fluid',
  'battery.voltage',
  'fluids.oil',
  'wipers.blades',
  'lights.exterior',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** `datetime-local` text of an instant on the shop's wall clock. */
function localInput(instantMs: number, timeZone: string): { date: string; value: string } {
  const w = wallTimeAt(instantMs, timeZone);
  const date = `${w.year}-${pad(w.month)}-${pad(w.day)}`;
  return { date, value: `${date}T${pad(w.hour)}:${pad(w.minute)}` };
}

function dollars(cents: number): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
}

interface Arranged {
  run: string;
  techEmail: string;
  technician: { id: string; name: string };
  customerName: string;
  customerId: string;
  plate: string;
  item: { id: string; sku: string };
}

async function arrange(api: APIRequestContext): Promise<Arranged> {
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const techEmail = `cf.${run}@e2e.shop`;
  const user = await json<{ id: string }>(
    await api.post('/api/users', {
      data: { name: `Cody Flow ${run}`, email: techEmail, role: 'technician', password: PASSWORD },
    }),
  );
  const technician = await json<{ id: string; name: string }>(
    await api.post('/api/technicians', {
      data: { name: `Cody ${run}`, userId: user.id, payRateCents: 3_500, payBasis: 'flat_rate' },
    }),
  );
  const customerName = `Flora Flow ${run}`;
  const customer = await json<{ id: string }>(
    await api.post('/api/customers', {
      data: {
        name: customerName,
        confirmDuplicate: true,
        contactInfo: { emails: [{ address: `flora.${run}@e2e.shop` }] },
        preferences: { contactChannel: 'email' },
      },
    }),
  );
  const plate = `CF${run.slice(-5).toUpperCase()}`;
  await json(
    await api.post('/api/vehicles', {
      data: { customerId: customer.id, year: 2017, make: 'Subaru', model: 'Outback', licensePlate: plate },
    }),
  );
  const sku = `CF-PAD-${run}`;
  const item = await json<{ id: string; sku: string }>(
    await api.post('/api/inventory/items', {
      data: {
        sku,
        name: `Front pad set ${run}`,
        quantityOnHand: 6,
        reorderLevel: 2,
        costPriceCents: 2_400,
        sellPriceCents: 5_995,
      },
    }),
  );
  return {
    run,
    techEmail,
    technician,
    customerName,
    customerId: customer.id,
    plate,
    item: { id: item.id, sku },
  };
}

async function signInTablet(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/my-jobs$/);
}

const jobIn = (page: Page, status: string, jobId: string) =>
  page.getByTestId(`my-section-${status}`).locator(`[data-testid="my-job"][data-job-id="${jobId}"]`);

test('booking → check-in → clock on → inspection → approval by link → parts issued → invoice → split payment → Paid → reports', async ({
  page,
  openContext,
}) => {
  const api = await ownerApi();
  const a = await arrange(api);
  const { timezone } = await json<{ timezone: string }>(await api.get('/api/settings'));

  // ---------------------------------------------------------------- 1. the advisor books it
  const startsAt = Date.now() + 30 * 60_000;
  const start = localInput(startsAt, timezone);
  const end = localInput(startsAt + 60 * 60_000, timezone);
  await page.goto(`/appointments?date=${start.date}`);
  await expect(page.getByRole('heading', { name: 'Appointments', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: /New appointment/ }).click();
  const booking = page.getByRole('dialog', { name: 'New appointment' });
  const search = booking.getByRole('combobox', { name: /Customer or vehicle/ });
  await search.fill(a.customerName);
  await expect(booking.getByRole('option', { name: new RegExp(a.customerName) })).toBeVisible();
  await search.press('Enter');
  await booking
    .getByLabel('Vehicle', { exact: true })
    .selectOption({ label: `2017 Subaru Outback · ${a.plate}` });
  await booking.getByLabel('Requested services').fill('Brakes grind when stopping');
  await booking.getByLabel(/^Starts/).fill(start.value);
  await booking.getByLabel(/^Ends/).fill(end.value);
  await booking.getByLabel('Technician').selectOption({ label: a.technician.name });
  await booking.getByRole('button', { name: 'Book appointment' }).click();
  await expect(booking).toBeHidden();

  // ---------------------------------------------------------------- 2. the car arrives: check-in
  await page.getByTestId('appointment').filter({ hasText: a.customerName }).click();
  await page
    .getByRole('dialog', { name: 'Appointment' })
    .getByRole('button', { name: /Arrived/ })
    .click();
  await expect(page).toHaveURL(/\/repair-orders\/[0-9a-f-]{36}$/);
  const roId = page.url().split('/').at(-1)!;
  const ro = await json<{
    number: number;
    jobs: { id: string; version: number; title: string; technician: { id: string } | null }[];
  }>(await api.get(`/api/repair-orders/${roId}`));
  expect(ro.jobs).toHaveLength(1);
  const job = ro.jobs[0]!;
  // The appointment's technician carries over, or the advisor assigns the job.
  if (job.technician?.id !== a.technician.id)
    await json(
      await api.patch(`/api/jobs/${job.id}`, {
        data: { version: job.version, technicianId: a.technician.id },
      }),
    );
  // The advisor writes the estimate: labor and the stocked pad set.
  await json(
    await api.post(`/api/jobs/${job.id}/lines`, {
      data: { kind: 'labor', description: 'Replace front pads', quantity: 1.5, unitPriceCents: 14_000 },
    }),
  );
  await json(
    await api.post(`/api/jobs/${job.id}/lines`, {
      data: {
        kind: 'part',
        description: 'Front pad set',
        quantity: 1,
        unitPriceCents: 5_995,
        inventoryItemId: a.item.id,
        partNumber: a.item.sku,
      },
    }),
  );

  // ---------------------------------------------------------------- 3. the technician's tablet
  const tablet = await (await openContext({ viewport: TABLET, hasTouch: true })).newPage();
  await signInTablet(tablet, a.techEmail);
  const bar = tablet.getByTestId('shift-bar');
  await bar.getByRole('button', { name: 'Clock in for the day' }).click();
  await expect(bar).toContainText('On shift');
  await jobIn(tablet, 'Pending', job.id)
    .getByRole('button', { name: /^Clock on/ })
    .click();
  const working = jobIn(tablet, 'In_Progress', job.id);
  await expect(working.getByTestId('clock-face')).toBeVisible();
  await expect(bar).toContainText(`Clocked on RO ${ro.number}`);
  await expectAccessible(tablet, 'my jobs, clocked on');

  await tablet.getByRole('button', { name: `Inspect RO ${ro.number}` }).click();
  await expect(tablet.getByRole('heading', { name: 'Multi-point inspection', level: 1 })).toBeVisible();
  await rate(tablet, 'brakes.front-pads', 'Now');
  for (const key of INSPECTION_ITEMS.filter((k) => k !== 'brakes.front-pads')) await rate(tablet, key, 'OK');
  await tablet.getByRole('button', { name: 'Complete inspection' }).click();
  await expect(tablet.getByTestId('inspection-status')).toHaveText('Completed');

  // ---------------------------------------------------------------- 4. estimate to the customer
  const advisorLive = liveSubscribed(page);
  await page.goto(`/repair-orders/${roId}`);
  await advisorLive;
  const approvalPanel = page.getByTestId('approval-panel');
  await approvalPanel.getByRole('button', { name: 'Send to customer' }).click();
  await approvalPanel.getByRole('button', { name: 'Send', exact: true }).click();
  const linkBox = approvalPanel.getByTestId('approval-link');
  await expect(linkBox).toHaveValue(/\/r\/[A-Za-z0-9_-]{43}$/);
  const link = await linkBox.inputValue();

  const phone = await (await openContext({ ...IPHONE_13 })).newPage();
  await phone.goto(new URL(link).pathname);
  await expect(phone.getByRole('heading', { name: 'Your estimate' })).toBeVisible();
  await phone.getByRole('group', { name: job.title }).getByText('Approve', { exact: true }).click();
  await phone.getByLabel('Your name').fill(a.customerName);
  await drawSignature(phone);
  await phone.getByRole('button', { name: 'Send my answer' }).click();
  await expect(phone.getByTestId('approval-thanks')).toBeVisible();
  await expect(approvalPanel.getByTestId('approval-state')).toContainText(`Answered by ${a.customerName}`);

  // ---------------------------------------------------------------- 5. work done: parts issued
  await tablet.goto('/my-jobs');
  await jobIn(tablet, 'In_Progress', job.id)
    .getByRole('button', { name: /^Complete/ })
    .click();
  // Completing asks for the cause and correction (the 3C's last two) when they are empty.
  const completeDialog = tablet.getByTestId('complete-job-dialog');
  await completeDialog.getByLabel('Cause (what was found)').fill('Front pads worn to 2 mm');
  await completeDialog.getByLabel('Correction (what was done)').fill('Replaced front pads');
  await completeDialog.getByRole('button', { name: 'Complete job' }).click();
  await expect(jobIn(tablet, 'Completed', job.id)).toBeVisible();
  await expect(bar).toContainText('Not clocked on a job.');
  const item = await json<{ quantityOnHand: number }>(await api.get(`/api/inventory/items/${a.item.id}`));
  expect(item.quantityOnHand).toBe(5);
  const movements = await json<{ items: { kind: string; quantity: number; jobId: string | null }[] }>(
    await api.get(`/api/inventory/items/${a.item.id}/movements`),
  );
  expect(movements.items.filter((m) => m.kind === 'issue')).toEqual([
    expect.objectContaining({ quantity: -1, jobId: job.id }),
  ]);
  const clock = await json<{ entries: { technicianId: string; running: boolean }[] }>(
    await api.get(`/api/jobs/${job.id}/clock`),
  );
  expect(clock.entries).toEqual([expect.objectContaining({ technicianId: a.technician.id, running: false })]);

  // ---------------------------------------------------------------- 6. invoice and split payment
  await expect(page.getByTestId('job-status')).toHaveText('Completed');
  const invoicePanel = page.getByTestId('invoice-panel');
  await invoicePanel.getByRole('button', { name: 'Create invoice' }).click();
  await expect(invoicePanel.getByTestId('invoice-status')).toHaveText('Open');
  const [invoice] = (
    await json<{ items: { id: string; number: number; totalCents: number }[] }>(
      await api.get(`/api/invoices?repairOrderId=${roId}`),
    )
  ).items;
  expect(invoice).toBeDefined();
  await invoicePanel.getByRole('button', { name: 'Take payment' }).click();
  const payment = page.getByRole('dialog', { name: `Take payment · invoice #${invoice!.number}` });
  const cash = payment.getByTestId('tender').nth(0);
  await cash.getByLabel('Amount').fill('50');
  await payment.getByRole('button', { name: 'Add tender (split)' }).click();
  const card = payment.getByTestId('tender').nth(1);
  await card.getByLabel('Terminal reference').fill(`CF-${a.run}`);
  await payment.getByRole('button', { name: 'Record payment' }).click();
  const rest = invoice!.totalCents - 5_000;
  await expect(card.getByTestId('tender-state')).toHaveText(`Recorded ${dollars(rest)} ✓`);
  await expect(payment.getByTestId('payment-balance')).toHaveText('$0.00');
  await payment.getByRole('button', { name: 'Done' }).click();

  // ---------------------------------------------------------------- 7. Paid
  await expect(invoicePanel.getByTestId('invoice-status')).toHaveText('Paid');
  await expect(page.getByTestId('job-status')).toHaveText('Paid');
  const closed = await json<{ status: string; jobs: { status: string }[] }>(
    await api.get(`/api/repair-orders/${roId}`),
  );
  expect(closed).toMatchObject({ status: 'closed', jobs: [{ status: 'Paid' }] });
  await expectAccessible(page, 'repair order paid');

  // ---------------------------------------------------------------- 8. the reports count it
  const today = localInput(Date.now(), timezone).date;
  await page.goto(`/reports?from=${today}&to=${today}&period=day`);
  const rosClosed = page.getByTestId('kpi-ros_closed');
  await expect(rosClosed.getByTestId('kpi-value')).not.toHaveText('0');
  await page.getByRole('button', { name: 'How is this counted' }).click();
  await expect(rosClosed.getByTestId('kpi-formula')).toBeVisible();
  await expect(page.getByTestId('kpi-aro').getByTestId('kpi-formula')).toContainText(
    'RO sales before tax ÷ ROs closed',
  );
  await expect(page.getByTestId('technicians-totals')).toContainText('Shop total');
  await expect(page.getByRole('row').filter({ hasText: a.technician.name })).toBeVisible();
  await expectAccessible(page, 'reports for today');
  const kpis = await json<{ metrics: { key: string; total: { value: number | null } }[] }>(
    await api.get(`/api/reports/kpis?from=${today}&to=${today}&period=day`),
  );
  const total = (key: string) => kpis.metrics.find((m) => m.key === key)?.total.value ?? 0;
  expect(total('ros_closed')).toBeGreaterThanOrEqual(1);
  expect(total('labor_sales')).toBeGreaterThanOrEqual(21_000);
  expect(total('parts_sales')).toBeGreaterThanOrEqual(5_995);
  expect(total('billed_hours')).toBeGreaterThanOrEqual(1.5);
  const technicians = await json<{
    technicians: { id: string; billedHours: number; clockedHours: number }[];
  }>(await api.get(`/api/reports/technicians?from=${today}&to=${today}`));
  expect(technicians.technicians.find((t) => t.id === a.technician.id)).toMatchObject({ billedHours: 1.5 });
  const eod = await json<{
    methods: { method: string; paymentsCents: number }[];
    cardPayments: { cardReference: string | null; amountCents: number }[];
  }>(await api.get(`/api/reports/end-of-day?date=${today}`));
  expect(eod.methods.find((m) => m.method === 'cash')!.paymentsCents).toBeGreaterThanOrEqual(5_000);
  expect(eod.cardPayments).toContainEqual(
    expect.objectContaining({ cardReference: `CF-${a.run}`, amountCents: rest }),
  );

  await api.dispose();
});
