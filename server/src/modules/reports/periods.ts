import { problems } from '../../lib/problem.js';
import type { LocalDay } from '../../lib/report-days.js';
import type { UtcRange } from '../../lib/report-ranges.js';

/**
 * Calendar periods in the shop's time zone. A report covers whole local days, `from` to `to`
 * inclusive; it is cut into buckets of a day, an ISO week (Monday to Sunday) or a calendar month,
 * the first and last clipped to the range. Each bucket also carries its UTC instants
 * [startsAt, endsAt), which is what the queries compare: a sale at 23:30 in Chicago on the 1st
 * is in the 1st's bucket although it is the 2nd in UTC.
 */
export type Period = 'day' | 'week' | 'month';
export const PERIODS: readonly Period[] = ['day', 'week', 'month'];

/** More buckets than this is a chart nobody can read (and a query nobody needs). */
export const MAX_BUCKETS = 400;

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export interface Bucket {
  /** '2026-11-23' (day), '2026-W48' (ISO week), '2026-11' (month). */
  key: string;
  label: string;
  /** First local day in the bucket (YYYY-MM-DD). */
  from: string;
  /** Last local day in the bucket, inclusive. */
  to: string;
  /** UTC instant of local midnight starting `from`. */
  startsAt: string;
  /** UTC instant of local midnight after `to` (exclusive). */
  endsAt: string;
}

/** A civil date as a day number: days since 1970-01-01 (time-zone free arithmetic). */
export type DayNumber = number;

export function parseDay(text: string, path: string): DayNumber {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) throw problems.validation([{ path, message: 'must be a date YYYY-MM-DD' }]);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (y < 1970 || back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d)
    throw problems.validation([{ path, message: 'is not a real date (from 1970)' }]);
  return ms / DAY_MS;
}

