/**
 * A background pass (drain a queue) run every `pollSeconds` and soon after a kick, never two at
 * once: a pass asked for while one runs starts after it. `run()` is the same pass on demand
 * (tests, "retry now"), also serialized. Stopping waits for the pass in flight.
 */
export class PassRunner<R> {
  #timer: NodeJS.Timeout | null = null;
  #kickTimer: NodeJS.Timeout | null = null;
  #chain: Promise<unknown> = Promise.resolve();
  #stopped = true;

  constructor(
    private readonly pass: () => Promise<R>,
    private readonly options: {
      pollSeconds: number;
      onError: (error: unknown) => void;
      /** Work each timer tick or kick does besides starting a pass (not done by `run()`). */
      onTick?: () => void;
    },
  ) {}

  get stopped(): boolean {
    return this.#stopped;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    if (this.options.pollSeconds > 0) {
      this.#timer = setInterval(() => this.#tick(), this.options.pollSeconds * 1000);
      this.#timer.unref();
      this.kick();
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer !== null) clearInterval(this.#timer);
    if (this.#kickTimer !== null) clearTimeout(this.#kickTimer);
    this.#timer = null;
    this.#kickTimer = null;
    await this.#chain.catch(() => undefined);
  }

  /** Soon (not in the caller's stack): run a pass. No-op when stopped or the timer is off. */
  kick(): void {
    if (this.#stopped || this.options.pollSeconds <= 0 || this.#kickTimer !== null) return;
    this.#kickTimer = setTimeout(() => {
      this.#kickTimer = null;
      this.#tick();
    }, 10);
    this.#kickTimer.unref();
  }

  run(): Promise<R> {
    const pass = this.#chain.then(() => this.pass());
    this.#chain = pass.catch(() => undefined);
    return pass;
  }

  #tick(): void {
    if (this.#stopped) return;
    void this.run().catch((error: unknown) => this.options.onError(error));
    this.options.onTick?.();
  }
}
