import { describe, expect, it } from 'vitest';
import { KeyedSerialQueue, SerialQueue } from '../../src/lib/serial-queue.js';

/** A piece of work that records when it starts and ends, and finishes only when released. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  const work = async () => {
    log.push(`${name} start`);
    await done;
    log.push(`${name} end`);
    return name;
  };
  return { work, release };
}

describe('SerialQueue', () => {
  it('runs one piece at a time in call order, and a failure fails only its own caller', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const a = gate(log, 'a');
    const first = queue.run(a.work);
    const failing = queue.run(() => Promise.reject(new Error('boom')));
    const b = gate(log, 'b');
    const third = queue.run(b.work);
    await Promise.resolve();
    expect(log).toEqual(['a start']);
    a.release();
    await expect(first).resolves.toBe('a');
    await expect(failing).rejects.toThrow('boom');
    b.release();
    await expect(third).resolves.toBe('b');
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });
});

describe('KeyedSerialQueue', () => {
  it('orders one key’s work, lets other keys run alongside, and forgets a drained key', async () => {
    const queue = new KeyedSerialQueue();
    const log: string[] = [];
    const a1 = gate(log, 'a1');
    const a2 = gate(log, 'a2');
    const b1 = gate(log, 'b1');
    const runs = [queue.run('a', a1.work), queue.run('a', a2.work), queue.run('b', b1.work)];
    await Promise.resolve();
    expect(log).toEqual(['a1 start', 'b1 start']);
    b1.release();
    a1.release();
    a2.release();
    await expect(Promise.all(runs)).resolves.toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('a2 start')).toBeGreaterThan(log.indexOf('a1 end'));
    for (let i = 0; i < 5 && queue.size > 0; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(queue.size).toBe(0);
  });
});
