import type { Db } from '../../db/database.js';
import type { OutboxChannel, OutboxStatus } from '../../db/tables/notifications.js';
import { newId } from '../../lib/ids.js';
import { normalizePhone } from '../../lib/phone.js';
import { problems } from '../../lib/problem.js';
import type { Actor } from '../audit/audit.service.js';
import { SendError } from './channels.js';
import {
  cancelPendingSms,
  deleteOptOut,
  deletePushSubscription,
  findMessage,
  insertOptOut,
  isOptedOut,
  listMessagesOfRepairOrder,
  listProblemMessages,
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
import type { CheckInCodes } from './check-in-codes.js';
import { channelReadiness, SETTINGS_PAGE } from './channel-readiness.js';
import { maskRecipient, toMessage } from './messages.js';
import { NotificationSettingsStore, type LoadedSettings } from './notification-settings.js';
import { renderEmail, renderPush, renderSms } from './templates.js';
import { inTransaction } from '../../db/after-commit.js';
import {
  type CustomerNotice,
  type EnqueueResult,
  type NotificationsDeps,
  type StaffNotice,
} from './notifications-deps.js';
import { OutboxEnqueueService } from './outbox-enqueue.service.js';
import { NotificationRulesService } from './notification-rules.service.js';

export type { NotificationEvent, TemplateVars } from './templates.js';
export { DEFAULT_STORED_SETTINGS, type LoadedSettings } from './notification-settings.js';
export { maskRecipient, toMessage, vehicleWords } from './messages.js';
export { twilioSignature } from './inbound-sms.js';
export type { CustomerNotice, EnqueueResult, NotificationsDeps, StaffNotice } from './notifications-deps.js';
export { REMINDER_WINDOW_MS } from './notifications-deps.js';

/**
 * Notifications: settings, the durable outbox (what to send, to whom, through which channel),
 * opt-outs and staff push subscriptions. Sending is the OutboxWorker's job.
 */
export class NotificationsService {
  readonly #deps: NotificationsDeps;
  readonly #settings: NotificationSettingsStore;
  #kick: () => void;
  readonly outbox: OutboxEnqueueService;
  readonly rules: NotificationRulesService;

  constructor(deps: NotificationsDeps) {
    this.#deps = deps;
    this.#settings = new NotificationSettingsStore(deps.db, deps.clock, deps.audit);
    this.#kick = deps.kick ?? (() => {});
    // The worker may register its kick later (setKick): the parts call whichever is current.
    this.outbox = new OutboxEnqueueService(deps, this.#settings, () => this.#kick());
    this.rules = new NotificationRulesService(deps, this.outbox);
  }

  /** The kiosk-check-in module's reminder codes: appointment reminders then carry one. */
  useCheckInCodes(codes: CheckInCodes): void {
    this.rules.useCheckInCodes(codes);
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

  // ---------------------------------------------------------------- the outbox and the rules

  /** See OutboxEnqueueService: runs in the caller's transaction. */
  enqueueForCustomer(tx: Db, notice: CustomerNotice): Promise<EnqueueResult> {
    return this.outbox.enqueueForCustomer(tx, notice);
  }

  enqueueForStaff(tx: Db, notice: StaffNotice): Promise<EnqueueResult> {
    return this.outbox.enqueueForStaff(tx, notice);
  }

  /** After the caller's commit: tell the live screens and wake the worker. */
  announce(result: EnqueueResult, repairOrderId: string | null = null): void {
    this.outbox.announce(result, repairOrderId);
  }

  onJobCompleted(repairOrderId: string): Promise<void> {
    return this.rules.onJobCompleted(repairOrderId);
  }

  notifyVehicleReady(actor: Actor | null, repairOrderId: string): Promise<EnqueueResult> {
    return this.rules.notifyVehicleReady(actor, repairOrderId);
  }

  queueAppointmentReminders(): Promise<number> {
    return this.rules.queueAppointmentReminders();
  }
}
