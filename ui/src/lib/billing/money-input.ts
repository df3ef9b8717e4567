/**
 * What a person types into a money field ("86.37", "$1,200", "100") as integer cents. The UI does
 * no money arithmetic beyond this parse and the cash "change due": every total is the server's.
 */
export type Parsed = { ok: true; value: number } | { ok: false; message: string };

const MONEY = /^(\d+(\.\d{0,2})?|\.\d{1,2})$/;
const MAX_CENTS = 100_000_000;

/** "$1,234.5" → 123450 cents; refuses negatives, fractions of a cent and nonsense. */
export function parseCents(text: string): Parsed {
  const cleaned = text.trim().replace(/^\$/, '').replaceAll(',', '').trim();
  if (cleaned === '') return { ok: false, message: 'Enter an amount' };
  if (cleaned.startsWith('-')) return { ok: false, message: 'Must not be negative' };
  if (!MONEY.test(cleaned)) return { ok: false, message: 'Use dollars and cents, e.g. 86.37' };
  const [whole = '', fraction = ''] = cleaned.split('.');
  const cents = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) return { ok: false, message: 'Too large' };
  return { ok: true, value: cents };
}

/** Integer cents as the text a money field starts with: 8637 → "86.37". */
export function centsToInput(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A percentage typed by a person ("10", "12.5 %") as basis points (1000 = 10 %). */
export function parsePercentBp(text: string): Parsed {
  const cleaned = text.trim().replace(/%$/, '').trim();
  if (cleaned === '') return { ok: false, message: 'Enter a percentage' };
  if (!/^(\d+(\.\d{0,2})?)$/.test(cleaned)) return { ok: false, message: 'Use a number like 10 or 12.5' };
  const [whole = '0', fraction = ''] = cleaned.split('.');
  const bp = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (bp > 10_000) return { ok: false, message: 'At most 100 %' };
  return { ok: true, value: bp };
}

/** Whole days (terms): "30" → 30; refuses anything else. */
export function parseDays(text: string, max: number): Parsed {
  const cleaned = text.trim();
  if (!/^\d{1,4}$/.test(cleaned)) return { ok: false, message: 'Enter whole days' };
  const days = Number(cleaned);
  if (days > max) return { ok: false, message: `At most ${max} days` };
  return { ok: true, value: days };
}
