import { HttpProblem } from './problem.js';

/**
 * What went wrong with the disk under the data folder, when a write failed because of it:
 * - `full`: no space left (SQLITE_FULL, ENOSPC, a quota).
 * - `read-only`: the file system or the database file cannot be written (SQLITE_READONLY*, EROFS,
 *   a data folder the server's user may not write).
 * - `io`: SQLite's disk I/O error (SQLITE_IOERR_*). SQLite does not say which system error caused
 *   it (a write refused by a file system that turned read-only is SQLITE_IOERR_WRITE, as is a
 *   failing disk), so the caller looks at the data folder to tell (see `probeDataDir`).
 */
export type StorageFault = 'full' | 'read-only' | 'io';

interface CodedError {
  code?: unknown;
  cause?: unknown;
}

function faultOfCode(code: unknown): StorageFault | null {
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === 'EROFS')
    return 'read-only';
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_')) return 'io';
  return null;
}

/** The storage fault behind an error (looking through a few `cause` links), or null for any other error. */
export function classifyStorageError(error: unknown): StorageFault | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const fault = faultOfCode((current as CodedError).code);
    if (fault !== null) return fault;
    current = (current as CodedError).cause;
  }
  return null;
}

/** Bytes as a person reads them on a banner: "0 bytes", "512 KB", "1.4 GB" (decimal units, as disks are sold). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${Math.max(0, Math.floor(bytes))} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${units[unit]}`;
}

/** The reasons health and the owner's banner give; one wording everywhere. */
export const storageReasons = {
  full: (freeBytes: number | null): string =>
    `the disk is full: ${freeBytes === null ? 'no space' : formatBytes(freeBytes)} free; ASE cannot save anything`,
  readOnly: (): string => 'the data folder is read-only; ASE cannot save anything',
  low: (freeBytes: number, totalBytes: number): string =>
    `the disk is almost full: ${formatBytes(freeBytes)} free of ${formatBytes(totalBytes)}; ` +
    'ASE stops saving when it runs out, so free some space',
};

/**
 * The problem a client gets when its change could not be saved for lack of disk. 507 Insufficient
 * Storage (RFC 4918) says exactly this; the change was rolled back as a whole, so a retry is safe
 * once there is space again.
 */
export function diskFullProblem(): HttpProblem {
  return new HttpProblem({
    status: 507,
    title: 'Disk full',
    slug: 'disk-full',
    detail:
      'The disk is full, so ASE could not save this change; nothing of it was kept. ' +
      'Free some disk space on the ASE computer and try again.',
  });
}

/**
 * A read-only disk is the server's trouble, not the request's: 503, and it does not pass by
 * itself (the file system must be checked and mounted writable again), so no Retry-After.
 */
export function readOnlyStorageProblem(): HttpProblem {
  return new HttpProblem({
    status: 503,
    title: 'Storage read-only',
    slug: 'storage-read-only',
    detail:
      'The data folder of ASE has become read-only, so ASE could not save this change; nothing of it ' +
      'was kept. The disk must be checked and made writable again.',
  });
}

/**
 * The problem for an error caused by the disk, or null when the error is something else.
 * `notice` hears of every storage fault and tells what a disk I/O error was (full, read-only, or
 * neither: then the error stays a 500).
 */
export function storageProblemOf(
  error: unknown,
  notice: (fault: StorageFault) => 'full' | 'read-only' | null,
): HttpProblem | null {
  const classified = classifyStorageError(error);
  if (classified === null) return null;
  const fault = notice(classified);
  if (fault === 'full') return diskFullProblem();
  if (fault === 'read-only') return readOnlyStorageProblem();
  return null;
}
