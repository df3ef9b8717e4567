import type { Generated } from 'kysely';
import type { Timestamps } from '../schema.js';

/** Tables of the trust capability (migration 0009): inspections, approvals, notifications. */
export type FindingRating = 'green' | 'yellow' | 'red';
export type MediaKind = 'image' | 'thumbnail' | 'video' | 'signature';
export type ApprovalRequestStatus = 'pending' | 'submitted' | 'revoked' | 'superseded';
export type OutboxChannel = 'email' | 'sms' | 'push';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';

// ---- inspections module
export interface InspectionTemplatesTable extends Timestamps {
  id: string;
  name: string;
  /** JSON: [{ key, title, items: [{ key, label, required, measurementUnit?, cannedJobId? }] }] */
  sections: string;
  active: Generated<number>;
  version: Generated<number>;
}

export interface InspectionsTable extends Timestamps {
  id: string;
  repair_order_id: string;
  template_id: string | null;
  name: string;
  /** The template's sections as they were when the inspection started. */
  sections: string;
  status: Generated<'in_progress' | 'completed'>;
  technician_id: string | null;
  started_by: string | null;
  completed_at: string | null;
  version: Generated<number>;
}

export interface InspectionFindingsTable extends Timestamps {
  id: string;
  inspection_id: string;
  item_key: string;
  rating: FindingRating | null;
  measurement_value: number | null;
  measurement_unit: string | null;
  note: Generated<string>;
  recommended_job_id: string | null;
  version: Generated<number>;
}

export interface MediaFilesTable extends Timestamps {
  /** sha256 of the stored bytes, lower-case hex. */
  hash: string;
  kind: MediaKind;
  mime: string;
  byte_size: number;
  width: number | null;
  height: number | null;
}

export interface InspectionMediaTable extends Timestamps {
  id: string;
  inspection_id: string;
  item_key: string | null;
  media_hash: string;
  thumbnail_hash: string | null;
  kind: 'image' | 'video';
  caption: Generated<string>;
  uploaded_by: string | null;
  sort_order: Generated<number>;
}

// ---- approvals module
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

// ---- notifications module
export interface NotificationSettingsTable extends Timestamps {
  id: number;
  data: string;
  version: Generated<number>;
}

export interface OutboxMessagesTable extends Timestamps {
  id: string;
  idempotency_key: string;
  event: string;
  channel: OutboxChannel;
  recipient: string;
  customer_id: string | null;
  user_id: string | null;
  repair_order_id: string | null;
  subject: Generated<string>;
  body: string;
  html: string | null;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: string;
  lease_until: string | null;
  last_error: string | null;
  provider_message_id: string | null;
  sent_at: string | null;
}

export interface SmsOptOutsTable extends Timestamps {
  phone: string;
  source: 'stop_reply' | 'staff';
}

export interface PushSubscriptionsTable extends Timestamps {
  id: string;
  user_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  user_agent: string | null;
}

export interface TrustTables {
  inspection_templates: InspectionTemplatesTable;
  inspections: InspectionsTable;
  inspection_findings: InspectionFindingsTable;
  media_files: MediaFilesTable;
  inspection_media: InspectionMediaTable;
  approval_requests: ApprovalRequestsTable;
  approval_decisions: ApprovalDecisionsTable;
  notification_settings: NotificationSettingsTable;
  outbox_messages: OutboxMessagesTable;
  sms_opt_outs: SmsOptOutsTable;
  push_subscriptions: PushSubscriptionsTable;
}
