/**
 * Turning what an advisor types into what the API takes, and back. Pure, so it is unit-tested
 * without a browser. Money stays integer cents: a typed "$45.50" becomes 4550 here, exactly, and
 * the UI never adds, multiplies or rounds money itself (the server's totals are shown as sent).
 */
import { isoToShopInput, shopInputToIso } from '$lib/time/shop-time';

/** "45.5", "$1,045.50", "12" → cents; null when it is not a non-negative amount with at most 2 decimals. */
export function parseDollars(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, '').replaceAll(',', '').trim();
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  const cents = whole * 100 + fraction;
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents as the text an amount field starts with when a line is edited: 4550 → "45.50". */
export function centsToInput(cents: number): string {
  const whole = Math.floor(cents / 100);
  return `${whole}.${String(cents % 100).padStart(2, '0')}`;
}

/**
 * Hours or units: "1.5", "0.25", "2" → the number; null when not > 0 or more than 3 decimals
 * (the server refuses those rather than round what the customer is billed for).
 */
export function parseQuantity(text: string): number | null {
  const match = /^(\d+)(?:\.(\d{1,3}))?$/.exec(text.trim());
  if (!match) return null;
  const value = Number(text.trim());
  return value > 0 && value <= 100_000 ? value : null;
}

/** A whole odometer reading: "123,456" → 123456; "" → undefined (not given); null when not a number. */
export function parseReading(text: string): number | null | undefined {
  const cleaned = text.trim().replaceAll(',', '');
  if (cleaned === '') return undefined;
  if (!/^\d{1,7}$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** The concerns box holds one concern per line; blank lines are dropped. */
export function concernsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export function concernsToText(concerns: readonly string[]): string {
  return concerns.join('\n');
}

/** An ISO instant as the value of a datetime-local input, on the shop's clock (not the device's). */
export function isoToLocalInput(iso: string | null): string {
  return isoToShopInput(iso);
}

/** A datetime-local value (the shop's clock) as an ISO instant; null when empty or not a time. */
export function localInputToIso(value: string): string | null {
  return shopInputToIso(value);
}

/** 17 characters of VIN alphabet (no I, O, Q): worth asking the server to decode. */
export function looksLikeVin(text: string): boolean {
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(normalizeVin(text));
}

export function normalizeVin(text: string): string {
  return text.trim().toUpperCase();
}

/** Worth asking the duplicate check about (it refuses a malformed email with a 400). */
export function looksLikeEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
}

/** A phone with enough digits to match anyone (the server accepts any format). */
export function looksLikePhone(text: string): boolean {
  return text.replace(/\D/g, '').length >= 7;
}
