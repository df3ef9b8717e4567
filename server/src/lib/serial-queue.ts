/**
 * Work that must not overlap (two handlers reading the same "last seq", two callers generating the
 * same certificate) runs one piece at a time, in call order. A piece that fails fails its own
 * caller only: the pieces after it still run.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(work, work);
    this.#tail = run.catch(() => undefined);
    return run;
  }
}

/**
 * A SerialQueue per key (a device): one key's work runs in order, different keys do not wait for
 * each other, and a key's queue is dropped once it drains (devices come and go).
 */
export class KeyedSerialQueue {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return run;
  }

  /** How many keys have work queued or running (tests read it: a drained key is forgotten). */
  get size(): number {
    return this.#tails.size;
  }
}
