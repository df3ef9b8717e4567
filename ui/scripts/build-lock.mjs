// The two pieces that keep two `npm start`s on one checkout from mixing two UI builds: a lock file
// so only one process builds at a time, and a swap by rename so the served directory is always one
// complete build (never half of one, never files from two).
import { closeSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';

/**
 * Takes the lock at `lockPath` (created with O_EXCL, so exactly one process wins). A lock older
 * than `staleMs` is taken over: its builder crashed or was killed, and a build never takes that
 * long. Waits at most `timeoutMs`, then throws so a start never hangs for good.
 */
export async function acquireLock(
  lockPath,
  { staleMs = 10 * 60_000, pollMs = 200, timeoutMs = 20 * 60_000 } = {},
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const age = lockAgeMs(lockPath);
    if (age !== null && age > staleMs) {
      rmSync(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${lockPath} (another build holds it).`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

export function releaseLock(lockPath) {
  rmSync(lockPath, { force: true });
}

function lockAgeMs(lockPath) {
  try {
    return Date.now() - statSync(lockPath).mtimeMs;
  } catch {
    return null; // released between our open and our stat: just try again
  }
}

/**
 * Puts the finished build `fresh` in place of `target`. Each rename is atomic; between the two the
 * target is briefly absent (a reader then gets "not built", never a mix of two builds).
 */
export function swapIn(fresh, target) {
  const old = `${target}.old-${process.pid}`;
  let moved = false;
  try {
    renameSync(target, old);
    moved = true;
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  renameSync(fresh, target);
  if (moved) rmSync(old, { recursive: true, force: true });
}
