import { constants } from 'node:fs';
import { access, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DeleteObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { ReplicaTarget } from '../../lib/replica-target.js';

export interface ProbeResult {
  ok: boolean;
  message: string;
}

type S3Target = Extract<ReplicaTarget, { kind: 's3' }>;

/** An S3 client for a target: the same endpoint, region, style and keys Litestream will use. */
export function s3ClientFor(target: S3Target, timeoutMs: number): S3Client {
  return new S3Client({
    endpoint: target.endpoint,
    region: target.region,
    forcePathStyle: target.forcePathStyle,
    credentials: { accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey },
    maxAttempts: 1,
    // Options object form: the SDK builds its Node handler from it (no direct @smithy import).
    requestHandler: { connectionTimeout: timeoutMs, requestTimeout: timeoutMs },
  });
}

/** The SDK's error, by name and HTTP status, in words the owner can act on. */
export function explainS3Error(error: unknown, target: S3Target): string {
  const e = error as {
    name?: string;
    Code?: string;
    message?: string;
    code?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const name = e.name ?? e.Code ?? '';
  const status = e.$metadata?.httpStatusCode;
  const text = `${name} ${e.code ?? ''} ${e.message ?? ''}`;
  if (name === 'NoSuchBucket' || /NoSuchBucket/.test(text))
    return `The bucket "${target.bucket}" does not exist at ${target.endpoint}. Create it first, or check the name.`;
  if (
    [
      'InvalidAccessKeyId',
      'SignatureDoesNotMatch',
      'AccessDenied',
      'Forbidden',
      'InvalidToken',
      'ExpiredToken',
    ].includes(name) ||
    status === 403
  )
    return `Access denied (${name || 'HTTP 403'}): check the access key id and secret, and that this key may write to the bucket "${target.bucket}".`;
  if (status === 301 || name === 'PermanentRedirect' || name === 'AuthorizationHeaderMalformed')
    return `The bucket "${target.bucket}" is in another region than "${target.region}" (${name || 'HTTP 301'}): set the bucket's region.`;
  if (
    /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|TimeoutError|socket hang up|timed out/i.test(
      text,
    )
  )
    return `Cannot reach ${target.endpoint} (${(e.code ?? name) || 'network error'}): check the address, and that this machine is online.`;
  if (status === 404 && name !== 'NotFound')
    return `The endpoint answered 404: check the endpoint URL and the bucket "${target.bucket}" (path-style addressing may be needed).`;
  return `The storage answered with an error: ${name || 'unknown'}${e.message ? ` (${e.message.slice(0, 200)})` : ''}.`;
}

/**
 * Writes, reads back and deletes a small probe object under the target's path, within a 10 s
 * budget: proof that the keys can do what Litestream and the file uploader will do.
 */
export async function probeS3(target: S3Target, timeoutMs = 10_000): Promise<ProbeResult> {
  const client = s3ClientFor(target, timeoutMs);
  const key = `${target.path === '' ? '' : `${target.path}/`}.ase-probe-${Date.now().toString(36)}`;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    await client.send(
      new PutObjectCommand({
        Bucket: target.bucket,
        Key: key,
        Body: 'ase connection test',
        ContentType: 'text/plain',
      }),
      { abortSignal: signal },
    );
    await client.send(new HeadObjectCommand({ Bucket: target.bucket, Key: key }), { abortSignal: signal });
    await client.send(new DeleteObjectCommand({ Bucket: target.bucket, Key: key }), { abortSignal: signal });
    return {
      ok: true,
      message: `Connected: wrote, read and deleted a test object in bucket "${target.bucket}".`,
    };
  } catch (error) {
    if (signal.aborted)
      return {
        ok: false,
        message: `Cannot reach ${target.endpoint}: no answer within ${timeoutMs / 1000} s.`,
      };
    return { ok: false, message: explainS3Error(error, target) };
  } finally {
    client.destroy();
  }
}

/** The directory must exist (a mounted disk, not a typo that would fill the system disk) and be writable. */
export async function probeDirectory(path: string): Promise<ProbeResult> {
  try {
    const info = await stat(path);
    if (!info.isDirectory()) return { ok: false, message: `${path} is not a directory.` };
  } catch {
    return { ok: false, message: `The directory ${path} does not exist (is the disk mounted?).` };
  }
  try {
    await access(path, constants.W_OK);
    const probeDir = join(path, '.ase-probe');
    await mkdir(probeDir, { recursive: true });
    await writeFile(join(probeDir, 'probe.txt'), 'ase connection test');
    await rm(probeDir, { recursive: true, force: true });
    return { ok: true, message: `The directory ${path} exists and is writable.` };
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    return { ok: false, message: `The directory ${path} is not writable (${code}).` };
  }
}
