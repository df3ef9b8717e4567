/**
 * The shop's calendar in its own time zone: which days it is open and when, turned into UTC
 * instants (the database stores UTC; the shop lives on Chicago time, daylight saving included).
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface ShopDay {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
  /** UTC instant of local midnight. */
  midnight: number;
  /** UTC instants of opening and closing; equal when closed. */
  opens: number;
  closes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at `instant`, in ms (Chicago in winter: -6 h). */
export function zoneOffset(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - (instant - (instant % 1000));
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(instant: number, timeZone: string): string {
  return new Date(instant + zoneOffset(instant, timeZone)).toISOString().slice(0, 10);
}

function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): number {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
}

function lastWeekdayOfMonth(year: number, month: number, weekday: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const last = new Date(Date.UTC(year, month, lastDay)).getUTCDay();
  return lastDay - ((last - weekday + 7) % 7);
}

/** New Year, Memorial Day, Independence Day, Labor Day, Thanksgiving, Christmas. */
function isHoliday(year: number, month: number, day: number): boolean {
  if ((month === 0 && day === 1) || (month === 6 && day === 4) || (month === 11 && day === 25)) return true;
  if (month === 4 && day === lastWeekdayOfMonth(year, 4, 1)) return true;
  if (month === 8 && day === nthWeekdayOfMonth(year, 8, 1, 1)) return true;
  return month === 10 && day === nthWeekdayOfMonth(year, 10, 4, 4);
}

/** Weekdays 7:30-17:30, Saturday 8:00-13:00, closed Sundays and holidays. */
function hoursOf(weekday: number): [number, number] | null {
  if (weekday === 0) return null;
  if (weekday === 6) return [8 * 60, 13 * 60];
  return [7 * 60 + 30, 17 * 60 + 30];
}

/** The local date `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function shopDay(date: string, timeZone: string): ShopDay {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const noonGuess = Date.UTC(y, m - 1, d, 12);
  // Offset at local noon: daylight-saving switches happen at 2 am, never inside opening hours.
  const offset = zoneOffset(noonGuess, timeZone);
  const midnight = Date.UTC(y, m - 1, d) - offset;
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const hours = isHoliday(y, m - 1, d) ? null : hoursOf(weekday);
  const opens = hours === null ? midnight + 12 * HOUR : midnight + hours[0] * MINUTE;
  const closes = hours === null ? opens : midnight + hours[1] * MINUTE;
  return { date, weekday, midnight, opens, closes };
}

export function isOpen(day: ShopDay): boolean {
  return day.closes > day.opens;
}

export const iso = (instant: number): string => new Date(instant).toISOString();
