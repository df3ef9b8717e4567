import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { startFauxqs } from 'fauxqs';
import type { Database } from '../../../src/db/database.js';
import type { Clock } from '../../../src/lib/clock.js';
import type { S3Target } from '../../../src/modules/offsite-files/offsite-target.js';
import type { TestS3Server } from '../../helpers/s3-server.js';

/** Shared by the off-site file tests: real files in a real data dir, and a way to look in the bucket. */

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A media file as the inspections module stores one: bytes at `<dataDir>/media/<hh>/<hash>` and a
 * media_files row (the trigger of migration 0016 queues it in the same statement).
 */
export function storeMediaFile(
  database: Database,
  dataDir: string,
  clock: Clock,
  data: Buffer = randomBytes(2048),
): string {
  const hash = sha256(data);
  const dir = join(dataDir, 'media', hash.slice(0, 2));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, hash), data);
  const at = clock.now().toISOString();
  database.sqlite
    .prepare(
      `INSERT INTO media_files (hash, kind, mime, byte_size, width, height, created_at, updated_at)
       VALUES (?, 'image', 'image/jpeg', ?, NULL, NULL, ?, ?)`,
    )
    .run(hash, data.length, at, at);
  return hash;
}

export function queueRow(database: Database, hash: string) {
  return database.sqlite.prepare(`SELECT * FROM offsite_files WHERE hash = ?`).get(hash) as {
    hash: string;
    state: 'pending' | 'uploaded';
    attempts: number;
    next_attempt_at: string;
    last_error: string | null;
    uploaded_at: string | null;
  };
}

export function s3Target(
  server: { endpoint: string; region: string },
  bucket: string,
  path = 'shop',
): S3Target {
  return {
    kind: 's3',
    endpoint: server.endpoint,
    bucket,
    path,
    region: server.region,
    accessKeyId: 'ase-test',
    secretAccessKey: 'ase-test-secret',
    forcePathStyle: true,
  };
}

export async function getObject(client: S3Client, bucket: string, key: string) {
  const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return {
    body: Buffer.from(await response.Body!.transformToByteArray()),
    contentType: response.ContentType,
  };
}

export async function listKeys(client: S3Client, bucket: string): Promise<string[]> {
  const keys: string[] = [];
  let ContinuationToken: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken }));
    keys.push(...(page.Contents ?? []).map((o) => o.Key!));
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return keys.sort();
}

/** Every regular file below a folder, relative paths, sorted. */
export function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** fauxqs on a port chosen by the test (to bring "the same endpoint" back after an outage). */
export async function startFauxqsOn(port: number): Promise<{ stop(): Promise<void> }> {
  const server = await startFauxqs({ port, host: '127.0.0.1', logger: false });
  return { stop: () => server.stop() };
}

export type { TestS3Server };
