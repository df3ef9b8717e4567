import { inTransaction } from './after-commit.js';
import type { Db } from './database.js';

/** A piece of work written in a transaction it shares with others: every read and write through `tx`. */
export type GroupedWork<T> = (tx: Db) => Promise<T>;

/**
 * The most works in one transaction. A batch runs as one turn of the event loop: larger ones would
 * keep a bay sensor's event (or an HTTP request) waiting longer than the commits they save.
 */
export const GROUP_COMMIT_MAX = 25;

interface Pending {
  work: GroupedWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes nobody waits on one by one, committed together: device reports the broker already
 * acknowledged. Each commit waits for the disk (synchronous = FULL, about 0.4-1.4 ms here, with
 * the event loop blocked): fifty OBD dongles reporting in the same second were fifty commits in a
 * row, and a bay sensor's event behind them waited for all of them. The works gathered during one
 * turn of the event loop run in one transaction, in call order, after that turn's other I/O (a
 * sensor event that arrived with them goes first). A work that throws rolls its batch back; the
 * batch then runs again one work per transaction, so only the failing one fails: a work must
 * therefore keep its state in the database (read through `tx`), never in memory it changed.
 */
export class GroupCommit {
  #pending: Pending[] = [];
  #scheduled = false;
  #flushing = false;

  constructor(
    private readonly db: Db,
    private readonly maxBatch: number = GROUP_COMMIT_MAX,
  ) {}

  run<T>(work: GroupedWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#flushing || this.#pending.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    this.#flushing = true;
    const batch = this.#pending.splice(0, this.maxBatch);
    try {
      const results = await inTransaction(this.db, async (tx) => {
        const values: unknown[] = [];
        for (const pending of batch) values.push(await pending.work(tx));
        return values;
      });
      batch.forEach((pending, index) => pending.resolve(results[index]));
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else await this.#oneByOne(batch);
    } finally {
      this.#flushing = false;
      this.#schedule();
    }
  }

  async #oneByOne(batch: Pending[]): Promise<void> {
    for (const pending of batch) {
      try {
        pending.resolve(await inTransaction(this.db, pending.work));
      } catch (error) {
        pending.reject(error);
      }
    }
  }
}
