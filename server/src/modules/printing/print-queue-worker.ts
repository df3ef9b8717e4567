import {
  PrinterSendError,
  renderEscpos,
  sendToSerialPrinter,
  sendToTcpPrinter,
  type OpenSerialPort,
  type SendResult,
} from '../../../../devices/escpos/index.js';
import type { Db } from '../../db/database.js';
import type { PrintJobStatus } from '../../db/tables/printing.js';
import type { EventBus } from '../../events/event-bus.js';
import { MINUTE_MS, type Clock } from '../../lib/clock.js';
import { PassRunner } from '../../lib/pass-runner.js';
import { documentFor, labelOf } from './label-data.js';
import { emitPrintJobChanged } from './print-job-events.js';
import {
  claimJob,
  failInterruptedJobs,
  findDueJobs,
  findPrinter,
  finishJob,
  listPrinters,
  recordPrinterContact,
  type PrinterRow,
  type PrintJobRow,
} from './printing.repository.js';

export interface PrintRetryPolicy {
  /** First retry after this long; doubles each attempt up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this many attempts a job is failed (shown, retried only by hand). */
  maxAttempts: number;
}

/** 5 s, 10 s, 20 s … capped at 2 min; 12 attempts ≈ 15 minutes of trying before "failed". */
export const DEFAULT_PRINT_RETRY: PrintRetryPolicy = {
  baseDelayMs: 5_000,
  maxDelayMs: 2 * MINUTE_MS,
  maxAttempts: 12,
};

