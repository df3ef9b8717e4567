import type { KioskAnswer } from './api';

/**
 * Calls the server again while it does not answer (the Wi-Fi dropped, the server is restarting):
 * only an answer that may be repeated safely goes through here (lookups are reads; the check-in
 * carries its requestId). Bounded: after `maxTries` the last "unreachable" is returned.
 */
export interface RetryOptions {
  signal: AbortSignal;
  delaysMs?: readonly number[];
  maxTries?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Told when a try got no answer and another follows ("trying again"). */
  onRetry?: (tries: number) => void;
}

const DEFAULT_DELAYS_MS = [1_000, 2_000, 3_000, 5_000];

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

export async function retryWhileUnreachable<T>(
  call: (signal: AbortSignal) => Promise<KioskAnswer<T>>,
  { signal, delaysMs = DEFAULT_DELAYS_MS, maxTries = 40, sleep = abortableSleep, onRetry }: RetryOptions,
): Promise<KioskAnswer<T>> {
  let answer: KioskAnswer<T> = { kind: 'unreachable' };
  for (let tries = 1; tries <= maxTries && !signal.aborted; tries += 1) {
    try {
      answer = await call(signal);
    } catch {
      answer = { kind: 'unreachable' };
    }
    if (answer.kind !== 'unreachable' || signal.aborted || tries === maxTries) break;
    onRetry?.(tries);
    await sleep(delaysMs[Math.min(tries - 1, delaysMs.length - 1)] ?? 5_000, signal);
  }
  return answer;
}
