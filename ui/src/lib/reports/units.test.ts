import { describe, expect, it } from 'vitest';
import { axisTick, chartValue, formatParts, formatValue } from './units';

describe('formatValue', () => {
  it('formats each unit', () => {
    expect(formatValue(1_234_000, 'cents')).toBe('$12,340.00');
    expect(formatValue(12_528, 'cents_per_hour')).toBe('$125.28/h');
    expect(formatValue(62.5, 'percent')).toBe('62.5 %');
    expect(formatValue(100, 'percent')).toBe('100.0 %');
    expect(formatValue(98.5, 'hours')).toBe('98.5 h');
    expect(formatValue(1.25, 'hours')).toBe('1.25 h');
    expect(formatValue(1234, 'count')).toBe('1,234');
    expect(formatValue(1.5, 'ratio')).toBe('1.5');
  });

  it('shows nothing to divide by as a dash, and zero as zero', () => {
    expect(formatValue(null, 'percent')).toBe('—');
    expect(formatValue(undefined, 'cents')).toBe('—');
    expect(formatValue(Number.NaN, 'hours')).toBe('—');
    expect(formatValue(0, 'cents')).toBe('$0.00');
    expect(formatValue(-250, 'cents')).toBe('-$2.50');
  });
});

describe('formatParts', () => {
  it('writes the numbers of a ratio with their labels', () => {
    const metric = {
      numeratorLabel: 'labor sales',
      numeratorUnit: 'cents' as const,
      denominatorLabel: 'billed hours',
      denominatorUnit: 'hours' as const,
    };
    expect(formatParts(metric, { numerator: 1_234_000, denominator: 98.5 })).toBe(
      '$12,340.00 labor sales ÷ 98.5 billed hours',
    );
    expect(formatParts(metric, { numerator: 0, denominator: 0 })).toBe('$0.00 labor sales ÷ 0 billed hours');
  });

  it('writes a plain amount without a divisor', () => {
    const metric = {
      numeratorLabel: 'repair orders',
      numeratorUnit: 'count' as const,
      denominatorLabel: null,
      denominatorUnit: null,
    };
    expect(formatParts(metric, { numerator: 7, denominator: null })).toBe('7 repair orders');
  });
});

describe('chart values', () => {
  it('plots money in dollars and keeps gaps', () => {
    expect(chartValue(12_345, 'cents')).toBe(123.45);
    expect(chartValue(62.5, 'percent')).toBe(62.5);
    expect(chartValue(null, 'cents')).toBeNull();
    expect(axisTick(1200, 'cents')).toBe('$1,200');
    expect(axisTick(40, 'percent')).toBe('40 %');
    expect(axisTick(3, 'count')).toBe('3');
  });
});
