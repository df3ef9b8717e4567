import { describe, expect, it } from 'vitest';
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
