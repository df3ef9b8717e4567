import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import BetterSqlite3 from 'better-sqlite3';
import {
  restoreFilesFromReplica,
  type RestoreProgress as FilesProgress,
} from '../offsite-files/offsite-restore.js';
import {
  credentialsEnv,
  explainReplicaError,
  findLitestreamBinary,
  litestreamConfigYaml,
  parseLogLine,
} from './litestream.js';
import type { ReplicaTarget } from '../../lib/replica-target.js';

export type ActiveReplicaTarget = Exclude<ReplicaTarget, { kind: 'off' }>;

export type RestoreStep =
  | { step: 'database'; message: string }
  | { step: 'integrity'; message: string }
  | { step: 'files'; done: number; total: number; bytes: number }
  | { step: 'done'; message: string };

export interface RestoreOptions {
  /** Must be missing or empty: a restore never overwrites anything. */
  dataDir: string;
  target: ActiveReplicaTarget;
  /** Restore the database as it was at this time (ISO-8601); default: the latest. */
  timestamp?: string;
  /** Default: findLitestreamBinary(). */
  litestreamBinary?: string | null;
  onProgress?: (progress: RestoreStep) => void;
  /** Skip the media files (database only). */
  skipFiles?: boolean;
}

export interface RestoreResult {
  databasePath: string;
  databaseBytes: number;
  tables: number;
  files: { restored: number; bytes: number; skipped: number } | null;
  elapsedMs: { database: number; files: number; total: number };
}

export type RestoreErrorCode = 'not-empty' | 'no-binary' | 'litestream-failed' | 'integrity' | 'files-failed';

