import { execFile } from 'node:child_process';

/** The part of a pino logger the notifier needs. */
export interface NotifyLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SystemdNotifierOptions {
  /** Answers true while the server is well (the database answers). Only then is WATCHDOG=1 sent. */
  healthCheck: () => Promise<boolean>;
  logger: NotifyLogger;
  /** Where NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID are read; process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** This process's id, compared with WATCHDOG_PID; process.pid by default. */
  pid?: number;
  /** The systemd-notify program; found on PATH by default. */
  command?: string;
  /** A notification that takes longer than this is abandoned (and logged). */
  sendTimeoutMs?: number;
}

/**
 * Talks to systemd's service manager (sd_notify protocol): READY=1 once ASE listens, WATCHDOG=1
 * every WATCHDOG_USEC/2 while the health check passes, STOPPING=1 on shutdown. Outside systemd
 * (no NOTIFY_SOCKET) every method does nothing.
 *
 * Node cannot send unix *datagrams* (NOTIFY_SOCKET is SOCK_DGRAM; node:net is stream-only and
 * node:dgram is UDP-only), and a native addon would be one more thing to build on the mini-PC. So
 * each message is sent by the `systemd-notify` binary, which every systemd host has. Without
 * --no-block it waits (BARRIER=1) until the manager has processed the message, so the message is
 * attributed to ase.service even though the short-lived child has exited by then (the race
 * systemd-notify(1) warns about); the unit sets NotifyAccess=all so a child may speak for the
 * server. Sends are queued one at a time so the manager sees them in order.
 */
export class SystemdNotifier {
  readonly enabled: boolean;
  /** How often WATCHDOG=1 is sent, or null when systemd set no watchdog for this process. */
  readonly watchdogIntervalMs: number | null;

  readonly #socket: string | undefined;
  readonly #options: SystemdNotifierOptions;
  #queue: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #ticking = false;
  #stopped = false;
  #lastHealthy = true;

  constructor(options: SystemdNotifierOptions) {
    const env = options.env ?? process.env;
    this.#options = options;
    this.#socket = env.NOTIFY_SOCKET || undefined;
    this.enabled = this.#socket !== undefined;
    this.watchdogIntervalMs = this.enabled ? watchdogInterval(env, options.pid ?? process.pid) : null;
  }

  /** Start-up is complete: READY=1 (with a status line), then the watchdog pings begin. */
  async ready(status?: string): Promise<void> {
    if (!this.enabled || this.#stopped) return;
    await this.#send(status === undefined ? ['READY=1'] : ['READY=1', `STATUS=${oneLine(status)}`]);
    const interval = this.watchdogIntervalMs;
    if (interval === null || this.#stopped) return;
    // A ping right away, then every half watchdog period, as sd_watchdog_enabled(3) advises.
    void this.#tick();
    this.#timer = setInterval(() => void this.#tick(), interval);
    this.#timer.unref();
  }

  /** A free-form line shown by `systemctl status ase`. */
  async status(text: string): Promise<void> {
    if (!this.enabled || this.#stopped) return;
    await this.#send([`STATUS=${oneLine(text)}`]);
  }

  /** Shutdown has begun: no more watchdog pings, STOPPING=1. Safe to call more than once. */
  async stopping(): Promise<void> {
    if (!this.enabled || this.#stopped) return;
    this.#stopped = true;
    this.#stopTimer();
    await this.#send(['STOPPING=1']);
  }

  /** Stops the watchdog pings and waits for messages already on their way. */
  async close(): Promise<void> {
    this.#stopped = true;
    this.#stopTimer();
    await this.#queue;
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  async #tick(): Promise<void> {
    // A slow check must not pile up checks; if it never ends, the missing pings are the point.
    if (this.#ticking || this.#stopped) return;
    this.#ticking = true;
    try {
      let healthy = false;
      let failure: unknown;
      try {
        healthy = await this.#options.healthCheck();
      } catch (error) {
        failure = error;
      }
      // Logged on change only: a ping every 30 s must not flood the journal.
      if (healthy !== this.#lastHealthy) {
        if (healthy) this.#options.logger.warn({}, 'health check passes again; watchdog pings resume');
        else this.#options.logger.error({ err: failure }, 'health check failing; watchdog pings withheld');
        this.#lastHealthy = healthy;
      }
      // Withholding the ping lets systemd restart a server whose database no longer answers.
      if (healthy && !this.#stopped) await this.#send(['WATCHDOG=1']);
    } finally {
      this.#ticking = false;
    }
  }

  #send(assignments: string[]): Promise<void> {
    const socket = this.#socket;
    if (socket === undefined) return Promise.resolve();
    const next = this.#queue.then(() => this.#run(socket, assignments));
    this.#queue = next;
    return next;
  }

  #run(socket: string, assignments: string[]): Promise<void> {
    const { command = 'systemd-notify', sendTimeoutMs = 10_000, logger } = this.#options;
    return new Promise((resolve) => {
      execFile(
        command,
        assignments,
        { env: { ...(this.#options.env ?? process.env), NOTIFY_SOCKET: socket }, timeout: sendTimeoutMs },
        (error, _stdout, stderr) => {
          // A lost notification must never stop the server; systemd acts on what it did not get.
          if (error) logger.error({ err: error, stderr: stderr.trim(), assignments }, 'sd_notify failed');
          resolve();
        },
      );
    });
  }
}

/** WATCHDOG_USEC/2 in milliseconds when the watchdog is meant for this process (sd_watchdog_enabled). */
function watchdogInterval(env: NodeJS.ProcessEnv, pid: number): number | null {
  const usec = Number(env.WATCHDOG_USEC);
  if (!Number.isSafeInteger(usec) || usec <= 0) return null;
  if (env.WATCHDOG_PID !== undefined && env.WATCHDOG_PID !== '' && Number(env.WATCHDOG_PID) !== pid)
    return null;
  return Math.max(1, Math.floor(usec / 2 / 1000));
}

/** The protocol is newline-separated, so a status must be one line. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
