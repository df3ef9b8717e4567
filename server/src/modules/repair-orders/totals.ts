import type { ApprovalState, LineKind } from '../../db/tables/repair-orders.js';

/**
 * Repair-order money, as a pure function of the lines and the shop's rates. Everything is integer
 * cents; every division rounds half up at one defined place (each line, each kind's tax, the
 * shop-supplies fee), so a total always equals the sum of the parts the customer sees.
 */
export const LINE_KINDS: readonly LineKind[] = ['labor', 'part', 'fee', 'sublet'];

export type KindAmounts = Record<LineKind, number>;

export interface TotalsLine {
  kind: LineKind;
  /** Hours or units × 1000. */
  quantityMilli: number;
  unitPriceCents: number;
  taxable: boolean;
  approvalState: ApprovalState;
}

export interface TotalsRates {
  /** Basis points per kind: 825 = 8.25 %. */
  taxRatesBp: KindAmounts;
  shopSupplies: { percentBp: number; capCents: number; taxable: boolean };
}

export interface Totals {
  subtotals: KindAmounts;
  subtotalCents: number;
  shopSuppliesCents: number;
  /** Tax per kind; the shop-supplies fee, when taxable, is taxed with the fee kind. */
  taxes: KindAmounts;
  taxCents: number;
  totalCents: number;
}

export interface RepairOrderTotals {
  /** What the customer has authorised: approved lines only. What billing will invoice. */
  approved: Totals;
  /** What the estimate shows: recommended and approved lines (declined and deferred left out). */
  estimate: Totals;
}

function assertCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number ≥ 0`);
}

/** round-half-up(numerator / denominator) for whole numbers ≥ 0, exact for any safe integer. */
export function roundHalfUpDiv(numerator: number, denominator: number): number {
  assertCount(numerator, 'numerator');
  if (!Number.isSafeInteger(denominator) || denominator <= 0) throw new RangeError('denominator must be > 0');
  let quotient = Math.floor(numerator / denominator);
  let remainder = numerator - quotient * denominator;
  // The float quotient can land one off when it sits next to a whole number; the remainder says so.
  if (remainder < 0) {
    quotient -= 1;
    remainder += denominator;
  } else if (remainder >= denominator) {
    quotient += 1;
    remainder -= denominator;
  }
  return remainder * 2 >= denominator ? quotient + 1 : quotient;
}

/** round-half-up(a × b / denominator), exact even when a × b is beyond 2^53. */
export function mulDivRoundHalfUp(a: number, b: number, denominator: number): number {
  assertCount(a, 'a');
  assertCount(b, 'b');
  const product = a * b;
  if (Number.isSafeInteger(product)) return roundHalfUpDiv(product, denominator);
  const big = (2n * BigInt(a) * BigInt(b) + BigInt(denominator)) / (2n * BigInt(denominator));
  const result = Number(big);
  if (!Number.isSafeInteger(result)) throw new RangeError('amount is too large');
  return result;
}

/** One line's amount: quantity × unit price, rounded half up to the cent. */
export function lineAmountCents(quantityMilli: number, unitPriceCents: number): number {
  return mulDivRoundHalfUp(quantityMilli, unitPriceCents, 1000);
}

/** Every kind at zero: where sums by kind start. */
export function zeroByKind(): KindAmounts {
  return { labor: 0, part: 0, fee: 0, sublet: 0 };
}

function sumOf(amounts: KindAmounts): number {
  return LINE_KINDS.reduce((sum, kind) => sum + amounts[kind], 0);
}

/**
 * Shop supplies (a percent of the labor amount, capped) and the tax of each kind on its taxable
 * base; taxable shop supplies are taxed as a fee. Estimates and invoices both add up this way.
 */
export function suppliesAndTaxes(
  laborCents: number,
  taxableBase: Readonly<KindAmounts>,
  rates: TotalsRates,
): { shopSuppliesCents: number; taxes: KindAmounts } {
  const { percentBp, capCents, taxable } = rates.shopSupplies;
  const shopSuppliesCents = Math.min(capCents, mulDivRoundHalfUp(laborCents, percentBp, 10_000));
  const base = { ...taxableBase, fee: taxableBase.fee + (taxable ? shopSuppliesCents : 0) };
  const taxes = zeroByKind();
  for (const kind of LINE_KINDS) taxes[kind] = mulDivRoundHalfUp(base[kind], rates.taxRatesBp[kind], 10_000);
  return { shopSuppliesCents, taxes };
}

/** Totals of exactly these lines (the caller picks which approval states count). */
export function computeTotals(lines: readonly TotalsLine[], rates: TotalsRates): Totals {
  const subtotals = zeroByKind();
  const taxableBase = zeroByKind();
  for (const line of lines) {
    const amount = lineAmountCents(line.quantityMilli, line.unitPriceCents);
    subtotals[line.kind] += amount;
    if (line.taxable) taxableBase[line.kind] += amount;
  }
  const { shopSuppliesCents, taxes } = suppliesAndTaxes(subtotals.labor, taxableBase, rates);
  const subtotalCents = sumOf(subtotals);
  const taxCents = sumOf(taxes);
  return {
    subtotals,
    subtotalCents,
    shopSuppliesCents,
    taxes,
    taxCents,
    totalCents: subtotalCents + shopSuppliesCents + taxCents,
  };
}

export function isInEstimate(state: ApprovalState): boolean {
  return state === 'recommended' || state === 'approved';
}

export function repairOrderTotals(lines: readonly TotalsLine[], rates: TotalsRates): RepairOrderTotals {
  return {
    approved: computeTotals(
      lines.filter((line) => line.approvalState === 'approved'),
      rates,
    ),
    estimate: computeTotals(
      lines.filter((line) => isInEstimate(line.approvalState)),
      rates,
    ),
  };
}
