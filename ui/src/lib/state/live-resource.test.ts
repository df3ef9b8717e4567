import { describe, expect, it } from 'vitest';
import type { LiveEventName } from '$contracts/live-events';
import type { LiveEvent, WatchHandlers } from './realtime.svelte';
import { LiveResource, type LiveSource, type ReconnectSource, type ResourceState } from './live-resource';

/** A socket stand-in that records subscriptions, so a test can send events and see who listens. */
class FakeLive implements LiveSource {
  readonly watchers = new Set<{ topics: string[]; handlers: WatchHandlers }>();

  watch(topics: string[], handlers: WatchHandlers): () => void {
    const watcher = { topics, handlers };
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  send(topic: string, name: LiveEventName = 'jobChanged'): void {
    const event: LiveEvent = { type: 'event', seq: 1, topics: [topic], name, payload: {}, at: '' };
    for (const w of this.watchers) if (w.topics.includes(topic)) w.handlers.event?.(event);
  }
}

class FakeReconnects implements ReconnectSource {
  readonly listeners = new Set<() => void>();
  onReconnect(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Loads the test answers by hand, in any order. */
function manualLoads<T>() {
  const calls: { resolve: (value: T) => void; reject: (error: Error) => void }[] = [];
  const load = () =>
    new Promise<T>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { calls, load };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup<T>(load: () => Promise<T>, options = {}) {
  const live = new FakeLive();
  const reconnects = new FakeReconnects();
  const state: ResourceState<T | null> = { data: null, error: null, loading: true };
  const resource = new LiveResource<T | null>(state, load, { live, reconnects }, options);
  return { live, reconnects, resource };
}

describe('liveResource', () => {
  it('loads once when watched, then once more for a burst of changes during that load', async () => {
    const { calls, load } = manualLoads<string>();
    const { live, resource } = setup(load);
    resource.watch(['board']);
    expect(calls).toHaveLength(1);
    for (let i = 0; i < 5; i += 1) live.send('board');
    calls[0]!.resolve('first');
    await settle();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve('after the burst');
    await settle();
    expect(calls).toHaveLength(2);
    expect(resource.data).toBe('after the burst');
    expect(resource.loading).toBe(false);
  });

  it('turns a burst of changes into one reload once loaded', async () => {
    let loads = 0;
    const { live, resource } = setup(async () => (loads += 1));
    resource.watch(['board']);
    await settle();
    expect(loads).toBe(1);
    live.send('board');
    live.send('board');
    live.send('board');
    await settle();
    // The first change reloads at once; the other two share the one after it.
    expect(loads).toBe(3);
  });

  it('shares one reload for a whole burst with a pause', async () => {
    let loads = 0;
    const { live, resource } = setup(async () => (loads += 1), { delayMs: 5 });
    resource.watch(['board']);
    await settle();
    for (let i = 0; i < 10; i += 1) live.send('board');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(loads).toBe(2);
  });

  it('ignores an older load that finishes after a newer one', async () => {
    const { calls, load } = manualLoads<string>();
    const { resource } = setup(load);
    resource.watch(['board']);
    void resource.refresh(); // the screen asked a new question
    calls[1]!.resolve('newer');
    await settle();
    calls[0]!.resolve('older');
    await settle();
    expect(resource.data).toBe('newer');
    expect(resource.loading).toBe(false);
  });

  it('keeps the last data and shows the error when a reload fails', async () => {
    const { calls, load } = manualLoads<string>();
    const { live, resource } = setup(load);
    resource.watch(['board']);
    calls[0]!.resolve('good');
    await settle();
    live.send('board');
    calls[1]!.reject(new Error('offline'));
    await settle();
    expect(resource.data).toBe('good');
    expect(resource.error).toEqual(new Error('offline'));
  });

  it('reloads only for the events `when` accepts, and after a resync or a reconnect', async () => {
    let loads = 0;
    let changes = 0;
    const { live, reconnects, resource } = setup(async () => (loads += 1), {
      when: (event: LiveEvent) => event.name === 'invoiceChanged',
      onChange: () => (changes += 1),
    });
    resource.watch(['board']);
    await settle();
    live.send('board', 'jobStatusChanged');
    await settle();
    expect(loads).toBe(1);
    live.send('board', 'invoiceChanged');
    await settle();
    expect(loads).toBe(2);
    for (const w of live.watchers) w.handlers.resync?.();
    await settle();
    expect(loads).toBe(3);
    for (const listener of reconnects.listeners) listener();
    await settle();
    expect(loads).toBe(4);
    expect(changes).toBe(2); // the accepted event and the resync
  });

  it('takes an early answer first, then reloads once subscribed', async () => {
    const { calls, load } = manualLoads<string>();
    const { resource } = setup(load, { first: Promise.resolve('early') });
    resource.watch(['board']);
    expect(calls).toHaveLength(0);
    await settle();
    expect(resource.data).toBe('early');
    expect(calls).toHaveLength(1);
    calls[0]!.resolve('current');
    await settle();
    expect(resource.data).toBe('current');
  });

  it('unsubscribes on destroy and drops an answer still on its way', async () => {
    const { calls, load } = manualLoads<string>();
    const { live, reconnects, resource } = setup(load);
    const stop = resource.watch(['board']);
    expect(live.watchers.size).toBe(1);
    expect(reconnects.listeners.size).toBe(1);
    stop();
    expect(live.watchers.size).toBe(0);
    expect(reconnects.listeners.size).toBe(0);
    calls[0]!.resolve('too late');
    await settle();
    expect(resource.data).toBeNull();
    live.send('board');
    await settle();
    expect(calls).toHaveLength(1);
  });
});
