// `npm start` runs this first: it builds the staff app when ui/build is missing or older than its
// sources, so `npm ci && npm start` serves the screens without a separate build step. Two starts at
// once on one checkout take turns: the second waits for the first build under a lock and then finds
// it up to date, and every build goes to a side directory that is renamed into place when complete.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireLock, releaseLock, swapIn } from './build-lock.mjs';

const uiDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = join(uiDir, '..');
// The same directory the server serves: ASE_UI_DIR (relative to the checkout) or ui/build.
const target = process.env.ASE_UI_DIR ? resolve(repoDir, process.env.ASE_UI_DIR) : join(uiDir, 'build');
const shell = join(target, '200.html');
const fresh = `${target}.next`;
const lock = `${target}.lock`;
// Tests stand in a quick command for the real (minute-long) vite build; it writes into ASE_UI_DIR.
const buildCommand = process.env.ASE_UI_BUILD_COMMAND ?? 'npm run build:ui';

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function upToDate() {
  const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts'].map((p) => join(uiDir, p));
  const sourceTime = Math.max(...sources.filter(existsSync).map(newestMtime));
  return existsSync(shell) && statSync(shell).mtimeMs >= sourceTime;
}

if (upToDate()) process.exit(0);

await acquireLock(lock);
let status = 0;
try {
  // Another start may have built while we waited for the lock.
  if (!upToDate()) {
    process.stdout.write(
      'Building the staff app (ui/) once; later starts skip this while it is up to date…\n',
    );
    rmSync(fresh, { recursive: true, force: true });
    const result = spawnSync(buildCommand, {
      stdio: 'inherit',
      cwd: repoDir,
      shell: true,
      env: { ...process.env, ASE_UI_DIR: fresh },
    });
    status = result.status ?? 1;
    if (status === 0 && existsSync(join(fresh, '200.html'))) swapIn(fresh, target);
    else {
      rmSync(fresh, { recursive: true, force: true });
      status ||= 1;
    }
  }
} finally {
  releaseLock(lock);
}
process.exit(status);
