import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Nullable, StringEnum } from '../../lib/schema.js';

/** GET /api/backup/files: where the photos stand on their way off-site. */
export const OffsiteFilesStatusSchema = Type.Object({
  target: StringEnum(['off', 's3', 'file'] as const, {
    description: "Where files go: 'off' (nowhere yet), an S3-compatible bucket, or a folder (USB disk, NAS)",
  }),
  pending: Type.Integer({ minimum: 0, description: 'Files not yet copied to the target' }),
  uploaded: Type.Integer({ minimum: 0, description: 'Files the target holds' }),
  failing: Type.Integer({
    minimum: 0,
    description: 'Pending files whose last attempt failed (they are retried with backoff, never dropped)',
  }),
  lastUploadAt: Nullable(IsoDateTime),
  lastError: Nullable(
    Type.String({ description: 'The most recent error of a file still waiting, as a sentence' }),
  ),
  nextAttemptAt: Nullable(IsoDateTime),
});
export type OffsiteFilesStatus = Static<typeof OffsiteFilesStatusSchema>;
