import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Nullable, StrictObject, StringEnum, Version } from '../../lib/schema.js';
import type { S3Target } from '../../lib/replica-target.js';

export const TARGET_KINDS = ['off', 's3', 'file'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const REPLICATION_STATES = ['off', 'starting', 'replicating', 'error'] as const;
export type ReplicationState = (typeof REPLICATION_STATES)[number];

/** What backup_settings.data holds. Both targets are kept so switching back loses nothing. */
export interface StoredBackupSettings {
  target: TargetKind;
  s3: S3Target;
  file: { path: string };
  lagWarningSeconds: number;
}

const S3View = Type.Object({
  endpoint: Type.String(),
  bucket: Type.String(),
  path: Type.String(),
  region: Type.String(),
  accessKeyId: Type.String(),
  secretSet: Type.Boolean({ description: 'Whether a secret access key is stored (it is never returned)' }),
  forcePathStyle: Type.Boolean(),
});

export const BackupSettingsSchema = Type.Object({
  target: StringEnum(TARGET_KINDS),
  s3: S3View,
  file: Type.Object({ path: Type.String() }),
  lagWarningSeconds: Type.Integer(),
  version: Type.Integer(),
  updatedAt: Nullable(IsoDateTime),
});
export type BackupSettings = Static<typeof BackupSettingsSchema>;

export const ReplicationStatusSchema = Type.Object({
  state: StringEnum(REPLICATION_STATES),
  message: Nullable(Type.String({ description: 'What is happening, or what went wrong, in words' })),
  generation: Nullable(Type.String({ description: "Litestream's current generation id" })),
  lastSyncAt: Nullable(IsoDateTime),
  lagSeconds: Nullable(
    Type.Integer({ description: 'How long commits have waited for the replica (0 = it has everything)' }),
  ),
  warning: Nullable(Type.String({ description: 'Set when the owner should act (error, or lag too long)' })),
  binary: Nullable(Type.String({ description: 'The Litestream binary in use; null when none was found' })),
});
export type ReplicationStatus = Static<typeof ReplicationStatusSchema>;

export const BackupViewSchema = Type.Object({
  settings: BackupSettingsSchema,
  status: ReplicationStatusSchema,
});
export type BackupView = Static<typeof BackupViewSchema>;

const S3Input = StrictObject({
  endpoint: Type.Optional(Type.String({ maxLength: 500, description: 'http(s) URL of the S3 API' })),
  bucket: Type.Optional(Type.String({ maxLength: 63 })),
  path: Type.Optional(Type.String({ maxLength: 500, description: 'Folder in the bucket, e.g. shop1' })),
  region: Type.Optional(Type.String({ maxLength: 64 })),
  accessKeyId: Type.Optional(Type.String({ maxLength: 256 })),
  secretAccessKey: Type.Optional(
    Type.String({ maxLength: 512, description: 'Write-only; absent keeps the stored one.' }),
  ),
  forcePathStyle: Type.Optional(Type.Boolean()),
});
const FileInput = StrictObject({
  path: Type.Optional(Type.String({ maxLength: 1000, description: 'Absolute directory, e.g. /mnt/usb/ase' })),
});

export const UpdateBackupSettingsBody = StrictObject({
  version: Version,
  target: Type.Optional(StringEnum(TARGET_KINDS)),
  s3: Type.Optional(S3Input),
  file: Type.Optional(FileInput),
  lagWarningSeconds: Type.Optional(Type.Integer({ minimum: 10, maximum: 7 * 24 * 3600 })),
});
export type UpdateBackupSettingsInput = Static<typeof UpdateBackupSettingsBody>;

/** A candidate to test before saving; absent fields (and an absent secret) come from the stored settings. */
export const TestConnectionBody = StrictObject({
  target: Type.Optional(StringEnum(TARGET_KINDS)),
  s3: Type.Optional(S3Input),
  file: Type.Optional(FileInput),
});
export type TestConnectionInput = Static<typeof TestConnectionBody>;

export const TestConnectionResultSchema = Type.Object({
  ok: Type.Boolean(),
  target: StringEnum(TARGET_KINDS),
  message: Type.String(),
  elapsedMs: Type.Integer(),
});
export type TestConnectionResult = Static<typeof TestConnectionResultSchema>;
