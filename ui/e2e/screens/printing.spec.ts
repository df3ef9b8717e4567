import { startCaptureServer, type CaptureServer } from '../../../devices/escpos/index.js';
import { createCustomerWithVehicle, createRepairOrder } from '../support/arrange';
import { expect, expectAccessible, test } from '../support/fixtures';
import { json, ownerApi, OWNER_STATE } from '../support/owner';

/**
 * Label printing as the counter sees it, against a real network printer on 127.0.0.1 that decodes
 * what it receives: the key tag's preview, "Print", the job's real state, and what came out.
 * A printer that is off leaves the label queued and says so; it prints once the printer is back.
 */
test.use({ storageState: OWNER_STATE });
test.describe.configure({ timeout: 120_000 });

let printer: CaptureServer;
test.afterEach(async () => {
  await printer?.close();
});

test('print key tag from the RO: preview, queued, printed; the tag decodes to the RO and its QR', async ({
  page,
}) => {
  printer = await startCaptureServer();
  const api = await ownerApi();
  const run = String(Date.now()).slice(-6);
  const printerName = `Counter printer ${run}`;
  const device = await json<{ device: { id: string } }>(
    await api.post('/api/devices', { data: { kind: 'label-printer', name: printerName } }),
  );
  await json(
    await api.put(`/api/printers/${device.device.id}`, {
      data: { transport: 'tcp', host: printer.host, port: printer.port },
    }),
  );
  const ro = await createRepairOrder(api, await createCustomerWithVehicle(api, `Pat Lindqvist${run}`), [
    'Oil change',
  ]);

  await page.goto(`/repair-orders/${ro.id}`);
  await page.getByRole('button', { name: 'Print key tag' }).click();
  const dialog = page.getByRole('dialog', { name: 'Print key tag' });
  const preview = dialog.getByRole('img', { name: 'Preview of the label' });
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const choice = dialog.getByLabel('Printer');
  if (await choice.isVisible()) await choice.selectOption({ label: printerName });
  await expectAccessible(page, 'print key tag dialog');

  // The printer is off: the label waits, and the screen never says it printed.
  await printer.setMode('refuse');
  await dialog.getByRole('button', { name: 'Print', exact: true }).click();
  const status = dialog.getByTestId('print-status');
  await expect(status).toContainText('Not printed yet, will try again', { timeout: 20_000 });
  await expect(status).not.toHaveText('Printed');

  // Back on: the queue's next try prints it, once.
  await printer.setMode('print');
  await expect(status).toHaveText('Printed', { timeout: 30_000 });
  const [capture] = await printer.waitForCaptures(1);
  expect(capture!.decoded.text[0]).toBe(String(ro.number));
  expect(capture!.decoded.text).toContain(`Lindqvist${run}`);
  expect(capture!.decoded.qrCodes).toEqual([expect.stringMatching(new RegExp(`/repair-orders/${ro.id}$`))]);

  await dialog.getByRole('button', { name: 'Close' }).click();
  const jobs = page.getByTestId('print-job');
  await expect(jobs.first()).toHaveAttribute('data-status', 'printed');
  expect(printer.captures).toHaveLength(1);
});
