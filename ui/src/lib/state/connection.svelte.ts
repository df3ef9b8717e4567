/**
 * Whether the server answers. When a request fails to reach it, the app shows a banner and probes
 * /api/health with a growing delay (1 s, 2 s, 4 s … 15 s) until it answers again. Screens that
 * loaded data reload it when the connection comes back (see `onReconnect`).
 */
const PROBE_DELAYS_MS = [1000, 2000, 4000, 8000, 15000];

class ConnectionState {
  reachable = $state(true);
  /** The session ended (401 on a staff route): the layout sends the user to sign in. */
  signedOut = $state(false);
  /** When the next probe runs (ms since epoch), for "retrying in 3 s". */
  nextProbeAt = $state<number | null>(null);

  #attempt = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #listeners = new Set<() => void>();

  markReachable(): void {
    if (this.reachable) return;
    this.reachable = true;
    this.nextProbeAt = null;
    this.#attempt = 0;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    for (const listener of this.#listeners) listener();
  }

  markUnreachable(): void {
    if (!this.reachable) return;
    this.reachable = false;
    this.#scheduleProbe();
  }

  markSignedOut(): void {
    this.signedOut = true;
  }

  /** Probe now (the banner's "Retry now" button). */
  retryNow(): void {
    if (this.#timer) clearTimeout(this.#timer);
    void this.#probe();
  }

  /** Runs `listener` each time the server becomes reachable again; returns the unsubscribe. */
  onReconnect(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #scheduleProbe(): void {
    const delay = PROBE_DELAYS_MS[Math.min(this.#attempt, PROBE_DELAYS_MS.length - 1)] ?? 15000;
    this.#attempt += 1;
    this.nextProbeAt = Date.now() + delay;
    this.#timer = setTimeout(() => void this.#probe(), delay);
  }

  async #probe(): Promise<void> {
    try {
      const response = await fetch('/api/health', { cache: 'no-store' });
      if (response.ok) {
        this.markReachable();
        return;
      }
    } catch {
      // still unreachable
    }
    this.#scheduleProbe();
  }
}

export const connection = new ConnectionState();
