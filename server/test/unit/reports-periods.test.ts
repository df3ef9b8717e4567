import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../../src/lib/problem.js';
import {
  bucketIndexOf,
  bucketsOf,
  dayRange,
  isoWeekKey,
  localDate,
  MAX_BUCKETS,
  parseDay,
  parseRange,
} from '../../src/modules/reports/periods.js';

const day = (text: string) => parseDay(text, 'query.from');

function pathOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof HttpProblem) return error.errors?.[0]?.path;
    throw error;
  }
  return undefined;
}

describe('shop-day boundaries', () => {
  it('a Chicago day starts at 06:00 UTC in winter and 05:00 UTC in summer', () => {
    expect(dayRange(day('2026-01-15'), day('2026-01-15'), 'America/Chicago')).toEqual({
      from: '2026-01-15T06:00:00.000Z',
      to: '2026-01-16T06:00:00.000Z',
    });
    expect(dayRange(day('2026-07-04'), day('2026-07-04'), 'America/Chicago')).toEqual({
      from: '2026-07-04T05:00:00.000Z',
      to: '2026-07-05T05:00:00.000Z',
    });
  });

  it('DST days are 23 and 25 hours long', () => {
    const spring = dayRange(day('2026-03-08'), day('2026-03-08'), 'America/Chicago');
    expect(spring).toEqual({ from: '2026-03-08T06:00:00.000Z', to: '2026-03-09T05:00:00.000Z' });
    const fall = dayRange(day('2026-11-01'), day('2026-11-01'), 'America/Chicago');
    expect(fall).toEqual({ from: '2026-11-01T05:00:00.000Z', to: '2026-11-02T06:00:00.000Z' });
  });

  it('half-hour zones and zones east of UTC', () => {
    expect(dayRange(day('2026-01-01'), day('2026-01-01'), 'Asia/Kolkata').from).toBe(
      '2025-12-31T18:30:00.000Z',
    );
    expect(dayRange(day('2026-01-01'), day('2026-01-01'), 'UTC').from).toBe('2026-01-01T00:00:00.000Z');
    // Where midnight is skipped (Santiago springs forward at 00:00), the day starts at 01:00 local.
    expect(dayRange(day('2026-09-06'), day('2026-09-06'), 'America/Santiago').from).toBe(
      '2026-09-06T04:00:00.000Z',
    );
  });

  it('an instant late in the evening belongs to the local day, not the UTC one', () => {
    const buckets = bucketsOf(day('2026-11-23'), day('2026-11-24'), 'day', 'America/Chicago');
    expect(bucketIndexOf(buckets, '2026-11-24T05:59:59.999Z')).toBe(0); // 23:59:59 Nov 23 in Chicago
    expect(bucketIndexOf(buckets, '2026-11-24T06:00:00.000Z')).toBe(1);
    expect(bucketIndexOf(buckets, '2026-11-25T06:00:00.000Z')).toBe(-1);
    expect(bucketIndexOf(buckets, '2026-11-23T05:59:00.000Z')).toBe(-1);
    expect(localDate('2026-11-24T05:30:00.000Z', 'America/Chicago')).toBe('2026-11-23');
  });
});

describe('buckets', () => {
  it('ISO weeks start on Monday; the first and last are clipped to the range', () => {
    const weeks = bucketsOf(day('2026-11-25'), day('2026-12-08'), 'week', 'UTC');
    expect(weeks.map((w) => [w.key, w.from, w.to, w.label])).toEqual([
      ['2026-W48', '2026-11-25', '2026-11-29', 'Week of Nov 23, 2026'],
      ['2026-W49', '2026-11-30', '2026-12-06', 'Week of Nov 30, 2026'],
      ['2026-W50', '2026-12-07', '2026-12-08', 'Week of Dec 7, 2026'],
    ]);
  });

  it('ISO week numbers across year ends', () => {
    expect(isoWeekKey(day('2026-01-01'))).toBe('2026-W01');
    expect(isoWeekKey(day('2025-12-29'))).toBe('2026-W01');
    expect(isoWeekKey(day('2027-01-01'))).toBe('2026-W53');
    expect(isoWeekKey(day('2027-01-04'))).toBe('2027-W01');
    expect(isoWeekKey(day('2021-01-03'))).toBe('2020-W53');
  });

  it('months, labelled, contiguous in UTC', () => {
    const months = bucketsOf(day('2026-01-15'), day('2026-03-03'), 'month', 'America/New_York');
    expect(months.map((m) => [m.key, m.label, m.from, m.to])).toEqual([
      ['2026-01', 'Jan 2026', '2026-01-15', '2026-01-31'],
      ['2026-02', 'Feb 2026', '2026-02-01', '2026-02-28'],
      ['2026-03', 'Mar 2026', '2026-03-01', '2026-03-03'],
    ]);
    for (let i = 1; i < months.length; i++) expect(months[i]!.startsAt).toBe(months[i - 1]!.endsAt);
  });

  it(`at most ${MAX_BUCKETS} buckets, else a 400 naming the period`, () => {
    expect(bucketsOf(day('2026-01-01'), day('2027-02-04'), 'day', 'UTC')).toHaveLength(400);
    expect(pathOf(() => bucketsOf(day('2026-01-01'), day('2027-02-05'), 'day', 'UTC'))).toBe('query.period');
    expect(bucketsOf(day('2000-01-01'), day('2026-12-31'), 'month', 'UTC')).toHaveLength(324);
  });

  it('bad dates and reversed ranges name the field', () => {
    expect(pathOf(() => parseRange('2026-02-29', '2026-03-01'))).toBe('query.from');
    expect(pathOf(() => parseRange('2026-03-01', '2026-3-1'))).toBe('query.to');
    expect(pathOf(() => parseRange('2026-03-02', '2026-03-01'))).toBe('query.to');
    expect(pathOf(() => parseRange('1969-12-31', '2026-03-01'))).toBe('query.from');
    expect(pathOf(() => parseRange('2024-02-29', '2024-02-29'))).toBeUndefined();
  });
});
