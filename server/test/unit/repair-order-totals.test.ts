import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApprovalState, LineKind } from '../../src/db/tables/repair-orders.js';
import {
  computeTotals,
  LINE_KINDS,
  lineAmountCents,
  mulDivRoundHalfUp,
  repairOrderTotals,
  roundHalfUpDiv,
  type Totals,
  type TotalsLine,
  type TotalsRates,
} from '../../src/modules/repair-orders/totals.js';
import { quantityToMilli } from '../../src/modules/repair-orders/quantity.js';

/** The reference: exact rational arithmetic in BigInt, half up. */
function refRound(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

const line = fc.record<TotalsLine>({
  kind: fc.constantFrom<LineKind>(...LINE_KINDS),
  quantityMilli: fc.integer({ min: 1, max: 100_000_000 }),
  unitPriceCents: fc.integer({ min: 0, max: 10_000_000 }),
  taxable: fc.boolean(),
  approvalState: fc.constantFrom<ApprovalState>('recommended', 'approved', 'declined', 'deferred'),
});
const bp = fc.integer({ min: 0, max: 10_000 });
const rates = fc.record<TotalsRates>({
  taxRatesBp: fc.record({ labor: bp, part: bp, fee: bp, sublet: bp }),
  shopSupplies: fc.record({
    percentBp: bp,
    capCents: fc.integer({ min: 0, max: 100_000_000 }),
    taxable: fc.boolean(),
  }),
});
const lines = fc.array(line, { maxLength: 40 });

function allNumbers(totals: Totals): number[] {
  return [
    ...Object.values(totals.subtotals),
    ...Object.values(totals.taxes),
    totals.subtotalCents,
    totals.shopSuppliesCents,
    totals.taxCents,
    totals.totalCents,
  ];
}

describe('rounding', () => {
  it('roundHalfUpDiv agrees with exact arithmetic for every safe integer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (n, d) => {
          expect(roundHalfUpDiv(n, d)).toBe(Number(refRound(BigInt(n), BigInt(d))));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('mulDivRoundHalfUp stays exact when the product passes 2^53', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(1000, 10_000),
        (a, b, d) => {
          const exact = refRound(BigInt(a) * BigInt(b), BigInt(d));
          if (exact > BigInt(Number.MAX_SAFE_INTEGER))
            expect(() => mulDivRoundHalfUp(a, b, d)).toThrow(RangeError);
          else expect(mulDivRoundHalfUp(a, b, d)).toBe(Number(exact));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('rounds halves up and everything else to the nearest cent', () => {
    expect(lineAmountCents(500, 1)).toBe(1); // 0.5 ¢ → 1 ¢
    expect(lineAmountCents(1500, 333)).toBe(500); // 499.5 → 500
    expect(lineAmountCents(1250, 14_000)).toBe(17_500);
    expect(lineAmountCents(1, 499)).toBe(0); // 0.499 ¢
    expect(roundHalfUpDiv(14_999, 10_000)).toBe(1);
    expect(roundHalfUpDiv(4_999, 10_000)).toBe(0);
  });

  it('takes exactly three decimals of quantity, no more', () => {
    expect(quantityToMilli(1.005)).toBe(1005);
    expect(quantityToMilli(0.001)).toBe(1);
    expect(quantityToMilli(2.675)).toBe(2675);
    expect(quantityToMilli(1.0005)).toBeNull();
    expect(quantityToMilli(0.0004)).toBeNull();
    expect(quantityToMilli(0)).toBeNull();
    expect(quantityToMilli(-1)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), (milli) => {
        expect(quantityToMilli(milli / 1000)).toBe(milli);
      }),
    );
  });
});

describe('totals', () => {
  it('are whole, non-negative cents and add up: subtotal + fee + tax, each part the sum of its lines', () => {
    fc.assert(
      fc.property(lines, rates, (someLines, someRates) => {
        const totals = computeTotals(someLines, someRates);
        for (const n of allNumbers(totals)) {
          expect(Number.isSafeInteger(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(0);
        }
        for (const kind of LINE_KINDS) {
          const ofKind = someLines.filter((l) => l.kind === kind);
          expect(totals.subtotals[kind]).toBe(
            ofKind.reduce((sum, l) => sum + lineAmountCents(l.quantityMilli, l.unitPriceCents), 0),
          );
        }
        expect(totals.subtotalCents).toBe(
          someLines.reduce((sum, l) => sum + lineAmountCents(l.quantityMilli, l.unitPriceCents), 0),
        );
        expect(totals.taxCents).toBe(LINE_KINDS.reduce((sum, kind) => sum + totals.taxes[kind], 0));
        expect(totals.totalCents).toBe(totals.subtotalCents + totals.shopSuppliesCents + totals.taxCents);
      }),
      { numRuns: 1000 },
    );
  });

  it('round each line, the supplies fee and each kind’s tax half up, exactly like the reference', () => {
    fc.assert(
      fc.property(lines, rates, (someLines, someRates) => {
        const totals = computeTotals(someLines, someRates);
        const base: Record<LineKind, bigint> = { labor: 0n, part: 0n, fee: 0n, sublet: 0n };
        let labor = 0n;
        for (const l of someLines) {
          const amount = refRound(BigInt(l.quantityMilli) * BigInt(l.unitPriceCents), 1000n);
          if (l.kind === 'labor') labor += amount;
          if (l.taxable) base[l.kind] += amount;
        }
        const supplies = refRound(labor * BigInt(someRates.shopSupplies.percentBp), 10_000n);
        const fee =
          supplies < BigInt(someRates.shopSupplies.capCents)
            ? supplies
            : BigInt(someRates.shopSupplies.capCents);
        expect(totals.shopSuppliesCents).toBe(Number(fee));
        if (someRates.shopSupplies.taxable) base.fee += fee;
        for (const kind of LINE_KINDS) {
          expect(totals.taxes[kind]).toBe(
            Number(refRound(base[kind] * BigInt(someRates.taxRatesBp[kind]), 10_000n)),
          );
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('do not depend on the order of the lines', () => {
    fc.assert(
      fc.property(lines, rates, fc.func(fc.integer()), (someLines, someRates, key) => {
        const shuffled = [...someLines].sort((a, b) => key(a) - key(b));
        expect(computeTotals(shuffled, someRates)).toEqual(computeTotals(someLines, someRates));
      }),
    );
  });

  it('count approved lines for approved, recommended + approved for the estimate, never declined or deferred', () => {
    fc.assert(
      fc.property(lines, rates, (someLines, someRates) => {
        const { approved, estimate } = repairOrderTotals(someLines, someRates);
        const counted = (states: ApprovalState[]) =>
          computeTotals(
            someLines.filter((l) => states.includes(l.approvalState)),
            someRates,
          );
        expect(approved).toEqual(counted(['approved']));
        expect(estimate).toEqual(counted(['recommended', 'approved']));
        expect(estimate.subtotalCents).toBeGreaterThanOrEqual(approved.subtotalCents);
        const withoutDeclined = repairOrderTotals(
          someLines.filter((l) => l.approvalState !== 'declined' && l.approvalState !== 'deferred'),
          someRates,
        );
        expect(withoutDeclined).toEqual({ approved, estimate });
      }),
    );
  });

  it('cap the shop-supplies fee and compute a worked example', () => {
    const shop: TotalsRates = {
      taxRatesBp: { labor: 0, part: 825, fee: 0, sublet: 0 },
      shopSupplies: { percentBp: 1_000, capCents: 2_500, taxable: true },
    };
    const totals = computeTotals(
      [
        {
          kind: 'labor',
          quantityMilli: 2_500,
          unitPriceCents: 12_000,
          taxable: true,
          approvalState: 'approved',
        },
        {
          kind: 'part',
          quantityMilli: 3_000,
          unitPriceCents: 1_999,
          taxable: true,
          approvalState: 'approved',
        },
        {
          kind: 'part',
          quantityMilli: 1_000,
          unitPriceCents: 5_000,
          taxable: false,
          approvalState: 'approved',
        },
      ],
      { ...shop, taxRatesBp: { ...shop.taxRatesBp, fee: 500 } },
    );
    // labour 300.00 → supplies 10 % = 30.00, capped at 25.00; parts tax 8.25 % of 59.97 = 4.947… → 4.95;
    // supplies taxed at the fee rate 5 % = 1.25.
    expect(totals).toEqual({
      subtotals: { labor: 30_000, part: 10_997, fee: 0, sublet: 0 },
      subtotalCents: 40_997,
      shopSuppliesCents: 2_500,
      taxes: { labor: 0, part: 495, fee: 125, sublet: 0 },
      taxCents: 620,
      totalCents: 44_117,
    });
  });

  it('refuses fractional or negative inputs instead of producing fractional cents', () => {
    expect(() => lineAmountCents(1.5, 100)).toThrow(RangeError);
    expect(() => lineAmountCents(1000, -1)).toThrow(RangeError);
  });
});
