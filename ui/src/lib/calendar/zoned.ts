/**
 * Wall-clock time in the SHOP's time zone, with nothing but Intl. The server speaks UTC instants;
 * the calendar speaks the shop's days and hours, which is not the browser's zone when an advisor
 * books from home or a laptop is set wrong. Days are plain dates ("2026-03-08"); a day can last
 * 23 or 25 hours around a DST change, so every length here is measured between real instants.
 */

/** A calendar date in the shop, "YYYY-MM-DD" (what <input type="date"> reads and writes). */
export type PlainDate = string;

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
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
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The shop's wall clock at an instant. */
export function wallTimeAt(instantMs: number, timeZone: string): WallTime & { second: number } {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    // Some engines print midnight as 24 even with h23.
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** How far the zone's wall clock is ahead of UTC at an instant (ms; negative west of Greenwich). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const w = wallTimeAt(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant the shop's clock shows `wall`. A time skipped by spring-forward (02:30 on the
 * March change in New York) lands after the gap (03:30), as a wall clock pushed forward would;
 * a time that happens twice in the autumn takes the first one.
 */
export function instantOf(wall: WallTime, timeZone: string): number {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // The true instant is within 14 h of the naive one (offsets run from -12 h to +14 h), so offsets
  // sampled 15 h either side see both sides of any change that could matter.
  const before = zoneOffsetMs(naive - 15 * HOUR_MS, timeZone);
  const after = zoneOffsetMs(naive + 15 * HOUR_MS, timeZone);
  const candidates = [naive - before, naive - after]
    .filter((ms) => sameWall(wallTimeAt(ms, timeZone), wall))
    .sort((a, b) => a - b);
  if (candidates[0] !== undefined) return candidates[0];
  // In the gap: the clock jumped over this time; the earlier offset then carries it past the gap.
  return naive - before;
}

function sameWall(a: WallTime, b: WallTime): boolean {
  return (
    a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute
  );
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function plainDateOf(wall: Pick<WallTime, 'year' | 'month' | 'day'>): PlainDate {
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

export function parsePlainDate(date: PlainDate): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function isPlainDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const { year, month, day } = parsePlainDate(value);
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

/** The shop's date at an instant. */
export function dateAt(instantMs: number, timeZone: string): PlainDate {
  return plainDateOf(wallTimeAt(instantMs, timeZone));
}

/** Calendar arithmetic on plain dates (no time zone involved: a date is a date). */
export function addDays(date: PlainDate, days: number): PlainDate {
  const { year, month, day } = parsePlainDate(date);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return plainDateOf({
    year: moved.getUTCFullYear(),
    month: moved.getUTCMonth() + 1,
    day: moved.getUTCDate(),
  });
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: PlainDate): number {
  const { year, month, day } = parsePlainDate(date);
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/** The Monday of the week holding `date` (shops plan Monday to Sunday). */
export function startOfWeek(date: PlainDate): PlainDate {
  return addDays(date, -weekdayIndex(date));
}

/** The instant the shop's clock shows `hour:minute` on `date`. */
export function instantOnDate(date: PlainDate, hour: number, minute: number, timeZone: string): number {
  return instantOf({ ...parsePlainDate(date), hour, minute }, timeZone);
}

/** [start, end) of a shop day: its local midnight to the next one (23, 24 or 25 hours). */
export function dayRange(date: PlainDate, timeZone: string): { startMs: number; endMs: number } {
  return {
    startMs: instantOnDate(date, 0, 0, timeZone),
    endMs: instantOnDate(addDays(date, 1), 0, 0, timeZone),
  };
}

/** [start, end) of `days` shop days from `date`. */
export function daysRange(
  date: PlainDate,
  days: number,
  timeZone: string,
): { startMs: number; endMs: number } {
  return {
    startMs: instantOnDate(date, 0, 0, timeZone),
    endMs: instantOnDate(addDays(date, days), 0, 0, timeZone),
  };
}

/** "2026-03-03T09:30": the value a <input type="datetime-local"> shows, on the SHOP's clock. */
export function toLocalInputValue(instantMs: number, timeZone: string): string {
  const w = wallTimeAt(instantMs, timeZone);
  return `${plainDateOf(w)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The instant a datetime-local value names on the shop's clock; null when it is not one. */
export function fromLocalInputValue(value: string, timeZone: string): number | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match || !isPlainDate(match[1]!)) return null;
  const hour = Number(match[2]);
  const minute = Number(match[3]);
  if (hour > 23 || minute > 59) return null;
  return instantOnDate(match[1]!, hour, minute, timeZone);
}

/** The same wall-clock time of day as `instantMs`, on another shop date (drag to another day). */
export function sameTimeOnDate(instantMs: number, date: PlainDate, timeZone: string): number {
  const w = wallTimeAt(instantMs, timeZone);
  return instantOnDate(date, w.hour, w.minute, timeZone);
}
