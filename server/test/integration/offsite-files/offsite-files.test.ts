import { readFileSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Socket } from 'node:net';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { pino } from 'pino';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../../src/app.js';
import { openDatabase } from '../../../src/db/database.js';
import type { ReplicaTarget } from '../../../src/lib/replica-target.js';
import type { InspectionMedia } from '../../../src/modules/inspections/inspections.schemas.js';
import type { OffsiteFilesStatus } from '../../../src/modules/offsite-files/offsite-files.schemas.js';
import type { OffsiteFilesService } from '../../../src/modules/offsite-files/offsite-files.service.js';
import {
  DamagedFilesError,
  restoreFilesFromReplica,
} from '../../../src/modules/offsite-files/offsite-restore.js';
import { mediaObjectKey } from '../../../src/modules/offsite-files/offsite-target.js';
import { insertCustomer, insertVehicle } from '../../helpers/fixtures.js';
import { startTestS3Server, type TestS3Server } from '../../helpers/s3-server.js';
import {
  copyTemplateDatabase,
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  setupOwner,
  type TestApp,
} from '../../helpers/test-app.js';
import {
  filesBelow,
  getObject,
  listKeys,
  queueRow,
  s3Target,
  sha256,
  startFauxqsOn,
  storeMediaFile,
} from './helpers.js';

let t: TestApp;
let s3: TestS3Server | null;
const cleanups: (() => Promise<void> | void)[] = [];

beforeEach(async () => {
  t = await createTestApp();
  s3 = await startTestS3Server();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await s3?.stop();
  s3 = null;
  await t.close();
});

