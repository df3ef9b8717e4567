import { describe, expect, it } from 'vitest';
import {
  centsToInput,
  concernsFromText,
  concernsToText,
  isoToLocalInput,
  localInputToIso,
  looksLikeEmail,
  looksLikePhone,
  looksLikeVin,
  parseDollars,
  parseQuantity,
  parseReading,
} from './form-values';

describe('parseDollars', () => {
  it('turns typed amounts into exact cents', () => {
    expect(parseDollars('45.50')).toBe(4550);
    expect(parseDollars('45.5')).toBe(4550);
    expect(parseDollars('$1,045.05')).toBe(104505);
    expect(parseDollars('12')).toBe(1200);
    expect(parseDollars('0.07')).toBe(7);
    expect(parseDollars(' 3. ')).toBe(300);
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '-5', '1.234', '1.2.3', '$']) expect(parseDollars(bad)).toBeNull();
  });
  it('round-trips with centsToInput', () => {
    for (const cents of [0, 7, 99, 100, 4550, 123456]) expect(parseDollars(centsToInput(cents))).toBe(cents);
    expect(centsToInput(4550)).toBe('45.50');
  });
});

describe('parseQuantity', () => {
  it('accepts positive numbers with up to 3 decimals', () => {
    expect(parseQuantity('1.5')).toBe(1.5);
    expect(parseQuantity('0.125')).toBe(0.125);
    expect(parseQuantity('2')).toBe(2);
  });
  it('refuses zero, negatives, too many decimals and words', () => {
    for (const bad of ['0', '-1', '1.2345', 'two', '', '1e3']) expect(parseQuantity(bad)).toBeNull();
  });
});

describe('parseReading', () => {
  it('reads whole odometer values, blank as not given', () => {
    expect(parseReading('123,456')).toBe(123456);
    expect(parseReading('  ')).toBeUndefined();
    expect(parseReading('12.5')).toBeNull();
    expect(parseReading('12345678')).toBeNull();
  });
});

describe('concerns', () => {
  it('one per line, blanks dropped, trimmed', () => {
    expect(concernsFromText(' Brakes squeal \n\n  Check engine light\r\n')).toEqual([
      'Brakes squeal',
      'Check engine light',
    ]);
    expect(concernsToText(['a', 'b'])).toBe('a\nb');
  });
});

describe('datetime-local', () => {
  it('round-trips an instant through the input value', () => {
    const iso = new Date(2026, 2, 14, 16, 30).toISOString();
    expect(localInputToIso(isoToLocalInput(iso))).toBe(iso);
    expect(isoToLocalInput(null)).toBe('');
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('not a time')).toBeNull();
  });
});

describe('quick checks before asking the server', () => {
  it('VIN shape', () => {
    expect(looksLikeVin('1hgcm82633a004352 ')).toBe(true);
    expect(looksLikeVin('1HGCM82633A00435')).toBe(false);
    expect(looksLikeVin('1HGCM82633A00435O')).toBe(false);
  });
  it('email and phone', () => {
    expect(looksLikeEmail('ann@example.com')).toBe(true);
    expect(looksLikeEmail('ann@example')).toBe(false);
    expect(looksLikePhone('(555) 123-4567')).toBe(true);
    expect(looksLikePhone('555-12')).toBe(false);
  });
});
