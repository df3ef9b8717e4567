import type { FastifyBaseLogger } from 'fastify';
import type { ReportsService } from './reports.service.js';

/** How many closed days the background warm-up keeps filled (a year of reports and some). */
export const WARM_DAYS = 400;
/** How often it looks again for days to fill (invalidated by writes, or newly closed). */
export const WARM_EVERY_MS = 10 * 60_000;

/**
 * Fills the day caches (report-days.ts) in the background so the owner never waits for a cold
 * cache: once the server listens (never in tests that only inject), and again every
 * `WARM_EVERY_MS` for the days writes invalidated since and the day that just closed. One day at a
 * time, yielding to requests in between (`ReportsService.warmDayCache`). `stop` lets the day being
 * computed finish and starts no other; app close awaits it.
 */
export class DayCacheWarmer {
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly service: ReportsService,
    private readonly log: FastifyBaseLogger,
    private readonly options: { days?: number; everyMs?: number } = {},
  ) {}

  start(): void {
    if (this.stopped || this.timer !== undefined) return;
    void this.pass();
    this.timer = setInterval(() => void this.pass(), this.options.everyMs ?? WARM_EVERY_MS);
    this.timer.unref();
  }

  /** One pass (or the one already under way): resolves when it is over. */
  pass(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.service
      .warmDayCache({ days: this.options.days ?? WARM_DAYS, shouldStop: () => this.stopped })
      .then(
        ({ filled, ms }) => {
          if (filled > 0) this.log.info({ filled, ms }, 'report day cache warmed');
        },
        (error: unknown) => this.log.warn({ err: error }, 'report day cache warm-up failed'),
      )
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }
}
