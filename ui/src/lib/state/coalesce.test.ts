import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from './coalesce';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('coalesce', () => {
  it('runs once more after the run in flight, however many triggers came in', async () => {
    const runs: ReturnType<typeof deferred>[] = [];
    const trigger = coalesce(() => {
      const run = deferred();
      runs.push(run);
      return run.promise;
    });
    const first = trigger();
    const queued = [trigger(), trigger(), trigger()];
    expect(runs).toHaveLength(1);
    runs[0]!.resolve();
    await first;
    await Promise.resolve();
    await Promise.resolve();
    expect(runs).toHaveLength(2);
    runs[1]!.resolve();
    await Promise.all(queued);
    expect(runs).toHaveLength(2);
  });

  it('starts fresh after a failed run', async () => {
    let calls = 0;
    const trigger = coalesce(async () => {
      calls += 1;
      if (calls === 1) throw new Error('offline');
    });
    await expect(trigger()).rejects.toThrow('offline');
    await trigger();
    expect(calls).toBe(2);
  });

  it('still runs the queued reload when the one in flight failed', async () => {
    const runs: ReturnType<typeof deferred>[] = [];
    const trigger = coalesce(() => {
      const run = deferred();
      runs.push(run);
      return run.promise;
    });
    const first = trigger();
    const second = trigger();
    runs[0]!.reject(new Error('offline'));
    await expect(first).rejects.toThrow('offline');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs).toHaveLength(2);
    runs[1]!.resolve();
    await second;
  });
});

describe('coalesce with a pause', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once for a burst of requests', async () => {
    const load = vi.fn(async () => {});
    const reload = coalesce(load, 100);
    void reload();
    void reload();
    void reload();
    await vi.advanceTimersByTimeAsync(150);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('runs again when a request arrives while loading', async () => {
    let finish: () => void = () => {};
    const load = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const reload = coalesce(load, 10);
    void reload();
    await vi.advanceTimersByTimeAsync(20);
    expect(load).toHaveBeenCalledTimes(1);
    void reload(); // during the load
    void reload();
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
    const reload = coalesce(load, 10);
    void reload().catch(() => undefined);
    await vi.advanceTimersByTimeAsync(20);
    void reload().catch(() => undefined);
    await vi.advanceTimersByTimeAsync(20);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does nothing once cancelled', async () => {
    const load = vi.fn(async () => {});
    const reload = coalesce(load, 10);
    void reload();
    reload.cancel();
    void reload();
    await vi.advanceTimersByTimeAsync(50);
    expect(load).not.toHaveBeenCalled();
  });

  it('skips the pause for a first load when nothing is running', async () => {
    const load = vi.fn(async () => {});
    const reload = coalesce(load, 100);
    void reload.now();
    expect(load).toHaveBeenCalledTimes(1);
    void reload();
    await vi.advanceTimersByTimeAsync(150);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
