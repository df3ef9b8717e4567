/**
 * Wraps a reload so bursts of triggers cost at most two runs: the one in flight, and one more
 * after it (it may have started before the latest change). A board receiving ten live events in a
 * second then fetches twice, not ten times, and never shows an answer older than the last event.
 */
export function coalesce(task: () => Promise<void>): () => Promise<void> {
  let inFlight: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  function trigger(): Promise<void> {
    if (inFlight === null) {
      inFlight = task().finally(() => {
        inFlight = null;
      });
      return inFlight;
    }
    queued ??= inFlight
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return trigger();
      });
    return queued;
  }

  return trigger;
}
