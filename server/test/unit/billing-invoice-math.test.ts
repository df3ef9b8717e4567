import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, computeInvoiceTotals, type Discount } from '../../src/modules/billing/invoice-math.js';
import { LINE_KINDS, lineAmountCents, roundHalfUpDiv } from '../../src/modules/repair-orders/totals.js';
import { canonicalJson, requestHash } from '../../src/modules/billing/idempotency.js';

const kind = fc.constantFrom(...LINE_KINDS);
const percent = fc.integer({ min: 0, max: 10_000 }).map((percentBp): Discount => ({ percentBp }));
const line = fc.record({
  kind,
  quantityMilli: fc.integer({ min: 1, max: 50_000 }),
  unitPriceCents: fc.integer({ min: 0, max: 500_000 }),
  taxable: fc.boolean(),
  discount: fc.option(percent, { nil: undefined }),
});
const rates = fc.record({
  taxRatesBp: fc.record({
    labor: fc.integer({ min: 0, max: 2_000 }),
    part: fc.integer({ min: 0, max: 2_000 }),
    fee: fc.integer({ min: 0, max: 2_000 }),
    sublet: fc.integer({ min: 0, max: 2_000 }),
  }),
  shopSupplies: fc.record({
    percentBp: fc.integer({ min: 0, max: 2_000 }),
    capCents: fc.integer({ min: 0, max: 10_000 }),
    taxable: fc.boolean(),
  }),
});

describe('invoice totals (property)', () => {
  it('total = lines + tax + fees − discounts, in integer cents, with each part recomputable', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 12 }),
        rates,
        fc.option(
          fc.oneof(
            percent,
            fc.integer({ min: 0, max: 1_000_000 }).map((amountCents): Discount => ({ amountCents })),
          ),
          {
            nil: undefined,
          },
        ),
        (lines, r, invoiceDiscount) => {
          const linesSum = lines.reduce((s, l) => s + lineAmountCents(l.quantityMilli, l.unitPriceCents), 0);
          const lineDiscounts = lines.map((l) =>
            l.discount && 'percentBp' in l.discount
              ? roundHalfUpDiv(
                  lineAmountCents(l.quantityMilli, l.unitPriceCents) * l.discount.percentBp,
                  10_000,
                )
              : 0,
          );
          const net = linesSum - lineDiscounts.reduce((a, b) => a + b, 0);
          if (invoiceDiscount && 'amountCents' in invoiceDiscount && invoiceDiscount.amountCents > net) {
            expect(() => computeInvoiceTotals(lines, r, invoiceDiscount)).toThrow(RangeError);
            return;
          }
          const totals = computeInvoiceTotals(lines, r, invoiceDiscount);
          const values = [
            totals.subtotalCents,
            totals.discountCents,
            totals.shopSuppliesCents,
            totals.taxCents,
            totals.totalCents,
            ...totals.lines.flatMap((l) => [l.amountCents, l.discountCents]),
          ];
          for (const v of values) expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
          expect(totals.subtotalCents).toBe(linesSum);
          expect(totals.totalCents).toBe(
            totals.subtotalCents + totals.taxCents + totals.shopSuppliesCents - totals.discountCents,
          );
          // Every discount cent sits on one line, never more than the line.
          expect(totals.lines.reduce((s, l) => s + l.discountCents, 0)).toBe(totals.discountCents);
          totals.lines.forEach((l) => expect(l.discountCents).toBeLessThanOrEqual(l.amountCents));
          // Tax per kind is the rounded rate of that kind's taxable, discounted amount.
          const base = { labor: 0, part: 0, fee: 0, sublet: 0 };
          const netByKind = { labor: 0, part: 0, fee: 0, sublet: 0 };
          lines.forEach((l, i) => {
            const n = totals.lines[i]!.amountCents - totals.lines[i]!.discountCents;
            netByKind[l.kind] += n;
            if (l.taxable) base[l.kind] += n;
          });
          expect(totals.shopSuppliesCents).toBe(
            Math.min(
              r.shopSupplies.capCents,
              roundHalfUpDiv(netByKind.labor * r.shopSupplies.percentBp, 10_000),
            ),
          );
          if (r.shopSupplies.taxable) base.fee += totals.shopSuppliesCents;
          for (const k of LINE_KINDS)
            expect(totals.taxes[k]).toBe(roundHalfUpDiv(base[k] * r.taxRatesBp[k], 10_000));
          expect(totals.taxCents).toBe(LINE_KINDS.reduce((s, k) => s + totals.taxes[k], 0));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('allocates exactly, in proportion, within one cent of the exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 10 }),
        fc.nat(),
        (weights, seed) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          const total = sum === 0 ? 0 : seed % (sum + 1);
          const shares = allocate(total, weights);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          shares.forEach((s, i) => {
            expect(Number.isInteger(s)).toBe(true);
            if (sum > 0) expect(Math.abs(s - (total * weights[i]!) / sum)).toBeLessThan(1);
          });
        },
      ),
    );
  });

  it('a worked example: 10 % off labor, $10 off the invoice', () => {
    const totals = computeInvoiceTotals(
      [
        {
          kind: 'labor',
          quantityMilli: 1_500,
          unitPriceCents: 12_000,
          taxable: false,
          discount: { percentBp: 1_000 },
        },
        { kind: 'part', quantityMilli: 2_000, unitPriceCents: 4_550, taxable: true },
      ],
      {
        taxRatesBp: { labor: 0, part: 700, fee: 0, sublet: 0 },
        shopSupplies: { percentBp: 500, capCents: 3_500, taxable: false },
      },
      { amountCents: 1_000 },
    );
    expect(totals).toMatchObject({
      subtotalCents: 27_100,
      discountCents: 2_800,
      shopSuppliesCents: 778,
      taxCents: 612,
      totalCents: 25_690,
    });
  });
});

describe('idempotency request hash', () => {
  it('ignores key order and the key itself, but not the amount', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    const a = requestHash('pay', 'x', { method: 'cash', amountCents: 5, idempotencyKey: 'k1' });
    expect(requestHash('pay', 'x', { amountCents: 5, method: 'cash' })).toBe(a);
    expect(requestHash('pay', 'x', { amountCents: 6, method: 'cash' })).not.toBe(a);
    expect(requestHash('refund', 'x', { amountCents: 5, method: 'cash' })).not.toBe(a);
  });
});
