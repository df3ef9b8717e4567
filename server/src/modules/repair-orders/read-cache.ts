import type { WriteStamp } from '../../db/write-stamp.js';

/**
 * Serves repeated reads from memory until the database is written to. The job board and open
 * repair orders are polled by every screen in the shop (TVs, tablets, the counter) and change far
 * less often than they are read. The stamp covers every write by any module and any other
 * connection, so an answer is never staler than the last commit; a rolled-back write merely
 * costs one reload. Cached values are shared: callers must not mutate them.
 */
export class WriteStampedCache<T> {
  readonly #entries = new Map<string, { stamp: string; value: T }>();

  constructor(
    private readonly stampNow: WriteStamp,
    private readonly maxEntries: number,
  ) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    // Taken before loading: a write landing in between leaves an old stamp, so the next read reloads.
    const stamp = this.stampNow();
    const hit = this.#entries.get(key);
    if (hit !== undefined && hit.stamp === stamp) return hit.value;
    const value = await load();
    this.#entries.delete(key);
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { stamp, value });
    return value;
  }
}
