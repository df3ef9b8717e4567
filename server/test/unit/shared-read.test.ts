import { describe, expect, it } from 'vitest';
import { sharedWhileUnchanged } from '../../src/lib/shared-read.js';

/** A computation the test finishes by hand, counting how often it was started. */
function gate() {
  let started = 0;
  const finishers: Array<(value: number) => void> = [];
  const compute = () => {
    started += 1;
    const n = started;
    return new Promise<number>((resolve) => finishers.push(() => resolve(n)));
  };
  return {
    compute,
    started: () => started,
    finishAll: () => finishers.splice(0).forEach((finish) => finish(0)),
  };
}

describe('sharedWhileUnchanged', () => {
  it('gives everyone who asks while it runs the same computation', async () => {
    const { compute, started, finishAll } = gate();
    const read = sharedWhileUnchanged(() => 'stamp-1', compute);
    const answers = Array.from({ length: 20 }, () => read());
    expect(started()).toBe(1);
    finishAll();
    expect(new Set(await Promise.all(answers)).size).toBe(1);
  });

  it('starts a new one after a write, and after the last one finished', async () => {
    let stamp = 'stamp-1';
    const { compute, started, finishAll } = gate();
    const read = sharedWhileUnchanged(() => stamp, compute);
    const before = read();
    stamp = 'stamp-2'; // a write happened: an ask now must not get the older answer
    const after = read();
    expect(started()).toBe(2);
    expect(read()).toBe(after);
    finishAll();
    expect([await before, await after]).toEqual([1, 2]);
    void read(); // nothing in flight any more: a new computation, even at the same stamp
    expect(started()).toBe(3);
    finishAll();
  });

  it('does not keep a failed computation', async () => {
    let fail = true;
    const read = sharedWhileUnchanged(
      () => 'same',
      () => (fail ? Promise.reject(new Error('busy')) : Promise.resolve('ok')),
    );
    await expect(read()).rejects.toThrow('busy');
    fail = false;
    await expect(read()).resolves.toBe('ok');
  });

  it('with keepMs, hands a finished answer out again while the stamp holds and it is younger than keepMs', async () => {
    let stamp = 'stamp-1';
    let now = 1_000;
    const { compute, started, finishAll } = gate();
    const read = sharedWhileUnchanged(() => stamp, compute, { keepMs: 500, nowMs: () => now });
    const first = read();
    finishAll();
    await first;
    now += 499;
    expect(read()).toBe(first); // finished, same stamp, 499 ms old: the same answer
    expect(started()).toBe(1);
    now += 1; // 500 ms old: too old by the clock
    const second = read();
    expect(second).not.toBe(first);
    expect(started()).toBe(2);
    finishAll();
    await second;
    stamp = 'stamp-2'; // a write: never the older answer, however young
    expect(read()).not.toBe(second);
    expect(started()).toBe(3);
    finishAll();
  });
});
