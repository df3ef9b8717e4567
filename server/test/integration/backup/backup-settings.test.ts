import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestS3Server, type TestS3Server } from '../../helpers/s3-server.js';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  problemOf,
  setupOwner,
  type TestApp,
} from '../../helpers/test-app.js';
import { waitFor } from './drill-helpers.js';

let t: TestApp;
let owner: { id: string; cookie: string };
let s3: TestS3Server;
const dirs: string[] = [];

beforeAll(async () => {
  s3 = await startTestS3Server();
  await s3.createBucket('ase-settings');
});
afterAll(async () => {
  await s3.stop();
});
beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
});
afterEach(async () => {
  await t.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ase-backup-'));
  dirs.push(dir);
  return dir;
}

const get = () => injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/backup' });
const put = (payload: object) =>
  injectAs(t.app, owner.cookie, { method: 'PUT', url: '/api/backup/settings', payload });
const test = (payload: object = {}) =>
  injectAs(t.app, owner.cookie, { method: 'POST', url: '/api/backup/test', payload });

function s3Fields(overrides: object = {}) {
  return {
    endpoint: s3.endpoint,
    bucket: 'ase-settings',
    path: 'shop1',
    region: s3.region,
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    forcePathStyle: true,
    ...overrides,
  };
}

describe('backup settings', () => {
  it('starts off, with nothing running and health saying so', async () => {
    const response = await get();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      settings: {
        target: 'off',
        lagWarningSeconds: 300,
        version: 1,
        updatedAt: null,
        s3: { secretSet: false },
      },
      status: { state: 'off', lastSyncAt: null, lagSeconds: null, warning: null },
    });
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toMatchObject({
      status: 'ok',
      replication: { state: 'off', lastSyncAt: null, lagSeconds: null, warning: null },
    });
  });

  it('stores an S3 target with a write-only secret, audits the change without values, and 409s a stale version', async () => {
    const saved = await put({ version: 1, target: 's3', s3: s3Fields() });
    expect(saved.statusCode, saved.body).toBe(200);
    const body = saved.json<{ settings: { version: number; s3: Record<string, unknown> } }>();
    expect(body.settings.s3).toMatchObject({ bucket: 'ase-settings', path: 'shop1', secretSet: true });
    expect(saved.body).not.toContain(s3.secretAccessKey);
    expect((await get()).body).not.toContain(s3.secretAccessKey);

    // Absent secret keeps the stored one.
    const renamed = await put({ version: body.settings.version, s3: { path: '/shop2/' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      settings: { s3: { path: 'shop2', secretSet: true }, version: 3 },
    });
    expect(renamed.json<{ settings: { version: number } }>().settings.version).toBe(3);
    expect((await t.app.backup.currentTarget()) as object).toMatchObject({
      kind: 's3',
      secretAccessKey: s3.secretAccessKey,
    });

    const stale = await put({ version: 2, target: 'off' });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale).type).toMatch(/stale-version/);

    const audit = t.database.sqlite
      .prepare(`SELECT data FROM audit_log WHERE action = 'backup_settings.updated' ORDER BY at`)
      .all() as { data: string }[];
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.data)).toMatchObject({
      changed: expect.arrayContaining(['target', 's3.secretAccessKey']) as unknown,
    });
    expect(audit.map((a) => a.data).join()).not.toContain(s3.secretAccessKey);
    await put({ version: 3, target: 'off' });
  });

  it('tells subscribers (the file queue) the new target, secrets included, after a save', async () => {
    const seen: unknown[] = [];
    const stop = t.app.backup.onTargetChanged((target) => {
      seen.push(target);
    });
    const dir = tempDir();
    await put({ version: 1, target: 'file', file: { path: dir } });
    await put({ version: 2, target: 'off' });
    stop();
    await put({ version: 3, target: 'file', file: { path: dir } });
    expect(seen).toEqual([{ kind: 'file', path: dir }, { kind: 'off' }]);
    await put({ version: 4, target: 'off' });
  });

  it('names every wrong field', async () => {
    const response = await put({
      version: 1,
      target: 's3',
      s3: { endpoint: 'ftp://x', bucket: 'No_Such', path: '../up', region: 'US East', accessKeyId: '' },
    });
    expect(response.statusCode).toBe(400);
    expect(
      problemOf(response)
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['s3.accessKeyId', 's3.bucket', 's3.endpoint', 's3.path', 's3.region', 's3.secretAccessKey']);
    const file = await put({ version: 1, target: 'file', file: { path: 'relative/dir' } });
    expect(problemOf(file).errors).toEqual([
      { path: 'file.path', message: expect.stringContaining('absolute') as unknown },
    ]);
    const unknown = await put({ version: 1, target: 'ftp' });
    expect(unknown.statusCode).toBe(400);
    expect((await get()).json()).toMatchObject({ settings: { version: 1, target: 'off' } });
  });

  it('only the owner may see or change backups', async () => {
    const advisor = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'advisor'));
    expect((await injectAs(t.app, advisor, { method: 'GET', url: '/api/backup' })).statusCode).toBe(403);
    expect(
      (
        await injectAs(t.app, advisor, {
          method: 'PUT',
          url: '/api/backup/settings',
          payload: { version: 1 },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('test connection', () => {
  it('S3: writes, reads and deletes a probe in a real bucket (fauxqs)', async () => {
    const response = await test({ target: 's3', s3: s3Fields() });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      ok: true,
      target: 's3',
      message: expect.stringContaining('Connected') as unknown,
    });
  });

  it('S3: a missing bucket and an unreachable endpoint get clear messages', async () => {
    const missing = await test({ target: 's3', s3: s3Fields({ bucket: 'no-such-bucket' }) });
    expect(missing.json()).toMatchObject({
      ok: false,
      message: expect.stringContaining('The bucket "no-such-bucket" does not exist') as unknown,
    });
    const unreachable = await test({ target: 's3', s3: s3Fields({ endpoint: 'http://127.0.0.1:9' }) });
    expect(unreachable.json()).toMatchObject({
      ok: false,
      message: expect.stringContaining('Cannot reach http://127.0.0.1:9') as unknown,
    });
  });

  it('uses the stored secret when the candidate leaves it out', async () => {
    await put({ version: 1, target: 's3', s3: s3Fields() });
    const { secretAccessKey: _secret, ...withoutSecret } = s3Fields();
    const response = await test({ target: 's3', s3: withoutSecret });
    expect(response.json()).toMatchObject({ ok: true });
    await put({ version: 2, target: 'off' });
  });

  it('file: the directory must exist and be writable', async () => {
    const dir = tempDir();
    expect((await test({ target: 'file', file: { path: dir } })).json()).toMatchObject({
      ok: true,
      target: 'file',
    });
    expect((await test({ target: 'file', file: { path: join(dir, 'not-mounted') } })).json()).toMatchObject({
      ok: false,
      message: expect.stringContaining('does not exist') as unknown,
    });
    const readOnly = join(dir, 'ro');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    const result = (await test({ target: 'file', file: { path: readOnly } })).json<{
      ok: boolean;
      message: string;
    }>();
    // root ignores directory permissions; the check still has to pass or fail by what the OS says.
    if (process.getuid?.() === 0) expect(result.ok).toBe(true);
    else
      expect(result).toMatchObject({
        ok: false,
        message: expect.stringContaining('not writable') as unknown,
      });
  });
});

describe('the Litestream child', { timeout: 120_000 }, () => {
  it('writes its config without secrets, passes them by environment, replicates, and restarts on a change', async () => {
    await s3.createBucket('ase-child');
    const saved = await put({ version: 1, target: 's3', s3: s3Fields({ bucket: 'ase-child' }) });
    expect(saved.statusCode, saved.body).toBe(200);
    const config = readFileSync(join(t.dataDir, 'litestream', 'litestream.yml'), 'utf8');
    expect(config).toContain('"ase-child"');
    expect(config).toContain('"shop1/db"');
    expect(config).not.toContain(s3.secretAccessKey);
    expect(config).not.toMatch(/access-key-id|secret-access-key/);
    const first = await waitFor('a first sync', () => {
      const status = t.app.backup.status();
      return status.state === 'replicating' ? status : undefined;
    });
    expect(first.generation).toMatch(/^[0-9a-f]{16}$/);

    // Litestream dies: the supervisor says so and starts it again (backoff starts at 1 s).
    const firstPid = t.app.backup.litestreamPid();
    expect(firstPid).not.toBeNull();
    process.kill(firstPid as number, 'SIGKILL');
    await waitFor('the crash to show', () =>
      t.app.backup.status().message?.includes('Litestream stopped (SIGKILL)') ? true : undefined,
    );
    await waitFor('Litestream to be back and replicating', () => {
      const pid = t.app.backup.litestreamPid();
      if (process.env.H1_DEBUG) console.log(pid, JSON.stringify(t.app.backup.status()));
      return pid !== null && pid !== firstPid && t.app.backup.status().state === 'replicating'
        ? true
        : undefined;
    });

    const replica = tempDir();
    const moved = await put({ version: 2, target: 'file', file: { path: replica } });
    expect(moved.statusCode).toBe(200);
    expect(readFileSync(join(t.dataDir, 'litestream', 'litestream.yml'), 'utf8')).toContain(
      join(replica, 'db'),
    );
    await waitFor('a sync to the directory', () =>
      t.app.backup.status().state === 'replicating' ? true : undefined,
    );
    const off = await put({ version: 3, target: 'off' });
    expect(off.json()).toMatchObject({ status: { state: 'off' } });
  });
});

describe('without a Litestream binary', { timeout: 60_000 }, () => {
  it('says so in the status and in health, and the server keeps running', async () => {
    const saved = process.env.ASE_LITESTREAM_BIN;
    process.env.ASE_LITESTREAM_BIN = '/nonexistent/litestream';
    const other = await createTestApp();
    try {
      const cookie = (await setupOwner(other.app)).cookie;
      const response = await injectAs(other.app, cookie, {
        method: 'PUT',
        url: '/api/backup/settings',
        payload: { version: 1, target: 'file', file: { path: tempDir() } },
      });
      expect(response.json()).toMatchObject({
        status: {
          state: 'error',
          binary: null,
          message: expect.stringContaining('Litestream binary was not found') as unknown,
        },
      });
      const health = await other.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toMatchObject({ status: 'ok', replication: { state: 'error' } });
    } finally {
      if (saved === undefined) delete process.env.ASE_LITESTREAM_BIN;
      else process.env.ASE_LITESTREAM_BIN = saved;
      await other.close();
    }
  });
});
