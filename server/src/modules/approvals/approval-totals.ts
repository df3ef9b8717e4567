import { computeInvoiceTotals } from '../billing/invoice-math.js';
import type { TotalsRates } from '../repair-orders/totals.js';
import { quantityToMilli } from '../repair-orders/quantity.js';
import type { RepairOrder } from '../repair-orders/repair-orders.schemas.js';
import type { Charge } from './approvals.schemas.js';

type RoLine = RepairOrder['jobs'][number]['lines'][number];

/**
 * What the invoice will charge for these lines, with shop supplies and tax: the invoice's own
 * function (billing/invoice-math.ts), never a copy, so the customer's "$633.04 with tax" is the
 * invoice's total to the cent. No discount: a discount is only given when invoicing.
 */
export function chargeOf(lines: readonly RoLine[], rates: TotalsRates): Charge {
  const totals = computeInvoiceTotals(
    lines.map((line) => ({
      kind: line.kind,
      // Quantities are stored in thousandths, so this always converts; 0 only guards the type.
      quantityMilli: quantityToMilli(line.quantity) ?? 0,
      unitPriceCents: line.unitPriceCents,
      taxable: line.taxable,
    })),
    rates,
  );
  return {
    subtotalCents: totals.subtotalCents,
    shopSuppliesCents: totals.shopSuppliesCents,
    taxCents: totals.taxCents,
    totalCents: totals.totalCents,
  };
}

/** The lines already approved on the repair order: what an invoice made now would charge for. */
export function approvedLines(ro: RepairOrder): RoLine[] {
  return ro.jobs.flatMap((job) => job.lines.filter((line) => line.approvalState === 'approved'));
}

/** Approved lines plus the lines still decidable on the link: the invoice if the customer says yes to all. */
export function linesIfAllApproved(ro: RepairOrder, decidableLineIds: ReadonlySet<string>): RoLine[] {
  return ro.jobs.flatMap((job) =>
    job.lines.filter((line) => line.approvalState === 'approved' || decidableLineIds.has(line.id)),
  );
}
