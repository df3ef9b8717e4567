import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateAt,
  dayRange,
  fromLocalInputValue,
  HOUR_MS,
  instantOnDate,
  isPlainDate,
  sameTimeOnDate,
  startOfWeek,
  toLocalInputValue,
  wallTimeAt,
  zoneOffsetMs,
} from './zoned';

const NY = 'America/New_York';

describe('wall time in the shop zone', () => {
  it('reads the shop clock, not the browser clock', () => {
    const at = Date.parse('2026-03-03T14:30:00Z');
    expect(wallTimeAt(at, NY)).toMatchObject({ year: 2026, month: 3, day: 3, hour: 9, minute: 30 });
    expect(wallTimeAt(at, 'Asia/Tokyo')).toMatchObject({ day: 3, hour: 23, minute: 30 });
    expect(zoneOffsetMs(at, NY)).toBe(-5 * HOUR_MS);
    expect(zoneOffsetMs(Date.parse('2026-07-01T12:00:00Z'), NY)).toBe(-4 * HOUR_MS);
  });

  it('names the shop date of an instant near midnight', () => {
    // 03:00 UTC on the 4th is still the evening of the 3rd in New York.
    expect(dateAt(Date.parse('2026-03-04T03:00:00Z'), NY)).toBe('2026-03-03');
    expect(dateAt(Date.parse('2026-03-04T05:00:00Z'), NY)).toBe('2026-03-04');
  });

  it('finds the instant of a wall time in winter and summer', () => {
    expect(new Date(instantOnDate('2026-03-03', 9, 0, NY)).toISOString()).toBe('2026-03-03T14:00:00.000Z');
    expect(new Date(instantOnDate('2026-07-01', 9, 0, NY)).toISOString()).toBe('2026-07-01T13:00:00.000Z');
    expect(new Date(instantOnDate('2026-03-03', 9, 0, 'Asia/Kolkata')).toISOString()).toBe(
      '2026-03-03T03:30:00.000Z',
    );
  });
});

describe('DST change days in New York', () => {
  it('spring forward (2026-03-08) is a 23-hour day', () => {
    const { startMs, endMs } = dayRange('2026-03-08', NY);
    expect(new Date(startMs).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(new Date(endMs).toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(endMs - startMs).toBe(23 * HOUR_MS);
    // 09:00 that morning is already daylight time.
    expect(new Date(instantOnDate('2026-03-08', 9, 0, NY)).toISOString()).toBe('2026-03-08T13:00:00.000Z');
  });

  it('a skipped time (02:30 on spring forward) lands after the gap', () => {
    const ms = instantOnDate('2026-03-08', 2, 30, NY);
    expect(new Date(ms).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(wallTimeAt(ms, NY)).toMatchObject({ hour: 3, minute: 30 });
  });

  it('fall back (2026-11-01) is a 25-hour day and 01:30 takes its first occurrence', () => {
    const { startMs, endMs } = dayRange('2026-11-01', NY);
    expect(endMs - startMs).toBe(25 * HOUR_MS);
    expect(new Date(instantOnDate('2026-11-01', 1, 30, NY)).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(new Date(instantOnDate('2026-11-01', 9, 0, NY)).toISOString()).toBe('2026-11-01T14:00:00.000Z');
  });

  it('keeps the wall time when moving across the change', () => {
    const saturday9 = Date.parse('2026-03-07T14:00:00Z'); // 09:00 EST
    expect(new Date(sameTimeOnDate(saturday9, '2026-03-09', NY)).toISOString()).toBe(
      '2026-03-09T13:00:00.000Z', // 09:00 EDT
    );
  });
});

describe('plain dates', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('starts weeks on Monday', () => {
    expect(startOfWeek('2026-03-08')).toBe('2026-03-02'); // a Sunday
    expect(startOfWeek('2026-03-02')).toBe('2026-03-02'); // a Monday
    expect(startOfWeek('2026-03-04')).toBe('2026-03-02');
  });

  it('checks dates', () => {
    expect(isPlainDate('2026-02-29')).toBe(false);
    expect(isPlainDate('2028-02-29')).toBe(true);
    expect(isPlainDate('26-1-1')).toBe(false);
  });
});

describe('datetime-local values on the shop clock', () => {
  it('round-trips', () => {
    const ms = Date.parse('2026-03-03T14:30:00Z');
    expect(toLocalInputValue(ms, NY)).toBe('2026-03-03T09:30');
    expect(fromLocalInputValue('2026-03-03T09:30', NY)).toBe(ms);
  });

  it('refuses what is not a time', () => {
    expect(fromLocalInputValue('', NY)).toBeNull();
    expect(fromLocalInputValue('2026-02-30T09:00', NY)).toBeNull();
    expect(fromLocalInputValue('2026-03-03T25:00', NY)).toBeNull();
  });
});
