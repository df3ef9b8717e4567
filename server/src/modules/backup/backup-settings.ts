import { isAbsolute } from 'node:path';
import type { FieldError } from '../../lib/problem.js';
import type { BackupSettings, StoredBackupSettings, TestConnectionInput } from './backup.schemas.js';
import type { ReplicaTarget } from '../../lib/replica-target.js';

/** Nothing is replicated until the owner chooses a target. */
export const DEFAULT_BACKUP_SETTINGS: StoredBackupSettings = {
  target: 'off',
  s3: {
    endpoint: '',
    bucket: '',
    path: '',
    region: 'us-east-1',
    accessKeyId: '',
    secretAccessKey: '',
    forcePathStyle: false,
  },
  file: { path: '' },
  lagWarningSeconds: 300,
};

export type LoadedBackupSettings = StoredBackupSettings & { version: number; updatedAt: string | null };

export function mergeStored(data: string): StoredBackupSettings {
  const stored = JSON.parse(data) as Partial<StoredBackupSettings>;
  return {
    target: stored.target ?? DEFAULT_BACKUP_SETTINGS.target,
    s3: { ...DEFAULT_BACKUP_SETTINGS.s3, ...stored.s3 },
    file: { ...DEFAULT_BACKUP_SETTINGS.file, ...stored.file },
    lagWarningSeconds: stored.lagWarningSeconds ?? DEFAULT_BACKUP_SETTINGS.lagWarningSeconds,
  };
}

export function publicView(settings: LoadedBackupSettings): BackupSettings {
  const { secretAccessKey, ...s3 } = settings.s3;
  return {
    target: settings.target,
    s3: { ...s3, secretSet: secretAccessKey !== '' },
    file: { ...settings.file },
    lagWarningSeconds: settings.lagWarningSeconds,
    version: settings.version,
    updatedAt: settings.updatedAt,
  };
}

/** Applies a (partial) change; a missing secret keeps the stored one (it is write-only). */
export function applyChanges(
  current: StoredBackupSettings,
  input: TestConnectionInput & { lagWarningSeconds?: number },
): StoredBackupSettings {
  const s3 = { ...current.s3, ...input.s3 };
  return {
    target: input.target ?? current.target,
    s3: {
      ...s3,
      endpoint: s3.endpoint.trim().replace(/\/+$/, ''),
      bucket: s3.bucket.trim(),
      path: s3.path.trim().replace(/^\/+|\/+$/g, ''),
      region: s3.region.trim(),
      accessKeyId: s3.accessKeyId.trim(),
    },
    file: { path: (input.file?.path ?? current.file.path).trim() },
    lagWarningSeconds: input.lagWarningSeconds ?? current.lagWarningSeconds,
  };
}

// S3 bucket naming rules (AWS): 3-63 chars, lowercase letters, digits, dots and hyphens, starting and
// ending with a letter or digit, no "..", not an IP address.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** What is wrong with the settings of the chosen target, by field (an empty list = fine). */
export function validateSettings(settings: StoredBackupSettings): FieldError[] {
  const errors: FieldError[] = [];
  if (settings.target === 's3') {
    const { s3 } = settings;
    let url: URL | null = null;
    try {
      url = new URL(s3.endpoint);
    } catch {
      url = null;
    }
    if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '')
      errors.push({
        path: 's3.endpoint',
        message: 'must be an http(s) URL, e.g. https://s3.us-east-1.amazonaws.com',
      });
    else if (url.search !== '' || url.hash !== '' || url.username !== '')
      errors.push({ path: 's3.endpoint', message: 'must be a plain URL without query, fragment or user' });
    if (!BUCKET.test(s3.bucket) || s3.bucket.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(s3.bucket))
      errors.push({
        path: 's3.bucket',
        message:
          'must be 3-63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit',
      });
    if (s3.path.split('/').some((part) => part === '.' || part === '..') || /\/\/|\\/.test(s3.path))
      errors.push({
        path: 's3.path',
        message: 'must be a folder like shop1 or backups/shop1 (no .., //, \\)',
      });
    if (!/^[a-z0-9-]{1,64}$/.test(s3.region))
      errors.push({ path: 's3.region', message: 'must be a region name like us-east-1 (use auto for R2)' });
    if (s3.accessKeyId === '') errors.push({ path: 's3.accessKeyId', message: 'is required' });
    if (s3.secretAccessKey === '') errors.push({ path: 's3.secretAccessKey', message: 'is required' });
  }
  if (settings.target === 'file') {
    const path = settings.file.path;
    if (path === '' || !isAbsolute(path))
      errors.push({ path: 'file.path', message: 'must be an absolute directory, e.g. /mnt/usb/ase' });
    else if (path.split('/').includes('..'))
      errors.push({ path: 'file.path', message: 'must not contain ..' });
  }
  return errors;
}

/** The settings as the target the replicator and the file uploader use (secrets included). */
export function targetOf(settings: StoredBackupSettings): ReplicaTarget {
  if (settings.target === 's3') return { kind: 's3', ...settings.s3 };
  if (settings.target === 'file') return { kind: 'file', path: settings.file.path };
  return { kind: 'off' };
}
