/** Tables owned by the audit module (migration 0001): the append-only audit log. */
export interface AuditLogTable {
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  data: string;
  ip: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
