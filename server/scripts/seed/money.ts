import type { ApprovalState } from '../../src/db/tables/repair-orders.js';
import type { PaymentMethod } from '../../src/db/tables/billing.js';
import { computeInvoiceTotals, type Discount } from '../../src/modules/billing/invoice-math.js';
import { MINUTE, type ShopDay } from './calendar.js';
import { SHOP_SETTINGS } from './catalog/shop.js';
import type { SeedContext } from './context.js';
import type { JobDraft, LineDraft, VisitDraft } from './model.js';
import type { Random } from './random.js';
import type { VisitOutcome } from './records.js';

/**
 * The money and time side of the history, written the way the billing, inventory and time-clock
 * modules would have written it: an invoice per finished visit (approved lines only, the billing
 * module's own integer-cent math), its payments at pickup, stock issued from the shelf for stocked
 * parts (restocked by receipts when a shelf runs low), job-clock entries for the work done, and a
 * shift for every technician on duty each day. The reports and their benchmark read these.
 */

export interface WrittenLine {
  id: string;
  draft: LineDraft;
  state: ApprovalState;
}

export interface WrittenJob {
  id: string;
  draft: JobDraft;
  lines: WrittenLine[];
}

export interface WrittenVisit {
  roId: string;
  advisorId: string;
  jobs: WrittenJob[];
}

interface Shelf {
  onHand: number;
  reorderLevel: number;
  costCents: number;
}

const RATES = { taxRatesBp: SHOP_SETTINGS.taxRatesBp, shopSupplies: SHOP_SETTINGS.shopSupplies };

const TENDERS: readonly { weight: number; method: PaymentMethod | 'split' }[] = [
  { weight: 70, method: 'card' },
  { weight: 14, method: 'cash' },
  { weight: 10, method: 'check' },
  { weight: 6, method: 'split' },
];

export class MoneyWriter {
  #invoiceNumber = 0;
  readonly #shelves = new Map<string, Shelf>();
  /** Technicians with a clock still running at `now` (one running clock per technician). */
  readonly #running = new Set<string>();

  constructor(
    private readonly ctx: SeedContext,
    private readonly random: Random,
  ) {}

  /** A stocked item as written by the shop setup, with what is on its shelf. */
  stocked(id: string, onHand: number, reorderLevel: number, costCents: number): void {
    this.#shelves.set(id, { onHand, reorderLevel, costCents });
  }

  /** Everything that follows from a visit once its RO, jobs and lines are written. */
  visitWritten(visit: VisitDraft, outcome: VisitOutcome, written: WrittenVisit): void {
    for (const job of written.jobs) this.clock(job);
    const finished = outcome.status === 'closed' || outcome.status === 'invoiced';
    if (!finished) return;
    for (const job of written.jobs) this.issueParts(job, written.advisorId);
    this.invoice(visit, outcome, written);
  }

  /** A shift for each technician on duty: in a little before opening, out a little after closing. */
  shifts(day: ShopDay): void {
    const r = this.random;
    for (const technician of this.ctx.techniciansOn(day.opens)) {
      const clockIn = day.opens - r.int(0, 15) * MINUTE;
      if (clockIn > this.ctx.now) continue;
      const clockOut = day.closes + r.int(0, 20) * MINUTE;
      const open = clockOut > this.ctx.now;
      this.ctx.writer.insert('technician_shifts', {
        id: this.ctx.id(clockIn),
        technician_id: technician.id,
        clock_in_at: this.ctx.iso(clockIn),
        clock_out_at: open ? null : this.ctx.iso(clockOut),
        clocked_in_by: null,
        clocked_out_by: null,
        note: '',
        version: open ? 1 : 2,
        created_at: this.ctx.iso(clockIn),
        updated_at: this.ctx.iso(open ? clockIn : clockOut),
      });
    }
  }

  /** What the RO counter is for invoices at the end. */
  get lastInvoiceNumber(): number {
    return this.#invoiceNumber;
  }

