import type { APIRequestContext } from '@playwright/test';
import { expect, expectAccessible, test } from '../support/fixtures';
import { json, OWNER_STATE, ownerApi } from '../support/owner';
import { createCustomerWithVehicle, createRepairOrder } from '../support/arrange';

/**
 * Issue 6 at the counter: an RO with approved work → "Create invoice" is refused while the job is
 * not completed (naming it) → the job completes → the invoice is created in the RO editor → a
 * split payment ($100 cash with change due + the rest by card with a terminal reference), sent by
 * a double click that records each tender once → invoice Paid, jobs Paid → the print page →
 * voiding a payment with a reason; every screen state checked with axe.
 */
test.use({ storageState: OWNER_STATE });
test.describe.configure({ timeout: 180_000 });

interface Invoice {
  id: string;
  number: number;
  status: string;
  totalCents: number;
  balanceCents: number;
  payments: {
    id: string;
    method: string;
    amountCents: number;
    status: string;
    cardReference: string | null;
  }[];
}

async function invoicesOf(api: APIRequestContext, repairOrderId: string): Promise<Invoice[]> {
  return (
    await json<{ items: Invoice[] }>(await api.get(`/api/invoices?repairOrderId=${repairOrderId}&limit=20`))
  ).items;
}

async function moveJob(api: APIRequestContext, jobId: string, status: string): Promise<void> {
  const job = await json<{ version: number }>(await api.get(`/api/jobs/${jobId}`));
  await json(await api.post(`/api/jobs/${jobId}/status`, { data: { status, version: job.version } }));
}

function dollars(cents: number): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
}

