import type { Db } from '../../db/database.js';
import type { PaymentMethod } from '../../db/tables/billing.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { HttpProblem, problems, type FieldError } from '../../lib/problem.js';
import { staleVersionProblem } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { CustomersService } from '../customers/customers.service.js';
import { quantityToMilli } from '../repair-orders/quantity.js';
import type { RepairOrder } from '../repair-orders/repair-orders.schemas.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import {
  CREDIT_NOTE_COUNTER,
  findIdempotencyKey,
  findInvoice,
  findLiveInvoiceOfRepairOrder,
  findPayment,
  INVOICE_COUNTER,
  insertCreditNote,
  insertIdempotencyKey,
  insertInvoice,
  insertInvoiceLines,
  insertPayment,
  listCreditNotesOfInvoice,
  listDepositsOfRepairOrder,
  listInvoiceLines,
  listInvoices,
  listOpenInvoices,
  listPaymentsOfInvoice,
  refundedOf,
  takeNextNumber,
  updateInvoiceIfVersion,
  updatePayment,
  type InvoiceRow,
  type PaymentRow,
} from './billing.repository.js';
import type {
  Aging,
  CreditNoteInput,
  Invoice,
  InvoiceListFilters,
  IssueInvoiceInput,
  Payment,
  PaymentInput,
  ReasonInput,
  RefundInput,
} from './billing.schemas.js';
import { requestHash } from './idempotency.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { computeInvoiceTotals, type Discount, type InvoiceTotals } from './invoice-math.js';

/** An idempotent request's answer: replayed as is for the same key. */
export interface StoredResult<T> {
  statusCode: number;
  body: T;
}

export interface PaymentResult {
  payment: Payment;
  invoice: Invoice;
}

interface Parties {
  repairOrderNumber: number;
  customer: { id: string; name: string; kind: string };
  vehicle: Invoice['vehicle'];
}

type Publish = () => void;

const DAY_MS = 86_400_000;

function toPayment(row: PaymentRow): Payment {
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
  };
}

function balanceOf(row: Pick<InvoiceRow, 'total_cents' | 'paid_cents' | 'credited_cents'>): number {
  return row.total_cents - row.credited_cents - row.paid_cents;
}

