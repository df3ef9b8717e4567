import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Phone numbers as people type them ("(555) 123-4567", "555.123.4567", "+1 555 123 4567") become
 * E.164 ("+15551234567"), so one customer is found and de-duplicated whatever the format.
 */
export const DEFAULT_PHONE_REGION: CountryCode = 'US';

export interface NormalizedPhone {
  /** E.164, e.g. +15551234567. */
  e164: string;
  /** Digits after "ext." / "x" / "#", which E.164 cannot carry. */
  extension: string | null;
}

const EXTENSION_SUFFIX = /\s*(?:ext\.?|extension|x|#)\s*\d{1,8}\s*$/i;

/**
 * The E.164 form of `input`, or null when it is not a phone number. "Possible" (the right length
 * for the country) rather than "valid" (an assigned range): shops keep 555 numbers and brand-new
 * area codes that a bundled range table would refuse.
 */
export function normalizePhone(
  input: string,
  region: CountryCode = DEFAULT_PHONE_REGION,
): NormalizedPhone | null {
  const text = input
    .trim()
    .replace(/^tel:/i, '')
    // Most of the world dials "00" for abroad; in the default region it would read as digits.
    .replace(/^00(?=[1-9])/, '+');
  if (text.length === 0 || text.length > 40) return null;
  // Letters outside an extension mean a vanity number or a typo: refuse rather than guess.
  if (/\p{L}/u.test(text.replace(EXTENSION_SUFFIX, ''))) return null;
  const parsed = parsePhoneNumberFromString(text, region);
  if (parsed === undefined || !parsed.isPossible()) return null;
  // North America's 7-digit service numbers ("310-1840") cannot be called back: a customer's
  // number there has an area code.
  if (parsed.countryCallingCode === '1' && parsed.nationalNumber.length !== 10) return null;
  return { e164: parsed.number, extension: parsed.ext ?? null };
}

/** How staff read a stored number: national format at home, international for foreign numbers. */
export function formatPhone(e164: string, region: CountryCode = DEFAULT_PHONE_REGION): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (parsed === undefined) return e164;
  return parsed.country === region || (parsed.country === undefined && parsed.countryCallingCode === '1')
    ? parsed.formatNational()
    : parsed.formatInternational();
}

/**
 * Digit strings to look for when someone types (part of) a phone number in the search box: the
 * digits as typed, the E.164 digits when the input is a whole number, and, for a national number
 * with a trunk "0" ("020 7946 0958"), the digits without it, since E.164 drops that 0.
 */
export function phoneSearchDigits(query: string, region: CountryCode = DEFAULT_PHONE_REGION): string[] {
  const digits = query.replace(/\D/g, '');
  if (digits.length === 0) return [];
  const variants = new Set([digits]);
  const whole = normalizePhone(query, region);
  if (whole !== null) variants.add(whole.e164.slice(1));
  if (digits.startsWith('0') && digits.length >= 8) variants.add(digits.replace(/^0+/, ''));
  return [...variants];
}

/** Whether a search query looks like a phone number or a part of one (digits and dialling marks only). */
export function looksLikePhone(query: string): boolean {
  return /^[\d\s()+.\-/]+$/.test(query.trim()) && /\d/.test(query);
}