/** A second worker over the test app's queue, pointed at a target the test controls. */
function filesTo(
  target: () => ReplicaTarget,
  overrides: Parameters<OffsiteFilesService['withTarget']>[1] = {},
) {
  const service = t.app.offsiteFiles.withTarget(async () => target(), { pollMs: 0, ...overrides });
  cleanups.push(() => service.stop());
  return service;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ase-offsite-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function localBytes(hash: string, dataDir = t.dataDir): Buffer {
  return readFileSync(join(dataDir, 'media', hash.slice(0, 2), hash));
}

async function statusOf(cookie: string): Promise<OffsiteFilesStatus> {
  const response = await injectAs(t.app, cookie, { method: 'GET', url: '/api/backup/files' });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<OffsiteFilesStatus>();
}

describe('photos to the bucket', () => {
  it('a photo uploaded through the inspection routes lands in the bucket with the same bytes', async () => {
    const owner = await setupOwner(t.app);
    const tech = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'technician'));
    const customerId = insertCustomer(t.database);
    const vehicleId = insertVehicle(t.database, customerId);
    const ro = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: '/api/repair-orders',
      payload: { customerId, vehicleId, concerns: ['Brakes'] },
    });
    expect(ro.statusCode, ro.body).toBe(201);
    const inspection = await injectAs(t.app, tech, {
      method: 'POST',
      url: `/api/repair-orders/${ro.json<{ id: string }>().id}/inspections`,
      payload: {},
    });
    expect(inspection.statusCode, inspection.body).toBe(201);
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#36c' } })
      .jpeg()
      .toBuffer();
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/inspections/${inspection.json<{ id: string }>().id}/media?itemKey=tires.lf`,
      headers: { cookie: tech, 'content-type': 'image/jpeg' },
      payload: photo,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const media = uploaded.json<InspectionMedia>();

    // Queued in the same transaction (photo + thumbnail); the app's own target is not set yet.
    const before = await statusOf(owner.cookie);
    expect(before).toMatchObject({ pending: 2, uploaded: 0, failing: 0, lastError: null });

    await s3!.createBucket('shop-backup');
    const files = filesTo(() => s3Target(s3!, 'shop-backup', 'main-street'));
    expect(await files.drain()).toEqual({ attempted: 2, uploaded: 2, failed: 0 });

    const key = mediaObjectKey('main-street', media.hash);
    expect(key).toBe(`main-street/media/${media.hash.slice(0, 2)}/${media.hash}`);
    const object = await getObject(s3!.client, 'shop-backup', key);
    const served = await injectAs(t.app, tech, { method: 'GET', url: `/api/media/${media.hash}` });
    expect(served.statusCode).toBe(200);
    expect(object.body.equals(served.rawPayload)).toBe(true);
    expect(sha256(object.body)).toBe(media.hash);
    expect(object.contentType).toBe('image/jpeg');
    expect(await listKeys(s3!.client, 'shop-backup')).toHaveLength(2);

    const after = await files.status();
    expect(after).toMatchObject({ target: 's3', pending: 0, uploaded: 2, failing: 0, lastError: null });
    expect(after.lastUploadAt).toBe(t.clock.now().toISOString());
    expect(queueRow(t.database, media.hash).state).toBe('uploaded');
    // The app's status sees the same queue.
    expect(await statusOf(owner.cookie)).toMatchObject({ pending: 0, uploaded: 2 });
  });

  it('waits out an outage with backoff, then uploads every file once the storage is back', async () => {
    await s3!.createBucket('shop-backup');
    const target = s3Target(s3!, 'shop-backup');
    const port = Number(new URL(s3!.endpoint).port);
    const files = filesTo(() => target, { parallel: 2, batchSize: 3 });
    const early = [1, 2, 3].map(() => storeMediaFile(t.database, t.dataDir, t.clock));
    expect((await files.drain()).uploaded).toBe(3);

    await s3!.stop(); // the internet goes down
    s3 = null;
    const during = Array.from({ length: 7 }, () => storeMediaFile(t.database, t.dataDir, t.clock));
    const failed = await files.drain();
    expect(failed.uploaded).toBe(0);
    expect(failed.failed).toBeGreaterThan(0);
    // One probe per backoff step, not one per file: the pass stopped at the first round.
    expect(failed.attempted).toBeLessThanOrEqual(3);
    const waiting = await files.status();
    expect(waiting).toMatchObject({ target: 's3', pending: 7, uploaded: 3, failing: 7 });
    expect(waiting.lastError).toMatch(/could not be reached \(ECONNREFUSED/);
    const nextAt = new Date(waiting.nextAttemptAt!).getTime() - t.clock.now().getTime();
    expect(nextAt).toBeGreaterThanOrEqual(24_000);
    expect(nextAt).toBeLessThanOrEqual(36_000);
    for (const hash of during)
      expect(queueRow(t.database, hash)).toMatchObject({ state: 'pending', attempts: 1 });

    // Still down after the backoff: one more attempt each, and the wait doubles.
    t.clock.advance(40_000);
    expect((await files.drain()).uploaded).toBe(0);
    const second = await files.status();
    expect(queueRow(t.database, during[0]!).attempts).toBe(2);
    const nextAt2 = new Date(second.nextAttemptAt!).getTime() - t.clock.now().getTime();
    expect(nextAt2).toBeGreaterThanOrEqual(48_000);
    expect(nextAt2).toBeLessThanOrEqual(72_000);
    // Before the backoff is over nothing is tried.
    expect(await files.drain()).toEqual({ attempted: 0, uploaded: 0, failed: 0 });

    // The storage comes back (same address; fauxqs starts empty, as after a provider's repair).
    const back = await startFauxqsOn(port);
    cleanups.push(() => back.stop());
    const client = new S3Client({
      endpoint: target.kind === 's3' ? target.endpoint : '',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    });
    cleanups.push(() => client.destroy());
    await client.send(new CreateBucketCommand({ Bucket: 'shop-backup' }));

    // The owner presses "retry now": the kick runs a pass at once, without waiting for the backoff.
    const live = filesTo(() => target, { pollMs: 60_000 });
    live.start();
    const retried = await live.retryNow();
    expect(retried.failing).toBe(7);
    await vi.waitFor(
      async () => {
        expect(await live.status()).toMatchObject({ pending: 0, uploaded: 10, failing: 0, lastError: null });
      },
      { timeout: 5_000, interval: 50 },
    );
    for (const hash of during) {
      const object = await getObject(client, 'shop-backup', mediaObjectKey('shop', hash));
      expect(object.body.equals(localBytes(hash))).toBe(true);
    }
    // The files sent before the outage are recorded as uploaded, never sent twice by the queue.
    for (const hash of early) expect(queueRow(t.database, hash).state).toBe('uploaded');
  });

  it('keeps the queue across a restart of the app in the middle of uploading', async () => {
    await s3!.createBucket('shop-backup');
    const target = s3Target(s3!, 'shop-backup');
    // An app of its own on a database file that outlives it.
    const { dataDir, database } = copyTemplateDatabase();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const config = { ...t.config, dataDir };
    const logger = pino({ level: 'silent' });
    const first = await buildApp({ config, database, clock: t.clock, logger });
    await first.ready();
    const hashes = Array.from({ length: 12 }, () =>
      storeMediaFile(database, dataDir, t.clock, Buffer.alloc(100_000, Math.random().toString())),
    );
    const worker = first.offsiteFiles.withTarget(async () => target, {
      pollMs: 60_000,
      parallel: 1,
      batchSize: 2,
    });
    worker.start(); // starts a pass at once
    await vi.waitFor(async () => expect((await worker.status()).uploaded).toBeGreaterThan(0), {
      timeout: 5_000,
      interval: 5,
    });
    await worker.stop(); // waits for the upload in flight
    await first.close();
    await database.close();
    const reopened = openDatabase(join(dataDir, 'ase.db'));
    const uploadedBefore = (
      reopened.sqlite.prepare(`SELECT count(*) AS n FROM offsite_files WHERE state = 'uploaded'`).get() as {
        n: number;
      }
    ).n;
    expect(uploadedBefore).toBeGreaterThan(0);
    expect(uploadedBefore).toBeLessThan(12);

    const second = await buildApp({ config, database: reopened, clock: t.clock, logger });
    await second.ready();
    cleanups.push(async () => {
      await second.close();
      await reopened.close();
    });
    const resumed = second.offsiteFiles.withTarget(async () => target, { pollMs: 0 });
    const pass = await resumed.drain();
    // Only what was left is sent; what the first run finished is not sent again.
    expect(pass.attempted).toBe(12 - uploadedBefore);
    expect(await resumed.status()).toMatchObject({ pending: 0, uploaded: 12, failing: 0 });
    expect(await listKeys(s3!.client, 'shop-backup')).toHaveLength(12);
    for (const hash of hashes) {
      const object = await getObject(s3!.client, 'shop-backup', mediaObjectKey('shop', hash));
      expect(object.body.equals(localBytes(hash, dataDir))).toBe(true);
    }
  });

  it('names a missing bucket, and skips a file missing on disk without stopping the others', async () => {
    const files = filesTo(() => s3Target(s3!, 'no-such-bucket'));
    const hash = storeMediaFile(t.database, t.dataDir, t.clock);
    await files.drain();
    expect((await files.status()).lastError).toBe(
      `The bucket "no-such-bucket" does not exist at ${s3!.endpoint}.`,
    );
    expect(queueRow(t.database, hash)).toMatchObject({ state: 'pending', attempts: 1 });

    await s3!.createBucket('shop-backup');
    const good = filesTo(() => s3Target(s3!, 'shop-backup'));
    const gone = storeMediaFile(t.database, t.dataDir, t.clock);
    const kept = storeMediaFile(t.database, t.dataDir, t.clock);
    unlinkSync(join(t.dataDir, 'media', gone.slice(0, 2), gone));
    await good.retryNow();
    const pass = await good.drain();
    expect(pass).toEqual({ attempted: 3, uploaded: 2, failed: 1 });
    expect(queueRow(t.database, kept).state).toBe('uploaded');
    expect(queueRow(t.database, hash).state).toBe('uploaded');
    const missing = queueRow(t.database, gone);
    expect(missing).toMatchObject({ state: 'pending', attempts: 1 });
    expect(missing.last_error).toMatch(/is missing from this server's disk/);
    expect(await good.status()).toMatchObject({ pending: 1, uploaded: 2, failing: 1 });
  });

  it('refuses a file whose bytes on disk no longer match its name', async () => {
    await s3!.createBucket('shop-backup');
    const files = filesTo(() => s3Target(s3!, 'shop-backup'));
    const hash = storeMediaFile(t.database, t.dataDir, t.clock);
    writeFileSync(join(t.dataDir, 'media', hash.slice(0, 2), hash), 'bit rot');
    expect(await files.drain()).toMatchObject({ uploaded: 0, failed: 1 });
    expect(queueRow(t.database, hash).last_error).toMatch(/is damaged/);
    expect(await listKeys(s3!.client, 'shop-backup')).toEqual([]);
  });

  it('requeueAll sends every file to a new target', async () => {
    await s3!.createBucket('first');
    await s3!.createBucket('second');
    let target = s3Target(s3!, 'first');
    const files = filesTo(() => target);
    const hashes = Array.from({ length: 4 }, () => storeMediaFile(t.database, t.dataDir, t.clock));
    await files.drain();
    expect((await files.status()).uploaded).toBe(4);

    target = s3Target(s3!, 'second', '');
    expect(await files.requeueAll()).toBe(4);
    expect(await files.status()).toMatchObject({ pending: 4, uploaded: 0, failing: 0, lastUploadAt: null });
    expect(await files.drain()).toMatchObject({ uploaded: 4 });
    expect(await listKeys(s3!.client, 'second')).toEqual(
      hashes.map((hash) => `media/${hash.slice(0, 2)}/${hash}`).sort(),
    );
  });

  it('does nothing while the target is off', async () => {
    storeMediaFile(t.database, t.dataDir, t.clock);
    const files = filesTo(() => ({ kind: 'off' }));
    expect(await files.drain()).toEqual({ attempted: 0, uploaded: 0, failed: 0 });
    expect(await files.status()).toMatchObject({ target: 'off', pending: 1, nextAttemptAt: null });
  });
});

describe('stopping', () => {
  it('stop() interrupts an upload to an endpoint that never answers, and the row stays queued', async () => {
    const sockets = new Set<Socket>();
    let connected!: () => void;
    const connection = new Promise<void>((resolve) => (connected = resolve));
    const silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('data', () => undefined); // reads the request, never answers
      connected();
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          silent.close(() => resolve());
        }),
    );
    const port = (silent.address() as { port: number }).port;
    const hash = storeMediaFile(t.database, t.dataDir, t.clock);
    const files = filesTo(
      () => s3Target({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1' }, 'b'),
      {
        pollMs: 60_000,
        stopGraceMs: 50,
      },
    );
    files.start();
    await connection;
    await files.stop();
    expect(queueRow(t.database, hash)).toMatchObject({ state: 'pending', attempts: 0, last_error: null });
  });
});

describe('a folder target (USB disk, NAS)', () => {
  it('copies files under <path>/media/<hh>/<hash> and names a missing disk', async () => {
    const disk = tempDir();
    const hashes = Array.from({ length: 3 }, () => storeMediaFile(t.database, t.dataDir, t.clock));

    const unplugged = filesTo(() => ({ kind: 'file', path: join(disk, 'not-mounted') }));
    await unplugged.drain();
    expect((await unplugged.status()).lastError).toBe(
      `The backup folder ${join(disk, 'not-mounted')} does not exist (is the disk plugged in and mounted?).`,
    );
    expect(filesBelow(disk)).toEqual([]);

    const files = filesTo(() => ({ kind: 'file', path: disk }));
    await files.retryNow();
    expect(await files.drain()).toMatchObject({ uploaded: 3, failed: 0 });
    expect(filesBelow(disk)).toEqual(hashes.map((hash) => join('media', hash.slice(0, 2), hash)).sort());
    for (const hash of hashes)
      expect(readFileSync(join(disk, 'media', hash.slice(0, 2), hash)).equals(localBytes(hash))).toBe(true);
    expect(await files.status()).toMatchObject({ target: 'file', pending: 0, uploaded: 3, failing: 0 });
  });
});

describe('restoreFilesFromReplica', () => {
  it('brings every file back from a bucket, checked against its sha256 name', async () => {
    await s3!.createBucket('shop-backup');
    const target = s3Target(s3!, 'shop-backup', 'main-street/ase');
    const hashes = Array.from({ length: 5 }, (_, i) =>
      storeMediaFile(t.database, t.dataDir, t.clock, Buffer.alloc(1000 + i, i)),
    );
    await filesTo(() => target).drain();

    const restoredDir = tempDir();
    const progress: number[] = [];
    const result = await restoreFilesFromReplica(target, restoredDir, (p) => progress.push(p.done));
    expect(result).toEqual({ restored: 5, bytes: 5 * 1000 + 10, skipped: 0 });
    expect(progress.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    for (const hash of hashes) expect(localBytes(hash, restoredDir).equals(localBytes(hash))).toBe(true);
    expect(filesBelow(join(restoredDir, 'media')).filter((f) => f.startsWith('tmp'))).toEqual([]);
    // Run twice: what is there already is not fetched again.
    expect(await restoreFilesFromReplica(target, restoredDir)).toEqual({ restored: 0, bytes: 0, skipped: 5 });
  });

  it('names a damaged object and still restores the good ones', async () => {
    await s3!.createBucket('shop-backup');
    const target = s3Target(s3!, 'shop-backup', '');
    const good = storeMediaFile(t.database, t.dataDir, t.clock);
    await filesTo(() => target).drain();
    const claimed = sha256(Buffer.from('what the name promises'));
    const badKey = mediaObjectKey('', claimed);
    await s3!.client.send(
      new PutObjectCommand({ Bucket: 'shop-backup', Key: badKey, Body: Buffer.from('something else') }),
    );

    const restoredDir = tempDir();
    const error = await restoreFilesFromReplica(target, restoredDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DamagedFilesError);
    expect((error as DamagedFilesError).damaged).toEqual([badKey]);
    expect((error as Error).message).toContain(badKey);
    expect((error as DamagedFilesError).result).toMatchObject({ restored: 1 });
    expect(filesBelow(join(restoredDir, 'media')).filter((f) => !f.startsWith('tmp'))).toEqual([
      join(good.slice(0, 2), good),
    ]);
  });

  it('round-trips through a folder target, and says so when the folder is missing', async () => {
    const disk = tempDir();
    const hashes = Array.from({ length: 3 }, () => storeMediaFile(t.database, t.dataDir, t.clock));
    await filesTo(() => ({ kind: 'file', path: disk })).drain();
    const restoredDir = tempDir();
    expect((await restoreFilesFromReplica({ kind: 'file', path: disk }, restoredDir)).restored).toBe(3);
    for (const hash of hashes) expect(localBytes(hash, restoredDir).equals(localBytes(hash))).toBe(true);
    await expect(
      restoreFilesFromReplica({ kind: 'file', path: join(disk, 'gone') }, restoredDir),
    ).rejects.toThrow(/does not exist \(is the disk plugged in/);
  });

  it('says which endpoint could not be reached', async () => {
    const target = s3Target(s3!, 'shop-backup');
    await s3!.stop();
    s3 = null;
    await expect(restoreFilesFromReplica(target, tempDir())).rejects.toThrow(/could not be reached/);
  });
});

describe('routes', () => {
  it('shows the status to the owner only, and retry answers with the status', async () => {
    const owner = await setupOwner(t.app);
    const advisor = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'advisor'));
    storeMediaFile(t.database, t.dataDir, t.clock);
    expect(await statusOf(owner.cookie)).toEqual({
      target: 'off',
      pending: 1,
      uploaded: 0,
      failing: 0,
      lastUploadAt: null,
      lastError: null,
      nextAttemptAt: null,
    });
    const retry = await injectAs(t.app, owner.cookie, { method: 'POST', url: '/api/backup/files/retry' });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json<OffsiteFilesStatus>().pending).toBe(1);
    expect((await injectAs(t.app, advisor, { method: 'GET', url: '/api/backup/files' })).statusCode).toBe(
      403,
    );
    expect(
      (await injectAs(t.app, advisor, { method: 'POST', url: '/api/backup/files/retry' })).statusCode,
    ).toBe(403);
  });
});
