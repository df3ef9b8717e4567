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
}

/**
 * `topics` may be a function: it is re-read reactively, so a screen for another record (the
 * route's id changed) watches that record's topics and loads it afresh. A function returning null
 * watches nothing and loads nothing (not yet known whose data to show, or not this user's screen).
 */
export function liveResource<T>(
  topics: string[] | (() => string[] | null),
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
  $effect(() => {
    const watched = typeof topics === 'function' ? topics() : topics;
    if (watched === null) return;
    return untrack(() => resource.watch(watched));
  });
  return resource;
}