export function formatDay(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Local wall-clock time minus UTC at `instantMs`, in ms (e.g. −6 h in Chicago in winter). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of offsetFormatter(timeZone).formatToParts(new Date(instantMs)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The UTC instant at which local day `day` begins. Where midnight itself does not exist (a DST
 * jump at 00:00), the day begins at the first instant after the jump. `hintOffsetMs` (the zone's
 * offset the day before) saves a time-zone lookup: one lookup checks it, which is the common case.
 */
export function localDayStartMs(day: DayNumber, timeZone: string, hintOffsetMs?: number): number {
  const wall = day * DAY_MS;
  const first = hintOffsetMs ?? zoneOffsetMs(wall, timeZone);
  const guess = wall - first;
  const offset = zoneOffsetMs(guess, timeZone);
  if (offset === first) return guess; // guess reads exactly local midnight
  const second = wall - offset;
  if (zoneOffsetMs(second, timeZone) === offset) return second;
  // No local midnight that day: start at the first quarter hour that reads as the day.
  let start = Math.min(guess, second);
  while (localDayOf(start, timeZone) < day) start += 15 * 60_000;
  return start;
}

/** The local day an instant falls on. */
export function localDayOf(instantMs: number, timeZone: string): DayNumber {
  return Math.floor((instantMs + zoneOffsetMs(instantMs, timeZone)) / DAY_MS);
}

/** 'YYYY-MM-DD' of an ISO instant in the shop's zone. */
export function localDate(iso: string, timeZone: string): string {
  return formatDay(localDayOf(Date.parse(iso), timeZone));
}

/**
 * `localDate` for many instants in a row (an export): remembers the bounds of the last local day
 * found, so instants of the same day (sorted documents mostly are) need no time-zone lookup.
 */
export function localDates(timeZone: string): (iso: string) => string {
  let startMs = Infinity;
  let endMs = -Infinity;
  let text = '';
  return (iso) => {
    const ms = Date.parse(iso);
    if (ms < startMs || ms >= endMs) {
      const day = localDayOf(ms, timeZone);
      startMs = localDayStartMs(day, timeZone);
      endMs = localDayStartMs(day + 1, timeZone);
      text = formatDay(day);
      // A day whose bounds do not hold the instant (never expected): no caching for it.
      if (ms < startMs || ms >= endMs) {
        startMs = Infinity;
        endMs = -Infinity;
        return text;
      }
    }
    return text;
  };
}

/** The local days [from, to] as UTC instants [startsAt, endsAt). */
export function dayRange(from: DayNumber, to: DayNumber, timeZone: string): UtcRange {
  return {
    from: new Date(localDayStartMs(from, timeZone)).toISOString(),
    to: new Date(localDayStartMs(to + 1, timeZone)).toISOString(),
  };
}

/** Starts of successive local days, each lookup hinted by the offset found for the one before. */
function dayStarts(timeZone: string): (day: DayNumber) => string {
  const cache = new Map<DayNumber, string>();
  let lastOffset: number | undefined;
  return (day) => {
    let start = cache.get(day);
    if (start === undefined) {
      const ms = localDayStartMs(day, timeZone, lastOffset);
      lastOffset = day * DAY_MS - ms;
      start = new Date(ms).toISOString();
      cache.set(day, start);
    }
    return start;
  };
}

function civil(day: DayNumber): { y: number; m: number; d: number; weekday: number } {
  const date = new Date(day * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth(), d: date.getUTCDate(), weekday: date.getUTCDay() };
}

/** ISO 8601 week key of a day: '2026-W01' (the week with the year's first Thursday). */
export function isoWeekKey(day: DayNumber): string {
  const { weekday } = civil(day);
  const thursday = day - ((weekday + 6) % 7) + 3;
  const { y } = civil(thursday);
  const firstThursday = Date.UTC(y, 0, 1) / DAY_MS;
  const jan1Weekday = civil(firstThursday).weekday;
  const week1Thursday = firstThursday + ((4 - jan1Weekday + 7) % 7);
  const week = (thursday - week1Thursday) / 7 + 1;
  return `${y}-W${String(week).padStart(2, '0')}`;
}

function startOf(day: DayNumber, period: Period): DayNumber {
  if (period === 'day') return day;
  const { y, m, weekday } = civil(day);
  if (period === 'week') return day - ((weekday + 6) % 7);
  return Date.UTC(y, m, 1) / DAY_MS;
}

function nextStart(start: DayNumber, period: Period): DayNumber {
  if (period === 'day') return start + 1;
  if (period === 'week') return start + 7;
  const { y, m } = civil(start);
  return Date.UTC(y, m + 1, 1) / DAY_MS;
}

function keyAndLabel(start: DayNumber, period: Period): { key: string; label: string } {
  const { y, m, d, weekday } = civil(start);
  if (period === 'day')
    return { key: formatDay(start), label: `${WEEKDAYS[weekday]}, ${MONTHS[m]} ${d}, ${y}` };
  if (period === 'week') return { key: isoWeekKey(start), label: `Week of ${MONTHS[m]} ${d}, ${y}` };
  return { key: `${y}-${String(m + 1).padStart(2, '0')}`, label: `${MONTHS[m]} ${y}` };
}

/**
 * The buckets of [from, to] (local days, inclusive). Throws a 400 naming `query.period` when
 * there would be more than MAX_BUCKETS of them.
 */
export function bucketsOf(from: DayNumber, to: DayNumber, period: Period, timeZone: string): Bucket[] {
  const buckets: Bucket[] = [];
  const startOfDay = dayStarts(timeZone);
  let start = startOf(from, period);
  while (start <= to) {
    if (buckets.length === MAX_BUCKETS)
      throw problems.validation([
        {
          path: 'query.period',
          message: `gives more than ${MAX_BUCKETS} ${period}s for this range: choose a longer period or a shorter range`,
        },
      ]);
    const next = nextStart(start, period);
    const first = Math.max(start, from);
    const last = Math.min(next - 1, to);
    buckets.push({
      ...keyAndLabel(start, period),
      from: formatDay(first),
      to: formatDay(last),
      startsAt: startOfDay(first),
      endsAt: startOfDay(last + 1),
    });
    start = next;
  }
  return buckets;
}

/** Checks from/to: real dates, to ≥ from. */
export function parseRange(from: string, to: string): { from: DayNumber; to: DayNumber } {
  const start = parseDay(from, 'query.from');
  const end = parseDay(to, 'query.to');
  if (end < start) throw problems.validation([{ path: 'query.to', message: 'must not be before from' }]);
  return { from: start, to: end };
}

/** Index of the bucket holding an instant (buckets sorted, contiguous), or -1. */
export function bucketIndexOf(buckets: readonly Pick<Bucket, 'startsAt' | 'endsAt'>[], iso: string): number {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const bucket = buckets[mid]!;
    if (iso < bucket.startsAt) hi = mid - 1;
    else if (iso >= bucket.endsAt) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Each local day of [from, to] with its UTC bounds (the units the day summaries are kept in). */
export function localDaysOf(from: DayNumber, to: DayNumber, timeZone: string): LocalDay[] {
  const startOfDay = dayStarts(timeZone);
  const days: LocalDay[] = [];
  for (let day = from; day <= to; day++)
    days.push({ day: formatDay(day), from: startOfDay(day), to: startOfDay(day + 1) });
  return days;
}
