import { describe, expect, it } from 'vitest';
import {
  bucketCount,
  daysIn,
  defaultPeriod,
  periodsFor,
  PRESETS,
  presetMatching,
  presetRange,
  rangeLabel,
  rangeProblem,
  readReportQuery,
  reportSearch,
  shopToday,
} from './range';

describe('shopToday', () => {
  it("is the shop's date, not UTC's", () => {
    // 2026-03-04 04:30 UTC is still the 3rd in Chicago (UTC−6) and already the 4th in Berlin.
    const instant = Date.UTC(2026, 2, 4, 4, 30);
    expect(shopToday(instant, 'America/Chicago')).toBe('2026-03-03');
    expect(shopToday(instant, 'Europe/Berlin')).toBe('2026-03-04');
  });
});

describe('presetRange', () => {
  const today = '2026-03-18'; // a Wednesday

  it('covers each preset from the shop’s today', () => {
    expect(presetRange('today', today)).toEqual({ from: today, to: today });
    expect(presetRange('this_week', today)).toEqual({ from: '2026-03-16', to: today });
    expect(presetRange('this_month', today)).toEqual({ from: '2026-03-01', to: today });
    expect(presetRange('last_month', today)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('last_30_days', today)).toEqual({ from: '2026-02-17', to: today });
    expect(presetRange('this_quarter', today)).toEqual({ from: '2026-01-01', to: today });
    expect(presetRange('last_12_months', today)).toEqual({ from: '2025-04-01', to: today });
    expect(presetRange('year_to_date', today)).toEqual({ from: '2026-01-01', to: today });
  });

  it('crosses year ends and leap days', () => {
    expect(presetRange('last_month', '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetRange('last_month', '2024-03-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetRange('this_quarter', '2026-12-31')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetRange('last_12_months', '2026-01-31')).toEqual({ from: '2025-02-01', to: '2026-01-31' });
    // Sunday belongs to the week that began on Monday.
    expect(presetRange('this_week', '2026-03-22')).toEqual({ from: '2026-03-16', to: '2026-03-22' });
  });

  it('recognizes the preset a range is, or none', () => {
    expect(presetMatching({ from: '2026-03-01', to: '2026-03-18' }, '2026-03-18')).toBe('this_month');
    expect(presetMatching({ from: '2026-02-01', to: '2026-02-28' }, '2026-03-18')).toBe('last_month');
    expect(presetMatching({ from: '2026-02-02', to: '2026-02-28' }, '2026-03-18')).toBeNull();
    expect(PRESETS).toHaveLength(8);
  });
});

describe('periods', () => {
  it('counts days and buckets as the server cuts them', () => {
    expect(daysIn({ from: '2026-03-01', to: '2026-03-31' })).toBe(31);
    // 2026-03-01 is a Sunday: that week, then four full weeks, then Mon 30 – Tue 31.
    expect(bucketCount({ from: '2026-03-01', to: '2026-03-31' }, 'week')).toBe(6);
    expect(bucketCount({ from: '2025-12-15', to: '2026-02-01' }, 'month')).toBe(3);
    expect(bucketCount({ from: '2026-03-18', to: '2026-03-18' }, 'day')).toBe(1);
  });

  it('defaults to days up to a month, weeks up to about four months, then months', () => {
    expect(defaultPeriod({ from: '2026-03-01', to: '2026-03-31' })).toBe('day');
    expect(defaultPeriod({ from: '2026-03-01', to: '2026-04-01' })).toBe('week');
    expect(defaultPeriod({ from: '2026-01-01', to: '2026-04-30' })).toBe('week');
    expect(defaultPeriod({ from: '2026-01-01', to: '2026-05-01' })).toBe('month');
    expect(defaultPeriod(presetRange('last_12_months', '2026-03-18'))).toBe('month');
  });

  it('offers only the periods with at most 400 buckets', () => {
    expect(periodsFor({ from: '2025-01-01', to: '2026-01-01' })).toEqual(['day', 'week', 'month']);
    expect(periodsFor({ from: '2024-01-01', to: '2026-01-01' })).toEqual(['week', 'month']);
    expect(periodsFor({ from: '2000-01-01', to: '2026-01-01' })).toEqual(['month']);
  });
});

describe('the address', () => {
  const today = '2026-03-18';

  it('reads from, to and period back', () => {
    const query = readReportQuery(new URLSearchParams('from=2026-01-01&to=2026-03-18&period=week'), today);
    expect(query).toEqual({ from: '2026-01-01', to: '2026-03-18', period: 'week' });
    expect(readReportQuery(new URLSearchParams(reportSearch(query)), today)).toEqual(query);
  });

  it('falls back to this month by day when dates are missing or wrong', () => {
    const fallback = { from: '2026-03-01', to: today, period: 'day' };
    expect(readReportQuery(new URLSearchParams(''), today)).toEqual(fallback);
    expect(readReportQuery(new URLSearchParams('from=2026-02-30&to=2026-03-01'), today)).toEqual(fallback);
    expect(readReportQuery(new URLSearchParams('from=2026-03-05&to=2026-03-01'), today)).toEqual(fallback);
  });

  it('replaces an unknown or impossible period by the default', () => {
    expect(
      readReportQuery(new URLSearchParams('from=2026-01-01&to=2026-03-01&period=year'), today).period,
    ).toBe('week');
    expect(
      readReportQuery(new URLSearchParams('from=2020-01-01&to=2026-03-01&period=day'), today).period,
    ).toBe('month');
  });

  it('explains a custom range it cannot ask for', () => {
    expect(rangeProblem({ from: '', to: '2026-03-01' })).toBe('Choose a start date');
    expect(rangeProblem({ from: '2026-03-01', to: '2026-02-01' })).toMatch(/before the start/);
    expect(rangeProblem({ from: '1969-12-31', to: '2026-02-01' })).toMatch(/1970/);
    expect(rangeProblem({ from: '2026-02-01', to: '2026-02-01' })).toBeNull();
  });

  it('puts the range into words', () => {
    expect(rangeLabel({ from: '2026-03-01', to: '2026-03-31' })).toBe('Mar 1 – Mar 31, 2026');
    expect(rangeLabel({ from: '2025-12-01', to: '2026-01-31' })).toBe('Dec 1, 2025 – Jan 31, 2026');
    expect(rangeLabel({ from: '2026-03-05', to: '2026-03-05' })).toBe('Mar 5, 2026');
  });
});
