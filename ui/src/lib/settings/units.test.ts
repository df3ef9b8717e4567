import { describe, expect, it } from 'vitest';
import {
  basisPointsToPercent,
  centsToDollars,
  dollarsToCents,
  formatScaled,
  limitInInputUnit,
  parseScaled,
  parseWholeNumber,
  percentToBasisPoints,
} from './units';

describe('dollars ⇄ cents', () => {
  it('reads what people type', () => {
    expect(dollarsToCents('139.50')).toEqual({ ok: true, value: 13950 });
    expect(dollarsToCents('139.5')).toEqual({ ok: true, value: 13950 });
    expect(dollarsToCents('140')).toEqual({ ok: true, value: 14000 });
    expect(dollarsToCents(' $1,234.56 ')).toEqual({ ok: true, value: 123456 });
    expect(dollarsToCents('.75')).toEqual({ ok: true, value: 75 });
    expect(dollarsToCents('12.')).toEqual({ ok: true, value: 1200 });
    expect(dollarsToCents('0')).toEqual({ ok: true, value: 0 });
  });

  it('never goes through floating point: 0.29 is 29 cents, 1.10 is 110', () => {
    expect(dollarsToCents('0.29')).toEqual({ ok: true, value: 29 });
    expect(dollarsToCents('1.10')).toEqual({ ok: true, value: 110 });
    expect(dollarsToCents('4.35')).toEqual({ ok: true, value: 435 });
  });

  it('refuses what is not an amount rather than guessing', () => {
    for (const text of ['', ' ', '.', '-5', 'abc', '1.234', '1.2.3', '12a', '$', '1e3']) {
      expect(dollarsToCents(text).ok, text).toBe(false);
    }
  });

  it('formats cents back for the input', () => {
    expect(centsToDollars(14000)).toBe('140.00');
    expect(centsToDollars(13950)).toBe('139.50');
    expect(centsToDollars(5)).toBe('0.05');
    expect(centsToDollars(0)).toBe('0.00');
  });

  it('round-trips every cent value', () => {
    for (let cents = 0; cents < 2000; cents += 7) {
      expect(dollarsToCents(centsToDollars(cents))).toEqual({ ok: true, value: cents });
    }
  });
});

describe('percent ⇄ basis points', () => {
  it('reads percents as hundredths of a percent', () => {
    expect(percentToBasisPoints('8.25')).toEqual({ ok: true, value: 825 });
    expect(percentToBasisPoints('7')).toEqual({ ok: true, value: 700 });
    expect(percentToBasisPoints('7%')).toEqual({ ok: true, value: 700 });
    expect(percentToBasisPoints('0.5')).toEqual({ ok: true, value: 50 });
    expect(percentToBasisPoints('100')).toEqual({ ok: true, value: 10000 });
  });

  it('refuses a third decimal: basis points cannot hold it', () => {
    expect(percentToBasisPoints('8.125')).toMatchObject({ ok: false });
    expect(percentToBasisPoints('eight')).toMatchObject({ ok: false });
  });

  it('shows the shortest percent', () => {
    expect(basisPointsToPercent(825)).toBe('8.25');
    expect(basisPointsToPercent(850)).toBe('8.5');
    expect(basisPointsToPercent(700)).toBe('7');
    expect(basisPointsToPercent(0)).toBe('0');
    expect(basisPointsToPercent(5)).toBe('0.05');
  });

  it('round-trips every basis point value', () => {
    for (let bp = 0; bp <= 10000; bp += 13) {
      expect(percentToBasisPoints(basisPointsToPercent(bp))).toEqual({ ok: true, value: bp });
    }
  });
});

describe('scaled numbers', () => {
  it('refuses numbers too large to be exact', () => {
    expect(parseScaled('99999999999999999', 2)).toBeNull();
  });
  it('formats negatives (a refund) with the sign in front', () => {
    expect(formatScaled(-150, 2)).toBe('-1.50');
  });
  it('reads whole numbers only', () => {
    expect(parseWholeNumber('1,001')).toEqual({ ok: true, value: 1001 });
    expect(parseWholeNumber('10.5').ok).toBe(false);
    expect(parseWholeNumber('').ok).toBe(false);
  });
});

describe('server limits in the input unit', () => {
  it('says basis point limits as percents', () => {
    expect(limitInInputUnit('must be at most 10000', 'basisPoints')).toBe('must be at most 100 %');
    expect(limitInInputUnit('must be at least 25', 'basisPoints')).toBe('must be at least 0.25 %');
  });
  it('says cent limits as dollars', () => {
    expect(limitInInputUnit('must be at most 100000000', 'cents')).toBe('must be at most $1000000.00');
  });
  it('leaves other messages alone', () => {
    expect(limitInInputUnit('must be a whole number', 'cents')).toBe('must be a whole number');
  });
});
