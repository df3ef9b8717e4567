import type { Generated } from 'kysely';
import type { Timestamps } from '../columns.js';

/** Tables owned by the notifications module (migration 0009): settings, outbox, opt-outs, push. */
export type OutboxChannel = 'email' | 'sms' | 'push';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';

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

export interface NotificationsTables {
  notification_settings: NotificationSettingsTable;
  outbox_messages: OutboxMessagesTable;
  sms_opt_outs: SmsOptOutsTable;
  push_subscriptions: PushSubscriptionsTable;
}
