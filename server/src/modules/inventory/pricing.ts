/**
 * Money rules of the inventory module, integer cents only.
 *
 * Rounding: every division rounds half up (x.5 cent → up) on non-negative integers, done in
 * integer arithmetic, so no float ever holds a price.
 */

/** round(numerator / denominator), halves up; both ≥ 0, denominator > 0. */
export function divideHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * Moving-average cost after receiving `receivedQuantity` units at `receivedUnitCents`:
 * (onHand × currentCost + received × receivedCost) / (onHand + received), halves up. Stock below
 * zero (parts issued on an override before they arrived) counts as zero on hand: those units were
 * already sold, so the new cost is the received cost.
 */
export function movingAverageCost(
  onHand: number,
  currentCostCents: number,
  receivedQuantity: number,
  receivedUnitCents: number,
): number {
  if (receivedQuantity <= 0) return currentCostCents;
  const held = Math.max(onHand, 0);
  return divideHalfUp(
    held * currentCostCents + receivedQuantity * receivedUnitCents,
    held + receivedQuantity,
  );
}

export interface PricingTier {
  minCostCents: number;
  markupBasisPoints: number;
}

/**
 * The sell price for a cost under the pricing matrix: the tier with the greatest minimum ≤ cost
 * applies; sell = cost + cost × markup / 10 000, halves up. Null when no tier covers the cost
 * (an empty matrix, or a cost below the lowest tier): the price is then left as it is.
 */
export function sellPriceFromMatrix(costCents: number, tiers: readonly PricingTier[]): number | null {
  const tier = matrixTierFor(costCents, tiers);
  return tier === null ? null : costCents + divideHalfUp(costCents * tier.markupBasisPoints, 10_000);
}

/** The tier that prices a cost: the greatest minimum ≤ cost; null when none covers it. */
export function matrixTierFor(costCents: number, tiers: readonly PricingTier[]): PricingTier | null {
  let best: PricingTier | null = null;
  for (const tier of tiers)
    if (tier.minCostCents <= costCents && (best === null || tier.minCostCents > best.minCostCents))
      best = tier;
  return best;
}
