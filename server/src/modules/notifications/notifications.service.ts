import type { Db } from '../../db/database.js';
import type { Role } from '../../db/schema.js';
import type { OutboxChannel, OutboxStatus } from '../../db/tables/notifications.js';
import type { EventBus } from '../../events/event-bus.js';
import { HOUR_MS, type Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { normalizePhone } from '../../lib/phone.js';
import { problems } from '../../lib/problem.js';
import type { AppointmentsService } from '../appointments/appointments.service.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { UsersService } from '../users/users.service.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { SendError, type EmailChannel, type PushChannel, type SmsChannel } from './channels.js';
import {
  cancelPendingSms,
  deleteOptOut,
  deletePushSubscription,
  findMessage,
  insertMessageIfNew,
  insertOptOut,
  isOptedOut,
  listMessagesOfRepairOrder,
  listProblemMessages,
  listPushSubscriptionsOfUsers,
  listPushSubscriptionsOfUser,
  makeDueNow,
  upsertPushSubscription,
} from './notifications.repository.js';
import type {
  ChannelReadinessView,
  Message,
  NotificationSettings,
  PushSubscriptionInput,
  TestSendInput,
  TestSendResult,
  UpdateNotificationSettingsInput,
} from './notifications.schemas.js';
import { inboundSmsRefusal, replyIntent } from './inbound-sms.js';
import { channelReadiness, NOT_SET_UP, readinessOf, SETTINGS_PAGE } from './channel-readiness.js';
import { maskRecipient, toMessage, vehicleWords } from './messages.js';
import { NotificationSettingsStore, type LoadedSettings } from './notification-settings.js';
import {
  CUSTOMER_EVENTS,
  renderEmail,
  renderPush,
  renderSms,
  type NotificationEvent,
  type TemplateVars,
} from './templates.js';
import { inTransaction } from '../../db/after-commit.js';

export type { NotificationEvent, TemplateVars } from './templates.js';
export { DEFAULT_STORED_SETTINGS, type LoadedSettings } from './notification-settings.js';
export { maskRecipient, toMessage, vehicleWords } from './messages.js';
export { twilioSignature } from './inbound-sms.js';

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

const DEFAULT_STAFF_ROLES: readonly Role[] = ['owner', 'advisor'];
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

/**
 * Notifications: settings, the durable outbox (what to send, to whom, through which channel),
 * opt-outs and staff push subscriptions. Sending is the OutboxWorker's job.
 */
export class NotificationsService {
  readonly #deps: NotificationsDeps;
  readonly #settings: NotificationSettingsStore;
  #kick: () => void;

  constructor(deps: NotificationsDeps) {
    this.#deps = deps;
    this.#settings = new NotificationSettingsStore(deps.db, deps.clock, deps.audit);
    this.#kick = deps.kick ?? (() => {});
  }

  /** The worker registers itself here so "retry now" and new messages go out without waiting. */
  setKick(kick: () => void): void {
    this.#kick = kick;
  }

  get #db(): Db {
    return this.#deps.db;
  }

  #now(): string {
    return this.#deps.clock.now().toISOString();
  }

  // ---------------------------------------------------------------- settings

  /** The settings with secrets (for the worker and the channels); `db` may be a transaction. */
  loadSettings(db?: Db): Promise<LoadedSettings> {
    return this.#settings.load(db);
  }

  getSettings(): Promise<NotificationSettings> {
    return this.#settings.get();
  }

  updateSettings(actor: Actor, input: UpdateNotificationSettingsInput): Promise<NotificationSettings> {
    return this.#settings.update(actor, input);
  }

  /** The public base URL customer links start with, or null when the owner has not set one. */
  customerLinkBase(db?: Db): Promise<string | null> {
    return this.#settings.linkBase(db);
  }

  /** Which channels can send right now (saved settings only): shown before anything is sent. */
  async readiness(): Promise<ChannelReadinessView> {
    const channels = channelReadiness(await this.loadSettings());
    return {
      channels,
      customerChannelReady: channels.some((c) => c.channel !== 'push' && c.ready),
      settingsPage: { ...SETTINGS_PAGE },
    };
  }

  /** VAPID public key for the browser's pushManager.subscribe. */
  async pushPublicKey(userId: string): Promise<{ publicKey: string; enabled: boolean; subscribed: boolean }> {
    const settings = await this.getSettings();
    const subscriptions = await listPushSubscriptionsOfUser(this.#db, userId);
    return {
      publicKey: settings.push.vapidPublicKey,
      enabled: settings.push.enabled,
      subscribed: subscriptions.length > 0,
    };
  }

  // ---------------------------------------------------------------- enqueue

  /**
   * Queues a message to a customer in the CALLER's transaction: one row per channel, chosen from
   * the customer's preference (or `notice.channels`), skipping channels without contact details
   * and opted-out numbers. A second call with the same idempotency key adds nothing.
   */
  async enqueueForCustomer(tx: Db, notice: CustomerNotice): Promise<EnqueueResult> {
    const result: EnqueueResult = { queued: [], notSent: [], skipped: [] };
    const settings = await this.loadSettings(tx);
    if (CUSTOMER_EVENTS.includes(notice.event) && !settings.events[notice.event]) {
      result.skipped.push({
        channel: 'all',
        reason: `"${notice.event}" messages are turned off in settings`,
      });
      return result;
    }
    const customer = await this.#deps.customers.find(tx, notice.customerId);
    if (customer === undefined) throw problems.notFound(`Customer ${notice.customerId} does not exist.`);
    const shop = await this.#deps.settings.get(tx);
    const vars: TemplateVars = {
      shopName: shop.shopName,
      shopPhone: shop.phone,
      customerName: customer.name,
      ...notice.vars,
    };
    const phone = customer.contactInfo.phones.find((p) => p.primary) ?? customer.contactInfo.phones[0];
    const email = customer.contactInfo.emails.find((e) => e.primary) ?? customer.contactInfo.emails[0];
    const preferred = customer.preferences.contactChannel;
    let channels: ('email' | 'sms')[];
    if (notice.channels !== undefined) channels = [...new Set(notice.channels)];
    else if (preferred === 'sms') channels = ['sms'];
    else if (preferred === 'email') channels = ['email'];
    else {
      result.skipped.push({
        channel: 'all',
        reason:
          preferred === 'phone'
            ? 'the customer prefers a phone call'
            : 'the customer asked not to be contacted',
      });
      return result;
    }

    const at = this.#now();
    const wanted: { channel: 'email' | 'sms'; recipient: string }[] = [];
    const cannotSend: { channel: 'email' | 'sms'; recipient: string }[] = [];
    for (const channel of channels) {
      if (channel === 'sms') {
        if (phone === undefined) result.skipped.push({ channel, reason: 'the customer has no phone number' });
        else if (!settings.sms.enabled)
          result.skipped.push({ channel, reason: 'SMS is turned off in settings' });
        else if (await isOptedOut(tx, phone.number))
          result.skipped.push({ channel, reason: 'the number replied STOP (opted out of texts)' });
        else if (!readinessOf(settings, 'sms').ready) cannotSend.push({ channel, recipient: phone.number });
        else wanted.push({ channel, recipient: phone.number });
      } else if (email === undefined)
        result.skipped.push({ channel, reason: 'the customer has no email address' });
      else if (!settings.email.enabled)
        result.skipped.push({ channel, reason: 'email is turned off in settings' });
      else if (!readinessOf(settings, 'email').ready) cannotSend.push({ channel, recipient: email.address });
      else wanted.push({ channel, recipient: email.address });
    }
    // Texts preferred but impossible (opted out, no phone, SMS not set up): fall back to email
    // rather than silence, when email can really send.
    if (
      notice.channels === undefined &&
      wanted.length === 0 &&
      preferred === 'sms' &&
      email !== undefined &&
      readinessOf(settings, 'email').ready
    ) {
      wanted.push({ channel: 'email', recipient: email.address });
    }
    const rows = [
      ...wanted.map((w) => ({ ...w, reason: null })),
      ...cannotSend.map((w) => ({ ...w, reason: NOT_SET_UP[w.channel] })),
    ];

    // A message whose channel cannot send is still written, already ended as "not sent" with why:
    // the repair order shows the truth, and once the owner sets the channel up staff can retry it.
    for (const { channel, recipient, reason } of rows) {
      const rendered = channel === 'email' ? renderEmail(notice.event, vars) : renderSms(notice.event, vars);
      const id = newId();
      const inserted = await insertMessageIfNew(tx, {
        id,
        idempotency_key: `${notice.idempotencyKey}:${channel}`,
        event: notice.event,
        channel,
        recipient,
        customer_id: notice.customerId,
        user_id: null,
        repair_order_id: notice.repairOrderId ?? null,
        subject: rendered.subject,
        body: rendered.text,
        html: rendered.html,
        next_attempt_at: at,
        created_at: at,
        updated_at: at,
        ...(reason === null ? {} : { status: 'failed' as const, last_error: reason }),
      });
      const masked = maskRecipient(channel, recipient);
      if (!inserted) result.skipped.push({ channel, reason: 'already queued (same idempotency key)' });
      else if (reason === null) result.queued.push({ id, channel, recipient: masked });
      else result.notSent.push({ id, channel, recipient: masked, reason });
    }
    return result;
  }

  /** Queues a web push to every subscribed device of staff with `roles`, in the caller's transaction. */
  async enqueueForStaff(tx: Db, notice: StaffNotice): Promise<EnqueueResult> {
    const result: EnqueueResult = { queued: [], notSent: [], skipped: [] };
    const settings = await this.loadSettings(tx);
    if (!settings.push.enabled) {
      result.skipped.push({ channel: 'push', reason: 'web push is turned off in settings' });
      return result;
    }
    if (
      CUSTOMER_EVENTS.includes(notice.event as NotificationEvent) &&
      !settings.events[notice.event as NotificationEvent]
    ) {
      result.skipped.push({
        channel: 'push',
        reason: `"${notice.event}" messages are turned off in settings`,
      });
      return result;
    }
    const shop = await this.#deps.settings.get(tx);
    const vars: TemplateVars = { shopName: shop.shopName, ...notice.vars };
    const rendered = renderPush(notice.event, vars);
    const url = notice.url ?? (notice.repairOrderId ? `/repair-orders/${notice.repairOrderId}` : '/');
    const body = JSON.stringify({
      title: rendered.subject,
      body: rendered.text,
      url,
      tag: notice.idempotencyKey,
    });
    const at = this.#now();
    const staff = await this.#deps.users.activeIdsWithRoles(tx, notice.roles ?? DEFAULT_STAFF_ROLES);
    for (const subscription of await listPushSubscriptionsOfUsers(tx, staff)) {
      const id = newId();
      const inserted = await insertMessageIfNew(tx, {
        id,
        idempotency_key: `${notice.idempotencyKey}:push:${subscription.id}`,
        event: notice.event,
        channel: 'push',
        recipient: subscription.id,
        customer_id: null,
        user_id: subscription.user_id,
        repair_order_id: notice.repairOrderId ?? null,
        subject: rendered.subject,
        body,
        html: null,
        next_attempt_at: at,
        created_at: at,
        updated_at: at,
      });
      if (inserted) result.queued.push({ id, channel: 'push', recipient: 'staff device' });
    }
    if (result.queued.length === 0)
      result.skipped.push({ channel: 'push', reason: 'no staff device is subscribed' });
    return result;
  }

  /**
   * After the caller's commit: tell the live screens and wake the worker. Optional (the worker
   * polls anyway), but it makes "queued" show at once and the message go out without waiting.
   */
  announce(result: EnqueueResult, repairOrderId: string | null = null): void {
    const at = this.#now();
    for (const message of result.queued) {
      this.#deps.events.emit('notificationStatusChanged', {
        messageId: message.id,
        repairOrderId,
        channel: message.channel,
        status: 'pending',
        at,
      });
    }
    for (const message of result.notSent) {
      this.#deps.events.emit('notificationStatusChanged', {
        messageId: message.id,
        repairOrderId,
        channel: message.channel,
        status: 'failed',
        at,
      });
    }
    if (result.queued.length > 0) this.#kick();
  }

  // ---------------------------------------------------------------- events that make messages

  /** When a job completes and no job of its RO is still open: "your car is ready", once per RO. */
  async onJobCompleted(repairOrderId: string): Promise<void> {
    const ro = await this.#deps.repairOrders.get(repairOrderId);
    if (ro.jobs.length === 0 || !ro.jobs.every((job) => job.status === 'Completed' || job.status === 'Paid'))
      return;
    await this.notifyVehicleReady(null, repairOrderId);
  }

  /** The "Tell the customer it's ready" button (actor) or the automatic rule (null). */
  async notifyVehicleReady(actor: Actor | null, repairOrderId: string): Promise<EnqueueResult> {
    const ro = await this.#deps.repairOrders.get(repairOrderId);
    // The button may be pressed again on purpose (a second reminder); the automatic rule only once.
    const key = actor === null ? `vehicle_ready:${ro.id}` : `vehicle_ready:${ro.id}:manual:${this.#now()}`;
    const result = await inTransaction(this.#db, async (tx) => {
      const queued = await this.enqueueForCustomer(tx, {
        event: 'vehicle_ready',
        customerId: ro.customer.id,
        repairOrderId: ro.id,
        idempotencyKey: key,
        vars: { vehicle: vehicleWords(ro.vehicle), repairOrderNumber: ro.number },
      });
      if (actor !== null) {
        await this.#deps.audit.record(tx, actor, {
          action: 'notification.vehicle_ready_sent',
          entityType: 'repair_order',
          entityId: ro.id,
          data: { queued: queued.queued.map((q) => q.channel), skipped: queued.skipped },
        });
      }
      return queued;
    });
    this.announce(result, ro.id);
    return result;
  }

  /** Reminders for appointments starting within the next 24 hours (one per appointment time). */
  async queueAppointmentReminders(): Promise<number> {
    const now = this.#deps.clock.now();
    const to = new Date(now.getTime() + REMINDER_WINDOW_MS);
    const shop = await this.#deps.settings.get();
    const page = await this.#deps.appointments.list({
      from: now.toISOString(),
      to: to.toISOString(),
      status: ['booked'],
      limit: 200,
      offset: 0,
    });
    let count = 0;
    for (const appointment of page.items) {
      if (appointment.status !== 'booked') continue;
      if (new Date(appointment.startsAt).getTime() < now.getTime()) continue;
      const when = new Intl.DateTimeFormat('en-US', {
        timeZone: shop.timezone,
        weekday: 'long',
        hour: 'numeric',
        minute: '2-digit',
        month: 'short',
        day: 'numeric',
      }).format(new Date(appointment.startsAt));
      const result = await inTransaction(this.#db, (tx) =>
        this.enqueueForCustomer(tx, {
          event: 'appointment_reminder',
          customerId: appointment.customerId,
          repairOrderId: null,
          idempotencyKey: `appointment_reminder:${appointment.id}:${appointment.startsAt}`,
          vars: { vehicle: appointment.vehicleSummary ?? 'your vehicle', when: `on ${when}` },
        }),
      );
      count += result.queued.length;
      this.announce(result, null);
    }
    return count;
  }

  // ---------------------------------------------------------------- messages

  async messagesOfRepairOrder(repairOrderId: string): Promise<Message[]> {
    return (await listMessagesOfRepairOrder(this.#db, repairOrderId)).map(toMessage);
  }

  async problemMessages(limit = 50): Promise<Message[]> {
    return (await listProblemMessages(this.#db, limit)).map(toMessage);
  }

  /** Staff "retry now": a failed or waiting message becomes due at once and the worker wakes. */
  async retryNow(actor: Actor, messageId: string): Promise<Message> {
    const row = await inTransaction(this.#db, async (tx) => {
      const current = await findMessage(tx, messageId);
      if (current === undefined) throw problems.notFound(`Message ${messageId} does not exist.`);
      if (!(await makeDueNow(tx, messageId, this.#now()))) {
        throw problems.conflict(
          `This message is ${current.status}; only a waiting or failed message can be retried.`,
          'not-retryable',
        );
      }
      await this.#deps.audit.record(tx, actor, {
        action: 'notification.retry',
        entityType: 'outbox_message',
        entityId: messageId,
        data: { previousStatus: current.status, attempts: current.attempts },
      });
      return (await findMessage(tx, messageId))!;
    });
    this.#emitStatus(row.id, row.repair_order_id, row.channel, row.status);
    this.#kick();
    return toMessage(row);
  }

  #emitStatus(messageId: string, repairOrderId: string | null, channel: OutboxChannel, status: OutboxStatus) {
    this.#deps.events.emit('notificationStatusChanged', {
      messageId,
      repairOrderId,
      channel,
      status,
      at: this.#now(),
    });
  }

  // ---------------------------------------------------------------- inbound SMS (STOP / START)

  /** Verifies Twilio's signature when an auth token is set; false means "refuse the request". */
  /** Refuses (403) an inbound SMS request that is not provably Twilio's; see `inboundSmsRefusal`. */
  async assertInboundSmsSigned(
    pathAndQuery: string,
    params: Record<string, string>,
    signature: string | undefined,
  ): Promise<void> {
    const settings = await this.loadSettings();
    const refusal = inboundSmsRefusal(
      { authToken: settings.sms.authToken, publicBaseUrl: settings.publicBaseUrl },
      pathAndQuery,
      params,
      signature,
    );
    if (refusal !== null) throw problems.forbidden(refusal.detail, refusal.slug);
  }

  /** A reply to one of our texts: STOP and friends opt out (and cancel what waits), START opts in. */
  async handleInboundSms(from: string, body: string): Promise<'opted_out' | 'opted_in' | 'ignored'> {
    const phone = normalizePhone(from)?.e164 ?? from.trim();
    const { word, intent } = replyIntent(body);
    const actor: Actor = { userId: null, label: `sms ${maskRecipient('sms', phone)}` };
    if (intent === 'opt_out') {
      const cancelled = await inTransaction(this.#db, async (tx) => {
        const at = this.#now();
        await insertOptOut(tx, phone, 'stop_reply', at);
        const rows = await cancelPendingSms(tx, phone, 'the customer replied STOP (opted out of texts)', at);
        await this.#deps.audit.record(tx, actor, {
          action: 'notification.sms_opt_out',
          entityType: 'sms_opt_out',
          entityId: phone,
          data: { word, cancelledMessages: rows.length },
        });
        return rows;
      });
      for (const row of cancelled) this.#emitStatus(row.id, row.repair_order_id, 'sms', 'cancelled');
      return 'opted_out';
    }
    if (intent === 'opt_in') {
      await inTransaction(this.#db, async (tx) => {
        if (await deleteOptOut(tx, phone)) {
          await this.#deps.audit.record(tx, actor, {
            action: 'notification.sms_opt_in',
            entityType: 'sms_opt_out',
            entityId: phone,
            data: { word },
          });
        }
      });
      return 'opted_in';
    }
    return 'ignored';
  }

  async isOptedOut(phone: string): Promise<boolean> {
    return isOptedOut(this.#db, normalizePhone(phone)?.e164 ?? phone);
  }

  // ---------------------------------------------------------------- push subscriptions

  async subscribePush(actor: Actor, input: PushSubscriptionInput, userAgent: string | null) {
    if (actor.userId === null) throw problems.unauthorized('Sign in to get notifications on this device.');
    const userId = actor.userId;
    const row = await inTransaction(this.#db, async (tx) => {
      await this.#settings.ensure(tx);
      return upsertPushSubscription(
        tx,
        {
          id: newId(),
          user_id: userId,
          endpoint: input.endpoint,
          p256dh: input.keys.p256dh,
          auth: input.keys.auth,
          user_agent: userAgent?.slice(0, 300) ?? null,
        },
        this.#now(),
      );
    });
    return { id: row.id, endpoint: row.endpoint, createdAt: row.created_at };
  }

  async unsubscribePush(actor: Actor, endpoint: string): Promise<void> {
    if (actor.userId === null || !(await deletePushSubscription(this.#db, actor.userId, endpoint))) {
      throw problems.notFound('This device has no notification subscription.');
    }
  }

  // ---------------------------------------------------------------- test send

  /** Sends one message straight away (not through the outbox) and says what happened. */
  async testSend(actor: Actor, input: TestSendInput): Promise<TestSendResult> {
    const settings = await inTransaction(this.#db, (tx) => this.#settings.ensure(tx));
    const shop = await this.#deps.settings.get();
    const vars = { shopName: shop.shopName };
    const key = `test:${newId()}`;
    const done = (ok: boolean, detail: string, providerMessageId: string | null = null): TestSendResult => ({
      ok,
      channel: input.channel,
      detail,
      providerMessageId,
    });
    try {
      if (input.channel === 'email') {
        const to = input.to?.trim() ?? '';
        if (!/^[^@\s]+@[^@\s]+$/.test(to)) {
          throw problems.validation([{ path: 'to', message: 'give the email address to send the test to' }]);
        }
        const rendered = renderEmail('test', vars);
        const sent = await this.#deps.channels.email.send(settings.email, {
          idempotencyKey: key,
          to,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
        });
        return done(true, `Sent to ${to}.`, sent.providerMessageId);
      }
      if (input.channel === 'sms') {
        const phone = normalizePhone(input.to ?? '');
        if (phone === null)
          throw problems.validation([{ path: 'to', message: 'give the phone number to text' }]);
        const rendered = renderSms('test', vars);
        const sent = await this.#deps.channels.sms.send(settings.sms, {
          idempotencyKey: key,
          to: phone.e164,
          subject: '',
          text: rendered.text,
          html: null,
        });
        return done(true, `Sent to ${phone.e164}.`, sent.providerMessageId);
      }
      if (actor.userId === null) throw problems.unauthorized('Sign in first.');
      const subscriptions = await listPushSubscriptionsOfUser(this.#db, actor.userId);
      if (subscriptions.length === 0) {
        return done(false, 'None of your devices is subscribed: turn on "Notify me on this device" first.');
      }
      const rendered = renderPush('test', vars);
      const payload = JSON.stringify({
        title: rendered.subject,
        body: rendered.text,
        url: '/settings/notifications',
        tag: key,
      });
      for (const subscription of subscriptions) {
        await this.#deps.channels.push.send(
          {
            subject: settings.push.subject,
            publicKey: settings.push.vapidPublicKey,
            privateKey: settings.push.vapidPrivateKey,
          },
          subscription,
          payload,
          key,
        );
      }
      return done(true, `Sent to ${subscriptions.length} device(s).`);
    } catch (error) {
      if (error instanceof SendError) return done(false, `Not sent: ${error.message}.`);
      throw error;
    }
  }
}
