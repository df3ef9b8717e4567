import type {} from 'fastify';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/event-bus.js';
import { HOUR_MS, MINUTE_MS, type Clock } from '../../lib/clock.js';
import { NOT_SET_UP, readinessOf } from './channel-readiness.js';
import { SendError, type EmailChannel, type PushChannel, type SmsChannel } from './channels.js';
import {
  claimMessage,
  deletePushSubscriptionById,
  findDueMessages,
  findPushSubscription,
  finishAttempt,
  type OutboxRow,
} from './notifications.repository.js';
import type { LoadedSettings, NotificationsService } from './notifications.service.js';
import { inTransaction } from '../../db/after-commit.js';
import { PassRunner } from '../../lib/pass-runner.js';

export interface RetryPolicy {
  /** First retry after this long; doubles each attempt. */
  baseDelayMs: number;
  /** The longest wait between two attempts. */
  maxDelayMs: number;
  /** A message older than this that still fails is given up on (status failed, visible). */
  maxAgeMs: number;
  /** How long a claimed message is ours; after that another worker (after a crash) may retry it. */
  leaseMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 30 * MINUTE_MS,
  maxAgeMs: 48 * HOUR_MS,
  leaseMs: 5 * MINUTE_MS,
};

/** Exponential backoff with ±20 % jitter, capped: attempt 1 → ~30 s, 2 → ~1 min, ... ≤ 30 min. */
export function retryDelayMs(
  attempts: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, attempts - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  return Math.round(capped * (0.8 + 0.4 * random()));
}

export interface OutboxWorkerOptions {
  db: Db;
  clock: Clock;
  events: EventBus;
  service: NotificationsService;
  channels: { email: EmailChannel; sms: SmsChannel; push: PushChannel };
  /** Seconds between polls; 0 turns the timer off (tests call drain()). */
  pollSeconds: number;
  /** How often appointment reminders are looked for (checked on each poll). */
  reminderEveryMs?: number;
  policy?: RetryPolicy;
  batchSize?: number;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/**
 * Sends what the outbox holds. One pass at a time (a pass started while another runs waits for
 * it), so a row is never sent twice by this process; across processes and crashes the claim with
 * a lease and the provider-side idempotency key keep it to one delivery.
 */
export class OutboxWorker {
  readonly #o: OutboxWorkerOptions;
  readonly #policy: RetryPolicy;
  /** The channel adapters (tests point the push channel's agent at a local HTTPS server). */
  readonly channels: OutboxWorkerOptions['channels'];
  readonly #runner: PassRunner<{ attempted: number; sent: number }>;
  #lastReminderScan = 0;