function overpayment(amount: number, balance: number, path = 'amountCents'): HttpProblem {
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
 * Invoices (issued from approved work, numbered without gaps, immutable, corrected by credit
 * notes), payments (idempotent, never more than the balance), deposits, refunds, voids, accounts
 * receivable. Every change is audited in its transaction; job and repair-order events go out
 * after commit.
 */
export class BillingService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly repairOrders: RepairOrdersService,
    private readonly customers: CustomersService,
    private readonly settings: SettingsService,
  ) {}

  // ------------------------------------------------------------------ invoices

  async issue(actor: Actor, input: IssueInvoiceInput): Promise<Invoice> {
    const { invoice, publish } = await this.db.transaction().execute(async (tx) => {
      const ro = await this.repairOrders.find(tx, input.repairOrderId);
      if (ro === undefined)
        throw problems.validation([{ path: 'repairOrderId', message: 'no repair order has this id' }]);
      const live = await findLiveInvoiceOfRepairOrder(tx, ro.id);
      if (live !== undefined)
        throw problems.conflict(
          `Repair order ${ro.number} already has invoice ${live.number}.`,
          'already-invoiced',
          { invoiceId: live.id, invoiceNumber: live.number },
        );
      if (ro.status !== 'open' && ro.status !== 'estimate')
        throw problems.conflict(`Repair order ${ro.number} is ${ro.status}.`, 'repair-order-status', {
          repairOrderStatus: ro.status,
        });
      const approved = ro.jobs.flatMap((job) =>
        job.lines.filter((line) => line.approvalState === 'approved').map((line) => ({ job, line })),
      );
      if (approved.length === 0)
        throw problems.conflict(
          `Repair order ${ro.number} has no approved work to invoice.`,
          'nothing-to-invoice',
        );
      const jobIds = [...new Set(approved.map(({ job }) => job.id))];
      const unfinished = ro.jobs.filter((job) => jobIds.includes(job.id) && job.status !== 'Completed');
      if (unfinished.length > 0)
        throw problems.conflict(
          `Jobs with approved work must be Completed before invoicing: ${unfinished.map((j) => j.title).join(', ')}.`,
          'jobs-not-completed',
          { jobIds: unfinished.map((j) => j.id) },
        );
      const lineDiscounts = this.checkLineDiscounts(
        input,
        approved.map(({ line }) => line),
      );
      const mathLines = approved.map(({ line }) => ({
        kind: line.kind,
        quantityMilli: quantityToMilli(line.quantity)!,
        unitPriceCents: line.unitPriceCents,
        taxable: line.taxable,
        discount: lineDiscounts.get(line.id),
      }));
      const settings = await this.settings.get(tx);
      const totals = this.checkedTotals(mathLines, settings, input.discount);
      const customer = await this.customers.find(tx, ro.customer.id);
      const at = this.now();
      const number = await takeNextNumber(tx, INVOICE_COUNTER, 1, at);
      const id = newId();
      const parties: Parties = {
        repairOrderNumber: ro.number,
        customer: { id: ro.customer.id, name: ro.customer.name, kind: customer?.kind ?? 'person' },
        vehicle: ro.vehicle,
      };
      await insertInvoice(tx, {
        id,
        number,
        repair_order_id: ro.id,
        customer_id: ro.customer.id,
        vehicle_id: ro.vehicle.id,
        status: 'issued',
        subtotal_cents: totals.subtotalCents,
        discount_cents: totals.discountCents,
        shop_supplies_cents: totals.shopSuppliesCents,
        tax_cents: totals.taxCents,
        total_cents: totals.totalCents,
        totals: JSON.stringify({
          subtotals: totals.subtotals,
          taxes: totals.taxes,
          rates: { taxRatesBp: settings.taxRatesBp, shopSupplies: settings.shopSupplies },
        }),
        parties: JSON.stringify(parties),
        discount: input.discount === undefined ? null : JSON.stringify(input.discount),
        due_at: at,
        issued_at: at,
        issued_by: actor.userId,
        created_at: at,
        updated_at: at,
      });
      await insertInvoiceLines(
        tx,
        approved.map(({ job, line }, i) => ({
          id: newId(),
          invoice_id: id,
          line_id: line.id,
          job_id: job.id,
          kind: line.kind,
          description: line.description,
          quantity_milli: mathLines[i]!.quantityMilli,
          unit_price_cents: line.unitPriceCents,
          unit_cost_cents: line.unitCostCents ?? 0,
          taxable: line.taxable ? 1 : 0,
          amount_cents: totals.lines[i]!.amountCents,
          discount_cents: totals.lines[i]!.discountCents,
          sort_order: i,
          created_at: at,
          updated_at: at,
        })),
      );
      const roStatus = await this.repairOrders.setStatusInTransaction(tx, actor, ro.id, 'invoiced');
      await this.audit.record(tx, actor, {
        action: 'invoice.issued',
        entityType: 'invoice',
        entityId: id,
        data: {
          number,
          repairOrderId: ro.id,
          totalCents: totals.totalCents,
          taxCents: totals.taxCents,
          discountCents: totals.discountCents,
          lines: approved.length,
        },
      });
      const publishes: Publish[] = [roStatus.publish];
      // Deposits taken on the repair order are applied now.
      const deposits = (await listDepositsOfRepairOrder(tx, ro.id)).filter(
        (d) => d.status === 'recorded' && d.invoice_id === null,
      );
      const depositCents = deposits.reduce((sum, d) => sum + d.amount_cents, 0);
      if (depositCents > totals.totalCents)
        throw problems.conflict(
          `Deposits of ${depositCents} cents exceed the invoice total of ${totals.totalCents}: void or reduce a deposit first.`,
          'deposits-exceed-total',
          { depositCents, totalCents: totals.totalCents },
        );
      for (const deposit of deposits) await updatePayment(tx, deposit.id, { invoice_id: id, updated_at: at });
      let row = (await findInvoice(tx, id))!;
      if (depositCents > 0) {
        await this.changeInvoice(tx, row, { paid_cents: depositCents });
        await this.audit.record(tx, actor, {
          action: 'invoice.deposits_applied',
          entityType: 'invoice',
          entityId: id,
          data: { number, depositCents, paymentIds: deposits.map((d) => d.id) },
        });
        row = (await findInvoice(tx, id))!;
      }
      publishes.push(await this.settleIfPaid(tx, actor, row, ro));
      return { invoice: await this.read(tx, id), publish: () => publishes.forEach((p) => p()) };
    });
    publish();
    return invoice!;
  }

  async get(id: string): Promise<Invoice> {
    const invoice = await this.read(this.db, id);
    if (invoice === undefined) throw problems.notFound(`No invoice with id ${id}.`);
    return invoice;
  }

  async list(filters: InvoiceListFilters): Promise<{ items: Invoice[] }> {
    const rows = await listInvoices(this.db, filters);
    const items: Invoice[] = [];
    for (const row of rows) items.push((await this.read(this.db, row.id))!);
    return { items };
  }

  /** The printable PDF of an invoice (with its payments and balance as of now). */
  async pdf(id: string): Promise<{ number: number; pdf: Buffer }> {
    const invoice = await this.get(id);
    const settings = await this.settings.get(this.db);
    const lines = [settings.address, settings.phone].filter((line) => line.trim() !== '');
    return {
      number: invoice.number,
      pdf: await renderInvoicePdf(invoice, { name: settings.shopName, lines }),
    };
  }

  /** Voids an issued invoice with nothing paid on it (deposits go back to the repair order). */
  async voidInvoice(actor: Actor, id: string, input: ReasonInput): Promise<Invoice> {
    const { invoice, publish } = await this.db.transaction().execute(async (tx) => {
      const row = await findInvoice(tx, id);
      if (row === undefined) throw problems.notFound(`No invoice with id ${id}.`);
      if (row.status !== 'issued')
        throw problems.conflict(`Invoice ${row.number} is ${row.status}.`, 'invoice-status', {
          invoiceStatus: row.status,
        });
      const ro = await this.repairOrders.find(tx, row.repair_order_id);
      if (ro?.status === 'closed')
        throw problems.conflict(
          `Invoice ${row.number} was paid and its jobs are Paid: correct it with a credit note instead.`,
          'invoice-was-paid',
        );
      const payments = (await listPaymentsOfInvoice(tx, id)).filter((p) => p.status === 'recorded');
      const deposits = payments.filter((p) => p.kind === 'deposit');
      const depositCents = deposits.reduce((s, p) => s + p.amount_cents, 0);
      if (row.paid_cents !== depositCents || row.credited_cents > 0)
        throw problems.conflict(
          `Invoice ${row.number} has payments or credit notes: refund or void the payments first.`,
          'invoice-has-payments',
          { paidCents: row.paid_cents, creditedCents: row.credited_cents },
        );
      const at = this.now();
      for (const deposit of deposits)
        await updatePayment(tx, deposit.id, { invoice_id: null, updated_at: at });
      await this.changeInvoice(tx, row, {
        status: 'void',
        paid_cents: 0,
        void_reason: input.reason.trim(),
        voided_at: at,
      });
      const roStatus = await this.repairOrders.setStatusInTransaction(tx, actor, row.repair_order_id, 'open');
      await this.audit.record(tx, actor, {
        action: 'invoice.voided',
        entityType: 'invoice',
        entityId: id,
        data: { number: row.number, reason: input.reason.trim(), totalCents: row.total_cents },
      });
      return { invoice: await this.read(tx, id), publish: roStatus.publish };
    });
    publish();
    return invoice!;
  }

  /** A credit note lowers what is owed (never below zero); it has its own gapless number. */
  async creditNote(actor: Actor, id: string, input: CreditNoteInput): Promise<Invoice> {
    const { invoice, publish } = await this.db.transaction().execute(async (tx) => {
      const row = await this.openInvoice(tx, id);
      const balance = balanceOf(row);
      if (input.amountCents > balance) throw overpayment(input.amountCents, balance);
      const at = this.now();
      const number = await takeNextNumber(tx, CREDIT_NOTE_COUNTER, 1, at);
      const noteId = newId();
      await insertCreditNote(tx, {
        id: noteId,
        number,
        invoice_id: id,
        amount_cents: input.amountCents,
        reason: input.reason.trim(),
        created_by: actor.userId,
        created_at: at,
        updated_at: at,
      });
      await this.changeInvoice(tx, row, { credited_cents: row.credited_cents + input.amountCents });
      await this.audit.record(tx, actor, {
        action: 'invoice.credit_note',
        entityType: 'invoice',
        entityId: id,
        data: {
          number: row.number,
          creditNoteNumber: number,
          amountCents: input.amountCents,
          reason: input.reason,
        },
      });
      const publish = await this.settleIfPaid(tx, actor, (await findInvoice(tx, id))!);
      return { invoice: await this.read(tx, id), publish };
    });
    publish();
    return invoice!;
  }

  /** Business and fleet customers may leave with the balance on account, due after their terms. */
  async chargeToAccount(actor: Actor, id: string, termsDays: number): Promise<Invoice> {
    return this.db.transaction().execute(async (tx) => {
      const row = await this.openInvoice(tx, id);
      const customer = await this.customers.find(tx, row.customer_id);
      if (customer === undefined || customer.kind === 'person')
        throw problems.conflict(
          'Only business and fleet customers can charge to account.',
          'account-not-allowed',
          { customerKind: customer?.kind ?? null },
        );
      const dueAt = new Date(Date.parse(row.issued_at) + termsDays * DAY_MS).toISOString();
      await this.changeInvoice(tx, row, { on_account: 1, due_at: dueAt });
      await this.audit.record(tx, actor, {
        action: 'invoice.charged_to_account',
        entityType: 'invoice',
        entityId: id,
        data: { number: row.number, balanceCents: balanceOf(row), termsDays, dueAt },
      });
      return (await this.read(tx, id))!;
    });
  }

  /** Open balances by days past due: current (not yet due), 1–30, 31–60, 61–90, over 90. */
  async aging(asOf?: string): Promise<Aging> {
    const at = asOf === undefined ? this.clock.now() : new Date(asOf);
    const zero = () => ({ current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0, totalCents: 0 });
    const totals = zero();
    const byCustomer = new Map<
      string,
      ReturnType<typeof zero> & { customerId: string; customerName: string }
    >();
    for (const row of await listOpenInvoices(this.db)) {
      const balance = balanceOf(row);
      if (balance <= 0) continue;
      const daysLate = Math.floor((at.getTime() - Date.parse(row.due_at)) / DAY_MS);
      const bucket =
        daysLate <= 0
          ? 'current'
          : daysLate <= 30
            ? 'days1to30'
            : daysLate <= 60
              ? 'days31to60'
              : daysLate <= 90
                ? 'days61to90'
                : 'over90';
      const parties = JSON.parse(row.parties) as Parties;
      const entry = byCustomer.get(row.customer_id) ?? {
        customerId: row.customer_id,
        customerName: parties.customer.name,
        ...zero(),
      };
      entry[bucket] += balance;
      entry.totalCents += balance;
      totals[bucket] += balance;
      totals.totalCents += balance;
      byCustomer.set(row.customer_id, entry);
    }
    return {
      asOf: at.toISOString(),
      totals,
      customers: [...byCustomer.values()].sort((a, b) => b.totalCents - a.totalCents),
    };
  }

  // ------------------------------------------------------------------ payments

  /** A payment on an invoice: never more than the balance; the last cent settles the invoice. */
  async pay(
    actor: Actor,
    invoiceId: string,
    input: PaymentInput,
    key: string,
  ): Promise<StoredResult<PaymentResult>> {
    return this.idempotent(key, requestHash('pay', invoiceId, input), async (tx) => {
      this.checkMethodFields(input);
      const row = await this.openInvoice(tx, invoiceId);
      const balance = balanceOf(row);
      if (input.amountCents > balance) throw overpayment(input.amountCents, balance);
      const payment = await this.insertMoney(tx, actor, key, {
        kind: 'payment',
        invoiceId,
        repairOrderId: row.repair_order_id,
        customerId: row.customer_id,
        input,
      });
      await this.changeInvoice(tx, row, { paid_cents: row.paid_cents + input.amountCents });
      await this.audit.record(tx, actor, {
        action: 'payment.recorded',
        entityType: 'invoice',
        entityId: invoiceId,
        data: {
          number: row.number,
          paymentId: payment.id,
          method: input.method,
          amountCents: input.amountCents,
        },
      });
      const publish = await this.settleIfPaid(tx, actor, (await findInvoice(tx, invoiceId))!);
      return {
        statusCode: 201,
        body: { payment: toPayment(payment), invoice: (await this.read(tx, invoiceId))! },
        publish,
      };
    });
  }

  /** A deposit on a repair order before its invoice; applied when the invoice is issued. */
  async deposit(
    actor: Actor,
    repairOrderId: string,
    input: PaymentInput,
    key: string,
  ): Promise<StoredResult<Payment>> {
    return this.idempotent(key, requestHash('deposit', repairOrderId, input), async (tx) => {
      this.checkMethodFields(input);
      const ro = await this.repairOrders.find(tx, repairOrderId);
      if (ro === undefined) throw problems.notFound(`No repair order with id ${repairOrderId}.`);
      if (ro.status !== 'open' && ro.status !== 'estimate')
        throw problems.conflict(
          `Repair order ${ro.number} is ${ro.status}: take a payment on its invoice instead.`,
          'repair-order-status',
          { repairOrderStatus: ro.status },
        );
      const payment = await this.insertMoney(tx, actor, key, {
        kind: 'deposit',
        invoiceId: null,
        repairOrderId,
        customerId: ro.customer.id,
        input,
      });
      await this.audit.record(tx, actor, {
        action: 'payment.deposit_recorded',
        entityType: 'repair_order',
        entityId: repairOrderId,
        data: {
          number: ro.number,
          paymentId: payment.id,
          method: input.method,
          amountCents: input.amountCents,
        },
      });
      return { statusCode: 201, body: toPayment(payment), publish: () => undefined };
    });
  }

  /** Money back on a payment of this invoice, at most what is left of that payment. */
  async refund(
    actor: Actor,
    invoiceId: string,
    input: RefundInput,
    key: string,
  ): Promise<StoredResult<PaymentResult>> {
    return this.idempotent(key, requestHash('refund', invoiceId, input), async (tx) => {
      const row = await findInvoice(tx, invoiceId);
      if (row === undefined) throw problems.notFound(`No invoice with id ${invoiceId}.`);
      if (row.status === 'void') throw this.voidProblem(row);
      const original = await findPayment(tx, input.paymentId);
      if (original === undefined || original.invoice_id !== invoiceId || original.kind === 'refund')
        throw problems.validation([{ path: 'paymentId', message: 'is not a payment of this invoice' }]);
      if (original.status !== 'recorded')
        throw problems.conflict('That payment is void.', 'payment-void', { paymentId: original.id });
      const refundable = original.amount_cents - (await refundedOf(tx, original.id));
      if (input.amountCents > refundable) throw overpayment(input.amountCents, refundable);
      const refund = await this.insertMoney(tx, actor, key, {
        kind: 'refund',
        invoiceId,
        repairOrderId: row.repair_order_id,
        customerId: row.customer_id,
        input: { method: original.method, amountCents: input.amountCents },
        refundOf: original.id,
        reason: input.reason.trim(),
      });
      await this.changeInvoice(tx, row, {
        paid_cents: row.paid_cents - input.amountCents,
        ...(row.status === 'paid' ? { status: 'issued' as const, paid_at: null } : {}),
      });
      await this.audit.record(tx, actor, {
        action: 'payment.refunded',
        entityType: 'invoice',
        entityId: invoiceId,
        data: {
          number: row.number,
          paymentId: refund.id,
          refundOf: original.id,
          amountCents: input.amountCents,
          reason: input.reason.trim(),
        },
      });
      return {
        statusCode: 201,
        body: { payment: toPayment(refund), invoice: (await this.read(tx, invoiceId))! },
        publish: () => undefined,
      };
    });
  }

  /** Voids a payment or deposit recorded by mistake: its amount is owed again. */
  async voidPayment(
    actor: Actor,
    paymentId: string,
    input: ReasonInput,
    key: string,
  ): Promise<StoredResult<Payment>> {
    return this.idempotent(key, requestHash('void-payment', paymentId, input), async (tx) => {
      const payment = await findPayment(tx, paymentId);
      if (payment === undefined) throw problems.notFound(`No payment with id ${paymentId}.`);
      if (payment.status === 'void')
        throw problems.conflict('That payment is already void.', 'payment-void', { paymentId });
      if (payment.kind !== 'refund' && (await refundedOf(tx, paymentId)) > 0)
        throw problems.conflict('That payment has refunds: it can no longer be voided.', 'payment-refunded');
      const at = this.now();
      if (payment.invoice_id !== null) {
        const row = (await findInvoice(tx, payment.invoice_id))!;
        if (row.status === 'void') throw this.voidProblem(row);
        const delta = payment.kind === 'refund' ? payment.amount_cents : -payment.amount_cents;
        if (delta > 0 && delta > balanceOf(row)) throw overpayment(delta, balanceOf(row));
        await this.changeInvoice(tx, row, {
          paid_cents: row.paid_cents + delta,
          ...(row.status === 'paid' && delta < 0 ? { status: 'issued' as const, paid_at: null } : {}),
        });
      }
      await updatePayment(tx, paymentId, {
        status: 'void',
        void_reason: input.reason.trim(),
        voided_at: at,
        updated_at: at,
      });
      await this.audit.record(tx, actor, {
        action: 'payment.voided',
        entityType: 'payment',
        entityId: paymentId,
        data: {
          invoiceId: payment.invoice_id,
          kind: payment.kind,
          amountCents: payment.amount_cents,
          reason: input.reason.trim(),
        },
      });
      const publish =
        payment.invoice_id === null
          ? () => undefined
          : await this.settleIfPaid(tx, actor, (await findInvoice(tx, payment.invoice_id))!);
      return { statusCode: 200, body: toPayment((await findPayment(tx, paymentId))!), publish };
    });
  }

  // ------------------------------------------------------------------ internals

  /**
   * Runs `work` once per idempotency key: the first successful answer is stored in the same
   * transaction and replayed for the same key and request; the same key with a different request
   * is a 409. A refused request (4xx) stores nothing, so it can be corrected and retried.
   */
  private async idempotent<T>(
    key: string,
    hash: string,
    work: (tx: Db) => Promise<StoredResult<T> & { publish: Publish }>,
  ): Promise<StoredResult<T>> {
    const { result, publish } = await this.db.transaction().execute(async (tx) => {
      const stored = await findIdempotencyKey(tx, key);
      if (stored !== undefined) {
        if (stored.request_hash !== hash)
          throw new HttpProblem({
            status: 409,
            title: 'Conflict',
            slug: 'idempotency-key-reused',
            detail: 'This Idempotency-Key was used for a different request.',
            errors: [{ path: 'Idempotency-Key', message: 'was used for a different request' }],
          });
        return {
          result: { statusCode: stored.status_code, body: JSON.parse(stored.response_body) as T },
          publish: () => undefined,
        };
      }
      const { publish, ...answer } = await work(tx);
      const at = this.now();
      await insertIdempotencyKey(tx, {
        key,
        request_hash: hash,
        status_code: answer.statusCode,
        response_body: JSON.stringify(answer.body),
        created_at: at,
        updated_at: at,
      });
      return { result: answer, publish };
    });
    publish();
    return result;
  }

  private async insertMoney(
    tx: Db,
    actor: Actor,
    key: string,
    money: {
      kind: 'payment' | 'deposit' | 'refund';
      invoiceId: string | null;
      repairOrderId: string;
      customerId: string;
      input: { method: PaymentMethod; amountCents: number; cardReference?: string; checkNumber?: string };
      refundOf?: string;
      reason?: string;
    },
  ): Promise<PaymentRow> {
    const at = this.now();
    const id = newId();
    await insertPayment(tx, {
      id,
      kind: money.kind,
      invoice_id: money.invoiceId,
      repair_order_id: money.repairOrderId,
      customer_id: money.customerId,
      method: money.input.method,
      amount_cents: money.input.amountCents,
      card_reference: money.input.cardReference?.trim() ?? null,
      check_number: money.input.checkNumber?.trim() ?? null,
      refund_of: money.refundOf ?? null,
      reason: money.reason ?? null,
      void_reason: null,
      voided_at: null,
      idempotency_key: key,
      received_by: actor.userId,
      received_at: at,
      created_at: at,
      updated_at: at,
    });
    return (await findPayment(tx, id))!;
  }

  /** When nothing is left to pay: the invoice is paid, its jobs move to Paid and the RO closes. */
  private async settleIfPaid(tx: Db, actor: Actor, row: InvoiceRow, known?: RepairOrder): Promise<Publish> {
    if (row.status !== 'issued' || balanceOf(row) !== 0) return () => undefined;
    const at = this.now();
    await this.changeInvoice(tx, row, { status: 'paid', paid_at: at });
    await this.audit.record(tx, actor, {
      action: 'invoice.paid',
      entityType: 'invoice',
      entityId: row.id,
      data: { number: row.number, totalCents: row.total_cents, paidCents: row.paid_cents },
    });
    const ro = known ?? (await this.repairOrders.find(tx, row.repair_order_id))!;
    const jobIds = [...new Set((await listInvoiceLines(tx, row.id)).map((l) => l.job_id))];
    const notYetPaid = jobIds.filter((id) => ro.jobs.find((j) => j.id === id)?.status !== 'Paid');
    const paid =
      notYetPaid.length > 0
        ? await this.repairOrders.markPaid(tx, actor, notYetPaid)
        : { publish: () => undefined };
    const current = (await this.repairOrders.find(tx, row.repair_order_id))!;
    const closed =
      current.status === 'invoiced'
        ? await this.repairOrders.setStatusInTransaction(tx, actor, row.repair_order_id, 'closed')
        : { publish: () => undefined };
    return () => {
      paid.publish();
      closed.publish();
    };
  }

  private async changeInvoice(
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

  private async openInvoice(tx: Db, id: string): Promise<InvoiceRow> {
    const row = await findInvoice(tx, id);
    if (row === undefined) throw problems.notFound(`No invoice with id ${id}.`);
    if (row.status === 'void') throw this.voidProblem(row);
    return row;
  }

  private voidProblem(row: InvoiceRow): HttpProblem {
    return problems.conflict(`Invoice ${row.number} is void.`, 'invoice-void', { invoiceStatus: 'void' });
  }

  private checkMethodFields(input: PaymentInput): void {
    const errors: FieldError[] = [];
    if (input.method === 'card' && input.cardReference === undefined)
      errors.push({ path: 'cardReference', message: 'is required for a card payment (terminal reference)' });
    if (input.method === 'check' && input.checkNumber === undefined)
      errors.push({ path: 'checkNumber', message: 'is required for a check' });
    if (input.method !== 'card' && input.cardReference !== undefined)
      errors.push({ path: 'cardReference', message: 'is only for card payments' });
    if (input.method !== 'check' && input.checkNumber !== undefined)
      errors.push({ path: 'checkNumber', message: 'is only for checks' });
    if (errors.length > 0) throw problems.validation(errors);
  }

  private checkLineDiscounts(
    input: IssueInvoiceInput,
    lines: readonly { id: string; amountCents: number }[],
  ): Map<string, Discount> {
    const byId = new Map(lines.map((line) => [line.id, line]));
    const result = new Map<string, Discount>();
    const errors: FieldError[] = [];
    (input.lineDiscounts ?? []).forEach((entry, i) => {
      const line = byId.get(entry.lineId);
      if (line === undefined)
        errors.push({
          path: `lineDiscounts.${i}.lineId`,
          message: 'is not an approved line of this repair order',
        });
      else if (result.has(entry.lineId))
        errors.push({ path: `lineDiscounts.${i}.lineId`, message: 'appears twice' });
      else if ('amountCents' in entry.discount && entry.discount.amountCents > line.amountCents)
        errors.push({
          path: `lineDiscounts.${i}.discount.amountCents`,
          message: `exceeds the line (${line.amountCents} cents)`,
        });
      else result.set(entry.lineId, entry.discount);
    });
    if (errors.length > 0) throw problems.validation(errors);
    return result;
  }

  private checkedTotals(
    lines: Parameters<typeof computeInvoiceTotals>[0],
    rates: Parameters<typeof computeInvoiceTotals>[1],
    discount: Discount | undefined,
  ): InvoiceTotals {
    try {
      return computeInvoiceTotals(lines, rates, discount);
    } catch (error) {
      if (error instanceof RangeError)
        throw problems.validation([
          { path: 'discount.amountCents', message: 'exceeds the invoice after line discounts' },
        ]);
      throw error;
    }
  }

  private async read(db: Db, id: string): Promise<Invoice | undefined> {
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
      payments: payments.map(toPayment),
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
