import { renderPreviewSvg } from '../../../../devices/escpos/index.js';
import { afterCommit, inTransaction } from '../../db/after-commit.js';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { problems } from '../../lib/problem.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import {
  binLabelData,
  documentFor,
  keyTagData,
  labelOf,
  oilStickerData,
  summaryOf,
  type LabelData,
  type LabelSources,
} from './label-data.js';
import { emitPrintJobChanged } from './print-job-events.js';
import type { PrintQueueWorker } from './print-queue-worker.js';
import {
  findJob,
  findPrinter,
  insertJob,
  listJobs,
  listPrinters,
  openJobCounts,
  requeueFailedJob,
  upsertPrinter,
  type PrinterRow,
  type PrintJobRow,
} from './printing.repository.js';
import type { PreviewInput, Printer, PrintJob, PutPrinterInput } from './printing.schemas.js';
import { orNotFound } from '../../lib/versioning.js';

/** The label printers ASE knows as devices (the devices module), by id: their names, whether paired. */
export type PrinterDeviceLookup = (deviceId: string) => Promise<{ name: string } | undefined>;

export interface PrintingDeps {
  db: Db;
  clock: Clock;
  events: EventBus;
  audit: AuditService;
  sources: LabelSources;
  worker: PrintQueueWorker;
  devices: PrinterDeviceLookup;
}

const DEFAULT_PORT = 9100;
const DEFAULT_WIDTH_MM = 72;

/** Label printers, the print queue, and the labels' previews. */
export class PrintingService {
  readonly #d: PrintingDeps;

  constructor(deps: PrintingDeps) {
    this.#d = deps;
  }

