import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { PrintersTable, PrintJobsTable, PrintJobStatus } from '../../db/tables/printing.js';

export type PrinterRow = Selectable<PrintersTable>;
export type PrintJobRow = Selectable<PrintJobsTable>;

export function listPrinters(db: Db): Promise<PrinterRow[]> {
  return db.selectFrom('printers').selectAll().orderBy('created_at').execute();
}

export function findPrinter(db: Db, deviceId: string): Promise<PrinterRow | undefined> {
  return db.selectFrom('printers').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
}

/** Creates the printer's row or replaces how it is reached; what ASE last heard is kept. */
export async function upsertPrinter(
  db: Db,
  row: Omit<Insertable<PrintersTable>, 'online' | 'last_contact_at' | 'last_error' | 'last_error_at'>,
): Promise<void> {
  await db
    .insertInto('printers')
    .values(row)
    .onConflict((oc) =>
      oc.column('device_id').doUpdateSet({
        transport: row.transport,
        host: row.host,
        port: row.port,
        serial_path: row.serial_path,
        label_width_mm: row.label_width_mm,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function recordPrinterContact(
  db: Db,
  deviceId: string,
  at: string,
  error: string | null,
): Promise<void> {
  const changes: Updateable<PrintersTable> =
    error === null
      ? { online: 1, last_contact_at: at, updated_at: at }
      : { online: 0, last_error: error, last_error_at: at, updated_at: at };
  await db.updateTable('printers').set(changes).where('device_id', '=', deviceId).execute();
}

/** Jobs waiting per printer (queued or being sent). */
export async function openJobCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('print_jobs')
    .select(['printer_device_id'])
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('status', 'in', ['queued', 'printing'])
    .groupBy('printer_device_id')
    .execute();
  return new Map(rows.map((row) => [row.printer_device_id, Number(row.count)]));
}

export async function insertJob(db: Db, row: Insertable<PrintJobsTable>): Promise<void> {
  await db.insertInto('print_jobs').values(row).execute();
}

export function findJob(db: Db, id: string): Promise<PrintJobRow | undefined> {
  return db.selectFrom('print_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listJobs(
  db: Db,
  filter: { status?: PrintJobStatus; repairOrderId?: string; limit: number },
): Promise<PrintJobRow[]> {
  let query = db.selectFrom('print_jobs').selectAll();
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.repairOrderId !== undefined) query = query.where('repair_order_id', '=', filter.repairOrderId);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

export function findDueJobs(db: Db, now: string, limit: number): Promise<PrintJobRow[]> {
  return db
    .selectFrom('print_jobs')
    .selectAll()
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', now)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Takes a queued job for sending: one UPDATE guarded by the status, so of two passes (or two
 * processes) only one gets it. Returns false when someone else has it.
 */
export async function claimJob(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('print_jobs')
    .set((eb) => ({ status: 'printing', attempts: eb('attempts', '+', 1), claimed_at: at, updated_at: at }))
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Ends an attempt of a claimed job (only while it is still `printing`: ours). */
export async function finishJob(
  db: Db,
  id: string,
  changes: Pick<Updateable<PrintJobsTable>, 'status' | 'next_attempt_at' | 'last_error' | 'printed_at'>,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('print_jobs')
    .set({ ...changes, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'printing')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** A failed job back in the queue (a person said "retry"): attempts start again. */
export async function requeueFailedJob(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('print_jobs')
    .set({ status: 'queued', attempts: 0, next_attempt_at: at, last_error: null, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Jobs left `printing` by a process that stopped mid-send: their bytes may or may not have
 * reached the printer, so they are failed with that said, for a person to reprint, never resent.
 */
export async function failInterruptedJobs(db: Db, at: string, note: string): Promise<PrintJobRow[]> {
  const rows = await db.selectFrom('print_jobs').selectAll().where('status', '=', 'printing').execute();
  if (rows.length === 0) return [];
  await db
    .updateTable('print_jobs')
    .set({ status: 'failed', last_error: note, updated_at: at })
    .where('status', '=', 'printing')
    .execute();
  return rows;
}
