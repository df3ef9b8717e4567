import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { findAuditEntries, insertAuditEntry, type AuditQuery } from './audit.repository.js';

/** Who did it: a staff user, or the system itself (cron, a device, a customer link). */
export interface Actor {
  userId: string | null;
  label: string;
  ip?: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' };

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  data: Record<string, unknown>;
  ip: string | null;
}

/**
 * The append-only record of security events and of every change to money, stock, approvals and
 * job status. `record` takes the caller's transaction so the entry commits or rolls back with the
 * change it describes.
 */
export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async record(tx: Db, actor: Actor, event: AuditEvent): Promise<void> {
    const at = this.clock.now().toISOString();
    await insertAuditEntry(tx, {
      id: newId(),
      at,
      actor_user_id: actor.userId,
      actor_label: actor.label,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId ?? null,
      data: JSON.stringify(event.data ?? {}),
      ip: actor.ip ?? null,
      created_at: at,
      updated_at: at,
    });
  }

  /**
   * `<entityType>.updated`, for a versioned change (a PATCH): which fields the request named, after
   * what identifies the row to a reader (`context`, e.g. its number). The version it read says
   * which row it changed, not what changed, so it is left out.
   */
  recordUpdate(
    tx: Db,
    actor: Actor,
    entityType: string,
    entityId: string,
    input: object,
    context: Record<string, unknown> = {},
  ): Promise<void> {
    return this.record(tx, actor, {
      action: `${entityType}.updated`,
      entityType,
      entityId,
      data: { ...context, fields: Object.keys(input).filter((k) => k !== 'version') },
    });
  }

  async list(query: AuditQuery): Promise<AuditEntry[]> {
    const rows = await findAuditEntries(this.db, query);
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorUserId: row.actor_user_id,
      actorLabel: row.actor_label,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      data: JSON.parse(row.data) as Record<string, unknown>,
      ip: row.ip,
    }));
  }
}