  /** Final on-hand quantities: the ledger's sum, as the inventory module keeps it. */
  writeShelves(): void {
    for (const [id, shelf] of this.#shelves)
      this.ctx.writer.run(
        'UPDATE inventory_items SET quantity_on_hand = ?, cost_price = ? WHERE id = ?',
        shelf.onHand,
        shelf.costCents,
        id,
      );
  }

  private clock(job: WrittenJob): void {
    const draft = job.draft;
    if (draft.technicianIndex === null || draft.actualStart === null) return;
    const technician = this.ctx.technicians[draft.technicianIndex];
    if (technician === undefined) return;
    let end = draft.actualEnd;
    if (end === null && draft.status === 'Blocked') end = draft.statusChangedAt;
    if (end === null && this.#running.has(technician.id)) end = this.ctx.now;
    if (end === null) this.#running.add(technician.id);
    const at = this.ctx.iso(draft.actualStart);
    this.ctx.writer.insert('job_clock_entries', {
      id: this.ctx.id(draft.actualStart),
      job_id: job.id,
      technician_id: technician.id,
      started_at: at,
      ended_at: end === null ? null : this.ctx.iso(Math.max(end, draft.actualStart)),
      started_by: null,
      ended_by: null,
      note: '',
      version: end === null ? 1 : 2,
      created_at: at,
      updated_at: end === null ? at : this.ctx.iso(Math.max(end, draft.actualStart)),
    });
  }

  /** Stocked parts on approved lines leave the shelf when the job completes. */
  private issueParts(job: WrittenJob, advisorId: string): void {
    const done = job.draft.actualEnd;
    if (done === null) return;
    for (const line of job.lines) {
      const itemId = line.draft.inventoryItemId;
      if (line.state !== 'approved' || itemId === null) continue;
      const shelf = this.#shelves.get(itemId);
      if (shelf === undefined) continue;
      const quantity = Math.ceil(line.draft.quantityMilli / 1000);
      if (shelf.onHand - quantity < 0) this.restock(itemId, shelf, done - 60 * MINUTE, quantity);
      shelf.onHand -= quantity;
      this.movement(itemId, 'issue', -quantity, shelf, done, {
        job_id: job.id,
        line_item_id: line.id,
        line_cycle: 0,
        unit_cost_cents: shelf.costCents,
        actor_user_id: advisorId,
      });
      if (shelf.onHand <= shelf.reorderLevel) this.restock(itemId, shelf, done + 20 * 60 * MINUTE, 0);
    }
  }

  /** The parts van: enough for the reorder level twice over, at today's cost. */
  private restock(itemId: string, shelf: Shelf, at: number, need: number): void {
    const quantity = Math.max(need, shelf.reorderLevel * 2 + 2 - shelf.onHand);
    shelf.onHand += quantity;
    this.movement(itemId, 'receive', quantity, shelf, Math.min(at, this.ctx.now - MINUTE), {
      reason: 'Vendor delivery',
      unit_cost_cents: shelf.costCents,
    });
  }

  private movement(
    itemId: string,
    kind: 'issue' | 'receive',
    quantity: number,
    shelf: Shelf,
    at: number,
    extra: {
      job_id?: string;
      line_item_id?: string;
      line_cycle?: number;
      unit_cost_cents: number;
      reason?: string;
      actor_user_id?: string;
    },
  ): void {
    const iso = this.ctx.iso(at);
    this.ctx.writer.insert('stock_movements', {
      id: this.ctx.id(at),
      item_id: itemId,
      kind,
      quantity,
      quantity_after: shelf.onHand,
      reason: extra.reason ?? null,
      job_id: extra.job_id ?? null,
      line_item_id: extra.line_item_id ?? null,
      line_cycle: extra.line_cycle ?? null,
      unit_cost_cents: extra.unit_cost_cents,
      override_reason: null,
      actor_user_id: extra.actor_user_id ?? null,
      purchase_order_line_id: null,
      at: iso,
      created_at: iso,
      updated_at: iso,
    });
  }

  private invoice(visit: VisitDraft, outcome: VisitOutcome, written: WrittenVisit): void {
    const approved = written.jobs.flatMap((job) =>
      job.lines.filter((line) => line.state === 'approved').map((line) => ({ job, line })),
    );
    if (approved.length === 0) return; // nothing sold: the car leaves without an invoice
    const r = this.random;
    const discount: Discount | undefined = r.chance(0.04) ? { percentBp: 1_000 } : undefined;
    const totals = computeInvoiceTotals(
      approved.map(({ line }) => ({
        kind: line.draft.kind,
        quantityMilli: line.draft.quantityMilli,
        unitPriceCents: line.draft.unitPriceCents,
        taxable: line.draft.taxable,
      })),
      RATES,
      discount,
    );
    const lastEnd = Math.max(
      visit.openedAt + 30 * MINUTE,
      ...written.jobs.map((j) => j.draft.actualEnd ?? 0),
    );
    const latest = Math.min(outcome.closedAt ?? this.ctx.now, this.ctx.now - MINUTE);
    const issuedAt = Math.max(visit.openedAt + MINUTE, Math.min(lastEnd + r.int(2, 15) * MINUTE, latest));
    const paid = outcome.status === 'closed' && outcome.closedAt !== null;
    const id = this.ctx.id(issuedAt);
    const number = ++this.#invoiceNumber;
    const iso = this.ctx.iso(issuedAt);
    const vehicle = visit.vehicle;
    this.ctx.writer.insert('invoices', {
      id,
      number,
      repair_order_id: written.roId,
      customer_id: visit.customer.id,
      vehicle_id: vehicle.id,
      status: paid ? 'paid' : 'issued',
      subtotal_cents: totals.subtotalCents,
      discount_cents: totals.discountCents,
      shop_supplies_cents: totals.shopSuppliesCents,
      tax_cents: totals.taxCents,
      total_cents: totals.totalCents,
      paid_cents: paid ? totals.totalCents : 0,
      credited_cents: 0,
      totals: JSON.stringify({ subtotals: totals.subtotals, taxes: totals.taxes, rates: RATES }),
      parties: JSON.stringify({
        repairOrderNumber: visit.number,
        customer: { id: visit.customer.id, name: visit.customer.name, kind: visit.customer.kind },
        vehicle: {
          id: vehicle.id,
          year: vehicle.year,
          make: vehicle.make,
          model: vehicle.model,
          vin: vehicle.vin,
          licensePlate: vehicle.plate,
        },
      }),
      discount: discount === undefined ? null : JSON.stringify(discount),
      on_account: 0,
      due_at: iso,
      issued_at: iso,
      issued_by: written.advisorId,
      paid_at: paid ? this.ctx.iso(outcome.closedAt!) : null,
      void_reason: null,
      voided_at: null,
      version: paid ? 2 : 1,
      created_at: iso,
      updated_at: paid ? this.ctx.iso(outcome.closedAt!) : iso,
    });
    approved.forEach(({ job, line }, i) => {
      this.ctx.writer.insert('invoice_lines', {
        id: this.ctx.id(issuedAt + i + 1),
        invoice_id: id,
        line_id: line.id,
        job_id: job.id,
        kind: line.draft.kind,
        description: line.draft.description,
        quantity_milli: line.draft.quantityMilli,
        unit_price_cents: line.draft.unitPriceCents,
        unit_cost_cents: line.draft.unitCostCents,
        taxable: line.draft.taxable ? 1 : 0,
        amount_cents: totals.lines[i]!.amountCents,
        discount_cents: totals.lines[i]!.discountCents,
        sort_order: i,
        created_at: iso,
        updated_at: iso,
      });
    });
    if (paid && totals.totalCents > 0) this.pay(visit, written, id, totals.totalCents, outcome.closedAt!);
  }

  /** Paid at pickup: mostly by card, some cash or check, a few split between cash and card. */
  private pay(visit: VisitDraft, written: WrittenVisit, invoiceId: string, total: number, at: number): void {
    const r = this.random;
    const tender = r.weighted(TENDERS).method;
    if (tender === 'split' && total > 4_000) {
      const cash = Math.min(total - 100, r.int(1, Math.floor(total / 4_000) + 1) * 2_000);
      this.payment(visit, written, invoiceId, 'cash', cash, at);
      this.payment(visit, written, invoiceId, 'card', total - cash, at + 1_000);
      return;
    }
    this.payment(visit, written, invoiceId, tender === 'split' ? 'card' : tender, total, at);
  }

  private payment(
    visit: VisitDraft,
    written: WrittenVisit,
    invoiceId: string,
    method: PaymentMethod,
    amount: number,
    at: number,
  ): void {
    const r = this.random;
    const id = this.ctx.id(at);
    const iso = this.ctx.iso(at);
    this.ctx.writer.insert('payments', {
      id,
      kind: 'payment',
      invoice_id: invoiceId,
      repair_order_id: written.roId,
      customer_id: visit.customer.id,
      method,
      amount_cents: amount,
      card_reference: method === 'card' ? `AUTH${r.int(100_000, 999_999)}` : null,
      check_number: method === 'check' ? String(r.int(1_001, 9_999)) : null,
      refund_of: null,
      reason: null,
      status: 'recorded',
      void_reason: null,
      voided_at: null,
      idempotency_key: `seed-${id}`,
      received_by: written.advisorId,
      received_at: iso,
      created_at: iso,
      updated_at: iso,
    });
  }
}
