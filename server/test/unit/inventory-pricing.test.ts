import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideHalfUp, movingAverageCost, sellPriceFromMatrix } from '../../src/modules/inventory/pricing.js';

describe('inventory money rules', () => {
  it('divides with halves rounded up, in integers', () => {
    expect(divideHalfUp(5, 2)).toBe(3);
    expect(divideHalfUp(7, 3)).toBe(2);
    expect(divideHalfUp(0, 9)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const q = divideHalfUp(n, d);
        expect(Number.isInteger(q)).toBe(true);
        expect(Math.abs(q * d - n) * 2).toBeLessThanOrEqual(d);
      }),
    );
  });

  it('moving average: weighted by quantity, negative stock counts as none', () => {
    expect(movingAverageCost(10, 1000, 10, 1200)).toBe(1100);
    expect(movingAverageCost(2, 1000, 1, 1001)).toBe(1000); // 3001/3 = 1000.33
    expect(movingAverageCost(1, 1000, 1, 1001)).toBe(1001); // 1000.5 rounds up
    expect(movingAverageCost(0, 999, 5, 1234)).toBe(1234);
    expect(movingAverageCost(-4, 999, 5, 1234)).toBe(1234);
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 10_000 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 1e6 }),
        (onHand, cost, qty, unit) => {
          const avg = movingAverageCost(onHand, cost, qty, unit);
          expect(Number.isInteger(avg)).toBe(true);
          if (onHand <= 0) expect(avg).toBe(unit);
          expect(avg).toBeGreaterThanOrEqual(Math.min(onHand > 0 ? cost : unit, unit));
          expect(avg).toBeLessThanOrEqual(Math.max(onHand > 0 ? cost : unit, unit));
        },
      ),
    );
  });

  it('prices from the tier whose minimum is the greatest at or below the cost', () => {
    const tiers = [
      { minCostCents: 0, markupBasisPoints: 10_000 },
      { minCostCents: 1000, markupBasisPoints: 5000 },
      { minCostCents: 10_000, markupBasisPoints: 2500 },
    ];
    expect(sellPriceFromMatrix(500, tiers)).toBe(1000);
    expect(sellPriceFromMatrix(999, tiers)).toBe(1998);
    expect(sellPriceFromMatrix(1000, tiers)).toBe(1500);
    expect(sellPriceFromMatrix(1001, tiers)).toBe(1502); // 500.5 rounds up
    expect(sellPriceFromMatrix(20_000, tiers)).toBe(25_000);
    expect(sellPriceFromMatrix(500, [])).toBeNull();
    expect(sellPriceFromMatrix(500, [{ minCostCents: 1000, markupBasisPoints: 100 }])).toBeNull();
  });
});
