import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';

/** `npm run seed` as a real process: exit codes, messages, and the refusal to overwrite data. */
const ROOT = new URL('../../../', import.meta.url).pathname;
const NOW = '2026-03-03T16:00:00Z';
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ase-seed-cli-'));
  dirs.push(dir);
  return dir;
}

function seed(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/scripts/seed/run.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

function repairOrderCount(dataDir: string): number {
  const database = openDatabase(join(dataDir, 'ase.db'));
  try {
    return (database.sqlite.prepare('SELECT count(*) AS n FROM repair_orders').get() as { n: number }).n;
  } finally {
    database.sqlite.close();
  }
}

describe('npm run seed', () => {
  it('answers bad flags with exit 64 and the usage text, writing nothing', async () => {
    const dataDir = tempDataDir();
    const result = await seed(['--demo', '--colour', 'red', '--data-dir', dataDir]);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('unknown argument "--colour"');
    expect(result.stderr).toContain('Usage: npm run seed');
    expect(existsSync(join(dataDir, 'ase.db'))).toBe(false);
    const none = await seed([]);
    expect(none.code).toBe(64);
    expect(none.stderr).toContain('--demo or --years');
  }, 30_000);

  it('seeds the demo shop, refuses to seed over it (exit 73), and with --force backs it up first', async () => {
    const dataDir = tempDataDir();
    const first = await seed(['--demo', '--data-dir', dataDir, '--now', NOW]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('repair orders');
    expect(first.stdout).toContain('owner@demo.shop');
    // the demo's shop floor: the exact command that pairs and runs the simulator
    expect(first.stdout).toMatch(
      /npm run simulate -- --server http:\/\/127\.0\.0\.1:\d+ --email owner@demo\.shop --password demo-password-1 /,
    );
    expect(first.stderr).toContain('100%');
    const seeded = repairOrderCount(dataDir);
    expect(seeded).toBeGreaterThan(250);

    const refused = await seed(['--demo', '--data-dir', dataDir, '--now', NOW]);
    expect(refused.code).toBe(73);
    expect(refused.stderr).toContain('already holds data');
    expect(refused.stderr).toContain('--force');
    expect(repairOrderCount(dataDir)).toBe(seeded);

    const forced = await seed(['--demo', '--data-dir', dataDir, '--now', NOW, '--seed', '7', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('backed up');
    expect(readdirSync(join(dataDir, 'backups')).some((name) => name.endsWith('-before-seed.db'))).toBe(true);
    expect(repairOrderCount(dataDir)).toBeGreaterThan(250);
  }, 60_000);
});
