import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { OffsiteFilesTable } from '../../db/tables/offsite-files.js';

/** Kysely queries over the off-site upload queue (offsite_files, migration 0016). */
export type OffsiteFileRow = Selectable<OffsiteFilesTable>;

/** Pending rows whose time has come, oldest due first. */
export function findDueFiles(db: Db, now: string, limit: number): Promise<OffsiteFileRow[]> {
  return db
    .selectFrom('offsite_files')
    .selectAll()
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('hash')
    .limit(limit)
    .execute();
}

export async function markUploaded(db: Db, hash: string, at: string): Promise<void> {
  await db
    .updateTable('offsite_files')
    .set({ state: 'uploaded', uploaded_at: at, last_error: null, updated_at: at })
    .where('hash', '=', hash)
    .where('state', '=', 'pending')
    .execute();
}

export async function markFailed(
  db: Db,
  hash: string,
  failure: { attempts: number; lastError: string; nextAttemptAt: string },
  at: string,
): Promise<void> {
  await db
    .updateTable('offsite_files')
    .set({
      attempts: failure.attempts,
      last_error: failure.lastError,
      next_attempt_at: failure.nextAttemptAt,
      updated_at: at,
    })
    .where('hash', '=', hash)
    .where('state', '=', 'pending')
    .execute();
}

/** Every row back to pending, due now: the target changed and the new one holds nothing yet. */
export async function requeueAllFiles(db: Db, at: string): Promise<number> {
  const result = await db
    .updateTable('offsite_files')
    .set({
      state: 'pending',
      attempts: 0,
      last_error: null,
      uploaded_at: null,
      next_attempt_at: at,
      updated_at: at,
    })
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Failing rows (pending after an error) due now; attempts are kept so backoff goes on if it fails again. */
export async function makeFailingDueNow(db: Db, at: string): Promise<number> {
  const result = await db
    .updateTable('offsite_files')
    .set({ next_attempt_at: at, updated_at: at })
    .where('state', '=', 'pending')
    .where('attempts', '>', 0)
    .where('next_attempt_at', '>', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface QueueCounts {
  pending: number;
  uploaded: number;
  failing: number;
  lastUploadAt: string | null;
  nextAttemptAt: string | null;
}

export async function queueCounts(db: Db): Promise<QueueCounts> {
  const row = await db
    .selectFrom('offsite_files')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('state', '=', 'pending').as('pending'),
      eb.fn.countAll<number>().filterWhere('state', '=', 'uploaded').as('uploaded'),
      eb.fn
        .countAll<number>()
        .filterWhere((w) => w.and([w('state', '=', 'pending'), w('attempts', '>', 0)]))
        .as('failing'),
      eb.fn.max('uploaded_at').as('lastUploadAt'),
      eb.fn.min('next_attempt_at').filterWhere('state', '=', 'pending').as('nextAttemptAt'),
    ])
    .executeTakeFirstOrThrow();
  return {
    pending: Number(row.pending),
    uploaded: Number(row.uploaded),
    failing: Number(row.failing),
    lastUploadAt: row.lastUploadAt ?? null,
    nextAttemptAt: row.nextAttemptAt ?? null,
  };
}

/** The most recent error of a row still waiting (the one the owner should read first). */
export async function latestError(db: Db): Promise<{ hash: string; lastError: string; at: string } | null> {
  const row = await db
    .selectFrom('offsite_files')
    .select(['hash', 'last_error', 'updated_at'])
    .where('state', '=', 'pending')
    .where('last_error', 'is not', null)
    .orderBy('updated_at', 'desc')
    .orderBy('hash')
    .limit(1)
    .executeTakeFirst();
  return row?.last_error == null ? null : { hash: row.hash, lastError: row.last_error, at: row.updated_at };
}

/**
 * The target failed for everyone: every row due now waits until `nextAttemptAt`, one attempt more
 * on each (one statement, however long the queue grew during the outage).
 */
export async function backOffDueFiles(
  db: Db,
  failure: { lastError: string; nextAttemptAt: string },
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('offsite_files')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_error: failure.lastError,
      next_attempt_at: failure.nextAttemptAt,
      updated_at: at,
    }))
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