  constructor(options: OutboxWorkerOptions) {
    this.#o = options;
    this.channels = options.channels;
    this.#policy = options.policy ?? DEFAULT_RETRY_POLICY;
    this.#runner = new PassRunner(() => this.#drainOnce(), {
      pollSeconds: options.pollSeconds,
      onError: (error) => this.#o.log.error({ err: error }, 'outbox pass failed'),
      onTick: () => this.#queueRemindersWhenDue(),
    });
  }

  start(): void {
    this.#runner.start();
  }

  /** Stops the timer and waits for the pass in flight; no timer is left behind. */
  stop(): Promise<void> {
    return this.#runner.stop();
  }

  /** Soon (not inside the caller's stack): run a pass. No-op when stopped or the timer is off. */
  kick(): void {
    this.#runner.kick();
  }

  /** Appointment reminders are looked for on the timer, every `reminderEveryMs` at most. */
  #queueRemindersWhenDue(): void {
    const every = this.#o.reminderEveryMs ?? 10 * MINUTE_MS;
    const now = this.#o.clock.now().getTime();
    if (now - this.#lastReminderScan >= every) {
      this.#lastReminderScan = now;
      this.#o.service
        .queueAppointmentReminders()
        .catch((error: unknown) => this.#o.log.error({ err: error }, 'appointment reminders failed'));
    }
  }

  /**
   * Sends every message due now (and only those: a retry scheduled later waits for its time).
   * Returns how many attempts were made. Safe to call any time; passes never overlap.
   */
  drain(): Promise<{ attempted: number; sent: number }> {
    return this.#runner.run();
  }

  /** Alias for tests and the "retry now" path. */
  runDueNow(): Promise<{ attempted: number; sent: number }> {
    return this.drain();
  }

  async #drainOnce(): Promise<{ attempted: number; sent: number }> {
    let attempted = 0;
    let sent = 0;
    const seen = new Set<string>();
    for (;;) {
      const claimed = await this.#claimBatch(seen);
      if (claimed.length === 0) break;
      const settings = await this.#o.service.loadSettings();
      for (const row of claimed) {
        seen.add(row.id);
        attempted += 1;
        if (await this.#attempt(row, settings)) sent += 1;
      }
    }
    return { attempted, sent };
  }

  async #claimBatch(seen: Set<string>): Promise<OutboxRow[]> {
    const now = this.#o.clock.now();
    const at = now.toISOString();
    const leaseUntil = new Date(now.getTime() + this.#policy.leaseMs).toISOString();
    const claimed = await inTransaction(this.#o.db, async (tx) => {
      const due = await findDueMessages(tx, at, this.#o.batchSize ?? 20);
      const mine: OutboxRow[] = [];
      for (const row of due) {
        if (seen.has(row.id)) continue; // one attempt per message per pass
        if (await claimMessage(tx, row, leaseUntil, at)) {
          mine.push({ ...row, status: 'sending', attempts: row.attempts + 1, lease_until: leaseUntil });
        }
      }
      return mine;
    });
    for (const row of claimed) this.#emit(row, 'sending');
    return claimed;
  }

  async #attempt(row: OutboxRow, settings: LoadedSettings): Promise<boolean> {
    try {
      const providerMessageId = await this.#send(row, settings);
      const at = this.#o.clock.now().toISOString();
      await finishAttempt(
        this.#o.db,
        row.id,
        row.attempts,
        { status: 'sent', sent_at: at, provider_message_id: providerMessageId, last_error: null },
        at,
      );
      this.#emit(row, 'sent');
      return true;
    } catch (error) {
      const failure =
        error instanceof SendError
          ? error
          : new SendError(error instanceof Error ? error.message : String(error), true);
      if (!(error instanceof SendError))
        this.#o.log.error({ err: error, messageId: row.id }, 'outbox send crashed');
      await this.#fail(row, failure);
      return false;
    }
  }

  async #send(row: OutboxRow, settings: LoadedSettings): Promise<string | null> {
    const message = {
      idempotencyKey: row.idempotency_key,
      to: row.recipient,
      subject: row.subject,
      text: row.body,
      html: row.html,
    };
    if (row.channel !== 'push') {
      // Set up since it was queued, or never: a channel that cannot send ends the message as
      // "not sent" with why, rather than retrying for two days against nothing.
      const readiness = readinessOf(settings, row.channel);
      if (readiness.ready === false && settings[row.channel].enabled)
        throw new SendError(NOT_SET_UP[row.channel], false);
    }
    if (row.channel === 'email') {
      if (!settings.email.enabled) throw new SendError('email is turned off in settings', true);
      return (await this.#o.channels.email.send(settings.email, message)).providerMessageId;
    }
    if (row.channel === 'sms') {
      if (!settings.sms.enabled) throw new SendError('SMS is turned off in settings', true);
      if (await this.#o.service.isOptedOut(row.recipient)) {
        throw new SendError('the number replied STOP (opted out of texts)', false);
      }
      return (await this.#o.channels.sms.send(settings.sms, message)).providerMessageId;
    }
    const subscription = await findPushSubscription(this.#o.db, row.recipient);
    if (subscription === undefined) throw new SendError('this device is no longer subscribed', false, true);
    try {
      const result = await this.#o.channels.push.send(
        {
          subject: settings.push.subject,
          publicKey: settings.push.vapidPublicKey,
          privateKey: settings.push.vapidPrivateKey,
        },
        subscription,
        row.body,
        row.idempotency_key,
      );
      return result.providerMessageId;
    } catch (error) {
      if (error instanceof SendError && error.gone)
        await deletePushSubscriptionById(this.#o.db, subscription.id);
      throw error;
    }
  }

  async #fail(row: OutboxRow, failure: SendError): Promise<void> {
    const now = this.#o.clock.now();
    const at = now.toISOString();
    const age = now.getTime() - new Date(row.created_at).getTime();
    let status: 'pending' | 'failed' | 'cancelled';
    let lastError = failure.message;
    let next = at;
    if (failure.gone) status = 'cancelled';
    else if (!failure.retryable) status = 'failed';
    else if (age >= this.#policy.maxAgeMs) {
      status = 'failed';
      lastError = `gave up after ${row.attempts} attempts: ${failure.message}`;
    } else {
      status = 'pending';
      next = new Date(now.getTime() + retryDelayMs(row.attempts, this.#policy)).toISOString();
    }
    await finishAttempt(
      this.#o.db,
      row.id,
      row.attempts,
      { status, last_error: lastError, next_attempt_at: next },
      at,
    );
    this.#emit(row, status);
  }

  #emit(row: OutboxRow, status: 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled'): void {
    this.#o.events.emit('notificationStatusChanged', {
      messageId: row.id,
      repairOrderId: row.repair_order_id,
      channel: row.channel,
      status,
      at: this.#o.clock.now().toISOString(),
    });
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The notifications outbox worker (tests call drain()). */
    outbox: OutboxWorker;
    /** The notifications service (other modules get it in app.ts; tests reach it here). */
    notifications: NotificationsService;
  }
}
