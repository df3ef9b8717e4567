import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { injectAs, OWNER, setupOwner } from '../helpers/test-app.js';
import {
  appsOnSmallDisks,
  copyTemplateTo,
  createCustomer,
  expectHealthDegraded,
  expectSavesRefused,
  fillDisk,
  mountTmpfs,
  startServerOn,
} from '../helpers/small-disk.js';

/**
 * A full disk under the running server (a real 16 MB tmpfs filled to the last byte): every save is
 * refused with a 507 that says why (sign-in too), health says degraded and why, nothing that was
 * acknowledged is lost, and saving resumes by itself once space is back. A start on a full disk
 * stops at once with exit code 73 and one clear line.
 */
const MB = 1024 * 1024;
const appOn = appsOnSmallDisks();

async function appOnSmallDisk(sizeBytes: number, overrides = {}) {
  const dir = mountTmpfs(sizeBytes);
  return { t: await appOn(dir, overrides), dir };
}

const DISK_FULL_DETAIL =
  'The disk is full, so ASE could not save this change; nothing of it was kept. ' +
  'Free some disk space on the ASE computer and try again.';

describe('a full disk under the running server', () => {
  it('refuses saves with 507 and a clear message, reports degraded, loses nothing, and resumes when space is back', async () => {
    const { t, dir } = await appOnSmallDisk(16 * MB);
    const owner = await setupOwner(t.app);
    const acknowledged: string[] = [];
    for (const name of ['Ann Before', 'Bob Before', 'Cy Before']) {
      const created = await createCustomer(t, owner.cookie, name);
      expect(created.statusCode).toBe(201);
      acknowledged.push(created.json<{ id: string }>().id);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({
      status: 'ok',
      storage: { state: 'ok', databaseWritable: true, warning: null },
    });

    // A checkpoint empties the WAL, so the next commit must grow a file: with no byte left, it cannot.
    t.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const filler = fillDisk(dir);

    await expectSavesRefused(t, owner.cookie, {
      type: 'urn:ase:problem:disk-full',
      title: 'Disk full',
      status: 507,
      detail: DISK_FULL_DETAIL,
    });

    await expectHealthDegraded(t, {
      db: 'error',
      storage: {
        state: 'full',
        databaseWritable: false,
        freeBytes: 0,
        warning: 'the disk is full: 0 bytes free; ASE cannot save anything',
      },
    });

    // Reads still work while full, also once the session's last-seen touch is due (a write that
    // is skipped on a full disk rather than failing every signed-in read).
    const listed = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/customers' });
    expect(listed.statusCode).toBe(200);
    t.clock.advance(5 * 60_000);
    const listedLater = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/customers' });
    expect(listedLater.statusCode, listedLater.body).toBe(200);

    // Space comes back: the same server saves again, without a restart.
    rmSync(filler);
    const resumed = await createCustomer(t, owner.cookie, 'Eve After');
    expect(resumed.statusCode).toBe(201);
    acknowledged.push(resumed.json<{ id: string }>().id);
    const healthAfter = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(healthAfter.statusCode).toBe(200);
    expect(healthAfter.json()).toMatchObject({
      status: 'ok',
      db: 'ok',
      storage: { state: 'ok', warning: null },
    });
    const signInAfter = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: OWNER.email, password: OWNER.password },
    });
    expect(signInAfter.statusCode).toBe(200);

    // Everything acknowledged is there, and nothing refused is.
    const names = t.database.sqlite.prepare('SELECT id, name FROM customers ORDER BY name').all() as {
      id: string;
      name: string;
    }[];
    expect(names.map((c) => c.name)).toEqual(['Ann Before', 'Bob Before', 'Cy Before', 'Eve After']);
    expect(names.map((c) => c.id).sort()).toEqual([...acknowledged].sort());
    expect(t.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('keeps every acknowledged write through many saves that run into the full disk', async () => {
    const { t, dir } = await appOnSmallDisk(16 * MB);
    const owner = await setupOwner(t.app);
    const filler = fillDisk(dir);
    // Whatever still fits in the WAL is saved and acknowledged; the rest is refused with 507.
    const acknowledged: string[] = [];
    let refusals = 0;
    for (let i = 0; i < 60; i++) {
      const response = await createCustomer(t, owner.cookie, `Customer ${String(i).padStart(2, '0')}`);
      expect([201, 507]).toContain(response.statusCode);
      if (response.statusCode === 201) acknowledged.push(response.json<{ name: string }>().name);
      else refusals++;
    }
    expect(refusals).toBeGreaterThan(0);
    rmSync(filler);
    expect((await createCustomer(t, owner.cookie, 'Customer zz')).statusCode).toBe(201);
    acknowledged.push('Customer zz');

    // Opened again from the file, as after a restart: every acknowledged customer is there.
    await t.close();
    const reopened = openDatabase(join(dir, 'ase.db'));
    try {
      const rows = reopened.sqlite.prepare('SELECT name FROM customers').all() as { name: string }[];
      expect(rows.map((c) => c.name).sort()).toEqual(acknowledged.sort());
      expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await reopened.close();
    }
  });

  it('warns before the disk runs out: under the threshold health stays ok and says how much is left', async () => {
    // 16 MB is far under the default 1 GB: low, still saving.
    const { t } = await appOnSmallDisk(16 * MB, { lowDiskFreeBytes: 1_000_000_000, lowDiskFreePercent: 5 });
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const body = health.json<{
      status: string;
      storage: { state: string; freeBytes: number; warning: string };
    }>();
    expect(body.status).toBe('ok');
    expect(body.storage.state).toBe('low');
    expect(body.storage.freeBytes).toBeGreaterThan(10 * MB);
    expect(body.storage.warning).toMatch(
      /^the disk is almost full: 1[0-7] MB free of 17 MB; ASE stops saving when it runs out, so free some space$/,
    );
  });
});

describe('starting on a full disk', () => {
  it('stops at once with exit code 73 and one clear line', async () => {
    const dir = mountTmpfs(4 * MB);
    copyTemplateTo(dir);
    fillDisk(dir);
    const { code, stdout, stderr } = await startServerOn(dir);
    expect(code).toBe(73);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `ASE cannot start: the disk of the data folder ${dir} is full (0 bytes free, ENOSPC); ASE cannot save anything. Free some disk space, then start ASE again.\n`,
    );
  });
});
