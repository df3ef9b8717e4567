/**
 * The broker's two brakes, both in memory and bounded:
 * - bad credentials per source address: after `maxFailures` in `windowMs` the address is refused
 *   without looking anything up until the window ends (a password guesser costs us nothing);
 * - messages per device: a token bucket (`perSecond` sustained, `burst` at once); what is over it
 *   is dropped and counted, so one flooding device cannot starve the others.
 */

import type { FailureLimits } from '../../lib/failure-limiter.js';

/** 10 bad connection attempts a minute per address, then refused unchecked until the minute ends. */
export const CONNECT_FAILURE_LIMITS: FailureLimits = { maxFailures: 10, windowMs: 60_000 };

export interface RateLimits {
  perSecond: number;
  burst: number;
}

/**
 * 20 messages a second per device, 50 at once (config `mqttDeviceMessagesPerSecond`): a bay sensor
 * sends a few a day, an OBD dongle one a second; the largest honest burst is a dongle's reconnect
 * replay. The burst is always 2.5 seconds' worth.
 */
export function deviceMessageLimits(perSecond: number): RateLimits {
  return { perSecond, burst: Math.ceil(perSecond * 2.5) };
}

export class MessageRate {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limits: RateLimits,
    private readonly now: () => number,
  ) {}

  /** Takes one token for `id`; false when its bucket is empty (the message is to be dropped). */
  take(id: string): boolean {
    const now = this.now();
    const bucket = this.#buckets.get(id) ?? { tokens: this.limits.burst, at: now };
    bucket.tokens = Math.min(
      this.limits.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.limits.perSecond,
    );
    bucket.at = now;
    this.#buckets.set(id, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  forget(id: string): void {
    this.#buckets.delete(id);
  }
}
