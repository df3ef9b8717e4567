import { closeSync, fsyncSync, mkdirSync, openSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { formatBytes } from './storage-errors.js';

/**
 * Below this much free space the disk counts as full: SQLite needs room for a transaction's pages
 * in the WAL and for checkpoints, so a disk with a few hundred KB left fails almost every write.
 */
export const FULL_BELOW_BYTES = 1_000_000;

/** sysexits.h EX_CANTCREAT: the data folder cannot be written (read-only, full, or not ours). */
export const EXIT_DATA_DIR_UNWRITABLE = 73;

export interface DiskSpace {
  /** Bytes the server's user may still write (statfs f_bavail: root's reserve is not ours). */
  freeBytes: number;
  totalBytes: number;
}

export function diskSpaceOf(dir: string): DiskSpace {
  const stats = statfsSync(dir);
  return { freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
}

export interface DirectoryFault {
  fault: 'full' | 'read-only';
  /** The system error code that said so (EROFS, EACCES, ENOSPC, ...). */
  code: string;
}

function faultOfFsError(error: unknown): DirectoryFault | null {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return { fault: 'full', code };
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return { fault: 'read-only', code };
  return null;
}

/**
 * A real write in the folder: create a small file, write, fsync (a delayed allocation only fails
 * there) and remove it. Statfs alone cannot tell a read-only file system (ext4 after an error
 * turns itself read-only and still reports its free space), and a write is the question anyway.
 * Returns null when the folder takes the write; other errors (EIO) are thrown.
 */
export function probeDataDir(dir: string): DirectoryFault | null {
  const path = join(dir, `.ase-write-probe-${process.pid}`);
  let fd: number | null = null;
  try {
    fd = openSync(path, 'w');
    writeSync(fd, 'ase');
    fsyncSync(fd);
    return null;
  } catch (error) {
    const fault = faultOfFsError(error);
    if (fault === null) throw error;
    return fault;
  } finally {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(path);
    } catch {
      // never created (read-only) or already gone
    }
  }
}

/** Why the server cannot use its data folder, as one line for stderr (and the journal). */
export interface DataDirProblem extends DirectoryFault {
  message: string;
}

function problemLine(dir: string, found: DirectoryFault, freeBytes: number | null): DataDirProblem {
  const message =
    found.fault === 'full'
      ? `ASE cannot start: the disk of the data folder ${dir} is full (${freeBytes === null ? 'no space' : formatBytes(freeBytes)} free, ${found.code}); ASE cannot save anything. Free some disk space, then start ASE again.`
      : found.code === 'EROFS'
        ? `ASE cannot start: the data folder ${dir} is read-only (EROFS); ASE cannot save anything. Check the disk and mount it read-write, or set ASE_DATA_DIR to a writable folder.`
        : `ASE cannot start: the data folder ${dir} cannot be written by this user (${found.code}); ASE cannot save anything. Give the server's user write access, or set ASE_DATA_DIR to a writable folder.`;
  return { ...found, message };
}

/**
 * Can the server keep its data here? Creates the folder when missing, writes a file in it, opens
 * the database files for writing when they exist, and wants at least FULL_BELOW_BYTES free.
 * Null when all is well.
 */
export function checkDataDir(dir: string): DataDirProblem | null {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const fault = faultOfFsError(error);
    if (fault === null) throw error;
    return problemLine(dir, fault, null);
  }
  const space = diskSpaceOf(dir);
  const probed = probeDataDir(dir);
  if (probed !== null) return problemLine(dir, probed, space.freeBytes);
  // The folder may be writable while the database file is not (copied in by root, say).
  for (const name of ['ase.db', 'ase.db-wal', 'ase.db-shm']) {
    try {
      closeSync(openSync(join(dir, name), 'r+'));
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') continue;
      const fault = faultOfFsError(error);
      if (fault === null) throw error;
      return problemLine(`${dir} (${name})`, fault, space.freeBytes);
    }
  }
  if (space.freeBytes < FULL_BELOW_BYTES)
    return problemLine(dir, { fault: 'full', code: 'ENOSPC' }, space.freeBytes);
  return null;
}

/**
 * Called by main.ts right after the config is read: a data folder ASE cannot write stops the
 * start at once with one clear line and exit code 73 (EX_CANTCREAT), instead of a server that
 * says it is healthy and then fails every save.
 */
export function exitIfDataDirUnwritable(dir: string): void {
  const problem = checkDataDir(dir);
  if (problem === null) return;
  process.stderr.write(`${problem.message}\n`);
  process.exit(EXIT_DATA_DIR_UNWRITABLE);
}
