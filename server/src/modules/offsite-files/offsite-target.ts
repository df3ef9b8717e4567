import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { REPLICA_MEDIA_FOLDER, type ReplicaTarget } from '../../lib/replica-target.js';

/**
 * Writing one media file to a replica target (an S3-compatible bucket or a directory) and saying
 * in plain words why it failed. Shared by the upload worker and the restore (which reads back).
 */
export type S3Target = Extract<ReplicaTarget, { kind: 's3' }>;
export type FileTarget = Extract<ReplicaTarget, { kind: 'file' }>;
export type ActiveTarget = S3Target | FileTarget;

/** A file of the data dir, read once to know what the target must end up holding. */
export interface LocalFile {
  hash: string;
  path: string;
  size: number;
  /** base64 MD5 of the bytes: Content-MD5, which every S3-compatible server checks. */
  md5Base64: string;
  mime: string;
}

/** How long to wait for a TCP connection, and for a silent socket, before calling the target unreachable. */
export const CONNECT_TIMEOUT_MS = 5_000;
export const SOCKET_IDLE_TIMEOUT_MS = 30_000;

/** `<path>/media/<hash[0..2]>/<hash>` inside the bucket ('' path: from the bucket's root). */
export function mediaObjectKey(targetPath: string, hash: string): string {
  return `${mediaPrefix(targetPath)}${hash.slice(0, 2)}/${hash}`;
}

/** `<path>/media/`: what a listing of the target's files starts with. */
export function mediaPrefix(targetPath: string): string {
  const base = targetPath.replace(/^\/+|\/+$/g, '');
  return base === '' ? `${REPLICA_MEDIA_FOLDER}/` : `${base}/${REPLICA_MEDIA_FOLDER}/`;
}

/** `<dir>/media/<hash[0..2]>/<hash>` under a directory target. */
export function mediaFilePath(targetDir: string, hash: string): string {
  return join(targetDir, REPLICA_MEDIA_FOLDER, hash.slice(0, 2), hash);
}

/**
 * An S3 client for a target. One request, no SDK retries (the queue retries with its own backoff,
 * and a streamed body cannot be sent twice); checksums only where S3 requires them, because
 * several S3-compatible servers refuse the SDK's default aws-chunked CRC trailer (Content-MD5 is
 * sent instead and is understood everywhere).
 */
export function s3ClientFor(target: S3Target): S3Client {
  return new S3Client({
    endpoint: target.endpoint,
    region: target.region === '' ? 'us-east-1' : target.region,
    forcePathStyle: target.forcePathStyle,
    credentials: { accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey },
    maxAttempts: 1,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, socketTimeout: SOCKET_IDLE_TIMEOUT_MS },
  });
}

/** A failure whose message is already a sentence for the owner (no stack, no SDK jargon). */
export class TargetError extends Error {
  override readonly name = 'TargetError';
}

/** What a put did: sent the bytes, or found them there already (same size). */
export type PutOutcome = 'uploaded' | 'already-there';

/** Puts a file in a bucket unless an object of that size is there, then checks the stored size. */
export async function putToS3(
  client: S3Client,
  target: S3Target,
  file: LocalFile,
  signal?: AbortSignal,
): Promise<PutOutcome> {
  const Key = mediaObjectKey(target.path, file.hash);
  const options = signal === undefined ? {} : { abortSignal: signal };
  const before = await headSize(client, target.bucket, Key, options);
  if (before === file.size) return 'already-there';
  await client.send(
    new PutObjectCommand({
      Bucket: target.bucket,
      Key,
      Body: createReadStream(file.path),
      ContentLength: file.size,
      ContentMD5: file.md5Base64,
      ContentType: file.mime,
      // The name is the content's hash: the object never changes, so caches may keep it for good.
      CacheControl: 'private, max-age=31536000, immutable',
    }),
    options,
  );
  const after = await headSize(client, target.bucket, Key, options);
  if (after !== file.size)
    throw new TargetError(
      after === null
        ? `The bucket accepted ${Key} but does not list it afterwards; it will be sent again.`
        : `The bucket holds ${after} bytes for ${Key} instead of ${file.size}; it will be sent again.`,
    );
  return 'uploaded';
}

async function headSize(
  client: S3Client,
  Bucket: string,
  Key: string,
  options: { abortSignal?: AbortSignal },
): Promise<number | null> {
  try {
    const head = await client.send(new HeadObjectCommand({ Bucket, Key }), options);
    return head.ContentLength ?? null;
  } catch (error) {
    // A HEAD answer has no body, so a missing object (or bucket) is just "NotFound"/404; the PUT
    // that follows names a missing bucket properly.
    if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return null;
    throw error;
  }
}

/**
 * Copies a file into a directory target: temp name, fsync, rename, so a power cut on the USB disk
 * never leaves half a file under a hash. The target's own folder must exist (an unmounted disk is
 * an error, not a reason to fill the system disk); the media folders inside are created.
 */
