import { S3ServiceException } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { describeS3Error } from '../../../src/modules/offsite-files/offsite-target.js';
import { backoffDelayMs } from '../../../src/modules/offsite-files/offsite-upload-worker.js';
import { s3Target } from './helpers.js';

describe('backoff', () => {
  it('starts near 30 s, doubles, and never waits more than an hour (±20 % jitter)', () => {
    expect(backoffDelayMs(1, undefined, () => 0.5)).toBe(30_000);
    expect(backoffDelayMs(2, undefined, () => 0.5)).toBe(60_000);
    expect(backoffDelayMs(1, undefined, () => 0)).toBe(24_000);
    expect(backoffDelayMs(1, undefined, () => 1)).toBe(36_000);
    expect(backoffDelayMs(8, undefined, () => 0.5)).toBe(3_600_000);
    expect(backoffDelayMs(500, undefined, () => 1)).toBe(4_320_000);
  });
});

describe('error sentences', () => {
  it('turns S3 answers into sentences the owner can act on', () => {
    const target = s3Target({ endpoint: 'https://s3.example.com', region: 'eu-west-1' }, 'shop');
    const answer = (name: string, status: number) =>
      new S3ServiceException({
        name,
        $fault: 'client',
        $metadata: { httpStatusCode: status },
        message: name,
      });
    expect(describeS3Error(target, answer('AccessDenied', 403))).toBe(
      'Access denied by https://s3.example.com (AccessDenied): check the access key, the secret and that the key may write to bucket "shop".',
    );
    expect(describeS3Error(target, answer('InvalidAccessKeyId', 403))).toMatch(/^Access denied by/);
    expect(describeS3Error(target, answer('NoSuchBucket', 404))).toBe(
      'The bucket "shop" does not exist at https://s3.example.com.',
    );
    expect(describeS3Error(target, answer('PermanentRedirect', 301))).toMatch(
      /another region than "eu-west-1"/,
    );
    expect(describeS3Error(target, answer('BadDigest', 400))).toMatch(/did not match their checksum/);
    expect(describeS3Error(target, Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }))).toMatch(
      /could not be reached \(ENOTFOUND/,
    );
    expect(describeS3Error(target, Object.assign(new Error('slow'), { name: 'TimeoutError' }))).toMatch(
      /did not answer in time/,
    );
  });
});
