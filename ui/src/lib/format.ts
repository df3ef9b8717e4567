/** Display formats used across screens. Money is integer cents everywhere; only here does it become text. */
import { formatDate, formatDateTime, formatTime, shopTimeZone } from './time/shop-time';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function money(cents: number, currency = 'USD'): string {
  if (currency === 'USD') return usd.format(cents / 100);
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}

/** "2 h 14 min", "35 min", "just now": how long something has been in its state. */
export function elapsed(fromIso: string, now: number = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 60000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return `${days} d ${hours % 24} h`;
}

// Dates and times go through the one shop clock (lib/time/shop-time.ts): with no zone given,
// the shop's zone from settings, never the browser's.
export function dateTime(iso: string, timeZone?: string): string {
  return formatDateTime(iso, timeZone ?? shopTimeZone());
}

export function time(iso: string, timeZone?: string): string {
  return formatTime(iso, timeZone ?? shopTimeZone());
}

export function date(iso: string, timeZone?: string): string {
  return formatDate(iso, timeZone ?? shopTimeZone());
}

/** "In_Progress" → "In progress". */
export function statusLabel(status: string): string {
  const spaced = status.replaceAll('_', ' ').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
