import type { Generated } from 'kysely';
import type { Timestamps } from '../columns.js';

/** Tables owned by the approvals module (migration 0009): approval links and what was decided. */
export type ApprovalRequestStatus = 'pending' | 'submitted' | 'revoked' | 'superseded';

export interface ApprovalRequestsTable extends Timestamps {
  id: string;
  repair_order_id: string;
  token_hash: string;
  status: Generated<ApprovalRequestStatus>;
  snapshot: string;
  snapshot_hash: string;
  message: Generated<string>;
  sent_by: string | null;
  sent_at: string;
  expires_at: string;
  first_viewed_at: string | null;
  last_viewed_at: string | null;
  submitted_at: string | null;
  signer_name: string | null;
  signature_hash: string | null;
  client_ip: string | null;
  client_user_agent: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  version: Generated<number>;
}

export interface ApprovalDecisionsTable extends Timestamps {
  id: string;
  approval_request_id: string;
  line_id: string;
  job_id: string;
  decision: 'approved' | 'declined';
  line_version: number;
  amount_cents: number;
  /** 'line_changed': the line changed after the link was sent, so the decision was not applied. */
  outcome: 'recorded' | 'line_changed';
}

export interface ApprovalsTables {
  approval_requests: ApprovalRequestsTable;
  approval_decisions: ApprovalDecisionsTable;
}
