/**
 * The range a report covers: a preset ("This month", "Last 12 months") or custom dates, cut into
 * days, ISO weeks or months. Dates are plain local dates in the SHOP's time zone ("today" comes
 * from the shop's clock, not the browser's), which is what the reports API takes as `from`/`to`.
 * The choice lives in the address (?from&to&period) so a report can be bookmarked and reloaded.
 */
import {
  addDays,
  dateAt,
  isPlainDate,
  parsePlainDate,
  plainDateOf,
  startOfWeek,
  type PlainDate,
} from '$lib/calendar/zoned';

export type Period = 'day' | 'week' | 'month';
export const PERIODS: readonly Period[] = ['day', 'week', 'month'];
export const PERIOD_LABELS: Record<Period, string> = { day: 'Day', week: 'Week', month: 'Month' };

/** The server refuses more buckets than this (400 naming `query.period`). */
export const MAX_BUCKETS = 400;

export type PresetKey =
  | 'today'
  | 'this_week'
  | 'this_month'
  | 'last_month'
  | 'last_30_days'
  | 'this_quarter'
  | 'last_12_months'
  | 'year_to_date';

export const PRESETS: readonly { key: PresetKey; label: string }[] = [
  { key: 'today', label: 'Today' },
  { key: 'this_week', label: 'This week' },
  { key: 'this_month', label: 'This month' },
  { key: 'last_month', label: 'Last month' },
  { key: 'last_30_days', label: 'Last 30 days' },
  { key: 'this_quarter', label: 'This quarter' },
  { key: 'last_12_months', label: 'Last 12 months' },
  { key: 'year_to_date', label: 'Year to date' },
];

export const DEFAULT_PRESET: PresetKey = 'this_month';

export interface DateRange {
  from: PlainDate;
  to: PlainDate;
}

export interface ReportQuery extends DateRange {
  period: Period;
}

/** The shop's date now: at 23:30 in Chicago it is still "today" there although UTC is tomorrow. */
export function shopToday(nowMs: number, timeZone: string): PlainDate {
  return dateAt(nowMs, timeZone);
}

function firstOfMonth(year: number, month: number): PlainDate {
  // month may run outside 1..12: Date.UTC carries it into the year.
  const d = new Date(Date.UTC(year, month - 1, 1));
  return plainDateOf({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: 1 });
}

/** The dates a preset covers, seen from the shop's `today`. "This …" ranges end today, not in the future. */
export function presetRange(preset: PresetKey, today: PlainDate): DateRange {
  const { year, month } = parsePlainDate(today);
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'this_week':
      return { from: startOfWeek(today), to: today };
    case 'this_month':
      return { from: firstOfMonth(year, month), to: today };
    case 'last_month': {
      const thisMonth = firstOfMonth(year, month);
      return { from: firstOfMonth(year, month - 1), to: addDays(thisMonth, -1) };
    }
    case 'last_30_days':
      return { from: addDays(today, -29), to: today };
    case 'this_quarter':
      return { from: firstOfMonth(year, month - ((month - 1) % 3)), to: today };
    case 'last_12_months':
      // Twelve calendar months, this one (so far) included: twelve whole bars by month.
      return { from: firstOfMonth(year, month - 11), to: today };
    case 'year_to_date':
      return { from: firstOfMonth(year, 1), to: today };
  }
}

/** The preset whose range is exactly this one today, if any (the range bar shows it as chosen). */
export function presetMatching(range: DateRange, today: PlainDate): PresetKey | null {
  for (const { key } of PRESETS) {
    const candidate = presetRange(key, today);
    if (candidate.from === range.from && candidate.to === range.to) return key;
  }
  return null;
}

function dayNumber(date: PlainDate): number {
  const { year, month, day } = parsePlainDate(date);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Days in the range, both ends included. */
export function daysIn(range: DateRange): number {
  return dayNumber(range.to) - dayNumber(range.from) + 1;
}

/** How many bars a period cuts the range into (first and last clipped, as the server does). */
export function bucketCount(range: DateRange, period: Period): number {
  if (period === 'day') return daysIn(range);
  if (period === 'week')
    return (dayNumber(startOfWeek(range.to)) - dayNumber(startOfWeek(range.from))) / 7 + 1;
  const a = parsePlainDate(range.from);
  const b = parsePlainDate(range.to);
  return (b.year - a.year) * 12 + (b.month - a.month) + 1;
}

/** The periods the server accepts for this range (at most MAX_BUCKETS buckets). */
export function periodsFor(range: DateRange): Period[] {
  return PERIODS.filter((period) => bucketCount(range, period) <= MAX_BUCKETS);
}

/** A readable default: days up to a month, weeks up to about four months, months beyond. */
export function defaultPeriod(range: DateRange): Period {
  const days = daysIn(range);
  if (days <= 31) return 'day';
  if (days <= 120) return 'week';
  return 'month';
}

/** Why a custom range cannot be asked for, or null when it can. */
export function rangeProblem(range: { from: string; to: string }): string | null {
  if (!isPlainDate(range.from)) return 'Choose a start date';
  if (!isPlainDate(range.to)) return 'Choose an end date';
  if (range.from < '1970-01-01') return 'The start date must be in 1970 or later';
  if (range.to < range.from) return 'The end date must not be before the start date';
  return null;
}

/**
 * The report asked for in the address; anything missing or wrong falls back to this month with
 * its default period (a period the range cannot take falls back to the default too).
 */
export function readReportQuery(params: URLSearchParams, today: PlainDate): ReportQuery {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const range = rangeProblem({ from, to }) === null ? { from, to } : presetRange(DEFAULT_PRESET, today);
  const asked = params.get('period');
  const allowed = periodsFor(range);
  const period =
    asked !== null && (PERIODS as readonly string[]).includes(asked) && allowed.includes(asked as Period)
      ? (asked as Period)
      : defaultPeriod(range);
  return { ...range, period };
}

/** The query string of a report: `from=…&to=…&period=…` (the address and the CSV links). */
export function reportSearch(query: Partial<ReportQuery> & DateRange): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.period) params.set('period', query.period);
  return params.toString();
}

/** "Mar 1 – Mar 31, 2026", "Mar 5, 2026": the range in words, for headings. */
export function rangeLabel(range: DateRange): string {
  const format = (date: PlainDate, withYear: boolean): string => {
    const { year, month, day } = parsePlainDate(date);
    return new Intl.DateTimeFormat('en-US', {
      timeZone: 'UTC',
      month: 'short',
      day: 'numeric',
      ...(withYear ? { year: 'numeric' } : {}),
    }).format(new Date(Date.UTC(year, month - 1, day)));
  };
  if (range.from === range.to) return format(range.from, true);
  const sameYear = range.from.slice(0, 4) === range.to.slice(0, 4);
  return `${format(range.from, !sameYear)} – ${format(range.to, true)}`;
}
