import { describe, expect, it } from 'vitest';
import {
  blankTier,
  markupLabel,
  matrixBody,
  previewCost,
  previewText,
  sellSuggestion,
  tierForms,
  tierRange,
} from './pricing';

const tiers = [
  { minCostCents: 5000, markupBasisPoints: 4000 },
  { minCostCents: 0, markupBasisPoints: 10000 },
];

describe('pricing matrix', () => {
  it('describes the costs each tier covers, lowest first', () => {
    expect(tierRange(tiers, 0)).toBe('$0.00 to $49.99');
    expect(tierRange(tiers, 1)).toBe('$50.00 and up');
    expect(markupLabel(4050)).toBe('+40.5 %');
  });

  it('round-trips the editor rows to basis points and cents', () => {
    const rows = tierForms(tiers);
    expect(rows.map((r) => [r.minCost, r.markupPercent])).toEqual([
      ['0.00', '100'],
      ['50.00', '40'],
    ]);
    expect(matrixBody(rows)).toEqual({
      ok: true,
      body: {
        tiers: [
          { minCostCents: 0, markupBasisPoints: 10000 },
          { minCostCents: 5000, markupBasisPoints: 4000 },
        ],
      },
    });
  });

  it('names the rows it cannot read', () => {
    expect(matrixBody([blankTier()])).toMatchObject({
      ok: false,
      errors: [{ path: 'tiers.0.minCostCents' }, { path: 'tiers.0.markupBasisPoints' }],
    });
  });

  it('reads a typed cost for the preview, refusing what is not dollars', () => {
    expect(previewCost('12.34')).toBe(1234);
    expect(previewCost('$1,000')).toBe(100_000);
    expect(previewCost('')).toBeNull();
    expect(previewCost('12.345')).toBeNull();
    expect(previewCost('abc')).toBeNull();
    expect(previewCost('9999999')).toBeNull();
  });

  it("words the server's preview, with or without a tier", () => {
    const covered = {
      costCents: 1234,
      sellPriceCents: 1728,
      tier: { minCostCents: 1000, markupBasisPoints: 4000 },
    };
    expect(previewText(covered)).toBe('$12.34 → $17.28 (tier from $10.00, +40 %)');
    expect(previewText({ costCents: 400, sellPriceCents: null, tier: null })).toBe(
      'No tier covers $4.00: the sell price stays as it is set.',
    );
  });

  it('suggests a sell price only while the sell field is empty and the cost is the one previewed', () => {
    const preview = {
      costCents: 2500,
      sellPriceCents: 3500,
      tier: { minCostCents: 1000, markupBasisPoints: 4000 },
    };
    expect(sellSuggestion({ cost: '25', sell: '' }, preview)).toBe(3500);
    expect(sellSuggestion({ cost: '25', sell: '40' }, preview)).toBeNull();
    expect(sellSuggestion({ cost: '26', sell: '' }, preview)).toBeNull();
    expect(sellSuggestion({ cost: '25', sell: '' }, null)).toBeNull();
    expect(
      sellSuggestion({ cost: '4', sell: '' }, { costCents: 400, sellPriceCents: null, tier: null }),
    ).toBeNull();
  });
});
