/**
 * Wraps a reload so a burst of triggers costs at most two runs: the one in flight, and one more
 * after it (it may have started before the latest change). With `delayMs`, triggers that arrive
 * within that pause share one run as well: a board receiving ten live events in a second fetches
 * once or twice, not ten times, and never ends on an answer older than the last event.
 *
 * The returned promise settles with the run that covers the trigger (it rejects when that run
 * does); `cancel()` (component destroyed) drops what has not started and ignores later triggers.
 */
export interface Coalesced {
  (): Promise<void>;
  /** The same, without the pause when nothing is running (a screen's first load). */
  now(): Promise<void>;
  cancel(): void;
}

interface Pending {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function pending(): Pending {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

export function coalesce(task: () => Promise<void>, delayMs = 0): Coalesced {
  let inFlight: Promise<void> | null = null;
  /** The run asked for and not started yet: every trigger until it starts shares it. */
  let next: Pending | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let cancelled = false;

  function launch(): void {
    timer = null;
    const covered = next;
    next = null;
    if (covered === null) return;
    // async: a task that throws at once rejects like one that fails later
    const run = (async () => task())();
    inFlight = run;
    run.then(covered.resolve, covered.reject);
    void run
      .catch(() => undefined)
      .then(() => {
        inFlight = null;
        if (next !== null && !cancelled) schedule();
      });
  }

  function schedule(): void {
    if (delayMs <= 0) launch();
    else timer ??= setTimeout(launch, delayMs);
  }

  const trigger = (): Promise<void> => {
    if (cancelled) return Promise.resolve();
    if (next !== null) return next.promise;
    next = pending();
    const covering = next.promise;
    if (inFlight === null) schedule();
    return covering;
  };

  trigger.now = (): Promise<void> => {
    const covering = trigger();
    if (timer !== null) {
      clearTimeout(timer);
      launch();
    }
    return covering;
  };

  trigger.cancel = (): void => {
    cancelled = true;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    next?.resolve();
    next = null;
  };

  return trigger;
}
