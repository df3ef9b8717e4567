import { HOUR_MS } from '../../lib/clock.js';
import { problems } from '../../lib/problem.js';

const DAY_MS = 24 * HOUR_MS;

/** Longer than this is a typo, not a booking (a car left for a big job is still under two weeks). */
export const MAX_APPOINTMENT_MS = 14 * DAY_MS;
/** A calendar shows a month at most; two months covers a month view with the weeks around it. */
export const MAX_LIST_RANGE_MS = 62 * DAY_MS;

/**
 * An ISO date-time (any offset) as the UTC text the database compares: every stored time has the
 * same shape, so `starts_at < ?` as text orders the same as the instants do.
 */
export function toUtcIso(value: string, path: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw problems.validation([{ path, message: 'is not a real date and time' }]);
  return new Date(ms).toISOString();
}

export interface Interval {
  startsAt: string;
  endsAt: string;
}

/**
 * Checks an appointment's times; `blame` names the field the client sent, so a PATCH of only
 * startsAt that lands after the end is reported on startsAt.
 */
export function checkInterval(interval: Interval, blame: 'startsAt' | 'endsAt'): void {
  const length = Date.parse(interval.endsAt) - Date.parse(interval.startsAt);
  if (length <= 0) {
    throw problems.validation([
      blame === 'endsAt'
        ? { path: 'endsAt', message: 'must be after startsAt' }
        : { path: 'startsAt', message: `must be before the appointment's end (${interval.endsAt})` },
    ]);
  }
  if (length > MAX_APPOINTMENT_MS) {
    throw problems.validation([{ path: blame, message: 'an appointment may last at most 14 days' }]);
  }
}

/** The window a list covers: as asked, or today's UTC day; never backwards or longer than 62 days. */
export function listWindow(now: Date, from: string | undefined, to: string | undefined): Interval {
  let start: number;
  let end: number;
  if (from !== undefined) {
    start = Date.parse(toUtcIso(from, 'query.from'));
    end = to !== undefined ? Date.parse(toUtcIso(to, 'query.to')) : start + DAY_MS;
  } else if (to !== undefined) {
    end = Date.parse(toUtcIso(to, 'query.to'));
    start = end - DAY_MS;
  } else {
    start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    end = start + DAY_MS;
  }
  if (end <= start) throw problems.validation([{ path: 'query.to', message: 'must be after from' }]);
  if (end - start > MAX_LIST_RANGE_MS)
    throw problems.validation([{ path: 'query.to', message: 'must be at most 62 days after from' }]);
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(end).toISOString() };
}

/** "2026-03-03 09:00–10:30 UTC", or both dates when the interval crosses midnight. */
/**
 * "Tue, Mar 3, 09:00–10:30 EST" in the shop's time zone: what an advisor reads on the wall clock.
 * Spans over midnight name both days.
 */
export function formatInterval(interval: Interval, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  });
  const time = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const zone = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
  const start = new Date(interval.startsAt);
  const end = new Date(interval.endsAt);
  const zoneName = zone.formatToParts(start).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  const [startDay, endDay] = [day.format(start), day.format(end)];
  return startDay === endDay
    ? `${startDay}, ${time.format(start)}–${time.format(end)} ${zoneName}`
    : `${startDay}, ${time.format(start)} – ${endDay}, ${time.format(end)} ${zoneName}`;
}
