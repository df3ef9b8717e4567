import { execFileSync, spawn } from 'node:child_process';
import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterEach, expect, inject } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { AppConfig } from '../../src/config/config.schema.js';
import { loadConfig } from '../../src/config/load-config.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { ManualClock } from '../../src/lib/clock.js';
import { injectAs, OWNER, problemOf } from './test-app.js';

/**
 * Real small disks for the disk-full and read-only tests: a tmpfs of a given size, or an ext4
 * file system on a loop device that turns itself read-only after an error (errors=remount-ro),
 * as a failing disk does in a shop. Needs root (CI and this machine run as root); without it
 * the tests fail with a message saying so, they never skip.
 *
 * Why ext4 for "turns read-only" and not `mount -o remount,ro` on a tmpfs: the kernel refuses to
 * remount read-only while a file is open for writing (EBUSY), and the running server holds the
 * database open. `remount,ro` is used where nothing is open: the start of the server.
 */
interface Mounted {
  dir: string;
  image: string | null;
}

const mounted: Mounted[] = [];

function stderrOf(error: unknown): string {
  const stderr = (error as { stderr?: unknown }).stderr;
  return (
    typeof stderr === 'string' ? stderr : Buffer.isBuffer(stderr) ? stderr.toString('utf8') : ''
  ).trim();
}

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 20_000,
    });
  } catch (error) {
    const stderr = stderrOf(error);
    const root =
      process.getuid?.() === 0
        ? ''
        : ' (these tests need root to mount small disks: run them as root, as CI does)';
    throw new Error(`${command} ${args.join(' ')} failed${root}: ${stderr || (error as Error).message}`);
  }
}

/** A tmpfs of `sizeBytes` at a new folder; unmounted by `unmountAll`. */
export function mountTmpfs(sizeBytes: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'ase-small-disk-'));
  mounted.push({ dir, image: null });
  run('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir]);
  return dir;
}

/** An ext4 file system of `sizeBytes` (no root reserve) on a loop device, errors=remount-ro. */
export function mountExt4(sizeBytes: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'ase-small-disk-'));
  const image = `${dir}.img`;
  mounted.push({ dir, image });
  const fd = openSync(image, 'w');
  closeSync(fd);
  run('truncate', ['-s', String(sizeBytes), image]);
  run('mkfs.ext4', ['-q', '-F', '-m', '0', image]);
  run('mount', ['-o', 'loop,errors=remount-ro', image, dir]);
  return dir;
}

/**
 * What a disk error does to ext4 mounted errors=remount-ro: the kernel makes the file system
 * read-only under the running server (ext4's own fault trigger, /sys/fs/ext4/<dev>/trigger_fs_error).
 */
export function failExt4(dir: string): void {
  const device = run('findmnt', ['-n', '-o', 'SOURCE', '--target', dir]).trim();
  run('sh', ['-c', `echo 1 > /sys/fs/ext4/${basename(device)}/trigger_fs_error`]);
}

/** Remounts a file system read-only; only possible while no file on it is open for writing. */
export function remountReadOnly(dir: string): void {
  run('mount', ['-o', 'remount,ro', dir]);
}

/**
 * Fills the file system to the last byte with one file (returned, to delete later): a big write,
 * then single bytes until ENOSPC, so that statfs says exactly 0 bytes free. Bounded by the size.
 */
