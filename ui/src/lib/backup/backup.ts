import type { Ok } from '$lib/api/client';

/** GET /api/backup: the settings (the secret only as set / not set) and the live status. */
export type BackupViewShape = Ok<'/api/backup', 'get'>;
export type FilesStatus = Ok<'/api/backup/files', 'get'>;
export type TestResult = Ok<'/api/backup/test', 'post'>;

/** What the form edits: strings for inputs, the secret empty unless the owner types a new one. */
export interface BackupForm {
  target: 'off' | 's3' | 'file';
  endpoint: string;
  bucket: string;
  path: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  filePath: string;
  lagWarningMinutes: string;
}

export function toForm(view: BackupViewShape): BackupForm {
  const { settings } = view;
  return {
    target: settings.target,
    endpoint: settings.s3.endpoint,
    bucket: settings.s3.bucket,
    path: settings.s3.path,
    region: settings.s3.region,
    accessKeyId: settings.s3.accessKeyId,
    secretAccessKey: '',
    forcePathStyle: settings.s3.forcePathStyle,
    filePath: settings.file.path,
    lagWarningMinutes: String(Math.round(settings.lagWarningSeconds / 60)),
  };
}

/** The candidate target (for Test connection and Save); an empty secret keeps the stored one. */
export function toCandidate(form: BackupForm) {
  return {
    target: form.target,
    s3: {
      endpoint: form.endpoint,
      bucket: form.bucket,
      path: form.path,
      region: form.region,
      accessKeyId: form.accessKeyId,
      forcePathStyle: form.forcePathStyle,
      ...(form.secretAccessKey === '' ? {} : { secretAccessKey: form.secretAccessKey }),
    },
    file: { path: form.filePath },
  };
}

/** The PUT body; a lag warning that is not a whole number of minutes is left for the server to refuse. */
export function toUpdate(form: BackupForm, version: number) {
  const minutes = Number(form.lagWarningMinutes);
  return {
    version,
    ...toCandidate(form),
    lagWarningSeconds: Number.isFinite(minutes) && minutes > 0 ? Math.round(minutes * 60) : 0,
  };
}

/** "12 s ago", "5 min ago", "3 h ago", "2 days ago". */
export function ago(iso: string, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} days ago`;
}

export function duration(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

export const STATE_LABELS: Record<BackupViewShape['status']['state'], string> = {
  off: 'Off',
  starting: 'Starting',
  replicating: 'Replicating',
  error: 'Error',
};

const shellQuote = (value: string) =>
  /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;

/** The exact restore command for the saved settings (credentials stay in the environment). */
export function restoreCommand(
  settings: BackupViewShape['settings'],
  dataDir = '/var/lib/ase/data-restored',
): string {
  if (settings.target === 'file')
    return `npm run restore -- --data-dir ${shellQuote(dataDir)} --file ${shellQuote(settings.file.path)}`;
  if (settings.target === 's3') {
    const s3 = settings.s3;
    return [
      `ASE_BACKUP_ACCESS_KEY_ID=${shellQuote(s3.accessKeyId)} ASE_BACKUP_SECRET_ACCESS_KEY='<secret>' \\`,
      `  npm run restore -- --data-dir ${shellQuote(dataDir)} \\`,
      `  --s3-endpoint ${shellQuote(s3.endpoint)} --bucket ${shellQuote(s3.bucket)}` +
        (s3.path === '' ? '' : ` --path ${shellQuote(s3.path)}`) +
        ` --region ${shellQuote(s3.region)}` +
        (s3.forcePathStyle ? ' --force-path-style' : ''),
    ].join('\n');
  }
  return '';
}
