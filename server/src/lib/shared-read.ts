/** How long a finished answer may still be handed out (0: only while it runs), on `nowMs`'s clock. */
export interface SharedReadOptions {
  keepMs?: number;
  nowMs?: () => number;
}

/**
 * One computation shared by everyone who asks while it runs, as long as nothing was written since
 * it started (`stamp`, the database's write stamp, is unchanged); a caller who asks after a write
 * starts a new one, so nobody gets an answer older than their question. For reads many screens
 * make at the same moment: every bay TV refetches its board on the same live event.
 *
 * With `keepMs`, a finished answer is also handed out while the stamp is unchanged and it started
 * less than `keepMs` ago. A computation over SQLite finishes within one turn of the event loop, so
 * without it "while it runs" shares nothing: twenty TVs asking a few milliseconds apart computed
 * the board twenty times. Its answer may then be up to `keepMs` old by the clock, never by the data.
 */
export function sharedWhileUnchanged<T>(
  stamp: () => string,
  compute: () => Promise<T>,
  options: SharedReadOptions = {},
): () => Promise<T> {
  const keepMs = options.keepMs ?? 0;
  const nowMs = options.nowMs ?? (() => performance.now());
  let current: { stamp: string; result: Promise<T>; startedAt: number; done: boolean } | null = null;
  return () => {
    const now = stamp();
    if (current?.stamp === now && (!current.done || nowMs() - current.startedAt < keepMs))
      return current.result;
    const startedAt = keepMs > 0 ? nowMs() : 0;
    const mine = { stamp: now, result: compute(), startedAt, done: false };
    current = mine;
    mine.result.then(
      () => {
        mine.done = true;
        if (keepMs <= 0 && current === mine) current = null;
      },
      () => {
        if (current === mine) current = null;
      },
    );
    return mine.result;
  };
}
