import type { Clock } from '../../lib/clock.js';
import { problems } from '../../lib/problem.js';

/**
 * Lookups per kiosk: at most `max` in any `windowMs` (phone + fact and code lookups together), so
 * a tablet at the door cannot be used to walk through phone numbers. Kept in memory: a restart
 * forgets the counts, which at worst gives one more window.
 */
export class KioskLookupLimit {
  readonly #recent = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly max = 10,
    private readonly windowMs = 5 * 60_000,
  ) {}

  /** Counts one lookup by `deviceId`, or refuses it with 429 `kiosk-lookup-limit`. */
  take(deviceId: string): void {
    const now = this.clock.now().getTime();
    const recent = (this.#recent.get(deviceId) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.max) {
      this.#recent.set(deviceId, recent);
      const retryAfterMs = recent[0]! + this.windowMs - now;
      throw problems.tooManyRequests(
        'Too many lookups from this kiosk: please wait a moment or ask at the counter.',
        retryAfterMs / 1000,
        'kiosk-lookup-limit',
      );
    }
    recent.push(now);
    this.#recent.set(deviceId, recent);
  }
}
