import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types; its two exports are used as documented there.
import { acquireLock, releaseLock } from '../../../ui/scripts/build-lock.mjs';

const REPO = join(import.meta.dirname, '../../..');
const ENSURE_BUILT = join(REPO, 'ui/scripts/ensure-built.mjs');

// Stands in for vite: writes its files one by one with pauses (so two builds into one directory
// would interleave) and logs when it starts and ends.
const FAKE_BUILD = `
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const out = process.env.ASE_UI_DIR;
const id = String(process.pid);
const pause = () => new Promise((r) => setTimeout(r, 150));
appendFileSync(process.env.FAKE_LOG, 'start ' + id + '\\n');
mkdirSync(join(out, 'app'), { recursive: true });
for (const name of ['app/a.js', 'app/b.js', 'index.html']) { writeFileSync(join(out, name), id); await pause(); }
writeFileSync(join(out, '200.html'), id);
appendFileSync(process.env.FAKE_LOG, 'end ' + id + '\\n');
`;

let work: string | undefined;
afterEach(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

function runEnsureBuilt(env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ENSURE_BUILT], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

describe('ui/scripts/ensure-built.mjs: two starts at once on one checkout', () => {
  it('build one at a time and leave one complete build in place', async () => {
    work = mkdtempSync(join(tmpdir(), 'ase-ui-build-'));
    const target = join(work, 'build');
    const log = join(work, 'builds.log');
    writeFileSync(join(work, 'fake-build.mjs'), FAKE_BUILD);
    writeFileSync(log, '');
    const env = {
      ASE_UI_DIR: target,
      ASE_UI_BUILD_COMMAND: `"${process.execPath}" "${join(work, 'fake-build.mjs')}"`,
      FAKE_LOG: log,
    };

    const codes = await Promise.all([runEnsureBuilt(env), runEnsureBuilt(env)]);
    expect(codes).toEqual([0, 0]);

    // No two builds ran at the same time: every start is followed by its own end.
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < lines.length; i += 2) {
      const [kind, id] = lines[i]!.split(' ');
      expect(kind).toBe('start');
      expect(lines[i + 1]).toBe(`end ${id}`);
    }

    // The served directory holds exactly one build's files, all from the same build.
    const files = ['200.html', 'index.html', 'app/a.js', 'app/b.js'];
    const ids = new Set(files.map((f) => readFileSync(join(target, f), 'utf8')));
    expect(ids.size).toBe(1);
    // Nothing is left beside it: no side build, no old copy, no lock.
    expect(readdirSync(work).sort()).toEqual(['build', 'builds.log', 'fake-build.mjs']);
  });

  it('leaves the previous build in place when a build fails', async () => {
    work = mkdtempSync(join(tmpdir(), 'ase-ui-build-'));
    const target = join(work, 'build');
    const previous = join(work, 'build', '200.html');
    rmSync(target, { recursive: true, force: true });
    await import('node:fs').then((fs) => fs.mkdirSync(target));
    writeFileSync(previous, 'old');
    utimesSync(previous, new Date(2000, 0, 1), new Date(2000, 0, 1)); // older than the sources
    const code = await runEnsureBuilt({
      ASE_UI_DIR: target,
      ASE_UI_BUILD_COMMAND: `"${process.execPath}" -e "process.exit(3)"`,
    });
    expect(code).not.toBe(0);
    expect(readFileSync(previous, 'utf8')).toBe('old');
    expect(existsSync(`${target}.lock`)).toBe(false);
    expect(existsSync(`${target}.next`)).toBe(false);
  });
});

describe('ui/scripts/build-lock.mjs', () => {
  it('makes a second taker wait until the first releases', async () => {
    work = mkdtempSync(join(tmpdir(), 'ase-ui-lock-'));
    const lock = join(work, 'build.lock');
    await acquireLock(lock, { pollMs: 10 });
    let secondHasIt = false;
    const second = (acquireLock(lock, { pollMs: 10 }) as Promise<void>).then(() => {
      secondHasIt = true;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(secondHasIt).toBe(false);
    releaseLock(lock);
    await second;
    expect(secondHasIt).toBe(true);
    releaseLock(lock);
  });

  it('takes over a stale lock left by a crashed build', async () => {
    work = mkdtempSync(join(tmpdir(), 'ase-ui-lock-'));
    const lock = join(work, 'build.lock');
    writeFileSync(lock, '999999\n');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(lock, anHourAgo, anHourAgo);
    await acquireLock(lock, { staleMs: 60_000, pollMs: 10, timeoutMs: 5_000 });
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`);
    releaseLock(lock);
  });
});
