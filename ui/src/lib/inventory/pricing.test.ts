import { describe, expect, it } from 'vitest';
import { blankTier, markupLabel, matrixBody, tierForms, tierRange } from './pricing';

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
});
