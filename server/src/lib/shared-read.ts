/**
 * One computation shared by everyone who asks while it runs, as long as nothing was written since
 * it started (`stamp`, the database's write stamp, is unchanged); a caller who asks after a write
 * starts a new one, so nobody gets an answer older than their question. For reads many screens
 * make at the same moment: every bay TV refetches its board on the same live event.
 */
export function sharedWhileUnchanged<T>(stamp: () => string, compute: () => Promise<T>): () => Promise<T> {
  let inFlight: { stamp: string; result: Promise<T> } | null = null;
  return () => {
    const now = stamp();
    if (inFlight?.stamp === now) return inFlight.result;
    const mine = { stamp: now, result: compute() };
    inFlight = mine;
    const done = () => {
      if (inFlight === mine) inFlight = null;
    };
    mine.result.then(done, done);
    return mine.result;
  };
}