test('invoice from the RO editor, split payment recorded once, Paid, print page, void a payment', async ({
  page,
  allowHttpError,
}) => {
  const api = await ownerApi();
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

  // ---------------------------------------------------------------- arrange through the API
  const ids = await createCustomerWithVehicle(api, `Bea Billing ${run}`);
  const ro = await createRepairOrder(api, ids, [`Brakes squeal ${run}`]);
  const job = ro.jobs[0]!;
  const labor = await json<{ id: string }>(
    await api.post(`/api/jobs/${job.id}/lines`, {
      data: {
        kind: 'labor',
        description: 'Replace front pads',
        quantity: 1.5,
        unitPriceCents: 12_000,
        taxable: false,
      },
    }),
  );
  const part = await json<{ id: string }>(
    await api.post(`/api/jobs/${job.id}/lines`, {
      data: {
        kind: 'part',
        description: 'Brake pad set',
        partNumber: 'BP-1',
        quantity: 2,
        unitPriceCents: 4_550,
      },
    }),
  );
  await json(
    await api.post(`/api/repair-orders/${ro.id}/approvals`, {
      data: {
        method: 'in_person',
        approvedBy: 'Bea Billing',
        decisions: [
          { lineId: labor.id, state: 'approved' },
          { lineId: part.id, state: 'approved' },
        ],
      },
    }),
  );
  await moveJob(api, job.id, 'In_Progress');

  // ---------------------------------------------------------------- refused: job not completed
  await page.goto(`/repair-orders/${ro.id}`);
  const panel = page.getByTestId('invoice-panel');
  await expect(panel.getByRole('button', { name: 'Create invoice' })).toBeVisible();
  await expectAccessible(page, 'RO editor with the invoice panel');
  allowHttpError(409, '/api/invoices');
  await panel.getByRole('button', { name: 'Create invoice' }).click();
  await expect(panel.getByRole('alert')).toContainText('must be Completed');
  await expect(panel.getByTestId('unfinished-jobs')).toContainText(job.title);
  expect(await invoicesOf(api, ro.id)).toEqual([]);

  // ---------------------------------------------------------------- completed → invoice created in the UI
  await moveJob(api, job.id, 'Completed');
  await expect(page.getByTestId('job-status')).toHaveText('Completed');
  await panel.getByRole('button', { name: 'Create invoice' }).click();
  await expect(panel.getByTestId('invoice-status')).toHaveText('Open');
  const [issued] = await invoicesOf(api, ro.id);
  expect(issued).toBeDefined();
  await expect(panel.getByTestId('invoice-link')).toHaveText(`Invoice #${issued!.number}`);
  await expect(panel.getByTestId('invoice-panel-balance')).toHaveText(dollars(issued!.totalCents));
  await expectAccessible(page, 'RO editor with an issued invoice');

  // ---------------------------------------------------------------- split payment: $100 cash + the rest by card
  await panel.getByRole('button', { name: 'Take payment' }).click();
  const dialog = page.getByRole('dialog', { name: `Take payment · invoice #${issued!.number}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Method')).toBeFocused();
  const cash = dialog.getByTestId('tender').nth(0);
  await expect(cash.getByLabel('Amount')).toHaveValue((issued!.totalCents / 100).toFixed(2));
  await cash.getByLabel('Amount').fill('100');
  await cash.getByLabel('Cash received').fill('120');
  await expect(cash.getByTestId('change-due')).toHaveText('$20.00');
  await dialog.getByRole('button', { name: 'Add tender (split)' }).click();
  const card = dialog.getByTestId('tender').nth(1);
  await expect(card.getByLabel('Method')).toHaveValue('card');
  await expect(card.getByLabel('Amount')).toHaveAttribute('placeholder', 'Rest of balance');
  // Without the terminal reference the card tender is refused before anything is sent.
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(card.getByText('The card terminal reference is required')).toBeVisible();
  expect((await invoicesOf(api, ro.id))[0]!.payments).toEqual([]);
  await card.getByLabel('Terminal reference').fill(`T-${run}`);
  await expectAccessible(page, 'payment dialog with two tenders');

  // A double click sends once: each tender is its own payment, recorded exactly once.
  await dialog.getByRole('button', { name: 'Record payment' }).dblclick();
  await expect(cash.getByTestId('tender-state')).toHaveText('Recorded $100.00 ✓');
  const rest = issued!.totalCents - 10_000;
  await expect(card.getByTestId('tender-state')).toHaveText(`Recorded ${dollars(rest)} ✓`);
  await expect(dialog.getByTestId('payment-balance')).toHaveText('$0.00');
  const paid = (await invoicesOf(api, ro.id))[0]!;
  expect(paid.status).toBe('paid');
  expect(paid.payments.map((p) => [p.method, p.amountCents, p.cardReference])).toEqual([
    ['cash', 10_000, null],
    ['card', rest, `T-${run}`],
  ]);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // Invoice Paid, and its job Paid (the only way to Paid).
  await expect(panel.getByTestId('invoice-status')).toHaveText('Paid');
  await expect(page.getByTestId('job-status')).toHaveText('Paid');
  const closedRo = await json<{ status: string; jobs: { status: string }[] }>(
    await api.get(`/api/repair-orders/${ro.id}`),
  );
  expect(closedRo.jobs.map((j) => j.status)).toEqual(['Paid']);

  // ---------------------------------------------------------------- the invoice page and the print page
  await panel.getByRole('link', { name: 'Open invoice' }).click();
  await expect(page.getByRole('heading', { name: `Invoice #${issued!.number}`, level: 1 })).toBeVisible();
  await expect(page.getByTestId('invoice-status')).toHaveText('Paid');
  await expect(page.getByTestId('invoice-total')).toHaveText(dollars(issued!.totalCents));
  await expect(page.getByTestId('invoice-balance')).toHaveText('$0.00');
  await expect(page.getByTestId('payment-row')).toHaveCount(2);
  await expect(page.getByTestId('invoice-job')).toContainText('Brake pad set');
  // Who took each payment, named by the server.
  const { user: me } = await json<{ user: { name: string } }>(await api.get('/api/auth/me'));
  await expect(page.getByTestId('payment-received-by')).toHaveText([me.name, me.name]);
  await expectAccessible(page, 'invoice page (paid)');

  await page.getByRole('link', { name: 'Print' }).click();
  await expect(page).toHaveURL(new RegExp(`/print/invoices/${issued!.id}$`));
  await expect(page.getByRole('heading', { name: `Invoice ${issued!.number}` })).toBeVisible();
  await expect(page.getByText('Bea Billing')).toBeVisible();
  await expect(page.getByText(`Card · ref T-${run}`)).toBeVisible();
  await expect(page.getByTestId('print-status')).toHaveText('Paid');
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expectAccessible(page, 'print page');
  await page.getByRole('link', { name: 'Back to invoice' }).click();

  // ---------------------------------------------------------------- void the card payment with a reason
  await expect(page.getByTestId('payment-row')).toHaveCount(2);
  const cardRow = page.getByTestId('payment-row').filter({ hasText: `T-${run}` });
  await cardRow.getByRole('button', { name: /^Void/ }).click();
  const voidDialog = page.getByRole('dialog', { name: 'Void payment' });
  await expect(voidDialog.getByLabel('Reason')).toBeFocused();
  await voidDialog.getByRole('button', { name: 'Void payment' }).click();
  await expect(voidDialog.getByText('A reason is required')).toBeVisible();
  await expectAccessible(page, 'void payment dialog');
  await voidDialog.getByLabel('Reason').fill('Terminal declined after all');
  await voidDialog.getByLabel('Reason').press('Enter');
  await expect(voidDialog).toBeHidden();
  await expect(cardRow).toContainText('Void');
  await expect(cardRow).toContainText('Terminal declined after all');
  await expect(page.getByTestId('invoice-status')).toHaveText('Open');
  await expect(page.getByTestId('invoice-balance')).toHaveText(dollars(rest));
  const afterVoid = (await invoicesOf(api, ro.id))[0]!;
  expect(afterVoid.payments.map((p) => p.status)).toEqual(['recorded', 'void']);

  // ---------------------------------------------------------------- list and aging
  await page.goto('/invoices');
  await expect(page.getByRole('link', { name: `#${issued!.number}`, exact: true })).toBeVisible();
  await expectAccessible(page, 'invoice list');
  await page.getByRole('link', { name: 'Accounts receivable aging' }).click();
  await expect(page.getByRole('heading', { name: 'Accounts receivable', level: 1 })).toBeVisible();
  const agingRow = page.getByTestId('aging-invoice').filter({
    has: page.getByRole('link', { name: `#${issued!.number}`, exact: true }),
  });
  await expect(agingRow).toContainText(`Bea Billing ${run}`);
  await expect(agingRow).toContainText(dollars(rest));
  await expectAccessible(page, 'accounts receivable');

  // Paid at another counter: the aging page follows live (invoiceChanged on the board topic).
  await json(
    await api.post(`/api/invoices/${issued!.id}/payments`, {
      data: { method: 'cash', amountCents: rest },
      headers: { 'Idempotency-Key': `e2e-rest-${run}` },
    }),
  );
  await expect(agingRow).toHaveCount(0);
  await api.dispose();
});

test('a deposit taken on the open RO is applied when the invoice is created', async ({ page }) => {
  const api = await ownerApi();
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const ids = await createCustomerWithVehicle(api, `Dora Deposit ${run}`);
  const ro = await createRepairOrder(api, ids, [`Timing belt ${run}`]);
  const job = ro.jobs[0]!;
  const line = await json<{ id: string }>(
    await api.post(`/api/jobs/${job.id}/lines`, {
      data: {
        kind: 'labor',
        description: 'Timing belt',
        quantity: 3,
        unitPriceCents: 12_000,
        taxable: false,
      },
    }),
  );
  await json(
    await api.post(`/api/repair-orders/${ro.id}/approvals`, {
      data: { method: 'in_person', approvedBy: 'Dora', decisions: [{ lineId: line.id, state: 'approved' }] },
    }),
  );

  await page.goto(`/repair-orders/${ro.id}`);
  const panel = page.getByTestId('invoice-panel');
  await panel.getByRole('button', { name: 'Take deposit' }).click();
  const dialog = page.getByRole('dialog', { name: `Take deposit · RO #${ro.number}` });
  const tender = dialog.getByTestId('tender').nth(0);
  await tender.getByLabel('Method').selectOption('check');
  await tender.getByLabel('Amount').fill('50');
  await tender.getByLabel('Check number').fill('1042');
  await tender.getByLabel('Check number').press('Enter');
  await expect(tender.getByTestId('tender-state')).toHaveText('Recorded $50.00 ✓');
  await dialog.getByRole('button', { name: 'Done' }).click();
  const deposits = panel.getByTestId('deposits');
  await expect(deposits.getByText('$50.00 · Check #1042')).toBeVisible();

  // The list is the server's: it survives a reload, and a deposit taken elsewhere shows up live.
  await page.reload();
  await expect(deposits.getByText('$50.00 · Check #1042')).toBeVisible();
  await json(
    await api.post(`/api/repair-orders/${ro.id}/deposits`, {
      data: { method: 'cash', amountCents: 2_000 },
      headers: { 'Idempotency-Key': `e2e-deposit-${run}` },
    }),
  );
  await expect(deposits.getByText('$20.00 · Cash')).toBeVisible();
  await expectAccessible(page, 'RO editor with deposits');

  await moveJob(api, job.id, 'In_Progress');
  await moveJob(api, job.id, 'Completed');
  await expect(page.getByTestId('job-status')).toHaveText('Completed');
  await panel.getByRole('button', { name: 'Create invoice' }).click();
  await expect(panel.getByTestId('invoice-status')).toHaveText('Open');
  const [invoice] = await invoicesOf(api, ro.id);
  expect(invoice!.payments.map((p) => [p.method, p.amountCents])).toEqual([
    ['check', 5_000],
    ['cash', 2_000],
  ]);
  await expect(panel.getByTestId('invoice-panel-balance')).toHaveText(dollars(invoice!.balanceCents));
  expect(invoice!.balanceCents).toBe(invoice!.totalCents - 7_000);
  await expect(deposits).toHaveCount(0);
  await api.dispose();
});
