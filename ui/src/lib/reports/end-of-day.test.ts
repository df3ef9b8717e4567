import { describe, expect, it } from 'vitest';
import { endOfDayQuery, endOfDaySearch, parseOpeningFloat } from './end-of-day';

describe('parseOpeningFloat', () => {
  it('reads dollars as cents', () => {
    expect(parseOpeningFloat('150')).toEqual({ ok: true, cents: 15_000 });
    expect(parseOpeningFloat(' $1,200.50 ')).toEqual({ ok: true, cents: 120_050 });
    expect(parseOpeningFloat('0')).toEqual({ ok: true, cents: 0 });
    expect(parseOpeningFloat('100000')).toEqual({ ok: true, cents: 10_000_000 });
  });

  it('takes an empty field as no float counted', () => {
    expect(parseOpeningFloat('')).toEqual({ ok: true, cents: null });
    expect(parseOpeningFloat('   ')).toEqual({ ok: true, cents: null });
  });

  it('refuses negatives, fractions of a cent, words and more than the server takes', () => {
    expect(parseOpeningFloat('-5')).toEqual({ ok: false, message: 'Must not be negative' });
    expect(parseOpeningFloat('1.005').ok).toBe(false);
    expect(parseOpeningFloat('lots').ok).toBe(false);
    expect(parseOpeningFloat('100000.01')).toEqual({ ok: false, message: 'At most $100,000.00' });
  });
});

describe('end-of-day query', () => {
  it('sends the float only when one was counted', () => {
    expect(endOfDayQuery('2026-03-18', null)).toEqual({ date: '2026-03-18' });
    expect(endOfDayQuery('2026-03-18', 0)).toEqual({ date: '2026-03-18', openingFloatCents: 0 });
    expect(endOfDaySearch('2026-03-18', 15_000)).toBe('date=2026-03-18&openingFloatCents=15000');
    expect(endOfDaySearch('2026-03-18', null)).toBe('date=2026-03-18');
  });
});
