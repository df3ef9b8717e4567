import type { Generated } from 'kysely';
import type { Timestamps } from '../columns.js';

/** Tables owned by the offsite-files module (migration 0016): which photo files are copied off-site. */
export type OffsiteFileState = 'pending' | 'uploaded';

export interface OffsiteFilesTable extends Timestamps {
  hash: string;
  state: Generated<OffsiteFileState>;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  uploaded_at: string | null;
}

export interface OffsiteFilesTables {
  offsite_files: OffsiteFilesTable;
}
