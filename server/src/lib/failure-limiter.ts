/**
 * Failures per key (an address, a kiosk) in a fixed window, in memory and bounded: after
 * `maxFailures` in `windowMs` the key is refused without looking anything up until the window
 * ends, so a guesser costs nothing. The MQTT broker's bad logins and the kiosk's pairing codes and
 * staff-exit PINs use it.
 */

export interface FailureLimits {
  maxFailures: number;
  windowMs: number;
}

const MAX_TRACKED = 1_000;

export class FailureLimiter {
  readonly #windows = new Map<string, { startedAt: number; failures: number }>();

  constructor(
    private readonly limits: FailureLimits,
    private readonly now: () => number,
  ) {}

  /** Whether this key has used up its failures for the current window. */
  blocked(key: string): boolean {
    const entry = this.#current(key);
    return entry !== undefined && entry.failures >= this.limits.maxFailures;
  }

  /** How long until a blocked key may try again (0 when it is not blocked). */
  retryAfterMs(key: string): number {
    const entry = this.#current(key);
    if (entry === undefined || entry.failures < this.limits.maxFailures) return 0;
    return entry.startedAt + this.limits.windowMs - this.now();
  }

  failed(key: string): void {
    const entry = this.#current(key);
    if (entry !== undefined) {
      entry.failures++;
      return;
    }
    if (this.#windows.size >= MAX_TRACKED) this.#windows.delete(this.#windows.keys().next().value!);
    this.#windows.set(key, { startedAt: this.now(), failures: 1 });
  }

  #current(key: string) {
    const entry = this.#windows.get(key);
    if (entry === undefined) return undefined;
    if (this.now() - entry.startedAt >= this.limits.windowMs) {
      this.#windows.delete(key);
      return undefined;
    }
    return entry;
  }
}
