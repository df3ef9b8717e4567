import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import { newestFirst } from '../../db/history-rows.js';
import type {
  ApprovalDecisionsTable,
  ApprovalRequestStatus,
  ApprovalRequestsTable,
} from '../../db/tables/approvals.js';

export async function insertApprovalRequest(db: Db, row: Insertable<ApprovalRequestsTable>): Promise<void> {
  await db.insertInto('approval_requests').values(row).execute();
}

export function findApprovalRequest(db: Db, id: string) {
  return db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findApprovalRequestByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('approval_requests')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export type ApprovalRequestRow = NonNullable<Awaited<ReturnType<typeof findApprovalRequest>>>;

/** Newest first (the index is on repair_order_id, sent_at). */
export function listApprovalRequestsOfRepairOrder(db: Db, repairOrderId: string) {
  return newestFirst(
    db.selectFrom('approval_requests'),
    ['repair_order_id', repairOrderId],
    ['sent_at', 'id'],
    50,
  );
}

export function listPendingRequestIds(db: Db, repairOrderId: string) {
  return db
    .selectFrom('approval_requests')
    .select('id')
    .where('repair_order_id', '=', repairOrderId)
    .where('status', '=', 'pending')
    .execute();
}

/**
 * Changes a request only while it is still in `fromStatus` at `expectedVersion`: two submits of
 * one link, or a submit racing a revoke, cannot both win.
 */
export async function updateApprovalRequestIf(
  db: Db,
  id: string,
  expected: { status: ApprovalRequestStatus; version: number },
  changes: Omit<Updateable<ApprovalRequestsTable>, 'id' | 'version'>,
): Promise<boolean> {
  const result = await db
    .updateTable('approval_requests')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', expected.status)
    .where('version', '=', expected.version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The first/last view marks; not a change of the request's content, so no version bump. */
export async function markViewed(db: Db, id: string, at: string, first: boolean): Promise<void> {
  await db
    .updateTable('approval_requests')
    .set(first ? { first_viewed_at: at, last_viewed_at: at } : { last_viewed_at: at })
    .where('id', '=', id)
    .execute();
}

export async function insertDecisions(db: Db, rows: Insertable<ApprovalDecisionsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('approval_decisions').values(rows).execute();
}

export function listDecisionsOfRequests(db: Db, requestIds: readonly string[]) {
  if (requestIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('approval_decisions')
    .selectAll()
    .where('approval_request_id', 'in', requestIds)
    .execute();
}
