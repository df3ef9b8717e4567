import type { Generated } from 'kysely';
import type { Timestamps } from '../schema.js';

/** Tables of the appliance capability (migration 0016): off-site copies of the database and files. */
export interface BackupSettingsTable extends Timestamps {
  id: number;
  /** JSON: the replica target and its credentials (modules/backup). */
  data: string;
  version: Generated<number>;
}

export type OffsiteFileState = 'pending' | 'uploaded';

export interface OffsiteFilesTable extends Timestamps {
  hash: string;
  state: Generated<OffsiteFileState>;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  uploaded_at: string | null;
}

export interface ApplianceTables {
  backup_settings: BackupSettingsTable;
  offsite_files: OffsiteFilesTable;
}