  async listPrinters(): Promise<Printer[]> {
    const [rows, counts] = await Promise.all([listPrinters(this.#d.db), openJobCounts(this.#d.db)]);
    return Promise.all(rows.map(async (row) => this.#printerOf(row, counts.get(row.device_id) ?? 0)));
  }

  async putPrinter(actor: Actor, deviceId: string, input: PutPrinterInput): Promise<Printer> {
    if (input.transport === 'tcp' && input.host === undefined) {
      throw problems.validation([{ path: 'host', message: 'A network printer needs its address (host).' }]);
    }
    if (input.transport === 'serial' && input.serialPath === undefined) {
      throw problems.validation([
        { path: 'serialPath', message: 'A serial printer needs its port (serialPath).' },
      ]);
    }
    if ((await this.#d.devices(deviceId)) === undefined) {
      throw problems.notFound(
        `No label-printer device with id ${deviceId}: add it in Settings → Devices first.`,
      );
    }
    const at = this.#now();
    await inTransaction(this.#d.db, async (tx) => {
      await upsertPrinter(tx, {
        device_id: deviceId,
        transport: input.transport,
        host: input.transport === 'tcp' ? (input.host ?? null) : null,
        port: input.port ?? DEFAULT_PORT,
        serial_path: input.transport === 'serial' ? (input.serialPath ?? null) : null,
        label_width_mm: input.labelWidthMm ?? DEFAULT_WIDTH_MM,
        created_at: at,
        updated_at: at,
      });
      await this.#d.audit.record(tx, actor, {
        action: 'printer.configured',
        entityType: 'printer',
        entityId: deviceId,
        data: {
          transport: input.transport,
          host: input.host ?? null,
          port: input.port ?? DEFAULT_PORT,
          serialPath: input.serialPath ?? null,
        },
      });
    });
    // Ask it for its status now, so the screen says whether the address answers.
    void this.#d.worker.probe(deviceId).catch(() => undefined);
    const printer = (await this.listPrinters()).find((p) => p.deviceId === deviceId);
    if (printer === undefined) throw new Error('printer row vanished after it was written');
    return printer;
  }

  async printKeyTag(
    actor: Actor,
    repairOrderId: string,
    printerId: string | undefined,
    origin: string,
  ): Promise<PrintJob> {
    const printer = await this.#printerFor(printerId);
    const data = await keyTagData(this.#d.sources, repairOrderId, origin);
    return this.#enqueue(actor, printer, { kind: 'key-tag', data }, repairOrderId, null);
  }

  /**
   * The key tag queued inside the caller's transaction (the kiosk's check-in): the repair order
   * and its tag are never committed without the job, nor the job without them. Undefined when the
   * printer is not set up (assigned but never given an address): nothing is queued then.
   */
  async queueKeyTagInTransaction(
    tx: Db,
    actor: Actor,
    repairOrderId: string,
    printerId: string,
    origin: string,
  ): Promise<{ jobId: string } | undefined> {
    const printer = await findPrinter(tx, printerId);
    if (printer === undefined) return undefined;
    const data = await keyTagData(this.#d.sources, repairOrderId, origin, tx);
    return {
      jobId: await this.#insertQueued(tx, actor, printer, { kind: 'key-tag', data }, repairOrderId, null),
    };
  }

  async printOilSticker(
    actor: Actor,
    repairOrderId: string,
    printerId: string | undefined,
  ): Promise<PrintJob> {
    const printer = await this.#printerFor(printerId);
    const data = await oilStickerData(this.#d.sources, repairOrderId);
    return this.#enqueue(actor, printer, { kind: 'oil-sticker', data }, repairOrderId, null);
  }

  async printBinLabels(
    actor: Actor,
    itemIds: readonly string[],
    printerId: string | undefined,
  ): Promise<PrintJob> {
    const printer = await this.#printerFor(printerId);
    const data = await binLabelData(this.#d.sources, itemIds);
    return this.#enqueue(actor, printer, { kind: 'bin-labels', data }, null, null);
  }

  /** A new job with the same label (as printed then), marked as a reprint of the first. Audited. */
  async reprint(actor: Actor, jobId: string): Promise<PrintJob> {
    const original = await this.#job(jobId);
    const printer = await findPrinter(this.#d.db, original.printer_device_id);
    if (printer === undefined)
      throw problems.conflict('The printer of that job is no longer set up.', 'printer-missing');
    return this.#enqueue(
      actor,
      printer,
      labelOf(original.kind, original.data),
      original.repair_order_id,
      original.id,
    );
  }

  /** A failed job back in the queue, as it is (nothing was printed for it, or a person says so). */
  async retry(actor: Actor, jobId: string): Promise<PrintJob> {
    const job = await this.#job(jobId);
    const at = this.#now();
    const requeued = await inTransaction(this.#d.db, async (tx) => {
      if (!(await requeueFailedJob(tx, jobId, at))) return false;
      await this.#d.audit.record(tx, actor, {
        action: 'print_job.retried',
        entityType: 'print_job',
        entityId: jobId,
        data: { kind: job.kind, lastError: job.last_error },
      });
      afterCommit(tx, () => this.#emit(job, 'queued'));
      return true;
    });
    if (!requeued)
      throw problems.conflict(`Only a failed job can be retried; this one is ${job.status}.`, 'not-failed');
    this.#d.worker.kick();
    return this.getJob(jobId);
  }

  async listJobs(filter: {
    status?: PrintJob['status'];
    repairOrderId?: string;
    limit?: number;
  }): Promise<PrintJob[]> {
    const rows = await listJobs(this.#d.db, { ...filter, limit: filter.limit ?? 50 });
    const names = await this.#printerNames();
    return rows.map((row) => jobOf(row, names.get(row.printer_device_id) ?? row.printer_device_id));
  }

  async getJob(id: string): Promise<PrintJob> {
    const row = await this.#job(id);
    const names = await this.#printerNames();
    return jobOf(row, names.get(row.printer_device_id) ?? row.printer_device_id);
  }

  /** The SVG of a label, from the same document the printer would get. */
  async preview(input: PreviewInput, origin: string): Promise<string> {
    const printer = await this.#printerFor(input.printerId, { optional: true });
    const width = printer?.label_width_mm ?? DEFAULT_WIDTH_MM;
    return renderPreviewSvg(documentFor(await this.#labelFor(input, origin), width));
  }

  async jobPreview(id: string): Promise<string> {
    const row = await this.#job(id);
    const printer = await findPrinter(this.#d.db, row.printer_device_id);
    return renderPreviewSvg(
      documentFor(labelOf(row.kind, row.data), printer?.label_width_mm ?? DEFAULT_WIDTH_MM),
    );
  }

  async #labelFor(input: PreviewInput, origin: string): Promise<LabelData> {
    if (input.kind === 'bin-labels') {
      if (input.itemIds === undefined)
        throw problems.validation([{ path: 'itemIds', message: 'Bin labels need itemIds.' }]);
      return { kind: 'bin-labels', data: await binLabelData(this.#d.sources, input.itemIds.split(',')) };
    }
    if (input.repairOrderId === undefined) {
      throw problems.validation([{ path: 'repairOrderId', message: `A ${input.kind} needs repairOrderId.` }]);
    }
    return input.kind === 'key-tag'
      ? { kind: 'key-tag', data: await keyTagData(this.#d.sources, input.repairOrderId, origin) }
      : { kind: 'oil-sticker', data: await oilStickerData(this.#d.sources, input.repairOrderId) };
  }

  async #enqueue(
    actor: Actor,
    printer: PrinterRow,
    label: LabelData,
    repairOrderId: string | null,
    reprintOf: string | null,
  ): Promise<PrintJob> {
    const id = await inTransaction(this.#d.db, (tx) =>
      this.#insertQueued(tx, actor, printer, label, repairOrderId, reprintOf),
    );
    return this.getJob(id);
  }

  /** A queued job written in `tx`; announced and handed to the worker once `tx` commits. */
  async #insertQueued(
    tx: Db,
    actor: Actor,
    printer: PrinterRow,
    label: LabelData,
    repairOrderId: string | null,
    reprintOf: string | null,
  ): Promise<string> {
    const id = newId();
    const at = this.#now();
    const row = {
      id,
      printer_device_id: printer.device_id,
      kind: label.kind,
      data: JSON.stringify(label.data),
      repair_order_id: repairOrderId,
      status: 'queued' as const,
      next_attempt_at: at,
      last_error: null,
      reprint_of: reprintOf,
      created_by_user_id: actor.userId,
      created_by_label: actor.label,
      claimed_at: null,
      printed_at: null,
      created_at: at,
      updated_at: at,
    };
    await insertJob(tx, row);
    if (reprintOf !== null) {
      await this.#d.audit.record(tx, actor, {
        action: 'print_job.reprinted',
        entityType: 'print_job',
        entityId: id,
        data: { reprintOf, kind: label.kind, repairOrderId, summary: summaryOf(label) },
      });
    }
    afterCommit(tx, () => {
      this.#emit(row, 'queued');
      this.#d.worker.kick();
    });
    return id;
  }

  async #printerFor(printerId: string | undefined): Promise<PrinterRow>;
  async #printerFor(
    printerId: string | undefined,
    options: { optional: true },
  ): Promise<PrinterRow | undefined>;
  async #printerFor(
    printerId: string | undefined,
    options?: { optional: true },
  ): Promise<PrinterRow | undefined> {
    if (printerId !== undefined) {
      const printer = orNotFound(await findPrinter(this.#d.db, printerId), 'label printer', printerId);
      return printer;
    }
    const [first] = await listPrinters(this.#d.db);
    if (first === undefined && options?.optional !== true) {
      throw problems.conflict('No label printer is set up yet (Settings → Devices).', 'no-printer');
    }
    return first;
  }

  async #job(id: string): Promise<PrintJobRow> {
    const row = orNotFound(await findJob(this.#d.db, id), 'print job', id);
    return row;
  }

  async #printerNames(): Promise<Map<string, string>> {
    const rows = await listPrinters(this.#d.db);
    return new Map(
      await Promise.all(rows.map(async (row) => [row.device_id, await this.#nameOf(row.device_id)] as const)),
    );
  }

  async #nameOf(deviceId: string): Promise<string> {
    // A printer whose device was revoked keeps its jobs; it is named by its id.
    return (await this.#d.devices(deviceId))?.name ?? `Label printer ${deviceId.slice(-4)} (revoked)`;
  }

  async #printerOf(row: PrinterRow, queued: number): Promise<Printer> {
    return {
      deviceId: row.device_id,
      name: await this.#nameOf(row.device_id),
      transport: row.transport,
      host: row.host,
      port: row.port,
      serialPath: row.serial_path,
      labelWidthMm: row.label_width_mm,
      online: row.online === 1,
      lastContactAt: row.last_contact_at,
      queued,
      lastError: row.last_error,
      lastErrorAt: row.last_error_at,
    };
  }

  #emit(
    row: Pick<PrintJobRow, 'id' | 'printer_device_id' | 'repair_order_id'>,
    status: PrintJob['status'],
  ): void {
    emitPrintJobChanged(this.#d.events, row, status, this.#now());
  }

  #now(): string {
    return this.#d.clock.now().toISOString();
  }
}

function jobOf(row: PrintJobRow, printerName: string): PrintJob {
  return {
    id: row.id,
    printerDeviceId: row.printer_device_id,
    printerName,
    kind: row.kind,
    summary: summaryOf(labelOf(row.kind, row.data)),
    repairOrderId: row.repair_order_id,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'queued' ? row.next_attempt_at : null,
    lastError: row.last_error,
    reprintOf: row.reprint_of,
    createdBy: row.created_by_label,
    createdAt: row.created_at,
    printedAt: row.printed_at,
  };
}
