import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { REPLICA_MEDIA_FOLDER, type ReplicaTarget } from '../../lib/replica-target.js';
import { describeS3Error, mediaPrefix, s3ClientFor, type S3Target } from './offsite-target.js';

/**
 * Brings the media files back from a replica target into an (empty) data dir: the other half of
 * a restore, next to Litestream's restore of the database. Pure: no app, no database.
 */

export interface RestoreProgress {
  /** Files looked at so far (restored, already present or damaged). */
  done: number;
  /** Files the target holds. */
  total: number;
  restored: number;
  bytes: number;
}

export interface RestoreResult {
  /** Files written into the data dir. */
  restored: number;
  /** Their bytes. */
  bytes: number;
  /** Files that were there already with the right size (a restore run twice). */
  skipped: number;
}

/** Some objects did not match their name: everything else was restored; these are named. */
export class DamagedFilesError extends Error {
  override readonly name = 'DamagedFilesError';
  constructor(
    readonly damaged: string[],
    readonly result: RestoreResult,
  ) {
    super(
      `${damaged.length} file(s) in the backup are damaged (their content does not match their sha256 name) and were not restored: ${damaged.join(', ')}. The other ${result.restored + result.skipped} files are in place.`,
    );
  }
}

const HASH = /^[0-9a-f]{64}$/;
const PARALLEL = 4;

interface RemoteFile {
  hash: string;
  /** The object key or the file's path, for messages. */
  name: string;
  size: number;
  open(): Promise<Readable>;
}

/**
 * Lists every file under `<path>/media/` of the target, downloads each into
 * `<dataDir>/media/<hash[0..2]>/<hash>` (temp name, then rename) and checks that the sha256 of the
 * bytes is the name. A damaged object is left out and named in the DamagedFilesError thrown at
 * the end, once every good file is in place. Names that are not a hash (temp files of an
 * interrupted copy) are ignored.
 */
export async function restoreFilesFromReplica(
  target: ReplicaTarget,
  dataDir: string,
  onProgress?: (progress: RestoreProgress) => void,
): Promise<RestoreResult> {
  if (target.kind === 'off')
    throw new Error('No backup target is set: there is nothing to restore files from.');
  if (target.kind === 'file') return restoreAll(await listDirectory(target.path), dataDir, onProgress);
  const client = s3ClientFor(target);
  try {
    const files = await listBucket(client, target).catch((error: unknown) => {
      throw new Error(describeS3Error(target, error), { cause: error });
    });
    return await restoreAll(files, dataDir, onProgress, (error) => describeS3Error(target, error));
  } finally {
    client.destroy();
  }
}

async function listBucket(client: S3Client, target: S3Target): Promise<RemoteFile[]> {
  const prefix = mediaPrefix(target.path);
  const files: RemoteFile[] = [];
  let ContinuationToken: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: target.bucket, Prefix: prefix, ContinuationToken }),
    );
    for (const object of page.Contents ?? []) {
      const key = object.Key ?? '';
      const hash = key.slice(key.lastIndexOf('/') + 1);
      if (!HASH.test(hash)) continue;
      files.push({
        hash,
        name: key,
        size: object.Size ?? -1,
        async open() {
          const response = await client.send(new GetObjectCommand({ Bucket: target.bucket, Key: key }));
          if (response.Body === undefined) throw new Error(`The object ${key} came back empty.`);
          return response.Body as Readable;
        },
      });
    }
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken !== undefined);
  return files;
}

async function listDirectory(dir: string): Promise<RemoteFile[]> {
  const root = join(dir, REPLICA_MEDIA_FOLDER);
  let shards: string[];
  try {
    shards = await readdir(root);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') {
      // No media folder at all is an empty backup only if the target folder itself is there.
      await stat(dir).catch(() => {
        throw new Error(`The backup folder ${dir} does not exist (is the disk plugged in and mounted?).`);
      });
      return [];
    }
    throw error;
  }
  const files: RemoteFile[] = [];
  for (const shard of shards.sort()) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    for (const entry of (await readdir(join(root, shard), { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (!entry.isFile() || !HASH.test(entry.name)) continue;
      const path = join(root, shard, entry.name);
      files.push({
        hash: entry.name,
        name: path,
        size: (await stat(path)).size,
        open: async () => createReadStream(path),
      });
    }
  }
  return files;
}

async function restoreAll(
  files: RemoteFile[],
  dataDir: string,
  onProgress: ((progress: RestoreProgress) => void) | undefined,
  describe: (error: unknown) => string = (error) => (error instanceof Error ? error.message : String(error)),
): Promise<RestoreResult> {
  const mediaRoot = join(dataDir, 'media');
  const tmpDir = join(mediaRoot, 'tmp');
  await mkdir(tmpDir, { recursive: true });
  const result: RestoreResult = { restored: 0, bytes: 0, skipped: 0 };
  const damaged: string[] = [];
  let done = 0;
  let next = 0;
  const failures: Error[] = [];
  const lane = async (): Promise<void> => {
    while (failures.length === 0 && next < files.length) {
      const file = files[next++]!;
      try {
        const outcome = await restoreOne(file, mediaRoot, tmpDir);
        if (outcome === 'damaged') damaged.push(file.name);
        else if (outcome === 'skipped') result.skipped += 1;
        else {
          result.restored += 1;
          result.bytes += outcome;
        }
      } catch (error) {
        failures.push(new Error(`Restoring ${file.name} failed: ${describe(error)}`, { cause: error }));
      }
      done += 1;
      onProgress?.({ done, total: files.length, restored: result.restored, bytes: result.bytes });
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, files.length) }, lane));
  if (failures[0] !== undefined) throw failures[0];
  if (damaged.length > 0) throw new DamagedFilesError(damaged.sort(), result);
  return result;
}

/** Bytes written, 'skipped' (there already), or 'damaged' (the sha256 is not the name: nothing kept). */
async function restoreOne(
  file: RemoteFile,
  mediaRoot: string,
  tmpDir: string,
): Promise<number | 'skipped' | 'damaged'> {
  const destination = join(mediaRoot, file.hash.slice(0, 2), file.hash);
  const present = await stat(destination).catch(() => null);
  if (present !== null && present.size === file.size) return 'skipped';
  const temp = join(tmpDir, `${randomBytes(12).toString('hex')}.restore`);
  const sha = createHash('sha256');
  let size = 0;
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sha.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  try {
    await pipeline(await file.open(), hashing, createWriteStream(temp, { flags: 'wx' }));
    if (sha.digest('hex') !== file.hash) {
      await rm(temp, { force: true });
      return 'damaged';
    }
    await mkdir(join(mediaRoot, file.hash.slice(0, 2)), { recursive: true });
    await rename(temp, destination);
    return size;
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
