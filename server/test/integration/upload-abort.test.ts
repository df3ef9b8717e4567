import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { abortedUpload, expectNoTempFiles, mp4Bytes, randomAbort } from '../helpers/aborted-upload.js';
import { seededRng } from '../helpers/crash-load.js';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
import { createTestApp, injectAs, setupOwner, type TestApp } from '../helpers/test-app.js';

/**
 * Uploads whose connection drops midway (a tablet leaving the Wi-Fi), against a real listening
 * server over raw sockets: part of the body is written, then the socket is destroyed. The server
 * must stay up, answer the next request and leave no temp file behind.
 */

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('an upload whose connection drops', () => {
  it('never stops the server and leaves no temp file, whatever size and wherever it is cut', async () => {
    const owner = await setupOwner(t.app);
    const customerId = insertCustomer(t.database);
    const vehicleId = insertVehicle(t.database, customerId);
    const ro = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: '/api/repair-orders',
      payload: { customerId, vehicleId, concerns: ['Inspection'] },
    });
    const inspection = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: `/api/repair-orders/${ro.json<{ id: string }>().id}/inspections`,
      payload: {},
    });
    const path = `/api/inspections/${inspection.json<{ id: string }>().id}/media`;
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;

    // An error no one listens for (the crash this guards against) reaches the process: collected
    // here so the test names it, not only Vitest's report.
    const uncaught: unknown[] = [];
    const collect = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', collect);
    const seed = 0x5eed14;
    const rng = seededRng(seed);
    try {
      for (let round = 0; round < 12; round++) {
        // Several at once, as when a few tablets lose the Wi-Fi together.
        await Promise.all(
          Array.from({ length: 5 }, () =>
            abortedUpload(randomAbort(rng, { port, path, cookie: owner.cookie }), rng),
          ),
        );
      }
      await expectNoTempFiles(t.dataDir);
    } finally {
      process.off('uncaughtException', collect);
    }
    expect(uncaught, `seed ${seed}`).toEqual([]);

    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status, `seed ${seed}`).toBe(200);
    const whole = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { cookie: owner.cookie, 'content-type': 'video/mp4' },
      body: mp4Bytes(900_000),
    });
    expect(whole.status, await whole.clone().text()).toBe(201);
    await expectNoTempFiles(t.dataDir);
    // Only the finished upload was recorded.
    const rows = t.database.sqlite.prepare('SELECT count(*) AS n FROM inspection_media').get() as {
      n: number;
    };
    expect(rows.n).toBe(1);
  });
});
