import type { Generated } from 'kysely';
import type { Timestamps } from '../columns.js';

/** Tables owned by the backup module (migration 0016): where the database's off-site copy goes. */
export interface BackupSettingsTable extends Timestamps {
  id: number;
  /** JSON: the replica target and its credentials (modules/backup). */
  data: string;
  version: Generated<number>;
}

export interface BackupTables {
  backup_settings: BackupSettingsTable;
}
