import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { LineKind } from '../../db/tables/repair-orders.js';
import type { InvoiceStatus, PaymentKind, PaymentMethod } from '../../db/tables/billing.js';
import { DayCachedFacts, type ComputedDay, type LocalDay } from '../../lib/report-days.js';
import { parseJsonRows, rangesCte, type UtcRange } from '../../lib/report-ranges.js';

/**
 * What the reports module reads from billing (the contract between the two modules). Only
 * invoices that are not void count as sales; a repair order is "closed" in the period its live
 * invoice was issued in. Grouping is done here, in SQL, per range (see report-ranges.ts).
 */
export interface InvoiceTotalsFact {
  /** Index of the range asked for. */
  range: number;
  invoices: number;
  repairOrders: number;
  vehicles: number;
  subtotalCents: number;
  discountCents: number;
  shopSuppliesCents: number;
  taxCents: number;
  totalCents: number;
}

export interface LineTotalsFact {
  range: number;
  kind: LineKind;
  /** Σ line amount (before discounts). */
  grossCents: number;
  /** Σ line amount − line discount (the invoice discount is spread over the lines). */
  netCents: number;
  quantityMilli: number;
  /** Σ round-half-up(quantity × unit cost copied when the invoice was issued). */
  costCents: number;
  /**
   * Lines whose unit cost is 0: no cost was known when the line was written (a non-stock part
   * typed without one, a stock item with no cost). Reports leave them out of gross profit.
   */
  costMissingLines: number;
  /** Σ line amount − line discount of those lines. */
  costMissingNetCents: number;
}

export interface JobLaborFact {
  range: number;
  jobId: string;
  quantityMilli: number;
  netCents: number;
}

export interface ClosedRepairOrderFact {
  range: number;
  repairOrderId: string;
}

export interface InvoiceFact {
  id: string;
  number: number;
  repairOrderId: string;
  repairOrderNumber: number;
  customerId: string;
  customerName: string;
  status: InvoiceStatus;
  subtotals: Record<LineKind, number>;
  subtotalCents: number;
  discountCents: number;
  shopSuppliesCents: number;
  taxCents: number;
  totalCents: number;
  paidCents: number;
  creditedCents: number;
  onAccount: boolean;
  dueAt: string;
  issuedAt: string;
}

export interface PaymentFact {
  id: string;
  kind: PaymentKind;
  method: PaymentMethod;
  amountCents: number;
  status: 'recorded' | 'void';
  invoiceId: string | null;
  invoiceNumber: number | null;
  repairOrderId: string;
  customerId: string;
  /** From the invoice as issued; null for a deposit not yet applied to an invoice. */
  customerName: string | null;
  cardReference: string | null;
  checkNumber: string | null;
  refundOf: string | null;
  reason: string | null;
  voidReason: string | null;
  voidedAt: string | null;
  receivedAt: string;
}

export interface CreditNoteFact {
  id: string;
  number: number;
  invoiceId: string;
  invoiceNumber: number;
  customerName: string;
  amountCents: number;
  reason: string;
  createdAt: string;
}

/**
 * One shop-local day of invoices issued (not void), the unit of the day cache
 * (`billing_report_days`, migration 0017): money and sales per line kind. (Labor per job is not
 * kept: the time clock's day cache keeps its split between technicians.)
 */
export interface BillingDay {
  invoices: number;
  /** Repair orders closed (one live invoice per repair order, so additive over days). */
  repairOrders: number;
  subtotalCents: number;
  discountCents: number;
  shopSuppliesCents: number;
  taxCents: number;
  totalCents: number;
  /**
   * Per line kind present: [kind, gross, net, quantity milli, cost, lines without cost, their net]
   * (the last two since migration 0020, which dropped the summaries kept without them).
   */
  lines: [LineKind, number, number, number, number, number, number][];
}

/** Distinct vehicles on the invoices issued (not void) per range; `range: ranges.length` = all. */
export interface VehicleCountFact {
  range: number;
  vehicles: number;
}

const n = (value: unknown): number => Number(value ?? 0);

