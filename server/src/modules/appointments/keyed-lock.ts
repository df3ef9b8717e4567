/**
 * Runs async work one at a time per key, in this process. Arrival is two steps (open the repair
 * order, then mark the appointment), each its own transaction; holding the appointment's key
 * across both keeps a cancel, a move or a second arrival from landing in between.
 */
export class KeyedLock {
  readonly #tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    try {
      return await result;
    } finally {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }
}
