/**
 * `liveResource(topics, load)`: the one way a screen keeps something it shows current with the
 * live connection. Call it while the component initialises; it loads when the component mounts,
 * reloads on the topics' events (rules in ./live-resource.ts) and stops when it is destroyed.
 *
 *   const invoices = liveResource(['board'], () => fetchInvoices(filter), {
 *     when: (event) => event.name === 'invoiceChanged',
 *   });
 *   // markup: invoices.data, invoices.error, invoices.loading; a new filter: invoices.refresh()
 */
import { untrack } from 'svelte';
import { connection } from './connection.svelte';
import { LiveResource, type LiveResourceOptions, type ResourceState } from './live-resource';
import { live, type LiveConnection } from './realtime.svelte';

export { LiveResource } from './live-resource';

class DeepState<T> implements ResourceState<T | null> {
  data = $state<T | null>(null);
  error = $state<unknown>(null);
  loading = $state(true);
}

/** For long lists replaced whole on each load (the board's 200 cards): no deep proxies. */
class RawState<T> implements ResourceState<T | null> {
  data = $state.raw<T | null>(null);
  error = $state.raw<unknown>(null);
  loading = $state(true);
}

export interface LiveResourceSetup<T> extends LiveResourceOptions<T | null> {
  /** Data replaced whole, never edited in place: skip the deep proxy. */
  raw?: boolean;
  /** Another socket (a bay TV's); it has no reconnect signal beyond its own status. */
  connection?: LiveConnection;
  /** False: load and watch nothing (not this user's screen, or not yet known whose data to show). */
  enabled?: () => boolean;
  /** Whose data (the route's id): when it changes the resource starts over with a fresh load. */
  key?: () => unknown;
  /**
   * The request the route's `+page.ts` load started early (its data), read at each start: the
   * first answer for this key, then one reload once subscribed (see `first`).
   */
  early?: () => Promise<T> | undefined;
}

/**
 * `topics` may be a function, re-read reactively: the subscription follows it (the vehicles of a
 * customer, the repair order an invoice turned out to belong to) without reloading; the data
 * reloads when `key` changes.
 */
export function liveResource<T>(
  topics: string[] | (() => string[]),
  load: () => Promise<T>,
  setup: LiveResourceSetup<T> = {},
): LiveResource<T | null> {
  const state = setup.raw ? new RawState<T>() : new DeepState<T>();
  const resource = new LiveResource<T | null>(
    state,
    load,
    setup.connection ? { live: setup.connection, reconnects: null } : { live, reconnects: connection },
    setup,
  );
  const enabled = setup.enabled ?? (() => true);
  let started = false;
  $effect(() => {
    setup.key?.();
    if (!enabled()) return;
    return untrack(() => {
      // Someone else's data: show "loading", not the previous one's.
      if (started) Object.assign(state, { data: null, error: null, loading: true });
      started = true;
      return resource.start(setup.early?.());
    });
  });
  $effect(() => {
    const watched = typeof topics === 'function' ? topics() : topics;
    if (!enabled() || watched.length === 0) return;
    return untrack(() => resource.follow(watched));
  });
  return resource;
}
