import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesced } from './coalesce';

describe('coalesced reloads', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once for a burst of requests', async () => {
    const load = vi.fn(async () => {});
    const reload = coalesced(load, 100);
    reload.request();
    reload.request();
    reload.request();
    await vi.advanceTimersByTimeAsync(150);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('runs again when a request arrives while loading', async () => {
    let finish: () => void = () => {};
    const load = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const reload = coalesced(load, 10);
    reload.request();
    await vi.advanceTimersByTimeAsync(20);
    expect(load).toHaveBeenCalledTimes(1);
    reload.request(); // during the load
    reload.request();
    finish();
    await vi.advanceTimersByTimeAsync(20);
    expect(load).toHaveBeenCalledTimes(2);
    finish();
    await vi.advanceTimersByTimeAsync(50);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps working after a failed load', async () => {
    const load = vi.fn(async () => {
      throw new Error('down');
    });
    const reload = coalesced(load, 10);
    reload.request();
    await vi.advanceTimersByTimeAsync(20);
    reload.request();
    await vi.advanceTimersByTimeAsync(20);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does nothing once cancelled', async () => {
    const load = vi.fn(async () => {});
    const reload = coalesced(load, 10);
    reload.request();
    reload.cancel();
    reload.request();
    await vi.advanceTimersByTimeAsync(50);
    expect(load).not.toHaveBeenCalled();
  });
});
