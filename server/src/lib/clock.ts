/**
 * The one source of "now" for the server. Services never call `new Date()` themselves, so tests can
 * move time forward (session expiry, lockouts) without sleeping.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that tests move by hand. */
export class ManualClock implements Clock {
  #now: Date;
  constructor(start: Date | string = '2026-01-05T09:00:00.000Z') {
    this.#now = new Date(start);
  }
  now(): Date {
    return new Date(this.#now);
  }
  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
  set(at: Date | string): void {
    this.#now = new Date(at);
  }
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
