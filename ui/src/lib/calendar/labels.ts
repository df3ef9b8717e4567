/** What the calendar says in words, always on the shop's clock. */
import { parsePlainDate, type PlainDate } from './zoned';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = timeZone + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

/** "9:00 AM" */
export function clockTime(instantMs: number, timeZone: string): string {
  return formatter(timeZone, { hour: 'numeric', minute: '2-digit' }).format(new Date(instantMs));
}

/** "9 AM": an hour line's label. */
export function hourLabel(instantMs: number, timeZone: string): string {
  return formatter(timeZone, { hour: 'numeric' }).format(new Date(instantMs));
}

/** "9:00 – 10:30 AM", or with dates when it runs over midnight. */
export function timeRange(startsAt: string, endsAt: string, timeZone: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const sameDay =
    formatter(timeZone, { dateStyle: 'short' }).format(start) ===
    formatter(timeZone, { dateStyle: 'short' }).format(end);
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: 'numeric', minute: '2-digit' }
    : { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
  return formatter(timeZone, options).formatRange(start, end);
}

/** A plain date read as a calendar day (formatted in UTC, where the date itself sits). */
function dateAsUtc(date: PlainDate): Date {
  const { year, month, day } = parsePlainDate(date);
  return new Date(Date.UTC(year, month - 1, day, 12));
}

/** "Tuesday, March 3, 2026" */
export function longDate(date: PlainDate): string {
  return formatter('UTC', { dateStyle: 'full' }).format(dateAsUtc(date));
}

/** "Tue 3/3" */
export function shortDay(date: PlainDate): string {
  return formatter('UTC', { weekday: 'short', month: 'numeric', day: 'numeric' }).format(dateAsUtc(date));
}

/** "Mar 2 – 8, 2026" */
export function weekLabel(first: PlainDate, last: PlainDate): string {
  return formatter('UTC', { month: 'short', day: 'numeric', year: 'numeric' }).formatRange(
    dateAsUtc(first),
    dateAsUtc(last),
  );
}

/** "EST" / "EDT" at an instant, so nobody wonders whose clock the axis is on. */
export function zoneAbbreviation(instantMs: number, timeZone: string): string {
  const part = formatter(timeZone, { timeZoneName: 'short' })
    .formatToParts(new Date(instantMs))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

export const KIND_LABELS = { drop_off: 'Drop-off', waiter: 'Waiter' } as const;

export const STATUS_LABELS = {
  booked: 'Booked',
  arrived: 'Arrived',
  cancelled: 'Cancelled',
  no_show: 'No-show',
} as const;