export class BillingReportFacts extends DayCachedFacts<BillingDay> {
  /** Invoices are immutable, so any past day of the cache keeps. */
  constructor(private readonly db: Db) {
    super(db, 'billing_report_days');
  }

  /**
   * Live, per local day (`reportDays` asks for the days its cache does not keep): what
   * `invoiceTotals` and `lineTotals` give for it.
   */
  protected async computeDays(
    days: readonly LocalDay[],
    ranges: UtcRange[],
  ): Promise<ComputedDay<BillingDay>[]> {
    const summaries: BillingDay[] = days.map(() => ({
      invoices: 0,
      repairOrders: 0,
      subtotalCents: 0,
      discountCents: 0,
      shopSuppliesCents: 0,
      taxCents: 0,
      totalCents: 0,
      lines: [],
    }));
    for (const fact of await this.invoiceTotals(ranges)) {
      const day = summaries[fact.range];
      if (day === undefined) continue; // the whole-period row
      day.invoices = fact.invoices;
      day.repairOrders = fact.repairOrders;
      day.subtotalCents = fact.subtotalCents;
      day.discountCents = fact.discountCents;
      day.shopSuppliesCents = fact.shopSuppliesCents;
      day.taxCents = fact.taxCents;
      day.totalCents = fact.totalCents;
    }
    for (const fact of await this.lineTotals(ranges))
      summaries[fact.range]!.lines.push([
        fact.kind,
        fact.grossCents,
        fact.netCents,
        fact.quantityMilli,
        fact.costCents,
        fact.costMissingLines,
        fact.costMissingNetCents,
      ]);
    return summaries.map((summary) => ({ summary, cacheable: true }));
  }

  /** Per range, and over all of them (`range: ranges.length`): distinct vehicles (car count). */
  async vehicleCounts(ranges: readonly UtcRange[]): Promise<VehicleCountFact[]> {
    const { rows } = await sql<Record<string, unknown>>`
      WITH ${rangesCte(ranges)},
      issued AS MATERIALIZED (
        SELECT b.i AS range, inv.vehicle_id AS vehicle_id
        FROM b CROSS JOIN invoices inv INDEXED BY invoices_issued_vehicle
          ON inv.issued_at >= b.f AND inv.issued_at < b.t
        WHERE inv.status <> 'void'
      )
      SELECT range, count(DISTINCT vehicle_id) AS vehicles FROM issued GROUP BY range
      UNION ALL
      SELECT ${ranges.length}, count(DISTINCT vehicle_id) FROM issued HAVING count(*) > 0`.execute(this.db);
    return rows.map((row) => ({ range: n(row.range), vehicles: n(row.vehicles) }));
  }

  /**
   * Per range: invoices issued (not void), distinct repair orders and vehicles, money columns. One
   * more fact, `range: ranges.length`, is all the ranges together (distinct counts over the whole).
   */
  async invoiceTotals(ranges: readonly UtcRange[]): Promise<InvoiceTotalsFact[]> {
    // One scan of the invoices, materialized once, then grouped per range and over the whole.
    const { rows } = await sql<Record<string, unknown>>`
      WITH ${rangesCte(ranges)},
      issued AS MATERIALIZED (
        SELECT b.i AS range, inv.repair_order_id AS repair_order_id, inv.vehicle_id AS vehicle_id,
               inv.subtotal_cents AS subtotal, inv.discount_cents AS discount,
               inv.shop_supplies_cents AS supplies, inv.tax_cents AS tax, inv.total_cents AS total
        FROM b CROSS JOIN invoices inv ON inv.issued_at >= b.f AND inv.issued_at < b.t
        WHERE inv.status <> 'void'
      )
      SELECT range, count(*) AS invoices, count(DISTINCT repair_order_id) AS repair_orders,
             count(DISTINCT vehicle_id) AS vehicles, sum(subtotal) AS subtotal,
             sum(discount) AS discount, sum(supplies) AS supplies, sum(tax) AS tax, sum(total) AS total
      FROM issued GROUP BY range
      UNION ALL
      SELECT ${ranges.length}, count(*), count(DISTINCT repair_order_id), count(DISTINCT vehicle_id),
             sum(subtotal), sum(discount), sum(supplies), sum(tax), sum(total)
      FROM issued HAVING count(*) > 0`.execute(this.db);
    return rows.map((row) => ({
      range: n(row.range),
      invoices: n(row.invoices),
      repairOrders: n(row.repair_orders),
      vehicles: n(row.vehicles),
      subtotalCents: n(row.subtotal),
      discountCents: n(row.discount),
      shopSuppliesCents: n(row.supplies),
      taxCents: n(row.tax),
      totalCents: n(row.total),
    }));
  }

