import type { Db } from '../../db/database.js';
import type { AuditLogTable } from '../../db/tables/audit.js';

export function insertAuditEntry(db: Db, entry: AuditLogTable): Promise<unknown> {
  return db.insertInto('audit_log').values(entry).execute();
}

export interface AuditQuery {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorUserId?: string | undefined;
  before?: string | undefined;
  limit: number;
}

export function findAuditEntries(db: Db, query: AuditQuery): Promise<AuditLogTable[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (query.entityType !== undefined) q = q.where('entity_type', '=', query.entityType);
  if (query.entityId !== undefined) q = q.where('entity_id', '=', query.entityId);
  if (query.actorUserId !== undefined) q = q.where('actor_user_id', '=', query.actorUserId);
  if (query.before !== undefined) q = q.where('id', '<', query.before);
  return q.orderBy('id', 'desc').limit(query.limit).execute();
}