export async function copyToDirectory(
  target: FileTarget,
  file: LocalFile,
  signal?: AbortSignal,
): Promise<PutOutcome> {
  const root = await stat(target.path).catch((error: unknown) => {
    throw new TargetError(
      errnoOf(error) === 'ENOENT'
        ? `The backup folder ${target.path} does not exist (is the disk plugged in and mounted?).`
        : describeFsError(error, target.path),
    );
  });
  if (!root.isDirectory()) throw new TargetError(`The backup path ${target.path} is not a folder.`);
  const destination = mediaFilePath(target.path, file.hash);
  const existing = await stat(destination).catch(() => null);
  if (existing?.size === file.size) return 'already-there';
  const folder = join(target.path, REPLICA_MEDIA_FOLDER, file.hash.slice(0, 2));
  const temp = join(folder, `.${file.hash}.${randomBytes(6).toString('hex')}.part`);
  try {
    await mkdir(folder, { recursive: true });
    await pipeline(
      createReadStream(file.path),
      createWriteStream(temp, { flags: 'wx' }),
      signal === undefined ? {} : { signal },
    );
    // On the disk, not only in the page cache, before the name says "done".
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, destination);
  } catch (error) {
    await rm(temp, { force: true });
    if (error instanceof TargetError) throw error;
    throw new TargetError(describeFsError(error, target.path));
  }
  const after = await stat(destination).catch(() => null);
  if (after?.size !== file.size)
    throw new TargetError(
      `The copy of ${file.hash} in ${target.path} has the wrong size; it will be copied again.`,
    );
  return 'uploaded';
}

function errnoOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

function describeFsError(error: unknown, dir: string): string {
  switch (errnoOf(error) ?? '') {
    case 'ENOSPC':
      return `The backup disk at ${dir} is full.`;
    case 'EACCES':
    case 'EPERM':
      return `The server may not write to ${dir} (permission denied).`;
    case 'EROFS':
      return `The backup disk at ${dir} is read-only.`;
    case 'ENOENT':
      return `The backup folder ${dir} disappeared while copying (was the disk unplugged?).`;
    case 'EIO':
      return `The backup disk at ${dir} reported an input/output error (failing disk or cable?).`;
    case 'ABORT_ERR':
      return 'The copy was interrupted because the server is stopping.';
    default:
      return `Copying to ${dir} failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ECONNABORTED',
]);

/** One sentence for the owner about an S3 failure: unreachable, missing bucket, access denied, ... */
export function describeS3Error(target: S3Target, error: unknown): string {
  if (error instanceof TargetError) return error.message;
  const where = target.endpoint;
  if (error instanceof S3ServiceException) {
    const status = error.$metadata.httpStatusCode;
    switch (error.name) {
      case 'NoSuchBucket':
        return `The bucket "${target.bucket}" does not exist at ${where}.`;
      case 'AccessDenied':
      case 'InvalidAccessKeyId':
      case 'SignatureDoesNotMatch':
      case 'InvalidToken':
      case 'ExpiredToken':
      case 'AllAccessDisabled':
      case 'AccountProblem':
        return `Access denied by ${where} (${error.name}): check the access key, the secret and that the key may write to bucket "${target.bucket}".`;
      case 'BadDigest':
      case 'InvalidDigest':
      case 'XAmzContentSHA256Mismatch':
        return `The storage refused the upload because the bytes it received did not match their checksum (damaged on the way); it will be sent again.`;
      case 'PermanentRedirect':
      case 'AuthorizationHeaderMalformed':
      case 'IllegalLocationConstraintException':
        return `The bucket "${target.bucket}" is in another region than "${target.region}" (${error.name}): correct the region.`;
      case 'SlowDown':
      case 'ServiceUnavailable':
      case 'InternalError':
        return `The storage at ${where} is busy or failing (${error.name}, HTTP ${status ?? '?'}); it will be retried.`;
      default:
        if (status === 403)
          return `Access denied by ${where} (HTTP 403): check the access key, the secret and the bucket's permissions.`;
        if (status === 404) return `The bucket "${target.bucket}" was not found at ${where}.`;
        return `The storage at ${where} answered ${error.name} (HTTP ${status ?? '?'}): ${error.message}`;
    }
  }
  const code = errnoOf(error) ?? (error instanceof Error ? causeCode(error) : undefined);
  if (error instanceof Error && (error.name === 'TimeoutError' || code === 'ETIMEDOUT'))
    return `The storage endpoint ${where} did not answer in time (no internet, or the server is down); it will be retried.`;
  if (code !== undefined && NETWORK_CODES.has(code))
    return `The storage endpoint ${where} could not be reached (${code}: no internet, a wrong address, or the server is down); it will be retried.`;
  if (error instanceof Error && error.name === 'AbortError')
    return 'The upload was interrupted because the server is stopping.';
  return `Uploading to ${where} failed: ${error instanceof Error ? error.message : String(error)}`;
}

function causeCode(error: Error): string | undefined {
  const cause = (error as { cause?: unknown }).cause;
  return cause === undefined ? undefined : errnoOf(cause);
}
