/**
 * Live events come in bursts (a status change emits jobStatusChanged and repairOrderChanged at
 * once): reloading on each would fetch the same data several times. `coalesced(load)` returns a
 * `request()` that runs `load` once after a short pause, and once more if requests arrived while it
 * was running, so the screen always ends on the latest data.
 */
export interface Coalesced {
  request(): void;
  /** Stops any pending run (component destroyed). */
  cancel(): void;
}

export function coalesced(load: () => Promise<void>, delayMs = 100): Coalesced {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let again = false;
  let cancelled = false;

  async function run(): Promise<void> {
    timer = null;
    running = true;
    try {
      await load();
    } catch {
      // the loader shows its own error; a failed run must not stop later ones
    } finally {
      running = false;
    }
    if (again && !cancelled) {
      again = false;
      schedule();
    }
  }

  function schedule(): void {
    if (timer === null && !cancelled) timer = setTimeout(() => void run(), delayMs);
  }

  return {
    request() {
      if (cancelled) return;
      if (running) again = true;
      else schedule();
    },
    cancel() {
      cancelled = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