export class RestoreError extends Error {
  override readonly name = 'RestoreError';
  constructor(
    readonly code: RestoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The file name of the database in a data dir (main.ts opens `<dataDir>/ase.db`). */
export const DATABASE_FILE = 'ase.db';

/**
 * Brings a shop back from its off-site copy into an empty data dir: the database through
 * `litestream restore` (latest, or as of a timestamp), checked with PRAGMA integrity_check, then
 * the media files (offsite-files). Refuses a non-empty directory so that a mistyped path can never
 * overwrite a live shop. On failure it removes what it wrote, so it can simply be run again.
 */
export async function restoreShop(options: RestoreOptions): Promise<RestoreResult> {
  const dataDir = resolve(options.dataDir);
  const report = options.onProgress ?? (() => undefined);
  if (existsSync(dataDir)) {
    if (!statSync(dataDir).isDirectory())
      throw new RestoreError('not-empty', `${dataDir} is a file, not a directory.`);
    const entries = readdirSync(dataDir);
    if (entries.length > 0)
      throw new RestoreError(
        'not-empty',
        `Refusing to restore into ${dataDir}: it is not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}, e.g. ${entries.slice(0, 3).join(', ')}). Restore into a new, empty directory; move the old one aside first if you mean to replace it.`,
      );
  }
  const binary = options.litestreamBinary === undefined ? findLitestreamBinary() : options.litestreamBinary;
  if (binary === null)
    throw new RestoreError(
      'no-binary',
      'The Litestream binary was not found: install the @flydotio/litestream-linux-x64 package, put litestream on PATH, or set ASE_LITESTREAM_BIN.',
    );
  if (options.timestamp !== undefined && Number.isNaN(Date.parse(options.timestamp)))
    throw new RestoreError('litestream-failed', `--timestamp ${options.timestamp} is not an ISO-8601 time.`);

  const createdDir = !existsSync(dataDir);
  mkdirSync(dataDir, { recursive: true });
  const started = Date.now();
  const databasePath = join(dataDir, DATABASE_FILE);
  try {
    report({ step: 'database', message: `Restoring the database from ${describe(options.target)}…` });
    await litestreamRestore(binary, databasePath, options.target, options.timestamp, (message) =>
      report({ step: 'database', message }),
    );
    // Litestream restores through `<db>.tmp` and leaves that file's empty -wal/-shm behind.
    for (const leftover of ['.tmp-wal', '.tmp-shm']) rmSync(`${databasePath}${leftover}`, { force: true });
    const databaseMs = Date.now() - started;
    report({ step: 'integrity', message: 'Checking the restored database (integrity_check)…' });
    const tables = checkIntegrity(databasePath);
    const databaseBytes = statSync(databasePath).size;
    const filesStarted = Date.now();
    let files: RestoreResult['files'] = null;
    if (options.skipFiles !== true) {
      try {
        files = await restoreFilesFromReplica(options.target, dataDir, (p: FilesProgress) =>
          report({ step: 'files', done: p.done, total: p.total, bytes: p.bytes }),
        );
      } catch (error) {
        throw new RestoreError(
          'files-failed',
          `The database was restored, but the files were not: ${(error as Error).message}`,
        );
      }
    }
    const total = Date.now() - started;
    report({
      step: 'done',
      message: `Restored ${tables} tables${files ? ` and ${files.restored} files` : ''}.`,
    });
    return {
      databasePath,
      databaseBytes,
      tables,
      files,
      elapsedMs: { database: databaseMs, files: Date.now() - filesStarted, total },
    };
  } catch (error) {
    // A damaged-files error leaves a usable database and the good files: keep them, say so.
    if (error instanceof RestoreError && error.code === 'files-failed') throw error;
    // Leave the directory as we found it (empty or missing), so the command can be run again.
    for (const entry of readdirSync(dataDir)) rmSync(join(dataDir, entry), { recursive: true, force: true });
    if (createdDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

function describe(target: ActiveReplicaTarget): string {
  return target.kind === 'file'
    ? target.path
    : `${target.endpoint} bucket ${target.bucket}${target.path === '' ? '' : `/${target.path}`}`;
}

/** `litestream restore` with a config file (never an s3:// URL: custom endpoints need the file). */
async function litestreamRestore(
  binary: string,
  databasePath: string,
  target: ActiveReplicaTarget,
  timestamp: string | undefined,
  onLine: (message: string) => void,
): Promise<void> {
  const configDir = mkdtempSync(join(tmpdir(), 'ase-restore-'));
  const configPath = join(configDir, 'litestream.yml');
  writeFileSync(configPath, litestreamConfigYaml(databasePath, target), { mode: 0o600 });
  const args = [
    'restore',
    '-config',
    configPath,
    ...(timestamp ? ['-timestamp', new Date(timestamp).toISOString()] : []),
    databasePath,
  ];
  try {
    const errors: string[] = [];
    const code = await new Promise<number | null>((resolveExit, reject) => {
      const child = spawn(binary, args, {
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: process.env.HOME ?? '/',
          ...credentialsEnv(target),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const handle = (text: string) => {
        const line = parseLogLine(text);
        if (line === null) {
          if (text.trim() !== '') errors.push(text.trim());
          return;
        }
        if (line.level === 'ERROR') errors.push(line.fields.error ?? line.msg);
        const detail = [line.fields.generation, line.fields.index].filter(Boolean).join(' ');
        onLine(`${line.msg}${detail ? ` (${detail})` : ''}`);
      };
      createInterface({ input: child.stdout }).on('line', handle);
      createInterface({ input: child.stderr }).on('line', handle);
      child.once('error', reject);
      child.once('close', resolveExit);
    });
    if (code !== 0 || !existsSync(databasePath)) {
      const raw = errors.join('\n') || `litestream restore exited with code ${code}`;
      const message = /no matching backups|no generations|no snapshots available/i.test(raw)
        ? `No backup of the database was found at ${describe(target)}${timestamp ? ` for ${timestamp}` : ''}.`
        : explainReplicaError(raw, target);
      throw new RestoreError('litestream-failed', `${message} (litestream: ${raw.split('\n')[0]})`);
    }
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
}

/** PRAGMA integrity_check must say ok; returns the number of tables. */
function checkIntegrity(path: string): number {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((row) => row.integrity_check).filter((text) => text !== 'ok');
    if (problems.length > 0)
      throw new RestoreError(
        'integrity',
        `The restored database is damaged: ${problems.slice(0, 5).join('; ')}`,
      );
    return (db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number })
      .n;
  } finally {
    db.close();
  }
}
