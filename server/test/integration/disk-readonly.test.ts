import { describe, expect, it } from 'vitest';
import { injectAs, setupOwner } from '../helpers/test-app.js';
import {
  appsOnSmallDisks,
  copyTemplateTo,
  createCustomer,
  expectHealthDegraded,
  expectSavesRefused,
  failExt4,
  mountExt4,
  mountTmpfs,
  remountReadOnly,
  startServerOn,
} from '../helpers/small-disk.js';

/**
 * The data disk turning read-only under the running server, as ext4 does after a disk error
 * (errors=remount-ro, on a real loop device): saves are refused with a 503 that says why, health
 * says degraded and why, what was saved can still be read. A start on a read-only data folder
 * stops at once with exit code 73 and one clear line.
 */
const MB = 1024 * 1024;
const appOn = appsOnSmallDisks();

async function appOnExt4() {
  const dir = mountExt4(32 * MB);
  return { t: await appOn(dir), dir };
}

const READ_ONLY_DETAIL =
  'The data folder of ASE has become read-only, so ASE could not save this change; nothing of it ' +
  'was kept. The disk must be checked and made writable again.';

describe('the data disk turning read-only under the running server', () => {
  it('refuses saves with 503 and a clear message, reports degraded, and still serves what was saved', async () => {
    const { t, dir } = await appOnExt4();
    const owner = await setupOwner(t.app);
    for (const name of ['Ann Before', 'Bob Before']) {
      expect((await createCustomer(t, owner.cookie, name)).statusCode).toBe(201);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({
      status: 'ok',
      storage: { state: 'ok' },
    });

    failExt4(dir);

    await expectSavesRefused(t, owner.cookie, {
      type: 'urn:ase:problem:storage-read-only',
      title: 'Storage read-only',
      status: 503,
      detail: READ_ONLY_DETAIL,
    });

    await expectHealthDegraded(t, {
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
    await expectHealthDegraded(t, {
      storage: { state: 'read-only', warning: 'the data folder is read-only; ASE cannot save anything' },
    });
  });
});

describe('starting on a read-only data folder', () => {
  it('stops at once with exit code 73 and one clear line', async () => {
    const dir = mountTmpfs(4 * MB);
    copyTemplateTo(dir);
    remountReadOnly(dir);
    const { code, stdout, stderr } = await startServerOn(dir);
    expect(code).toBe(73);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `ASE cannot start: the data folder ${dir} is read-only (EROFS); ASE cannot save anything. Check the disk and mount it read-write, or set ASE_DATA_DIR to a writable folder.\n`,
    );
  });
});