export function fillDisk(dir: string): string {
  const path = join(dir, 'filler');
  const fd = openSync(path, 'w');
  try {
    const chunk = Buffer.alloc(64 * 1024);
    for (const size of [chunk.length, 4096, 1]) {
      const stats = statfsSync(dir);
      const limit = Math.ceil((stats.blocks * stats.bsize) / size) + 2;
      for (let i = 0; i < limit; i++) {
        try {
          writeSync(fd, chunk, 0, size);
        } catch (error) {
          if ((error as { code?: unknown }).code !== 'ENOSPC') throw error;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

/** Unmounts everything mounted here (lazily when still busy) and removes the folders and images. */
export function unmountAll(): void {
  const failures: string[] = [];
  for (const { dir, image } of mounted.splice(0).reverse()) {
    try {
      execFileSync('umount', [dir], { stdio: 'pipe', timeout: 20_000 });
    } catch {
      try {
        execFileSync('umount', ['-l', dir], { stdio: 'pipe', timeout: 20_000 });
      } catch (error) {
        // Never mounted (mount itself failed): nothing to undo.
        if (!/not mounted|no mount point/i.test(stderrOf(error))) {
          failures.push(`${dir}: ${stderrOf(error)}`);
        }
      }
    }
    rmSync(dir, { recursive: true, force: true });
    if (image !== null) rmSync(image, { force: true });
  }
  if (failures.length > 0) throw new Error(`could not unmount: ${failures.join('; ')}`);
}

/** The migrated template database copied into `dir` (a small disk), as `ase.db`. */
export function copyTemplateTo(dir: string): string {
  const path = join(dir, 'ase.db');
  copyFileSync(inject('templateDbPath'), path);
  return path;
}

export interface AppOnDisk {
  app: FastifyInstance;
  database: Database;
  clock: ManualClock;
  close(): Promise<void>;
}

/** The real app with its data folder on `dir`; the low-space warning off unless asked for. */
export async function createAppOn(dir: string, overrides: Partial<AppConfig> = {}): Promise<AppOnDisk> {
  const database = openDatabase(copyTemplateTo(dir), { durability: 'NORMAL' });
  const config: AppConfig = {
    ...loadConfig({ env: {}, cwd: dir }),
    dataDir: dir,
    lowDiskFreeBytes: 0,
    lowDiskFreePercent: 0,
    ...overrides,
  };
  const clock = new ManualClock('2026-03-02T14:00:00.000Z');
  const app = await buildApp({
    config,
    database,
    clock,
    logger: pino({ level: process.env.ASE_TEST_LOG_LEVEL ?? 'silent' }),
  });
  await app.ready();
  return {
    app,
    database,
    clock,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/**
 * Apps on small disks for one test file: each test's apps are closed and every disk unmounted after
 * it. `close` (idempotent) lets a test close its app early, to open the file again as after a restart.
 */
export function appsOnSmallDisks(): (dir: string, overrides?: Partial<AppConfig>) => Promise<AppOnDisk> {
  const opened: AppOnDisk[] = [];
  afterEach(async () => {
    for (const t of opened.splice(0)) await t.close();
    unmountAll();
  });
  return async (dir, overrides = {}) => {
    const app = await createAppOn(dir, overrides);
    let closed: Promise<void> | null = null;
    const t: AppOnDisk = { ...app, close: () => (closed ??= app.close()) };
    opened.push(t);
    return t;
  };
}

const REPO = new URL('../../../', import.meta.url).pathname;

/** `npm start` on the data folder `dir` (any port): how it exits and what it printed. */
export async function startServerOn(
  dir: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH ?? '',
      ASE_DATA_DIR: dir,
      ASE_HOST: '127.0.0.1',
      ASE_PORT: '0',
      ASE_HTTPS_PORT: '0',
      ASE_MQTT_PORT: '0', // the broker's fixed ports would collide with parallel tests
      ASE_MQTT_TLS_PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  // Bounded: a server that started instead of stopping is killed, and the test fails on its code.
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** The problem every save gets while the disk cannot take it. */
export interface StorageProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
}

/** A new customer, the save these tests make. */
export function createCustomer(t: AppOnDisk, cookie: string, name: string) {
  return injectAs(t.app, cookie, { method: 'POST', url: '/api/customers', payload: { name } });
}

/**
 * Saves are refused with `problem`: a new customer, and signing in too (it writes a session), which
 * must get the same clear answer rather than a generic 500.
 */
export async function expectSavesRefused(t: AppOnDisk, cookie: string, problem: StorageProblem) {
  const refused = await createCustomer(t, cookie, 'Refused During');
  expect(refused.statusCode).toBe(problem.status);
  expect(problemOf(refused)).toMatchObject(problem);
  const signIn = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: OWNER.email, password: OWNER.password },
  });
  expect(signIn.statusCode).toBe(problem.status);
  expect(problemOf(signIn).detail).toBe(problem.detail);
}

/** Health answers 503 "degraded" with `expected` (db, storage) in its body: it says what is wrong. */
export async function expectHealthDegraded(t: AppOnDisk, expected: Record<string, unknown>) {
  const health = await t.app.inject({ method: 'GET', url: '/api/health' });
  expect(health.statusCode).toBe(503);
  expect(health.json()).toMatchObject({ status: 'degraded', ...expected });
}
