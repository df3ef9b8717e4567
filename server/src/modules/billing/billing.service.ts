import { takeNextNumber } from '../../db/counters.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { problems, type FieldError } from '../../lib/problem.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { CustomersService } from '../customers/customers.service.js';
import { quantityToMilli } from '../repair-orders/quantity.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import {
  CREDIT_NOTE_COUNTER,
  findInvoice,
  findLiveInvoiceOfRepairOrder,
  INVOICE_COUNTER,
  insertCreditNote,
  insertInvoice,
  insertInvoiceLines,
  listDepositsOfRepairOrder,
  listInvoices,
  listOpenInvoices,
  listPaymentsOfInvoice,
  updatePayment,
} from './billing.repository.js';
import type {
  Aging,
  CreditNoteInput,
  Invoice,
  InvoiceListFilters,
  IssueInvoiceInput,
  ReasonInput,
} from './billing.schemas.js';
import { buildInvoiceDocument } from './invoice-document.js';
import type { InvoiceDocument } from './invoice-document.schemas.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { computeInvoiceTotals, type Discount, type InvoiceTotals } from './invoice-math.js';
import { balanceOf, overpayment, type InvoiceLedger, type Parties } from './invoice-ledger.js';
import { inTransaction } from '../../db/after-commit.js';
import { orNotFound } from '../../lib/versioning.js';

const DAY_MS = 86_400_000;

/**
 * Invoices (issued from approved work, numbered without gaps, immutable, corrected by credit
 * notes), charge to account and accounts receivable. Payments are PaymentsService's. Every
 * change is audited in its transaction; job and repair-order events go out after commit.
 */
