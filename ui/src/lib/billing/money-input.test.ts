import { describe, expect, it } from 'vitest';
import { centsToInput, parseCents, parseDays, parsePercentBp } from './money-input';

describe('parseCents', () => {
  it('reads dollars and cents as integer cents', () => {
    expect(parseCents('86.37')).toEqual({ ok: true, value: 8637 });
    expect(parseCents(' $1,200 ')).toEqual({ ok: true, value: 120_000 });
    expect(parseCents('100.5')).toEqual({ ok: true, value: 10_050 });
    expect(parseCents('.07')).toEqual({ ok: true, value: 7 });
    expect(parseCents('0')).toEqual({ ok: true, value: 0 });
  });

  it('refuses fractions of a cent, negatives, words and empty input', () => {
    expect(parseCents('1.234').ok).toBe(false);
    expect(parseCents('-5')).toEqual({ ok: false, message: 'Must not be negative' });
    expect(parseCents('ten').ok).toBe(false);
    expect(parseCents('   ')).toEqual({ ok: false, message: 'Enter an amount' });
    expect(parseCents('1e3').ok).toBe(false);
    expect(parseCents('2000000').ok).toBe(false);
  });

  it('round-trips with centsToInput', () => {
    for (const cents of [0, 5, 99, 100, 8637, 123_456_7]) {
      expect(parseCents(centsToInput(cents))).toEqual({ ok: true, value: cents });
    }
    expect(centsToInput(5)).toBe('0.05');
  });
});

describe('parsePercentBp', () => {
  it('reads percentages as basis points', () => {
    expect(parsePercentBp('10')).toEqual({ ok: true, value: 1000 });
    expect(parsePercentBp('12.5 %')).toEqual({ ok: true, value: 1250 });
    expect(parsePercentBp('100')).toEqual({ ok: true, value: 10_000 });
  });
  it('refuses more than 100 % and nonsense', () => {
    expect(parsePercentBp('100.01').ok).toBe(false);
    expect(parsePercentBp('abc').ok).toBe(false);
    expect(parsePercentBp('').ok).toBe(false);
  });
});

describe('parseDays', () => {
  it('reads whole days up to a maximum', () => {
    expect(parseDays('30', 180)).toEqual({ ok: true, value: 30 });
    expect(parseDays('181', 180).ok).toBe(false);
    expect(parseDays('1.5', 180).ok).toBe(false);
  });
});
