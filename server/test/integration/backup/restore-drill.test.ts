import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RestoreError, restoreShop, type ActiveReplicaTarget } from '../../../src/modules/backup/restore.js';
import { startTestS3Server, type TestS3Server } from '../../helpers/s3-server.js';
import { createTestApp, injectAs, setupOwner, type TestApp } from '../../helpers/test-app.js';
import {
  dumpDatabase,
  mediaFiles,
  offsiteFilesOf,
  waitFor,
  waitUntilReplicated,
  writeShopDay,
} from './drill-helpers.js';

/**
 * The restore drill, end to end with the real parts: an app on a temp data dir writes a shop's
 * day, Litestream (the real binary) replicates it, the media files go to the same target, the
 * data dir is deleted, and the restore brings back every row of every table and every file.
 */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function startApp(): Promise<TestApp> {
  const t = await createTestApp();
  let closed = false;
  cleanups.push(async () => {
    if (!closed) await t.close();
    rmSync(t.dataDir, { recursive: true, force: true });
  });
  const close = t.close.bind(t);
  t.close = async () => {
    closed = true;
    await close();
  };
  return t;
}

async function enable(t: TestApp, cookie: string, settings: object) {
  const current = await injectAs(t.app, cookie, { method: 'GET', url: '/api/backup' });
  const response = await injectAs(t.app, cookie, {
    method: 'PUT',
    url: '/api/backup/settings',
    payload: { version: current.json<{ settings: { version: number } }>().settings.version, ...settings },
  });
  expect(response.statusCode, response.body).toBe(200);
}

/** Writes, replicates, closes, deletes, restores and compares everything. */
async function drill(t: TestApp, target: ActiveReplicaTarget, settings: object) {
  const owner = await setupOwner(t.app);
  await enable(t, owner.cookie, settings);
  const { photoHash } = await writeShopDay(t.app, owner.cookie);
  const writesDone = Date.now();
  const files = offsiteFilesOf(t);
  await files.drain();
  const fileStatus = await files.status();
  expect(fileStatus).toMatchObject({ pending: 0, failing: 0 });
  expect(fileStatus.uploaded).toBeGreaterThanOrEqual(1);
  const status = await waitUntilReplicated(t, writesDone);
  expect(status.generation).toMatch(/^[0-9a-f]{16}$/);

  // The shop burns down: stop the app (Litestream ships what is left), keep a copy to compare, delete.
  const { dataDir } = t;
  await t.app.close();
  await t.database.close();
  const before = dumpDatabase(join(dataDir, 'ase.db'));
  const filesBefore = mediaFiles(dataDir);
  expect(Object.keys(filesBefore).some((name) => name.endsWith(photoHash))).toBe(true);
  expect(before.payments).toHaveLength(1);
  rmSync(dataDir, { recursive: true, force: true });

  const steps: string[] = [];
  const result = await restoreShop({ dataDir, target, onProgress: (p) => steps.push(p.step) });
  expect(steps).toContain('database');
  expect(steps).toContain('integrity');
  expect(steps.at(-1)).toBe('done');
  expect(result.files?.restored).toBe(Object.keys(filesBefore).length);
  expect(dumpDatabase(result.databasePath)).toEqual(before);
  expect(mediaFiles(dataDir)).toEqual(filesBefore);
}

// Real Litestream and real uploads on a shared machine: generous bounds (they are not measurements).
describe('restore drill', { timeout: 120_000 }, () => {
  it('file replica: every table and every media file come back after the data dir is lost', async () => {
    const replica = tempDir('ase-replica-');
    const t = await startApp();
    await drill(t, { kind: 'file', path: replica }, { target: 'file', file: { path: replica } });
  });

  it('S3 replica (fauxqs): every table and every media file come back after the data dir is lost', async () => {
    const s3: TestS3Server = await startTestS3Server();
    cleanups.push(() => s3.stop());
    await s3.createBucket('shop-backups');
    const t = await startApp();
    const target = {
      kind: 's3' as const,
      endpoint: s3.endpoint,
      bucket: 'shop-backups',
      path: 'shop1',
      region: s3.region,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      forcePathStyle: true,
    };
    const { kind: _kind, ...fields } = target;
    await drill(t, target, { target: 's3', s3: fields });
  });

  it('refuses to restore into a data dir that is not empty, and touches nothing there', async () => {
    const replica = tempDir('ase-replica-');
    const dataDir = tempDir('ase-live-');
    writeFileSync(join(dataDir, 'ase.db'), 'the live shop');
    await expect(restoreShop({ dataDir, target: { kind: 'file', path: replica } })).rejects.toMatchObject({
      name: 'RestoreError',
      code: 'not-empty',
      message: expect.stringContaining('not empty') as unknown,
    });
    expect(readFileSync(join(dataDir, 'ase.db'), 'utf8')).toBe('the live shop');
  });

  it('the CLI (npm run restore) refuses a non-empty data dir with exit code 3 and a clear message', async () => {
    const dataDir = tempDir('ase-live-');
    writeFileSync(join(dataDir, 'ase.db'), 'the live shop');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'server/scripts/restore/run.ts',
        '--data-dir',
        dataDir,
        '--file',
        tempDir('ase-replica-'),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(code).toBe(3);
    expect(stderr).toMatch(/Refusing to restore into .*: it is not empty/);
    expect(readFileSync(join(dataDir, 'ase.db'), 'utf8')).toBe('the live shop');
  });

  it('says clearly when there is no backup at the target, and leaves the data dir empty to try again', async () => {
    const replica = tempDir('ase-replica-');
    const dataDir = join(tempDir('ase-restore-'), 'data');
    const error = await restoreShop({ dataDir, target: { kind: 'file', path: replica } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RestoreError);
    expect((error as RestoreError).code).toBe('litestream-failed');
    expect((error as RestoreError).message).toMatch(/No backup of the database was found/);
    mkdirSync(dataDir, { recursive: true }); // absent or empty: either way a second run may proceed
  });

  it('an unreachable endpoint: status and health say so clearly, and the app keeps serving', async () => {
    const t = await startApp();
    const owner = await setupOwner(t.app);
    await enable(t, owner.cookie, {
      target: 's3',
      s3: {
        endpoint: 'http://127.0.0.1:9',
        bucket: 'shop-backups',
        path: '',
        region: 'us-east-1',
        accessKeyId: 'key',
        secretAccessKey: 'secret',
        forcePathStyle: true,
      },
    });
    const status = await waitFor('replication to report the error', () => {
      const s = t.app.backup.status();
      return s.state === 'error' ? s : undefined;
    });
    expect(status.message).toMatch(/Cannot reach the storage endpoint http:\/\/127\.0\.0\.1:9/);
    expect(status.warning).toBe(status.message);
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({
      status: 'ok',
      replication: { state: 'error', warning: expect.stringContaining('Cannot reach') as unknown },
    });
    const customers = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: '/api/customers',
      payload: { name: 'Still Serving' },
    });
    expect(customers.statusCode).toBe(201);
  });
});
