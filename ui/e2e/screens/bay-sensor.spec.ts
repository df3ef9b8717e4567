import mqtt from 'mqtt';
import { expect, test } from '../support/fixtures';
import { json, OWNER_STATE, ownerApi } from '../support/owner';

test.use({ storageState: OWNER_STATE });

interface Pairing {
  deviceId: string;
  clientId: string;
  username: string;
  password: string;
  port: number;
}

/**
 * The "a bay sensor event moves the bay TV card live": a real MQTT client paired as the
 * bay's sensor reports a car in; the TV (display token, no sign-in) shows it without a reload, and
 * says "Sensor offline" when the sensor drops.
 */
test('bay sensor: a car in moves the bay TV card live; an offline sensor shows', async ({ openContext }) => {
  const api = await ownerApi();
  const stamp = Date.now().toString(36).toUpperCase();
  const bay = await json<{ id: string; name: string }>(
    await api.post('/api/bays', { data: { name: `Sensor ${stamp}` } }),
  );
  const { token } = await json<{ token: string }>(
    await api.post('/api/display-tokens', { data: { name: `TV ${stamp}` } }),
  );
  const { pairing } = await json<{ pairing: Pairing }>(
    await api.post('/api/devices', { data: { kind: 'bay-sensor', name: `Sensor ${stamp}`, bayId: bay.id } }),
  );

  const tv = await openContext({
    viewport: { width: 1920, height: 1080 },
    storageState: { cookies: [], origins: [] }, // only the display token
  });
  const screen = await tv.newPage();
  await screen.goto(`/display?token=${encodeURIComponent(token)}`);
  const card = screen.locator(`[data-testid="bay-card"][data-bay-name="${bay.name}"]`);
  await expect(card.getByTestId('bay-status')).toHaveText('Free');
  await expect(card.getByTestId('bay-time-in-bay')).toHaveCount(0);

  const sensor = await mqtt.connectAsync(`mqtt://127.0.0.1:${pairing.port}`, {
    protocolVersion: 4,
    clientId: pairing.clientId,
    username: pairing.username,
    password: pairing.password,
    reconnectPeriod: 0,
    connectTimeout: 5_000,
  });
  try {
    await sensor.publishAsync(
      `ase/v1/bay-sensor/${pairing.deviceId}/occupancy`,
      JSON.stringify({ event: 'in', seq: 1, at: new Date().toISOString() }),
      { qos: 1 },
    );
    // Live over /ws (the TV's periodic refresh is a minute away): the card says a car is in.
    await expect(card.getByTestId('bay-status')).toHaveText('Car in', { timeout: 5_000 });
    await expect(card.getByTestId('bay-time-in-bay')).toHaveText('Car in bay <1 min · no job placed');
    // The car leaves: the card is free again, live (a report alone is no other board event).
    await sensor.publishAsync(
      `ase/v1/bay-sensor/${pairing.deviceId}/occupancy`,
      JSON.stringify({ event: 'out', seq: 2, at: new Date().toISOString() }),
      { qos: 1 },
    );
    await expect(card.getByTestId('bay-status')).toHaveText('Free', { timeout: 5_000 });
    await expect(card.getByTestId('bay-time-in-bay')).toHaveCount(0);
  } finally {
    await sensor.endAsync(true);
  }
  await expect(card.getByTestId('bay-sensor-offline')).toHaveText('Sensor offline', { timeout: 5_000 });
});
