import type { Db } from '../../db/database.js';
import { insertIfNew } from '../../db/insert-if-new.js';
import { updateIfVersion } from '../../db/versioned-rows.js';

/** The one backup_settings row (id = 1); absent until the owner first saves. */
export function findBackupSettingsRow(db: Db) {
  return db.selectFrom('backup_settings').selectAll().where('id', '=', 1).executeTakeFirst();
}

/**
 * The first save: version 2, because the defaults shown before any row existed were version 1
 * (so a second editor who also read those defaults gets a 409, not a silent overwrite).
 */
export async function insertBackupSettingsRow(db: Db, data: string, at: string): Promise<boolean> {
  return insertIfNew(
    db
      .insertInto('backup_settings')
      .values({ id: 1, data, version: 2, created_at: at, updated_at: at })
      .onConflict((oc) => oc.column('id').doNothing()),
  );
}

export async function updateBackupSettingsIfVersion(
  db: Db,
  data: string,
  expectedVersion: number,
  at: string,
): Promise<boolean> {
  return updateIfVersion(db.updateTable('backup_settings'), 1, expectedVersion, { data, updated_at: at });
}
