import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import { oldestFirst } from '../../db/history-rows.js';
import type {
  CreditNotesTable,
  IdempotencyKeysTable,
  InvoiceLinesTable,
  InvoicesTable,
  PaymentsTable,
} from '../../db/tables/billing.js';
import type { InvoiceListFilters } from './billing.schemas.js';
import { updateIfVersion, type UpdateIfVersion } from '../../db/versioned-rows.js';

export type InvoiceRow = Selectable<InvoicesTable>;
export type InvoiceLineRow = Selectable<InvoiceLinesTable>;
export type PaymentRow = Selectable<PaymentsTable>;
export type CreditNoteRow = Selectable<CreditNotesTable>;

export const INVOICE_COUNTER = 'invoice';
export const CREDIT_NOTE_COUNTER = 'credit_note';

export async function findInvoice(db: Db, id: string): Promise<InvoiceRow | undefined> {
  return db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findLiveInvoiceOfRepairOrder(
  db: Db,
  repairOrderId: string,
): Promise<InvoiceRow | undefined> {
  return db
    .selectFrom('invoices')
    .selectAll()
    .where('repair_order_id', '=', repairOrderId)
    .where('status', '<>', 'void')
    .executeTakeFirst();
}

export async function listInvoices(db: Db, filters: InvoiceListFilters): Promise<InvoiceRow[]> {
  let query = db.selectFrom('invoices').selectAll();
  if (filters.repairOrderId !== undefined) query = query.where('repair_order_id', '=', filters.repairOrderId);
  if (filters.customerId !== undefined) query = query.where('customer_id', '=', filters.customerId);
  if (filters.status !== undefined) query = query.where('status', '=', filters.status);
  return query.orderBy('number', 'desc').limit(filters.limit).execute();
}

export async function listOpenInvoices(db: Db): Promise<InvoiceRow[]> {
  return db.selectFrom('invoices').selectAll().where('status', '=', 'issued').orderBy('number').execute();
}

export async function insertInvoice(db: Db, row: Insertable<InvoicesTable>): Promise<void> {
  await db.insertInto('invoices').values(row).execute();
}

export async function insertInvoiceLines(db: Db, rows: Insertable<InvoiceLinesTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('invoice_lines').values(rows).execute();
}

export async function listInvoiceLines(db: Db, invoiceId: string): Promise<InvoiceLineRow[]> {
  return db
    .selectFrom('invoice_lines')
    .selectAll()
    .where('invoice_id', '=', invoiceId)
    .orderBy('sort_order')
    .execute();
}

export const updateInvoiceIfVersion: UpdateIfVersion<'invoices'> = (db, ...args) =>
  updateIfVersion(db.updateTable('invoices'), ...args);

export async function insertPayment(db: Db, row: Insertable<PaymentsTable>): Promise<void> {
  await db.insertInto('payments').values(row).execute();
}

export async function findPayment(db: Db, id: string): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updatePayment(db: Db, id: string, changes: Updateable<PaymentsTable>): Promise<void> {
  await db.updateTable('payments').set(changes).where('id', '=', id).execute();
}

export async function listPaymentsOfInvoice(db: Db, invoiceId: string): Promise<PaymentRow[]> {
  return oldestFirst(db.selectFrom('payments'), ['invoice_id', invoiceId], ['received_at', 'id']);
}

export async function listDepositsOfRepairOrder(db: Db, repairOrderId: string): Promise<PaymentRow[]> {
  return db
    .selectFrom('payments')
    .selectAll()
    .where('repair_order_id', '=', repairOrderId)
    .where('kind', '=', 'deposit')
    .orderBy('received_at')
    .orderBy('id')
    .execute();
}

/** Refunds already recorded against one payment (not void). */
export async function refundedOf(db: Db, paymentId: string): Promise<number> {
  const row = await db
    .selectFrom('payments')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), eb.lit(0)).as('total'))
    .where('refund_of', '=', paymentId)
    .where('status', '=', 'recorded')
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

export async function insertCreditNote(db: Db, row: Insertable<CreditNotesTable>): Promise<void> {
  await db.insertInto('credit_notes').values(row).execute();
}

export async function listCreditNotesOfInvoice(db: Db, invoiceId: string): Promise<CreditNoteRow[]> {
  return db
    .selectFrom('credit_notes')
    .selectAll()
    .where('invoice_id', '=', invoiceId)
    .orderBy('number')
    .execute();
}

export async function findIdempotencyKey(
  db: Db,
  key: string,
): Promise<Selectable<IdempotencyKeysTable> | undefined> {
  return db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function insertIdempotencyKey(db: Db, row: Insertable<IdempotencyKeysTable>): Promise<void> {
  await db.insertInto('idempotency_keys').values(row).execute();
}
