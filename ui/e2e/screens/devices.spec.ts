import mqtt, { type MqttClient } from 'mqtt';
import { expect, expectAccessible, test } from '../support/fixtures';
import { json, OWNER_STATE, ownerApi } from '../support/owner';
import { E2E_MQTT_PORT } from '../support/server';

test.use({ storageState: OWNER_STATE });

interface Pairing {
  v: number;
  kind: string;
  deviceId: string;
  clientId: string;
  username: string;
  password: string;
  host: string;
  port: number;
  tlsPort: number | null;
  caSha256: string | null;
}

/** A device as firmware would run it: MQTT 3.1.1 with its own credentials and an `offline` last will. */
function connectDevice(pairing: Pairing): Promise<MqttClient> {
  const status = `ase/v1/${pairing.kind}/${pairing.deviceId}/status`;
  return mqtt.connectAsync(`mqtt://127.0.0.1:${pairing.port}`, {
    protocolVersion: 4,
    clientId: pairing.clientId,
    username: pairing.username,
    password: pairing.password,
    reconnectPeriod: 0, // a refused or dropped client stays down: the test asserts exactly that
    connectTimeout: 5_000,
    will: { topic: status, payload: Buffer.from('{"state":"offline"}'), qos: 1, retain: true },
  });
}

/**
 * Settings → Devices, the "pair a device in a minute": the owner pairs a bay sensor, reads
 * its credentials and QR code once, a real MQTT client connects to the app's own broker with them
 * and says it is online (the row turns online live), and revoking it drops the client at once.
 */
