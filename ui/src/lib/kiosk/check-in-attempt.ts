import type { KioskCheckInInput, KioskCheckInResult } from '$contracts/kiosk';
import type { KioskAnswer } from './api';

/**
 * "Check in" pressed once, twice, or retried after the Wi-Fi dropped or the server restarted
 * creates one check-in: every send of one attempt carries the same requestId (the server answers
 * a repeat with the first result), a second tap while one is on its way joins it, and a lost
 * answer is retried by itself with the same id. Only an answer that created nothing (a 400, a 429)
 * ends the attempt, so the corrected form goes out under a new id.
 */
export type Send = (body: KioskCheckInInput, signal: AbortSignal) => Promise<KioskAnswer<KioskCheckInResult>>;

export interface AttemptOptions {
  send: Send;
  newId?: () => string;
  /** Waits between tries after no answer: the server restarting takes a few seconds. */
  delaysMs?: readonly number[];
  /** Gives up (the customer asks at the counter) after this many tries without an answer. */
  maxTries?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Told when a try got no answer and another follows ("trying again"). */
  onRetry?: (tries: number) => void;
}

const DEFAULT_DELAYS_MS = [1_000, 2_000, 3_000, 5_000];

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
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

export class CheckInAttempt {
  readonly #options: Required<Omit<AttemptOptions, 'onRetry'>> & Pick<AttemptOptions, 'onRetry'>;
  #requestId: string | null = null;
  #inFlight: Promise<KioskAnswer<KioskCheckInResult>> | null = null;
  #controller = new AbortController();

  constructor(options: AttemptOptions) {
    this.#options = {
      newId: () => crypto.randomUUID(),
      delaysMs: DEFAULT_DELAYS_MS,
      maxTries: 40,
      sleep: abortableSleep,
      ...options,
    };
  }

  /** The id this attempt sends (null before the first "Check in"). */
  get requestId(): string | null {
    return this.#requestId;
  }

  get busy(): boolean {
    return this.#inFlight !== null;
  }

  /** Sends the check-in (`body` without its requestId); a tap while it is on its way gets the same answer. */
  submit(body: Omit<KioskCheckInInput, 'requestId'>): Promise<KioskAnswer<KioskCheckInResult>> {
    if (this.#inFlight) return this.#inFlight;
    this.#requestId ??= this.#options.newId();
    const requestId = this.#requestId;
    this.#inFlight = this.#run({ ...body, requestId }).finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  /** The customer walked away (idle wipe) or started over: stop retrying, forget the id. */
  abandon(): void {
    this.#controller.abort();
    this.#controller = new AbortController();
    this.#requestId = null;
  }

  async #run(body: KioskCheckInInput): Promise<KioskAnswer<KioskCheckInResult>> {
    const signal = this.#controller.signal;
    const { send, delaysMs, maxTries, sleep, onRetry } = this.#options;
    let answer: KioskAnswer<KioskCheckInResult> = { kind: 'unreachable' };
    for (let tries = 1; tries <= maxTries && !signal.aborted; tries += 1) {
      try {
        answer = await send(body, signal);
      } catch {
        answer = { kind: 'unreachable' };
      }
      if (answer.kind !== 'unreachable' || signal.aborted) break;
      if (tries < maxTries) {
        onRetry?.(tries);
        await sleep(delaysMs[Math.min(tries - 1, delaysMs.length - 1)] ?? 5_000, signal);
      }
    }
    // Nothing was created on a refusal: the next try (after a fix) is a new attempt.
    if (answer.kind === 'invalid' || answer.kind === 'rate-limited' || answer.kind === 'refused')
      this.#requestId = null;
    return answer;
  }
}
