import { performance } from 'node:perf_hooks';

/**
 * A one-line progress bar on stderr. On a terminal it redraws in place; in a log (CI, a pipe) it
 * prints a line every tenth so the log stays readable.
 */
export class ProgressBar {
  readonly #started = performance.now();
  readonly #width = 30;
  #lastTenth = -1;
  #lastDraw = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly title = 'seeding',
  ) {}

  update(fraction: number, label: string): void {
    const clamped = Math.min(1, Math.max(0, fraction));
    const seconds = ((performance.now() - this.#started) / 1000).toFixed(1);
    const percent = `${Math.floor(clamped * 100)}`.padStart(3);
    if (this.stream.isTTY) {
      const now = performance.now();
      if (clamped < 1 && now - this.#lastDraw < 80) return;
      this.#lastDraw = now;
      const filled = Math.round(clamped * this.#width);
      const bar = '#'.repeat(filled) + '-'.repeat(this.#width - filled);
      this.stream.write(`\r${this.title} [${bar}] ${percent}%  ${seconds}s  ${label.padEnd(24)}`);
      if (clamped >= 1) this.stream.write('\n');
      return;
    }
    const tenth = Math.floor(clamped * 10);
    if (tenth === this.#lastTenth) return;
    this.#lastTenth = tenth;
    this.stream.write(`${this.title}: ${percent}%  ${seconds}s  ${label}\n`);
  }
}