  /**
   * Per range and line kind: sales, quantity (labor: billed hours × 1000), cost, and the lines
   * with no cost (unit cost 0) with their net sales.
   */
  async lineTotals(ranges: readonly UtcRange[]): Promise<LineTotalsFact[]> {
    const { rows } = await sql<Record<string, unknown>>`
      WITH ${rangesCte(ranges)}
      SELECT b.i AS range, l.kind AS kind, sum(l.amount_cents) AS gross,
             sum(l.amount_cents - l.discount_cents) AS net, sum(l.quantity_milli) AS quantity,
             sum((l.quantity_milli * l.unit_cost_cents + 500) / 1000) AS cost,
             sum(l.unit_cost_cents = 0) AS cost_missing_lines,
             sum(CASE WHEN l.unit_cost_cents = 0 THEN l.amount_cents - l.discount_cents ELSE 0 END)
               AS cost_missing_net
      FROM b CROSS JOIN invoices inv ON inv.issued_at >= b.f AND inv.issued_at < b.t
      CROSS JOIN invoice_lines l ON l.invoice_id = inv.id
      WHERE inv.status <> 'void'
      GROUP BY b.i, l.kind`.execute(this.db);
    return rows.map((row) => ({
      range: n(row.range),
      kind: row.kind as LineKind,
      grossCents: n(row.gross),
      netCents: n(row.net),
      quantityMilli: n(row.quantity),
      costCents: n(row.cost),
      costMissingLines: n(row.cost_missing_lines),
      costMissingNetCents: n(row.cost_missing_net),
    }));
  }

  /** Per range and job: the labor billed on it (for splitting billed hours by technician). */
  async laborByJob(ranges: readonly UtcRange[]): Promise<JobLaborFact[]> {
    const result = await sql<Record<string, unknown>>`
      WITH ${rangesCte(ranges)},
      per_job AS (
        SELECT b.i AS range, l.job_id AS job_id, sum(l.quantity_milli) AS quantity,
               sum(l.amount_cents - l.discount_cents) AS net
        FROM b CROSS JOIN invoices inv ON inv.issued_at >= b.f AND inv.issued_at < b.t
        CROSS JOIN invoice_lines l ON l.invoice_id = inv.id
        WHERE inv.status <> 'void' AND l.kind = 'labor'
        GROUP BY b.i, l.job_id
      )
      SELECT json_group_array(json_array(range, job_id, quantity, net)) AS rows FROM per_job`.execute(
      this.db,
    );
    return parseJsonRows<[number, string, number, number]>(result).map(([range, jobId, quantity, net]) => ({
      range,
      jobId,
      quantityMilli: quantity,
      netCents: net,
    }));
  }

  /** Per range: the repair orders closed (their live invoice issued in it). */
  async closedRepairOrders(ranges: readonly UtcRange[]): Promise<ClosedRepairOrderFact[]> {
    const result = await sql<Record<string, unknown>>`
      WITH ${rangesCte(ranges)}
      SELECT json_group_array(json_array(b.i, inv.repair_order_id)) AS rows
      FROM b CROSS JOIN invoices inv ON inv.issued_at >= b.f AND inv.issued_at < b.t
      WHERE inv.status <> 'void'`.execute(this.db);
    return parseJsonRows<[number, string]>(result).map(([range, repairOrderId]) => ({
      range,
      repairOrderId,
    }));
  }

