import type { Db } from '../../db/database.js';
import { afterCommit } from '../../db/after-commit.js';
import type { DomainEvents } from '../../events/domain-events.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { HttpProblem, problems } from '../../lib/problem.js';
import { staleVersionProblem, orNotFound } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { RepairOrder } from '../repair-orders/repair-orders.schemas.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import type { UsersService } from '../users/users.service.js';
import {
  findInvoice,
  listCreditNotesOfInvoice,
  listInvoiceLines,
  listPaymentsOfInvoice,
  updateInvoiceIfVersion,
  type InvoiceRow,
  type PaymentRow,
} from './billing.repository.js';
import type { Invoice, Payment } from './billing.schemas.js';
import { type InvoiceTotals } from './invoice-math.js';

/** What an issued invoice records about who it was for (kept as issued). */
export interface Parties {
  repairOrderNumber: number;
  customer: { id: string; name: string; kind: string };
  vehicle: Invoice['vehicle'];
}

/** Work to do after the transaction commits (events). */

/** What an invoiceChanged event says changed. */
export type InvoiceChange = DomainEvents['invoiceChanged']['change'];

export function toPayment(row: PaymentRow, names: ReadonlyMap<string, string>): Payment {
  const receivedByName = row.received_by === null ? undefined : names.get(row.received_by);
  return {
    id: row.id,
    kind: row.kind,
    invoiceId: row.invoice_id,
    repairOrderId: row.repair_order_id,
    method: row.method,
    amountCents: row.amount_cents,
    cardReference: row.card_reference,
    checkNumber: row.check_number,
    refundOf: row.refund_of,
    reason: row.reason,
    status: row.status,
    voidReason: row.void_reason,
    receivedAt: row.received_at,
    receivedBy:
      row.received_by === null || receivedByName === undefined
        ? null
        : { id: row.received_by, name: receivedByName },
  };
}

export function balanceOf(row: Pick<InvoiceRow, 'total_cents' | 'paid_cents' | 'credited_cents'>): number {
  return row.total_cents - row.credited_cents - row.paid_cents;
}

export function overpayment(amount: number, balance: number, path = 'amountCents'): HttpProblem {
  return new HttpProblem({
    status: 409,
    title: 'Conflict',
    slug: 'amount-exceeds-balance',
    detail: `${path}: ${amount} is more than the ${balance} cents still open.`,
    errors: [{ path, message: `exceeds what is open (${balance} cents)` }],
    extensions: { balanceCents: balance },
  });
}

/**
 * The invoice state both billing services change: reading an invoice back whole, moving its
 * money columns under its version, and settling it (jobs to Paid, RO closed) when nothing is
 * left to pay. Every method runs inside the caller's transaction.
 */
