import type { LineKind } from '../../db/tables/repair-orders.js';
import {
  LINE_KINDS,
  lineAmountCents,
  mulDivRoundHalfUp,
  suppliesAndTaxes,
  zeroByKind,
  type KindAmounts,
  type TotalsRates,
} from '../repair-orders/totals.js';

/**
 * Invoice money, pure and in integer cents only. The rounding, in order:
 * 1. each line: round-half-up(quantity × unit price) (the repair order's own rule, totals.ts);
 * 2. a line discount: a percentage rounds half up per line, an amount is taken as is;
 * 3. an invoice discount (percentage of the discounted lines, rounded half up, or an amount) is
 *    spread over the lines in proportion to their discounted amounts by largest remainder, so
 *    every cent of it sits on exactly one line and tax is computed on what is really charged;
 * 4. shop supplies: round-half-up(discounted labor × percent), capped;
 * 5. tax per kind: round-half-up(taxable discounted amount of that kind × rate); a taxable
 *    shop-supplies fee is taxed with the fee kind.
 * total = Σ line amounts − Σ discounts + shop supplies + Σ taxes, exactly.
 */
export type Discount = { percentBp: number } | { amountCents: number };

export interface InvoiceMathLine {
  kind: LineKind;
  quantityMilli: number;
  unitPriceCents: number;
  taxable: boolean;
  discount?: Discount | undefined;
}

export interface InvoiceTotals {
  lines: { amountCents: number; discountCents: number }[];
  subtotals: KindAmounts;
  subtotalCents: number;
  discountCents: number;
  shopSuppliesCents: number;
  taxes: KindAmounts;
  taxCents: number;
  totalCents: number;
}

function discountOf(base: number, discount: Discount | undefined): number {
  if (discount === undefined) return 0;
  if ('percentBp' in discount) return mulDivRoundHalfUp(base, discount.percentBp, 10_000);
  return discount.amountCents;
}

/** Splits `total` over `weights` in proportion, by largest remainder (ties: earlier first). */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total === 0 || sum === 0) return weights.map(() => 0);
  const big = weights.map((w) => BigInt(total) * BigInt(w));
  const shares = big.map((b) => Number(b / BigInt(sum)));
  const remainders = big.map((b, i) => ({ i, r: b % BigInt(sum) }));
  let left = total - shares.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}

/**
 * Totals of an invoice. Discounts must already be checked (percent ≤ 100 %, an amount ≤ what it
 * discounts): a discount bigger than its base throws a RangeError.
 */
export function computeInvoiceTotals(
  lines: readonly InvoiceMathLine[],
  rates: TotalsRates,
  invoiceDiscount?: Discount,
): InvoiceTotals {
  const amounts = lines.map((line) => lineAmountCents(line.quantityMilli, line.unitPriceCents));
  const lineDiscounts = lines.map((line, i) => discountOf(amounts[i]!, line.discount));
  lineDiscounts.forEach((d, i) => {
    if (d > amounts[i]!) throw new RangeError(`lines.${i}.discount exceeds the line`);
  });
  const nets = amounts.map((a, i) => a - lineDiscounts[i]!);
  const netSum = nets.reduce((a, b) => a + b, 0);
  const invoiceDiscountCents = discountOf(netSum, invoiceDiscount);
  if (invoiceDiscountCents > netSum) throw new RangeError('discount exceeds the invoice');
  const spread = allocate(invoiceDiscountCents, nets);
  const discounts = lineDiscounts.map((d, i) => d + spread[i]!);

  const subtotals = zeroByKind();
  const netByKind = zeroByKind();
  const taxableBase = zeroByKind();
  lines.forEach((line, i) => {
    const net = amounts[i]! - discounts[i]!;
    subtotals[line.kind] += amounts[i]!;
    netByKind[line.kind] += net;
    if (line.taxable) taxableBase[line.kind] += net;
  });
  const { shopSuppliesCents, taxes } = suppliesAndTaxes(netByKind.labor, taxableBase, rates);
  const subtotalCents = amounts.reduce((a, b) => a + b, 0);
  const discountCents = discounts.reduce((a, b) => a + b, 0);
  const taxCents = LINE_KINDS.reduce((sum, kind) => sum + taxes[kind], 0);
  return {
    lines: amounts.map((amountCents, i) => ({ amountCents, discountCents: discounts[i]! })),
    subtotals,
    subtotalCents,
    discountCents,
    shopSuppliesCents,
    taxes,
    taxCents,
    totalCents: subtotalCents - discountCents + shopSuppliesCents + taxCents,
  };
}