  /** Every invoice issued in [from, to), void ones included (status says), by number. */
  async invoicesIssuedBetween(range: UtcRange): Promise<InvoiceFact[]> {
    const rows = await this.db
      .selectFrom('invoices')
      .selectAll()
      .where('issued_at', '>=', range.from)
      .where('issued_at', '<', range.to)
      .orderBy('number')
      .execute();
    return rows.map((row) => {
      const parties = JSON.parse(row.parties) as {
        repairOrderNumber: number;
        customer: { name: string };
      };
      const totals = JSON.parse(row.totals) as { subtotals: Record<LineKind, number> };
      return {
        id: row.id,
        number: row.number,
        repairOrderId: row.repair_order_id,
        repairOrderNumber: parties.repairOrderNumber,
        customerId: row.customer_id,
        customerName: parties.customer.name,
        status: row.status,
        subtotals: totals.subtotals,
        subtotalCents: row.subtotal_cents,
        discountCents: row.discount_cents,
        shopSuppliesCents: row.shop_supplies_cents,
        taxCents: row.tax_cents,
        totalCents: row.total_cents,
        paidCents: row.paid_cents,
        creditedCents: row.credited_cents,
        onAccount: row.on_account === 1,
        dueAt: row.due_at,
        issuedAt: row.issued_at,
      };
    });
  }

  /** Payments, deposits and refunds received in [from, to), void ones included (status says). */
  async paymentsReceivedBetween(range: UtcRange): Promise<PaymentFact[]> {
    return this.payments('received_at', range);
  }

  /** Payments voided in [from, to), whenever they were received. */
  async paymentsVoidedBetween(range: UtcRange): Promise<PaymentFact[]> {
    return this.payments('voided_at', range);
  }

  /** Credit notes written in [from, to). */
  async creditNotesBetween(range: UtcRange): Promise<CreditNoteFact[]> {
    const rows = await this.db
      .selectFrom('credit_notes as c')
      .innerJoin('invoices as inv', 'inv.id', 'c.invoice_id')
      .select([
        'c.id',
        'c.number',
        'c.invoice_id',
        'inv.number as invoice_number',
        'inv.parties',
        'c.amount_cents',
        'c.reason',
        'c.created_at',
      ])
      .where('c.created_at', '>=', range.from)
      .where('c.created_at', '<', range.to)
      .orderBy('c.number')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      number: row.number,
      invoiceId: row.invoice_id,
      invoiceNumber: row.invoice_number,
      customerName: (JSON.parse(row.parties) as { customer: { name: string } }).customer.name,
      amountCents: row.amount_cents,
      reason: row.reason,
      createdAt: row.created_at,
    }));
  }

  private async payments(column: 'received_at' | 'voided_at', range: UtcRange): Promise<PaymentFact[]> {
    const rows = await this.db
      .selectFrom('payments as p')
      .leftJoin('invoices as inv', 'inv.id', 'p.invoice_id')
      .select([
        'p.id',
        'p.kind',
        'p.method',
        'p.amount_cents',
        'p.status',
        'p.invoice_id',
        'inv.number as invoice_number',
        'inv.parties',
        'p.repair_order_id',
        'p.customer_id',
        'p.card_reference',
        'p.check_number',
        'p.refund_of',
        'p.reason',
        'p.void_reason',
        'p.voided_at',
        'p.received_at',
      ])
      .where(`p.${column}`, '>=', range.from)
      .where(`p.${column}`, '<', range.to)
      .orderBy(`p.${column}`)
      .orderBy('p.id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      method: row.method,
      amountCents: row.amount_cents,
      status: row.status,
      invoiceId: row.invoice_id,
      invoiceNumber: row.invoice_number,
      repairOrderId: row.repair_order_id,
      customerId: row.customer_id,
      customerName:
        row.parties === null
          ? null
          : (JSON.parse(row.parties) as { customer: { name: string } }).customer.name,
      cardReference: row.card_reference,
      checkNumber: row.check_number,
      refundOf: row.refund_of,
      reason: row.reason,
      voidReason: row.void_reason,
      voidedAt: row.voided_at,
      receivedAt: row.received_at,
    }));
  }
}
