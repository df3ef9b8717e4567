import type { KioskCheckInInput, KioskCheckInResult } from '$contracts/kiosk';
import type { KioskAnswer } from './api';
import { retryWhileUnreachable, type RetryOptions } from './retry';

/**
 * "Check in" pressed once, twice, or retried after the Wi-Fi dropped or the server restarted
 * creates one check-in: every send of one attempt carries the same requestId (the server answers
 * a repeat with the first result), a second tap while one is on its way joins it, and a lost
 * answer is retried by itself with the same id. Only an answer that created nothing (a 400, a 429)
 * ends the attempt, so the corrected form goes out under a new id.
 */
export type Send = (body: KioskCheckInInput, signal: AbortSignal) => Promise<KioskAnswer<KioskCheckInResult>>;

export interface AttemptOptions extends Omit<RetryOptions, 'signal'> {
  send: Send;
  newId?: () => string;
}

export class CheckInAttempt {
  readonly #send: Send;
  readonly #newId: () => string;
  readonly #retry: Omit<RetryOptions, 'signal'>;
  #requestId: string | null = null;
  #inFlight: Promise<KioskAnswer<KioskCheckInResult>> | null = null;
  #controller = new AbortController();

  constructor(options: AttemptOptions) {
    const { send, newId = () => crypto.randomUUID(), ...retry } = options;
    this.#send = send;
    this.#newId = newId;
    this.#retry = retry;
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
    this.#requestId ??= this.#newId();
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
    const answer = await retryWhileUnreachable((signal) => this.#send(body, signal), {
      ...this.#retry,
      signal: this.#controller.signal,
    });
    // Nothing was created on a refusal: the next try (after a fix) is a new attempt.
    if (answer.kind === 'invalid' || answer.kind === 'rate-limited' || answer.kind === 'refused')
      this.#requestId = null;
    return answer;
  }
}
