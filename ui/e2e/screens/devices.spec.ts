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
test('devices: pair a bay sensor, see it come online live, revoke it and it is cut off', async ({ page }) => {
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

    // Revoke: confirmed, said to be final; the row stays, revoked, and the client is cut off.
    const closed = new Promise<void>((resolve) => device.once('close', () => resolve()));
    await page.getByRole('button', { name: `Revoke ${name}` }).click();
    const confirm = page.getByRole('dialog', { name: `Revoke ${name}?` });
    await expect(confirm).toContainText('This cannot be undone');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await expect(state).toHaveText('Revoked');
    await expect(row.getByRole('button', { name: `Revoke ${name}` })).toHaveCount(0);
    await closed;
    expect(device.connected).toBe(false);
    await expect(page.getByRole('status').filter({ hasText: 'is revoked and disconnected' })).toBeVisible();

    // And it stays out: the same credentials are refused.
    await expect(connectDevice(pairing)).rejects.toThrow(/not authori[sz]ed|bad user ?name or password/i);
  } finally {
    await Promise.all(clients.map((client) => client.endAsync(true)));
    await api.dispose();
  }
});
