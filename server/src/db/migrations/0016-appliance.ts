import { sql, type Kysely } from 'kysely';
import { VERSION_AND_STAMPS } from '../migration-sql.js';

/**
 * The appliance (issue 7): off-site copies.
 *
 * - backup_settings: one row, where the database and the files are replicated (an S3-compatible
 *   bucket or a local/NAS path), written by the owner in settings. Litestream's config file is
 *   generated from it. Secrets stay in this row and never leave through the API.
 * - offsite_files: the durable queue of media files still to upload to the bucket. A trigger on
 *   media_files enqueues every new file in the same transaction that records it, so a crash or an
 *   internet outage can delay an upload but never lose one; rows stay after the upload as the
 *   record of what the bucket holds. A file the shop deletes (a photo removed before anyone
 *   saw it) leaves the queue with it; a copy already uploaded stays in the bucket, harmless.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE backup_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      data TEXT NOT NULL CHECK (json_valid(data)),
      ${VERSION_AND_STAMPS}
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE offsite_files (
      hash TEXT PRIMARY KEY REFERENCES media_files(hash) ON DELETE CASCADE,
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'uploaded')),
      attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      next_attempt_at TEXT NOT NULL,
      last_error TEXT,
      uploaded_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX offsite_files_due ON offsite_files(next_attempt_at) WHERE state = 'pending'`.execute(
    db,
  );

  await sql`
    CREATE TRIGGER media_files_enqueue_offsite AFTER INSERT ON media_files
    BEGIN
      INSERT OR IGNORE INTO offsite_files (hash, next_attempt_at, created_at, updated_at)
      VALUES (NEW.hash, NEW.created_at, NEW.created_at, NEW.created_at);
    END`.execute(db);

  // Files recorded before this migration are queued too.
  await sql`
    INSERT INTO offsite_files (hash, next_attempt_at, created_at, updated_at)
    SELECT hash, created_at, created_at, created_at FROM media_files`.execute(db);
}
