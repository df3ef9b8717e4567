import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { injectAs, OWNER, problemOf, setupOwner } from '../helpers/test-app.js';
import {
  copyTemplateTo,
  createAppOn,
  failExt4,
  mountExt4,
  mountTmpfs,
  remountReadOnly,
  unmountAll,
  type AppOnDisk,
} from '../helpers/small-disk.js';

/**
 * The data disk turning read-only under the running server, as ext4 does after a disk error
 * (errors=remount-ro, on a real loop device): saves are refused with a 503 that says why, health
 * says degraded and why, what was saved can still be read. A start on a read-only data folder
 * stops at once with exit code 73 and one clear line.
 */
const ROOT = new URL('../../../', import.meta.url).pathname;
const MB = 1024 * 1024;
const opened: AppOnDisk[] = [];

afterEach(async () => {
  for (const t of opened.splice(0)) await t.close();
  unmountAll();
});

async function appOnExt4(): Promise<{ t: AppOnDisk; dir: string }> {
  const dir = mountExt4(32 * MB);
  const t = await createAppOn(dir);
  opened.push(t);
  return { t, dir };
}

const READ_ONLY_DETAIL =
  'The data folder of ASE has become read-only, so ASE could not save this change; nothing of it ' +
  'was kept. The disk must be checked and made writable again.';

describe('the data disk turning read-only under the running server', () => {
  it('refuses saves with 503 and a clear message, reports degraded, and still serves what was saved', async () => {
    const { t, dir } = await appOnExt4();
    const owner = await setupOwner(t.app);
    for (const name of ['Ann Before', 'Bob Before']) {
      expect(
        (await injectAs(t.app, owner.cookie, { method: 'POST', url: '/api/customers', payload: { name } }))
          .statusCode,
      ).toBe(201);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({
      status: 'ok',
      storage: { state: 'ok' },
    });

    failExt4(dir);

    const refused = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: '/api/customers',
      payload: { name: 'Cy During' },
    });
    expect(refused.statusCode).toBe(503);
    expect(problemOf(refused)).toMatchObject({
      type: 'urn:ase:problem:storage-read-only',
      title: 'Storage read-only',
      status: 503,
      detail: READ_ONLY_DETAIL,
    });

    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: OWNER.email, password: OWNER.password },
    });
    expect(signIn.statusCode).toBe(503);
    expect(problemOf(signIn).detail).toBe(READ_ONLY_DETAIL);

    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({
      status: 'degraded',
      db: 'error',
      storage: {
        state: 'read-only',
        databaseWritable: false,
        warning: 'the data folder is read-only; ASE cannot save anything',
      },
    });

    const listed = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/customers' });
    expect(listed.statusCode).toBe(200);
    expect(listed.json<{ items: { name: string }[] }>().items.map((c) => c.name)).toEqual([
      'Ann Before',
      'Bob Before',
    ]);
  });

  it('health finds out by itself, before any save has failed', async () => {
    const { t, dir } = await appOnExt4();
    failExt4(dir);
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({
      status: 'degraded',
      storage: { state: 'read-only', warning: 'the data folder is read-only; ASE cannot save anything' },
    });
  });
});

describe('starting on a read-only data folder', () => {
  it('stops at once with exit code 73 and one clear line', async () => {
    const dir = mountTmpfs(4 * MB);
    copyTemplateTo(dir);
    remountReadOnly(dir);
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        ASE_DATA_DIR: dir,
        ASE_HOST: '127.0.0.1',
        ASE_PORT: '0',
        ASE_HTTPS_PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(timer);
    expect(code).toBe(73);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `ASE cannot start: the data folder ${dir} is read-only (EROFS); ASE cannot save anything. Check the disk and mount it read-write, or set ASE_DATA_DIR to a writable folder.\n`,
    );
  });
});
