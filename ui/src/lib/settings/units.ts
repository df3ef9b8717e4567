/**
 * What people type ⇄ what the server stores. The server keeps money as integer cents and rates as
 * basis points (hundredths of a percent: 825 = 8.25 %). People type "$139.50" and "8.25". The
 * conversion is done on the digits as text, never with floating-point arithmetic, so "0.29" is
 * 29 cents and not 28.999….
 */

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

const DECIMAL = /^(\d*)(?:\.(\d*))?$/;

/**
 * "139.5" with scale 2 → 13950. Accepts "$", "%", thousands commas and spaces around; refuses
 * signs, letters and more decimals than the scale (null), so nothing is silently rounded.
 */
export function parseScaled(text: string, scale: number): number | null {
  const cleaned = text.trim().replace(/^\$/, '').replace(/%$/, '').replaceAll(',', '').trim();
  const match = DECIMAL.exec(cleaned);
  if (!match) return null;
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (whole === '' && fraction === '') return null;
  if (fraction.length > scale) return null;
  const value = Number(whole === '' ? '0' : whole) * 10 ** scale + Number(fraction.padEnd(scale, '0') || '0');
  return Number.isSafeInteger(value) ? value : null;
}

/** 13950 with scale 2 → "139.50"; `trim` drops trailing zeros ("8.50" → "8.5", "7.00" → "7"). */
export function formatScaled(value: number, scale: number, trim = false): string {
  const unit = 10 ** scale;
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(value));
  const whole = Math.floor(abs / unit);
  let fraction = String(abs % unit).padStart(scale, '0');
  if (trim) fraction = fraction.replace(/0+$/, '');
  return fraction === '' ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/** Dollars typed in an input → integer cents. */
export function dollarsToCents(text: string): Parsed {
  const cents = parseScaled(text, 2);
  return cents === null
    ? { ok: false, message: 'enter dollars and cents, like 139.50' }
    : { ok: true, value: cents };
}

/** Integer cents → the text of a dollars input ("139.50", no currency sign: the label says $). */
export function centsToDollars(cents: number): string {
  return formatScaled(cents, 2);
}

/** A percent typed in an input → basis points (hundredths of a percent). */
export function percentToBasisPoints(text: string): Parsed {
  const bp = parseScaled(text, 2);
  return bp === null
    ? { ok: false, message: 'enter a percent with at most 2 decimals, like 8.25' }
    : { ok: true, value: bp };
}

/** Basis points → the text of a percent input: 825 → "8.25", 700 → "7". */
export function basisPointsToPercent(bp: number): string {
  return formatScaled(bp, 2, true);
}

/** A whole number typed in an input (a starting RO number). */
export function parseWholeNumber(text: string): Parsed {
  const cleaned = text.trim().replaceAll(',', '');
  return /^\d+$/.test(cleaned) && Number.isSafeInteger(Number(cleaned))
    ? { ok: true, value: Number(cleaned) }
    : { ok: false, message: 'enter a whole number' };
}

export type StoredUnit = 'cents' | 'basisPoints';

/**
 * The server names its limits in the stored unit ("must be at most 10000" for a rate); shown
 * next to a percent or dollars input that would be puzzling, so the number is said in the
 * input's unit ("must be at most 100 %").
 */
export function limitInInputUnit(message: string, unit: StoredUnit): string {
  return message.replace(/\b(at (?:most|least)) (\d+)\b/, (_all, words: string, digits: string) => {
    const value = Number(digits);
    return unit === 'cents'
      ? `${words} $${formatScaled(value, 2)}`
      : `${words} ${basisPointsToPercent(value)} %`;
  });
}
