/**
 * The watch-and-reload rules every live screen shares, without Svelte (so they are unit-tested
 * as plain code); `live-resource.svelte.ts` gives it reactive state and a component's lifetime.
 *
 * A resource is one thing a screen shows (a list, a record) and the live topics whose events
 * may change it. While watched it:
 * - loads once, then again on each event the `when` filter accepts, on a resync (the server could
 *   not replay what was missed) and when the server comes back after a drop;
 * - coalesces bursts of events (a status change emits several at once) into one reload, plus at
 *   most one more after the one in flight, so it ends on the latest data;
 * - lets the latest load win: `refresh()` (the screen's own question changed: another filter,
 *   another day) starts at once, and an older answer arriving later is dropped;
 * - keeps the last good data on screen while a reload fails, with the error beside it.
 */
import type { LiveEvent, WatchHandlers } from './realtime.svelte';
import { coalesce, type Coalesced } from './coalesce';
import { LatestOnly } from './latest';

/** Where events come from: the staff app's socket, or a bay TV's. */
export interface LiveSource {
  watch(topics: string[], handlers: WatchHandlers): () => void;
}

/** Tells when the server answers again after the network dropped. */
export interface ReconnectSource {
  onReconnect(listener: () => void): () => void;
}

/** Where the resource keeps what it shows: reactive state in a component, a plain object in tests. */
export interface ResourceState<T> {
  data: T;
  error: unknown;
  loading: boolean;
}

export interface LiveResourceOptions<T> {
  /** Which events on the topics change this resource; default: every one. */
  when?: (event: LiveEvent) => boolean;
  /**
   * Told of each change on the topics that reloads (an accepted event; null for a resync), before
   * the reload: a screen passes it on to panels that load for themselves, or notes an edit overtaken.
   */
  onChange?: (event: LiveEvent | null) => void;
  /** A pause that lets a burst of events share one reload; default none (reload at once). */
  delayMs?: number;
  /**
   * An answer already asked for (a route's `+page.ts` load started it before the page mounted):
   * the first load takes it instead of asking again, then reloads once when the subscription is
   * open, so an event between that request and the subscription is not missed.
   */
  first?: Promise<T>;
}

export interface LiveResourceSources {
  live: LiveSource;
  /** null: no reconnect signal (a bay TV watches its own socket's status). */
  reconnects: ReconnectSource | null;
}

export class LiveResource<T> {
  readonly #state: ResourceState<T>;
  readonly #load: () => Promise<T>;
  readonly #options: LiveResourceOptions<T>;
  readonly #sources: LiveResourceSources;
  readonly #latest = new LatestOnly();
  #reloads: Coalesced | null = null;
  #first: Promise<T> | undefined;

  constructor(
    state: ResourceState<T>,
    load: () => Promise<T>,
    sources: LiveResourceSources,
    options: LiveResourceOptions<T> = {},
  ) {
    this.#state = state;
    this.#load = load;
    this.#sources = sources;
    this.#options = options;
    this.#first = options.first;
  }

  get data(): T {
    return this.#state.data;
  }

  /** The screen's own newer answer (after a save) replaces what was loaded. */
  set data(value: T) {
    this.#latest.drop();
    this.#state.data = value;
    this.#state.loading = false;
  }

  /** The last load's failure (null once one succeeds); the last good data stays in `data`. */
  get error(): unknown {
    return this.#state.error;
  }

  get loading(): boolean {
    return this.#state.loading;
  }

  /** Loads now; the answer of any load begun before this one is dropped when it arrives. */
  async refresh(): Promise<void> {
    const current = this.#latest.begin();
    this.#state.loading = true;
    const first = this.#first;
    this.#first = undefined;
    try {
      const value = await (first ?? this.#load());
      if (!current()) return;
      this.#state.data = value;
      this.#state.error = null;
    } catch (error) {
      if (current()) this.#state.error = error;
    } finally {
      if (current()) this.#state.loading = false;
    }
  }

  /** Something changed: reload, sharing one run with the other changes of the same burst. */
  reload(): Promise<void> {
    return this.#reloads === null ? this.refresh() : this.#reloads();
  }

  /**
   * Starts keeping the data current: the first load (or the early answer, `first` or the one given
   * here), then a reload when the server answers again after a drop. Returns the stop function for
   * the component's cleanup, which drops any answer still on its way.
   */
  start(first?: Promise<T>): () => void {
    if (first !== undefined) this.#first = first;
    const reloads = coalesce(() => this.refresh(), this.#options.delayMs ?? 0);
    this.#reloads = reloads;
    const stopReconnect = this.#sources.reconnects?.onReconnect(() => void reloads()) ?? (() => undefined);
    const early = this.#first !== undefined;
    // Through the coalescer, so events during the first load queue one reload after it.
    void reloads.now().then(() => {
      if (early) void reloads();
    });
    return () => {
      reloads.cancel();
      if (this.#reloads === reloads) this.#reloads = null;
      this.#latest.drop();
      stopReconnect();
    };
  }

  /** Reloads on the events of `topics` (and on a resync); returns the unsubscribe function. */
  follow(topics: string[]): () => void {
    const when = this.#options.when ?? (() => true);
    const changed = (event: LiveEvent | null): void => {
      this.#options.onChange?.(event);
      void this.reload();
    };
    return this.#sources.live.watch(topics, {
      event: (event) => {
        if (when(event)) changed(event);
      },
      resync: () => changed(null),
    });
  }

  /** `start()` and `follow(topics)` together, stopped together. */
  watch(topics: string[]): () => void {
    const stop = this.start();
    const unfollow = this.follow(topics);
    return () => {
      unfollow();
      stop();
    };
  }
}
