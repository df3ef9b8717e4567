import type { WebSocketRoute } from '@playwright/test';
import { expect, expectAccessible, test } from '../support/fixtures';
import { json, OWNER_STATE, ownerApi } from '../support/owner';

test.use({ storageState: OWNER_STATE });

/**
 * The bay TV at /display?token=…: no sign-in, one card per bay, live, back by itself after a
 * network drop, and a clear message when the token is missing or refused.
 */
test('bay TV: live cards, catches up after a network drop, explains a refused token', async ({
  openContext,
  allowHttpError,
  allowConsoleError,
}) => {
  allowHttpError(401, '/api/display/board'); // the refused token, on purpose
  allowConsoleError(/ERR_INTERNET_DISCONNECTED/); // anything fetched while the test cuts the network

  const api = await ownerApi();
  const stamp = Date.now().toString(36).toUpperCase();
  const bays: { id: string; name: string }[] = [];
  for (let n = 1; n <= 6; n++) {
    bays.push(await json(await api.post('/api/bays', { data: { name: `TV${stamp} ${n}` } })));
  }
  const { token } = await json<{ token: string }>(
    await api.post('/api/display-tokens', { data: { name: `TV over bays ${stamp}` } }),
  );
  const customer = await json<{ id: string }>(
    await api.post('/api/customers', { data: { name: `Dee Display ${stamp}`, confirmDuplicate: true } }),
  );
  const vehicle = await json<{ id: string }>(
    await api.post('/api/vehicles', {
      data: {
        customerId: customer.id,
        year: 2017,
        make: 'Ford',
        model: 'F-150',
        licensePlate: `DS${stamp}`.slice(0, 8),
      },
    }),
  );
  const technician = await json<{ id: string; name: string }>(
    await api.post('/api/technicians', { data: { name: `Tess ${stamp}` } }),
  );
  const ro = await json<{ number: number; jobs: { id: string; version: number }[] }>(
    await api.post('/api/repair-orders', {
      data: { customerId: customer.id, vehicleId: vehicle.id, concerns: ['Replace front brake pads'] },
    }),
  );
  let job = await json<{ id: string; version: number }>(
    await api.patch(`/api/jobs/${ro.jobs[0]!.id}`, {
      data: { bayId: bays[0]!.id, technicianId: technician.id, version: ro.jobs[0]!.version },
    }),
  );

  // The TV: its own browser, a 1080p screen, nobody signed in.
  const tv = await openContext({
    viewport: { width: 1920, height: 1080 },
    storageState: { cookies: [], origins: [] }, // not the owner's session: only the token
  });
  // Every /ws connection goes through here, so the test can cut it like a Wi-Fi drop would.
  let networkDown = false;
  const sockets: WebSocketRoute[] = [];
  await tv.routeWebSocket(/\/ws/, (ws) => {
    if (networkDown) {
      void ws.close({ code: 4000, reason: 'network down' });
      return;
    }
    ws.connectToServer();
    sockets.push(ws);
  });
  const screen = await tv.newPage();
  await screen.goto(`/display?token=${encodeURIComponent(token)}`);

  const card = screen.locator(`[data-testid="bay-card"][data-bay-name="${bays[0]!.name}"]`);
  const status = card.getByTestId('bay-status');
  await expect(status).toHaveText('Up next');
  await expect(card).toContainText(`RO ${ro.number}`);
  await expect(card).toContainText('2017 Ford F-150');
  await expect(card).toContainText('Replace front brake pads');
  await expect(card).toContainText(technician.name);
  await expect(screen.locator(`[data-testid="bay-card"][data-bay-name="${bays[5]!.name}"]`)).toContainText(
    'Free bay',
  );
  await expect(screen.getByRole('banner').locator('time')).toBeVisible();
  // Nothing scrolls on the TV, however many bays the shop has.
  const overflow = await screen.evaluate(() => ({
    x: document.documentElement.scrollWidth > window.innerWidth,
    y: document.documentElement.scrollHeight > window.innerHeight,
  }));
  expect(overflow).toEqual({ x: false, y: false });
  await expectAccessible(screen, 'bay display');

  // A status change at the counter shows on the TV without a reload.
  job = await json(
    await api.post(`/api/jobs/${job.id}/status`, { data: { status: 'In_Progress', version: job.version } }),
  );
  await expect(status).toHaveText('In progress');

  // The network drops: the TV says it is reconnecting and keeps the last picture.
  networkDown = true;
  await tv.setOffline(true);
  for (const socket of sockets.splice(0)) await socket.close({ code: 4000, reason: 'network down' });
  await expect(screen.getByTestId('display-reconnecting')).toBeVisible();
  await json(
    await api.post(`/api/jobs/${job.id}/status`, {
      data: { status: 'Blocked', reason: 'Waiting for parts', version: job.version },
    }),
  );
  await expect(status).toHaveText('In progress'); // it cannot know yet

  // The network is back: it reconnects by itself and catches up on what it missed.
  networkDown = false;
  await tv.setOffline(false);
  await expect(status).toHaveText('Blocked', { timeout: 20_000 });
  await expect(card).toContainText('Waiting for parts');
  await expect(screen.getByTestId('display-reconnecting')).toBeHidden();

  // A refused token: a full-screen message saying where to get a good one.
  const refused = await tv.newPage();
  await refused.goto('/display?token=dt_not-a-real-token');
  await expect(refused.getByRole('heading', { name: 'This display token was refused' })).toBeVisible();
  await expect(refused.getByText('Settings → Display tokens')).toBeVisible();
  await expectAccessible(refused, 'bay display with a refused token');

  // No token at all.
  await refused.goto('/display');
  await expect(refused.getByRole('heading', { name: 'This screen needs a display token' })).toBeVisible();

  await api.dispose();
});
