import { describe, expect, it } from 'vitest';
import { PassRunner } from '../../src/lib/pass-runner.js';

/** Waits (bounded) until `done()` holds. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(done()).toBe(true);
}

describe('PassRunner', () => {
  it('does the tick work with a kicked pass, never with a pass run on demand', async () => {
    let passes = 0;
    let ticks = 0;
    const runner = new PassRunner(async () => (passes += 1), {
      pollSeconds: 3600,
      onError: (error) => {
        throw error;
      },
      onTick: () => (ticks += 1),
    });
    try {
      expect(await runner.run()).toBe(1);
      expect(ticks).toBe(0);
      runner.start(); // kicks a pass soon after starting
      await until(() => passes === 2 && ticks === 1);
    } finally {
      await runner.stop();
    }
    expect(runner.stopped).toBe(true);
  });
});