export class InvoiceLedger {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly repairOrders: RepairOrdersService,
    private readonly users: UsersService,
    private readonly events: EventBus,
  ) {}

  /**
   * The invoiceChanged event of a money change, sent once `tx` commits (`at` is taken now, inside
   * the transaction, so it is the change's time).
   */
  announce(tx: Db, invoiceId: string | null, repairOrderId: string, change: InvoiceChange): void {
    const at = this.now();
    afterCommit(tx, () => this.events.emit('invoiceChanged', { invoiceId, repairOrderId, change, at }));
  }

  /** Payments as the API shows them, with the name of who received each. */
  async toPayments(db: Db, rows: readonly PaymentRow[]): Promise<Payment[]> {
    const names = await this.users.namesOf(
      db,
      rows.map((r) => r.received_by),
    );
    return rows.map((row) => toPayment(row, names));
  }

  async toPayment(db: Db, row: PaymentRow): Promise<Payment> {
    return (await this.toPayments(db, [row]))[0]!;
  }

  /** When nothing is left to pay: the invoice is paid, its jobs move to Paid and the RO closes. */
  async settleIfPaid(tx: Db, actor: Actor, row: InvoiceRow, known?: RepairOrder): Promise<void> {
    if (row.status !== 'issued' || balanceOf(row) !== 0) return;
    const at = this.now();
    await this.changeInvoice(tx, row, { status: 'paid', paid_at: at });
    await this.audit.record(tx, actor, {
      action: 'invoice.paid',
      entityType: 'invoice',
      entityId: row.id,
      data: { number: row.number, totalCents: row.total_cents, paidCents: row.paid_cents },
    });
    // Announced in this order after the commit: the invoice paid, its jobs Paid, the RO closed.
    this.announce(tx, row.id, row.repair_order_id, 'paid');
    const ro = known ?? (await this.repairOrders.find(tx, row.repair_order_id))!;
    const jobIds = [...new Set((await listInvoiceLines(tx, row.id)).map((l) => l.job_id))];
    const notYetPaid = jobIds.filter((id) => ro.jobs.find((j) => j.id === id)?.status !== 'Paid');
    if (notYetPaid.length > 0) await this.repairOrders.markPaid(tx, actor, notYetPaid);
    const current = (await this.repairOrders.find(tx, row.repair_order_id))!;
    if (current.status === 'invoiced')
      await this.repairOrders.setStatusInTransaction(tx, actor, row.repair_order_id, 'closed');
  }

  async changeInvoice(
    tx: Db,
    row: InvoiceRow,
    changes: Parameters<typeof updateInvoiceIfVersion>[3],
  ): Promise<void> {
    const current = (await findInvoice(tx, row.id))!;
    const ok = await updateInvoiceIfVersion(tx, row.id, current.version, {
      ...changes,
      updated_at: this.now(),
    });
    if (!ok) throw staleVersionProblem('invoice', current.version + 1);
  }

  async openInvoice(tx: Db, id: string): Promise<InvoiceRow> {
    const row = orNotFound(await findInvoice(tx, id), 'invoice', id);
    if (row.status === 'void') throw this.voidProblem(row);
    return row;
  }

  voidProblem(row: InvoiceRow): HttpProblem {
    return problems.conflict(`Invoice ${row.number} is void.`, 'invoice-void', { invoiceStatus: 'void' });
  }

  async read(db: Db, id: string): Promise<Invoice | undefined> {
    const row = await findInvoice(db, id);
    if (row === undefined) return undefined;
    const lines = await listInvoiceLines(db, id);
    const payments = await listPaymentsOfInvoice(db, id);
    const notes = await listCreditNotesOfInvoice(db, id);
    const parties = JSON.parse(row.parties) as Parties;
    const totals = JSON.parse(row.totals) as Pick<InvoiceTotals, 'subtotals' | 'taxes'>;
    return {
      id: row.id,
      number: row.number,
      repairOrderId: row.repair_order_id,
      repairOrderNumber: parties.repairOrderNumber,
      status: row.status,
      customer: parties.customer,
      vehicle: parties.vehicle,
      lines: lines.map((line) => ({
        id: line.id,
        lineId: line.line_id,
        jobId: line.job_id,
        kind: line.kind,
        description: line.description,
        quantity: line.quantity_milli / 1000,
        unitPriceCents: line.unit_price_cents,
        taxable: line.taxable === 1,
        amountCents: line.amount_cents,
        discountCents: line.discount_cents,
      })),
      subtotals: totals.subtotals,
      subtotalCents: row.subtotal_cents,
      discountCents: row.discount_cents,
      shopSuppliesCents: row.shop_supplies_cents,
      taxes: totals.taxes,
      taxCents: row.tax_cents,
      totalCents: row.total_cents,
      paidCents: row.paid_cents,
      creditedCents: row.credited_cents,
      balanceCents: balanceOf(row),
      onAccount: row.on_account === 1,
      dueAt: row.due_at,
      issuedAt: row.issued_at,
      paidAt: row.paid_at,
      voidReason: row.void_reason,
      voidedAt: row.voided_at,
      payments: await this.toPayments(db, payments),
      creditNotes: notes.map((n) => ({
        id: n.id,
        number: n.number,
        invoiceId: n.invoice_id,
        amountCents: n.amount_cents,
        reason: n.reason,
        createdAt: n.created_at,
      })),
      version: row.version,
    };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