test('devices: pair a bay sensor, see it come online live, give it a new password, revoke it and it is cut off', async ({
  page,
  allowHttpError,
}) => {
  allowHttpError(409, '/api/devices/'); // the stale rename, on purpose
  const api = await ownerApi();
  const stamp = Date.now().toString(36).toUpperCase();
  const bay = await json<{ id: string; name: string }>(
    await api.post('/api/bays', { data: { name: `Lift ${stamp}` } }),
  );
  const name = `Bay sensor ${stamp}`;
  const clients: MqttClient[] = [];
  try {
    await page.goto('/settings/devices');
    await expect(page.getByRole('heading', { name: 'Devices', level: 2 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Devices' })).toHaveAttribute('aria-current', 'page');
    const broker = page.getByTestId('broker-status');
    await expect(broker).toContainText(`Listening on 127.0.0.1 port ${E2E_MQTT_PORT}`);

    // Pair: kind, name, bay; all by keyboard, Enter sends.
    await page.getByRole('button', { name: 'Add a device' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a device' });
    await expect(dialog.getByLabel('Kind')).toBeFocused();
    await dialog.getByLabel('Kind').selectOption('bay-sensor');
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Bay').selectOption({ label: bay.name });
    await expectAccessible(page, 'settings: add a device');
    await dialog.getByLabel('Name').press('Enter');

    // The credentials, once: as text and as a QR code of the pairing string.
    const shown = page.getByRole('dialog', { name: `Set up ${name}` });
    await expect(shown.getByTestId('credentials-once')).toContainText('The password will not be shown again');
    await expect(shown.getByRole('img', { name: `QR code of the pairing string for ${name}` })).toBeVisible();
    const pairing = JSON.parse(await shown.getByLabel(/^Pairing string/).inputValue()) as Pairing;
    expect(pairing).toMatchObject({ v: 1, kind: 'bay-sensor', port: E2E_MQTT_PORT });
    await expect(shown.getByLabel('Client id', { exact: true })).toHaveValue(pairing.clientId);
    await expect(shown.getByLabel('Username', { exact: true })).toHaveValue(pairing.username);
    await expect(shown.getByLabel('Password', { exact: true })).toHaveValue(pairing.password);
    await expect(shown.getByLabel('MQTT port', { exact: true })).toHaveValue(String(E2E_MQTT_PORT));
    expect(pairing.password.length).toBeGreaterThanOrEqual(24);
    await expectAccessible(page, 'settings: device credentials');
    await shown.getByRole('button', { name: 'Done' }).click();
    await expect(shown).toBeHidden();

    const row = page.getByRole('row').filter({ hasText: name });
    const state = row.getByTestId('device-state');
    await expect(state).toHaveText('Not connected yet');
    await expect(row).toContainText(bay.name);
    // Gone for good: neither the screen nor the API has the password once Done is pressed.
    expect(await page.content()).not.toContain(pairing.password);
    expect(JSON.stringify(await json(await api.get('/api/devices')))).not.toContain(pairing.password);
    await expectAccessible(page, 'settings: devices');

    // Rename it while someone else renames it too: the stale save is refused, their version is
    // reloaded into the form, and the next save goes through.
    await page.getByRole('button', { name: `Edit ${name}` }).click();
    const edit = page.getByRole('dialog', { name: new RegExp(`^Edit bay sensor ${name}`) });
    await expect(edit.getByLabel('Name')).toBeFocused();
    const listed = await json<{ items: { id: string; version: number }[] }>(await api.get('/api/devices'));
    const version = listed.items.find((d) => d.id === pairing.deviceId)!.version;
    await json(
      await api.patch(`/api/devices/${pairing.deviceId}`, { data: { name: `${name} (theirs)`, version } }),
    );
    await edit.getByLabel('Name').fill(`${name} (mine)`);
    await edit.getByLabel('Name').press('Enter');
    await expect(edit.getByRole('alert')).toContainText('Someone else changed this first.');
    await edit.getByRole('button', { name: 'Reload their version' }).click();
    await expect(edit.getByLabel('Name')).toHaveValue(`${name} (theirs)`);
    const renamed = `${name} renamed`;
    await edit.getByLabel('Name').fill(renamed);
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    await expect(row.getByRole('rowheader')).toContainText(renamed);
    await expect(row).toContainText(bay.name);

    // A real device: connects with those credentials and reports itself online.
    const device = await connectDevice(pairing);
    clients.push(device);
    await device.publishAsync(
      `ase/v1/bay-sensor/${pairing.deviceId}/status`,
      JSON.stringify({ state: 'online', firmware: '1.4.2', model: 'ESP32-C3' }),
      { qos: 1, retain: true },
    );
    await expect(state).toHaveText('Online'); // live: the page is not reloaded
    await expect(row).toContainText('ESP32-C3 · fw 1.4.2');

    // A message ASE cannot use is counted and shown with its reason, live; the device stays online.
    await device.publishAsync(`ase/v1/bay-sensor/${pairing.deviceId}/occupancy`, '{"event":"in"', { qos: 1 });
    await expect(row.getByTestId('device-bad-messages')).toContainText('1 bad message');
    await expect(row.getByTestId('device-bad-messages')).toContainText(/Last: .*JSON/i);
    await expect(state).toHaveText('Online');

    // A new password: confirmed, shown once; the old one stops working and its client is dropped.
    const dropped = new Promise<void>((resolve) => device.once('close', () => resolve()));
    await page.getByRole('button', { name: `New password for ${renamed}` }).click();
    await page
      .getByRole('dialog', { name: `New password for ${renamed}?` })
      .getByRole('button', { name: 'Make a new password' })
      .click();
    const renewed = page.getByRole('dialog', { name: `New credentials for ${renamed}` });
    await expect(renewed.getByTestId('credentials-once')).toContainText(
      'The password will not be shown again',
    );
    const fresh = JSON.parse(await renewed.getByLabel(/^Pairing string/).inputValue()) as Pairing;
    expect(fresh.deviceId).toBe(pairing.deviceId);
    expect(fresh.password).not.toBe(pairing.password);
    await renewed.getByRole('button', { name: 'Done' }).click();
    await dropped;
    await expect(connectDevice(pairing)).rejects.toThrow(/not authori[sz]ed|bad user ?name or password/i);
    const again = await connectDevice(fresh);
    clients.push(again);
    await again.publishAsync(
      `ase/v1/bay-sensor/${pairing.deviceId}/status`,
      JSON.stringify({ state: 'online' }),
      {
        qos: 1,
        retain: true,
      },
    );
    await expect(state).toHaveText('Online');

    // Revoke: confirmed, said to be final; the row stays, revoked, and the client is cut off.
    const closed = new Promise<void>((resolve) => again.once('close', () => resolve()));
    await page.getByRole('button', { name: `Revoke ${renamed}` }).click();
    const confirm = page.getByRole('dialog', { name: `Revoke ${renamed}?` });
    await expect(confirm).toContainText('This cannot be undone');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await expect(state).toHaveText('Revoked');
    await expect(row.getByRole('button', { name: `Revoke ${renamed}` })).toHaveCount(0);
    await closed;
    expect(again.connected).toBe(false);
    await expect(page.getByRole('status').filter({ hasText: 'is revoked and disconnected' })).toBeVisible();

    // And it stays out: the same credentials are refused.
    await expect(connectDevice(fresh)).rejects.toThrow(/not authori[sz]ed|bad user ?name or password/i);
  } finally {
    await Promise.all(clients.map((client) => client.endAsync(true)));
    await api.dispose();
  }
});

/**
 * A label printer is paired and its address saved by a second request (the printing module): when
 * that one is refused, the dialog says the printer exists without an address, keeps its credentials
 * in view and offers to fix the address and try again.
 */
test('devices: a label printer whose address is refused is still paired, and the address saved on retry', async ({
  page,
  allowHttpError,
}) => {
  allowHttpError(400, '/api/printers/'); // the refused address, on purpose
  const api = await ownerApi();
  const name = `Counter printer ${Date.now().toString(36).toUpperCase()}`;
  try {
    await page.goto('/settings/devices');
    await page.getByRole('button', { name: 'Add a device' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a device' });
    await dialog.getByLabel('Kind').selectOption('label-printer');
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    await dialog.getByLabel('IP address or name').fill('front_desk'); // an underscore: no valid host name
    await dialog.getByRole('button', { name: 'Add and show credentials' }).click();

    const shown = page.getByRole('dialog', { name: `Set up ${name}` });
    const failed = shown.getByTestId('printer-address-failed');
    await expect(failed).toContainText(`${name} was added, but its printer address was not saved.`);
    await expect(failed).toContainText('Check the address');
    await expect(shown.getByTestId('credentials-once')).toBeVisible();
    await expectAccessible(page, 'settings: printer address refused');

    await failed.getByLabel('IP address or name').fill('127.0.0.1');
    await failed.getByLabel('Port', { exact: true }).fill('9101');
    await failed.getByRole('button', { name: 'Try again' }).click();
    await expect(shown.getByTestId('printer-address-saved')).toHaveText(
      'Printer address saved: 127.0.0.1 port 9101.',
    );
    await shown.getByRole('button', { name: 'Done' }).click();

    const printers = await json<{ name: string; host: string; port: number }[]>(
      await api.get('/api/printers'),
    );
    expect(printers.find((p) => p.name === name)).toMatchObject({ host: '127.0.0.1', port: 9101 });
    await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Label printer');
  } finally {
    await api.dispose();
  }
});

/**
 * A kiosk (issue 18), by keyboard: added as a device, its dialog offers "Pair a tablet" (no MQTT
 * credentials up front): a code 4-4 and a QR code of the pairing address with a countdown; the
 * tablet pairs with that code and the dialog says so live. Later, from its row, the key tags' label
 * printer is picked.
 */
test('devices: add a kiosk, pair its tablet with the code on screen, see it paired live, and pick its label printer', async ({
  page,
}) => {
  const api = await ownerApi();
  const stamp = Date.now().toString(36).toUpperCase();
  const name = `Door kiosk ${stamp}`;
  const printerName = `Key tags ${stamp}`;
  try {
    await json(await api.post('/api/devices', { data: { kind: 'label-printer', name: printerName } }));
    await page.goto('/settings/devices');
    await page.getByRole('button', { name: 'Add a device' }).click();
    const add = page.getByRole('dialog', { name: 'Add a device' });
    await add.getByLabel('Kind').selectOption('kiosk');
    await add.getByLabel('Name').fill(name);
    await add.getByLabel('Name').press('Enter');

    const dialog = page.getByRole('dialog', { name: `Set up ${name}` });
    await expect(dialog.getByTestId('kiosk-paired')).toHaveText('No tablet is paired yet.');
    await expect(dialog.getByTestId('credentials-once')).toBeHidden(); // folded away: a tablet needs none
    // Enter makes the code: the button has the focus once the kiosk's state is in.
    await expect(dialog.getByRole('button', { name: 'Pair a tablet' })).toBeFocused();
    await page.keyboard.press('Enter');

    const shown = dialog.getByTestId('kiosk-code');
    await expect(shown).toHaveText(/^\d{4} \d{4}$/);
    const code = (await shown.innerText()).replace(' ', '');
    await expect(dialog.getByRole('img', { name: "QR code of the kiosk's pairing address" })).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Pairing address' })).toHaveValue(
      new RegExp(`/kiosk\\?pair=${code}$`),
    );
    await expect(dialog.getByTestId('kiosk-code-countdown')).toHaveText(/^(10:00|9:[0-5]\d)$/);
    await expectAccessible(page, 'settings: kiosk pairing code');

    // The tablet at the door uses the code: the owner's dialog says so without a reload.
    const paired = await json<{ token: string }>(await api.post('/api/kiosk/pair', { data: { code } }));
    expect(paired.token).toMatch(/^kk_/);
    await expect(dialog.getByTestId('kiosk-paired')).toContainText('Paired.');
    await expect(shown).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Done' }).click();

    // From its row: paired, and its key tags go to the label printer picked here.
    await page.getByRole('button', { name: `Pair a tablet for ${name}` }).click();
    const kiosk = page.getByRole('dialog', { name: `${name}: tablet and key tags` });
    await expect(kiosk.getByTestId('kiosk-paired')).toContainText('A tablet is paired (since');
    await expect(kiosk.getByRole('button', { name: 'Pair a new tablet' })).toBeFocused();
    await kiosk.getByLabel('Label printer').selectOption({ label: printerName });
    await kiosk.getByRole('button', { name: 'Save printer' }).click();
    await expect(kiosk.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(
      `Saved: key tags from this kiosk print on ${printerName}.`,
    );
    const self = await json<{ hasLabelPrinter: boolean; name: string }>(
      await api.get('/api/kiosk/self', { headers: { authorization: `Bearer ${paired.token}` } }),
    );
    expect(self).toMatchObject({ name, hasLabelPrinter: true });
  } finally {
    await api.dispose();
  }
});
