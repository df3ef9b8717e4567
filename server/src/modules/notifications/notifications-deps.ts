import type { Db } from '../../db/database.js';
import type { Role } from '../../db/schema.js';
import type { OutboxChannel } from '../../db/tables/notifications.js';
import type { EventBus } from '../../events/event-bus.js';
import { HOUR_MS, type Clock } from '../../lib/clock.js';
import type { AppointmentsService } from '../appointments/appointments.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { UsersService } from '../users/users.service.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { type EmailChannel, type PushChannel, type SmsChannel } from './channels.js';
import { type NotificationEvent, type TemplateVars } from './templates.js';

/** What the notifications services are given, and the notices other modules hand them. */

/** What the caller asks to tell a customer; runs in the caller's transaction. */
export interface CustomerNotice {
  event: NotificationEvent;
  customerId: string;
  repairOrderId?: string | null;
  /** Same key twice → the second enqueue is a no-op. One row per channel: `${key}:${channel}`. */
  idempotencyKey: string;
  vars: TemplateVars;
  /** Override the customer's preferred channel (e.g. the advisor ticked email and SMS). */
  channels?: readonly ('email' | 'sms')[];
}

/** A web push to staff devices (owner and advisors unless `roles` says otherwise). */
export interface StaffNotice {
  event: string;
  repairOrderId?: string | null;
  idempotencyKey: string;
  vars: TemplateVars;
  roles?: readonly Role[];
  /** The page a click on the notification opens; defaults to the repair order. */
  url?: string;
}

export interface EnqueueResult {
  queued: { id: string; channel: OutboxChannel; recipient: string }[];
  /** Written to the outbox already ended as "not sent": the channel is not set up (staff can retry later). */
  notSent: { id: string; channel: OutboxChannel; recipient: string; reason: string }[];
  skipped: { channel: string; reason: string }[];
}

export const DEFAULT_STAFF_ROLES: readonly Role[] = ['owner', 'advisor'];

export const REMINDER_WINDOW_MS = 24 * HOUR_MS;

export interface NotificationsDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  events: EventBus;
  customers: CustomersService;
  users: UsersService;
  settings: SettingsService;
  repairOrders: RepairOrdersService;
  appointments: AppointmentsService;
  channels: { email: EmailChannel; sms: SmsChannel; push: PushChannel };
  /** Called after something became due now (enqueue outside a caller's transaction, retry now). */
  kick?: () => void;
  log?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}