export class BillingService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly repairOrders: RepairOrdersService,
    private readonly customers: CustomersService,
    private readonly settings: SettingsService,
    private readonly ledger: InvoiceLedger,
  ) {}

  // ------------------------------------------------------------------ invoices

  /**
   * No recommendation is silently lost at invoicing: every job with recommended (undecided) lines
   * must be named in `undecidedJobs` with what becomes of it. defer/decline record that as the
   * customer's decision on those lines (in person, at the counter), in this transaction; leave
   * keeps them recommended on the repair order. Without a disposition for each: 409
   * `undecided-work` naming the jobs, so the screen can ask.
   */
  private async settleUndecidedWork(
    tx: Db,
    actor: Actor,
    ro: NonNullable<Awaited<ReturnType<RepairOrdersService['find']>>>,
    input: IssueInvoiceInput,
  ): Promise<{ jobId: string; disposition: string }[]> {
    const undecidedJobs = ro.jobs
      .map((job) => ({ job, lines: job.lines.filter((line) => line.approvalState === 'recommended') }))
      .filter(({ lines }) => lines.length > 0);
    const byId = new Map(undecidedJobs.map((entry) => [entry.job.id, entry]));
    const chosen = input.undecidedJobs ?? [];
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    chosen.forEach((entry, i) => {
      if (!byId.has(entry.jobId))
        errors.push({
          path: `undecidedJobs.${i}.jobId`,
          message: 'is not a job of this repair order with undecided lines',
        });
      else if (seen.has(entry.jobId))
        errors.push({ path: `undecidedJobs.${i}.jobId`, message: 'appears more than once' });
      seen.add(entry.jobId);
    });
    if (errors.length > 0) throw problems.validation(errors);
    const unnamed = undecidedJobs.filter(({ job }) => !seen.has(job.id));
    if (unnamed.length > 0)
      throw problems.conflict(
        `Repair order ${ro.number} has work nobody decided on: ${unnamed.map(({ job }) => job.title).join(', ')}. Say for each whether to defer it, decline it or leave it on the repair order.`,
        'undecided-work',
        {
          jobs: unnamed.map(({ job, lines }) => ({
            id: job.id,
            title: job.title,
            recommendedLines: lines.length,
          })),
        },
      );
    const decisions = chosen.flatMap((entry) =>
      entry.disposition === 'leave'
        ? []
        : byId.get(entry.jobId)!.lines.map((line) => ({
            lineId: line.id,
            version: line.version,
            state: entry.disposition === 'defer' ? ('deferred' as const) : ('declined' as const),
            reason: entry.reason?.trim() || 'decided at invoicing',
          })),
    );
    const dispositions = chosen.map(({ jobId, disposition }) => ({ jobId, disposition }));
    if (decisions.length > 0)
      await this.repairOrders.recordApprovalsInTransaction(tx, actor, ro.id, {
        method: 'in_person',
        approvedBy: ro.customer.name,
        decisions,
      });
    return dispositions;
  }

  async issue(actor: Actor, input: IssueInvoiceInput): Promise<Invoice> {
    const invoice = await inTransaction(this.db, async (tx) => {
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
      const dispositions = await this.settleUndecidedWork(tx, actor, ro, input);
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
      // Announced after the commit in this order: the decisions above, the invoice, the RO invoiced.
      this.ledger.announce(tx, id, ro.id, 'issued');
      await this.repairOrders.setStatusInTransaction(tx, actor, ro.id, 'invoiced');
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
          undecidedJobs: dispositions,
        },
      });
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
        await this.ledger.changeInvoice(tx, row, { paid_cents: depositCents });
        await this.audit.record(tx, actor, {
          action: 'invoice.deposits_applied',
          entityType: 'invoice',
          entityId: id,
          data: { number, depositCents, paymentIds: deposits.map((d) => d.id) },
        });
        row = (await findInvoice(tx, id))!;
      }
      await this.ledger.settleIfPaid(tx, actor, row, ro);
      return this.ledger.read(tx, id);
    });
    return invoice!;
  }

  async get(id: string): Promise<Invoice> {
    const invoice = orNotFound(await this.ledger.read(this.db, id), 'invoice', id);
    return invoice;
  }

  async list(filters: InvoiceListFilters): Promise<{ items: Invoice[] }> {
    const rows = await listInvoices(this.db, filters);
    const items: Invoice[] = [];
    for (const row of rows) items.push((await this.ledger.read(this.db, row.id))!);
    return { items };
  }

  /** The paper invoice's content (the print page and the PDF read the same). */
  async document(id: string): Promise<InvoiceDocument> {
    const invoice = await this.get(id);
    const [ro, customer, settings] = await Promise.all([
      this.repairOrders.find(this.db, invoice.repairOrderId),
      this.customers.find(this.db, invoice.customer.id),
      this.settings.get(this.db),
    ]);
    return buildInvoiceDocument(invoice, ro, customer, settings);
  }

  /** The printable PDF of an invoice (with its payments and balance as of now). */
  async pdf(id: string): Promise<{ number: number; pdf: Buffer }> {
    const document = await this.document(id);
    return { number: document.invoice.number, pdf: await renderInvoicePdf(document) };
  }

  /** Voids an issued invoice with nothing paid on it (deposits go back to the repair order). */
  async voidInvoice(actor: Actor, id: string, input: ReasonInput): Promise<Invoice> {
    const invoice = await inTransaction(this.db, async (tx) => {
      const row = orNotFound(await findInvoice(tx, id), 'invoice', id);
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
      await this.ledger.changeInvoice(tx, row, {
        status: 'void',
        paid_cents: 0,
        void_reason: input.reason.trim(),
        voided_at: at,
      });
      this.ledger.announce(tx, id, row.repair_order_id, 'voided');
      await this.repairOrders.setStatusInTransaction(tx, actor, row.repair_order_id, 'open');
      await this.audit.record(tx, actor, {
        action: 'invoice.voided',
        entityType: 'invoice',
        entityId: id,
        data: { number: row.number, reason: input.reason.trim(), totalCents: row.total_cents },
      });
      return this.ledger.read(tx, id);
    });
    return invoice!;
  }

  /** A credit note lowers what is owed (never below zero); it has its own gapless number. */
  async creditNote(actor: Actor, id: string, input: CreditNoteInput): Promise<Invoice> {
    const invoice = await inTransaction(this.db, async (tx) => {
      const row = await this.ledger.openInvoice(tx, id);
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
      await this.ledger.changeInvoice(tx, row, { credited_cents: row.credited_cents + input.amountCents });
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
      this.ledger.announce(tx, id, row.repair_order_id, 'credit_note');
      await this.ledger.settleIfPaid(tx, actor, (await findInvoice(tx, id))!);
      return this.ledger.read(tx, id);
    });
    return invoice!;
  }

  /** Business and fleet customers may leave with the balance on account, due after their terms. */
  async chargeToAccount(actor: Actor, id: string, termsDays: number): Promise<Invoice> {
    return inTransaction(this.db, async (tx) => {
      const row = await this.ledger.openInvoice(tx, id);
      const customer = await this.customers.find(tx, row.customer_id);
      if (customer === undefined || customer.kind === 'person')
        throw problems.conflict(
          'Only business and fleet customers can charge to account.',
          'account-not-allowed',
          { customerKind: customer?.kind ?? null },
        );
      const dueAt = new Date(Date.parse(row.issued_at) + termsDays * DAY_MS).toISOString();
      await this.ledger.changeInvoice(tx, row, { on_account: 1, due_at: dueAt });
      await this.audit.record(tx, actor, {
        action: 'invoice.charged_to_account',
        entityType: 'invoice',
        entityId: id,
        data: { number: row.number, balanceCents: balanceOf(row), termsDays, dueAt },
      });
      this.ledger.announce(tx, id, row.repair_order_id, 'charged_to_account');
      return (await this.ledger.read(tx, id))!;
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
    const invoices: Aging['invoices'] = {
      current: [],
      days1to30: [],
      days31to60: [],
      days61to90: [],
      over90: [],
    };
    for (const row of await listOpenInvoices(this.db)) {
      const balance = balanceOf(row);
      if (balance <= 0) continue;
      const daysLate = Math.floor((at.getTime() - Date.parse(row.due_at)) / DAY_MS);
      const bucket: keyof Aging['invoices'] =
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
      invoices[bucket].push({
        invoiceId: row.id,
        number: row.number,
        customerId: row.customer_id,
        customerName: parties.customer.name,
        dueAt: row.due_at,
        daysPastDue: Math.max(0, daysLate),
        balanceCents: balance,
        onAccount: row.on_account === 1,
      });
    }
    for (const list of Object.values(invoices))
      list.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.number - b.number));
    return {
      asOf: at.toISOString(),
      totals,
      customers: [...byCustomer.values()].sort((a, b) => b.totalCents - a.totalCents),
      invoices,
    };
  }

  // ------------------------------------------------------------------ internals

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

  private now(): string {
    return this.clock.now().toISOString();
  }
}
