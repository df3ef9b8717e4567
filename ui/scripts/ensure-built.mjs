// `npm start` runs this first: it builds the staff app when ui/build is missing or older than its
// sources, so `npm ci && npm start` serves the screens without a separate build step.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const uiDir = fileURLToPath(new URL('..', import.meta.url));
const shell = join(uiDir, 'build', '200.html');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts'].map((p) => join(uiDir, p));
const sourceTime = Math.max(...sources.filter(existsSync).map(newestMtime));
if (existsSync(shell) && statSync(shell).mtimeMs >= sourceTime) process.exit(0);

process.stdout.write('Building the staff app (ui/) once; later starts skip this while it is up to date…\n');
const result = spawnSync('npm', ['run', 'build:ui'], { stdio: 'inherit', cwd: join(uiDir, '..') });
process.exit(result.status ?? 1);
