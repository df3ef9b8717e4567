import type { Db } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { problems } from '../../lib/problem.js';
import { insertMessageIfNew, isOptedOut, listPushSubscriptionsOfUsers } from './notifications.repository.js';
import { NOT_SET_UP, readinessOf } from './channel-readiness.js';
import { maskRecipient } from './messages.js';
import type { NotificationSettingsStore } from './notification-settings.js';
import {
  CUSTOMER_EVENTS,
  renderEmail,
  renderPush,
  renderSms,
  type NotificationEvent,
  type TemplateVars,
} from './templates.js';
import {
  DEFAULT_STAFF_ROLES,
  type CustomerNotice,
  type EnqueueResult,
  type NotificationsDeps,
  type StaffNotice,
} from './notifications-deps.js';

/**
 * Putting messages in the durable outbox, inside the caller's transaction: to a customer through
 * the channels the shop has set up and the customer has not opted out of, or to staff devices.
 * Once committed, `announce` tells the live screens and wakes the worker.
 */
export class OutboxEnqueueService {
  readonly #deps: NotificationsDeps;
  readonly #settings: NotificationSettingsStore;
  readonly #kick: () => void;

  constructor(deps: NotificationsDeps, settings: NotificationSettingsStore, kick: () => void) {
    this.#deps = deps;
    this.#settings = settings;
    this.#kick = kick;
  }

  #now(): string {
    return this.#deps.clock.now().toISOString();
  }

  /**
   * Queues a message to a customer in the CALLER's transaction: one row per channel, chosen from
   * the customer's preference (or `notice.channels`), skipping channels without contact details
   * and opted-out numbers. A second call with the same idempotency key adds nothing.
   */
  async enqueueForCustomer(tx: Db, notice: CustomerNotice): Promise<EnqueueResult> {
    const result: EnqueueResult = { queued: [], notSent: [], skipped: [] };
    const settings = await this.#settings.load(tx);
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
    const settings = await this.#settings.load(tx);
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
    // Queued ones are pending; those written already failed (their channel is not set up) say so.
    const changes = [
      ...result.queued.map((message) => ({ message, status: 'pending' as const })),
      ...result.notSent.map((message) => ({ message, status: 'failed' as const })),
    ];
    for (const { message, status } of changes) {
      this.#deps.events.emit('notificationStatusChanged', {
        messageId: message.id,
        repairOrderId,
        channel: message.channel,
        status,
        at,
      });
    }
    if (result.queued.length > 0) this.#kick();
  }
}