export function printRetryDelayMs(attempts: number, policy: PrintRetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/** How often a printer nobody printed to lately is asked for its status (online in settings). */
const PROBE_EVERY_MS = MINUTE_MS;

export const INTERRUPTED_NOTE =
  'ASE stopped while this label was being sent: it may or may not have printed. Check the printer and reprint by hand if it did not come out.';

export interface PrintQueueWorkerOptions {
  db: Db;
  clock: Clock;
  events: EventBus;
  /** Seconds between passes; 0 turns the timer off (tests call drain()). */
  pollSeconds: number;
  /** A printer's time to take a job: connect, write, answer the status query. */
  timeoutMs: number;
  policy?: PrintRetryPolicy;
  /** Serial ports (tests open @serialport/binding-mock ports). */
  openSerialPort?: OpenSerialPort;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** A status probe got its answer (or none): the printer's online state may have changed. */
  onProbed?: (deviceId: string) => void;
}

/**
 * Sends the print queue. Passes never overlap; within a pass each printer's jobs go one after
 * the other and printers in parallel, so a wedged printer holds up only its own queue, and for
 * at most `timeoutMs` per attempt.
 *
 * Exactly once: a job is claimed (queued → printing) by one guarded UPDATE before its bytes go
 * out, and marked printed only after the printer answered the status query sent behind them.
 * A job the printer never took (refused, unreachable, never read) goes back to the queue with a
 * backoff; a job the printer took but reported offline for is failed, not resent (it may come
 * out once the paper is changed). A crash between sending and marking leaves the job `printing`;
 * on the next start it is failed with a note saying it may have printed: a person decides.
 */
export class PrintQueueWorker {
  readonly #o: PrintQueueWorkerOptions;
  readonly #policy: PrintRetryPolicy;
  readonly #passes: PassRunner<{ attempted: number; printed: number }>;
  #lastProbe = new Map<string, number>();

  constructor(options: PrintQueueWorkerOptions) {
    this.#o = options;
    this.#policy = options.policy ?? DEFAULT_PRINT_RETRY;
    this.#passes = new PassRunner(() => this.#drainOnce(), {
      pollSeconds: options.pollSeconds,
      onError: (error) => options.log.error({ err: error }, 'print queue pass failed'),
    });
  }

  async start(): Promise<void> {
    if (!this.#passes.stopped) return;
    const interrupted = await failInterruptedJobs(this.#o.db, this.#now(), INTERRUPTED_NOTE);
    for (const row of interrupted) {
      this.#o.log.warn({ printJobId: row.id }, 'print job interrupted by a restart: failed, not resent');
      this.#emit(row, 'failed');
    }
    this.#passes.start();
  }

  /** Stops the timer and waits for the pass in flight (bounded by the send timeout). */
  stop(): Promise<void> {
    return this.#passes.stop();
  }

  /** Soon (not in the caller's stack): run a pass. No-op when stopped or the timer is off. */
  kick(): void {
    this.#passes.kick();
  }

  /** Sends every job due now; returns what happened. Passes never overlap. */
  drain(): Promise<{ attempted: number; printed: number }> {
    return this.#passes.run();
  }

  async #drainOnce(): Promise<{ attempted: number; printed: number }> {
    const due = await findDueJobs(this.#o.db, this.#now(), 100);
    const byPrinter = new Map<string, PrintJobRow[]>();
    for (const row of due)
      byPrinter.set(row.printer_device_id, [...(byPrinter.get(row.printer_device_id) ?? []), row]);
    let attempted = 0;
    let printed = 0;
    await Promise.all(
      [...byPrinter].map(async ([printerId, rows]) => {
        const printer = await findPrinter(this.#o.db, printerId);
        for (const row of rows) {
          const outcome = await this.#attempt(row, printer);
          if (outcome === 'skipped') continue;
          attempted += 1;
          if (outcome === 'printed') printed += 1;
          // The printer did not take this one: the rest of its queue waits for the next try.
          else break;
        }
      }),
    );
    await this.#probeIdlePrinters(new Set(byPrinter.keys()));
    return { attempted, printed };
  }

  async #attempt(
    row: PrintJobRow,
    printer: PrinterRow | undefined,
  ): Promise<'printed' | 'retry' | 'failed' | 'skipped'> {
    if (!(await claimJob(this.#o.db, row.id, this.#now()))) return 'skipped';
    const attempts = row.attempts + 1;
    this.#emit(row, 'printing');
    if (printer === undefined) return this.#fail(row, 'the printer was removed', false, attempts);
    let bytes: Buffer;
    try {
      bytes = renderEscpos(documentFor(labelOf(row.kind, row.data), printer.label_width_mm));
    } catch (error) {
      this.#o.log.error({ err: error, printJobId: row.id }, 'label could not be rendered');
      return this.#fail(row, `the label could not be drawn: ${messageOf(error)}`, false, attempts);
    }
    try {
      await this.#send(printer, bytes);
    } catch (error) {
      const message = messageOf(error);
      await recordPrinterContact(this.#o.db, printer.device_id, this.#now(), message);
      // Only a printer that answered (with "offline") may hold the job: resending could print it twice.
      const tookJob = error instanceof PrinterSendError && error.printerAnswered;
      if (!(error instanceof PrinterSendError))
        this.#o.log.error({ err: error, printJobId: row.id }, 'print send crashed');
      return this.#fail(row, message, !tookJob, attempts);
    }
    const at = this.#now();
    await finishJob(this.#o.db, row.id, { status: 'printed', printed_at: at, last_error: null }, at);
    await recordPrinterContact(this.#o.db, printer.device_id, at, null);
    this.#emit(row, 'printed');
    return 'printed';
  }

  async #fail(
    row: PrintJobRow,
    message: string,
    retryable: boolean,
    attempts: number,
  ): Promise<'retry' | 'failed'> {
    const now = this.#o.clock.now();
    const at = now.toISOString();
    if (retryable && attempts < this.#policy.maxAttempts) {
      const next = new Date(now.getTime() + printRetryDelayMs(attempts, this.#policy)).toISOString();
      await finishJob(
        this.#o.db,
        row.id,
        { status: 'queued', next_attempt_at: next, last_error: message },
        at,
      );
      this.#emit(row, 'queued');
      return 'retry';
    }
    const lastError = retryable ? `gave up after ${attempts} attempts: ${message}` : message;
    await finishJob(this.#o.db, row.id, { status: 'failed', last_error: lastError }, at);
    this.#emit(row, 'failed');
    return 'failed';
  }

  #send(printer: PrinterRow, bytes: Buffer): Promise<SendResult> {
    if (printer.transport === 'serial') {
      return sendToSerialPrinter(
        { path: printer.serial_path ?? '' },
        bytes,
        this.#o.timeoutMs,
        this.#o.openSerialPort,
      );
    }
    return sendToTcpPrinter({ host: printer.host ?? '', port: printer.port }, bytes, this.#o.timeoutMs);
  }

  /**
   * A network printer never says it went away: TCP printers not printed to lately are asked for
   * their status (DLE EOT, nothing printed), so settings show them online or not.
   */
  async #probeIdlePrinters(justUsed: Set<string>): Promise<void> {
    const now = this.#o.clock.now().getTime();
    const printers = await listPrinters(this.#o.db);
    await Promise.all(
      printers
        .filter((p) => p.transport === 'tcp' && !justUsed.has(p.device_id))
        .filter((p) => now - (this.#lastProbe.get(p.device_id) ?? -Infinity) >= PROBE_EVERY_MS)
        .map((p) => this.probe(p.device_id)),
    );
  }

  /** Asks one printer for its status now and records the answer (or its absence). */
  async probe(deviceId: string): Promise<void> {
    const printer = await findPrinter(this.#o.db, deviceId);
    if (printer === undefined) return;
    this.#lastProbe.set(deviceId, this.#o.clock.now().getTime());
    try {
      await this.#send(printer, Buffer.alloc(0));
      await recordPrinterContact(this.#o.db, deviceId, this.#now(), null);
    } catch (error) {
      await recordPrinterContact(this.#o.db, deviceId, this.#now(), messageOf(error));
    }
    this.#o.onProbed?.(deviceId);
  }

  #emit(row: PrintJobRow, status: PrintJobStatus): void {
    emitPrintJobChanged(this.#o.events, row, status, this.#now());
  }

  #now(): string {
    return this.#o.clock.now().toISOString();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
