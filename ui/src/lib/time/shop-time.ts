/**
 * One clock for every screen: times are shown, and typed, in the shop's time zone (shop settings
 * `timezone`), never the browser's. A laptop set to another zone (a traveling owner, a fresh
 * install with a UTC browser) would otherwise show 12:55 PM on a repair order for the moment
 * reports call 6:56 AM.
 *
 * The zone is set once the signed-in app has read the shop settings (state/session.svelte.ts);
 * until then (sign-in screen, customer pages) the browser's own zone is the best guess there is.
 */
import { dateAt, fromLocalInputValue, toLocalInputValue, type PlainDate } from '../calendar/zoned';

let shopZone: string | null = null;

/** Called when the shop settings arrive (and after the owner changes the zone). */
export function setShopTimeZone(timeZone: string | null): void {
  shopZone = timeZone !== null && isTimeZone(timeZone) ? timeZone : null;
}

export function shopTimeZone(): string {
  return shopZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

// Building an Intl.DateTimeFormat is slow next to using one; a board re-renders every minute.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'dateTime' | 'time' | 'date', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'dateTime'
        ? { dateStyle: 'medium', timeStyle: 'short' }
        : kind === 'time'
          ? { timeStyle: 'short' }
          : { dateStyle: 'medium' };
    f = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

function instant(value: string | number): Date {
  return new Date(typeof value === 'number' ? value : Date.parse(value));
}

/** "Dec 7, 2026, 8:55 AM" in the shop's zone. */
export function formatDateTime(value: string | number, timeZone: string = shopTimeZone()): string {
  return formatter('dateTime', timeZone).format(instant(value));
}

/** "8:55 AM" in the shop's zone. */
export function formatTime(value: string | number, timeZone: string = shopTimeZone()): string {
  return formatter('time', timeZone).format(instant(value));
}

/** "Dec 7, 2026" in the shop's zone. */
export function formatDate(value: string | number, timeZone: string = shopTimeZone()): string {
  return formatter('date', timeZone).format(instant(value));
}

/** The shop's calendar date now ("2026-12-07"): what "today" means for defaults and reports. */
export function shopTodayDate(nowMs: number = Date.now(), timeZone: string = shopTimeZone()): PlainDate {
  return dateAt(nowMs, timeZone);
}

/** An ISO instant as a datetime-local input's value, on the shop's wall clock ('' for none). */
export function isoToShopInput(iso: string | null, timeZone: string = shopTimeZone()): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : toLocalInputValue(ms, timeZone);
}

/** A datetime-local value read on the shop's wall clock as an ISO instant; null when empty or not a time. */
export function shopInputToIso(value: string, timeZone: string = shopTimeZone()): string | null {
  if (value.trim() === '') return null;
  const ms = fromLocalInputValue(value.trim(), timeZone);
  return ms === null ? null : new Date(ms).toISOString();
}
