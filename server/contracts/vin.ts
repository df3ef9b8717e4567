/**
 * VIN rules (ISO 3779 / 49 CFR 565), with no I/O: what the API accepts, and the check digit.
 *
 * The check digit (position 9) is mandatory only for vehicles made for North America (first
 * character 1-5). Elsewhere position 9 is often a filler ("Z") or a plain serial digit, so a
 * mismatch there says nothing about a typo and must not block a European or Asian car.
 */
export const VIN_LENGTH = 17;

const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** Letters map to digits; I, O and Q are absent because VINs never use them (they read as 1 and 0). */
const TRANSLITERATION: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
}; // prettier-ignore

export type VinErrorCode = 'length' | 'forbidden-letter' | 'character' | 'check-digit';

export interface VinCheck {
  /** Trimmed and upper-cased. */
  vin: string;
  /** 17 characters, only A-Z (no I, O, Q) and 0-9. */
  wellFormed: boolean;
  /** Made for North America (first character 1-5): the check digit is enforced. */
  northAmerican: boolean;
  /** What position 9 should be; null when the VIN is not well formed. */
  expectedCheckDigit: string | null;
  /** Whether position 9 matches the computed check digit (false when not well formed). */
  checkDigitValid: boolean;
  /** Well formed, and the check digit matches where it is mandatory. */
  valid: boolean;
  /** Why it is not valid; null when valid. */
  error: { code: VinErrorCode; message: string } | null;
}

export function normalizeVin(input: string): string {
  return input.trim().toUpperCase();
}

export function isNorthAmericanVin(vin: string): boolean {
  const first = vin.charAt(0);
  return first >= '1' && first <= '5';
}

function charValue(char: string): number | undefined {
  if (char >= '0' && char <= '9') return Number(char);
  return TRANSLITERATION[char];
}

/** The check digit ('0'-'9' or 'X') of a well-formed 17-character VIN; undefined otherwise. */
export function computeCheckDigit(vin: string): string | undefined {
  if (vin.length !== VIN_LENGTH) return undefined;
  let sum = 0;
  for (let i = 0; i < VIN_LENGTH; i++) {
    const value = charValue(vin.charAt(i));
    if (value === undefined) return undefined;
    sum += value * WEIGHTS[i]!;
  }
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/** The same VIN with position 9 replaced by its computed check digit (for decoders that insist on one). */
export function withComputedCheckDigit(vin: string): string {
  const digit = computeCheckDigit(vin);
  return digit === undefined ? vin : `${vin.slice(0, 8)}${digit}${vin.slice(9)}`;
}

function structureError(vin: string): VinCheck['error'] {
  if (vin.length !== VIN_LENGTH) {
    return { code: 'length', message: `must be exactly 17 characters (got ${vin.length})` };
  }
  for (let i = 0; i < vin.length; i++) {
    const char = vin.charAt(i);
    if (char === 'I' || char === 'O' || char === 'Q') {
      return {
        code: 'forbidden-letter',
        message: `must not contain the letters I, O or Q (found ${char} at position ${i + 1})`,
      };
    }
    if (charValue(char) === undefined) {
      return {
        code: 'character',
        message: `may contain only letters A-Z and digits 0-9 (found "${char}" at position ${i + 1})`,
      };
    }
  }
  return null;
}

/** Everything the API needs to know about a VIN as typed: normalized, well formed, check digit. */
export function checkVin(input: string): VinCheck {
  const vin = normalizeVin(input);
  const northAmerican = isNorthAmericanVin(vin);
  const malformed = structureError(vin);
  if (malformed !== null) {
    return {
      vin,
      wellFormed: false,
      northAmerican,
      expectedCheckDigit: null,
      checkDigitValid: false,
      valid: false,
      error: malformed,
    };
  }
  const expected = computeCheckDigit(vin)!;
  const actual = vin.charAt(8);
  const checkDigitValid = actual === expected;
  const refused = northAmerican && !checkDigitValid;
  return {
    vin,
    wellFormed: true,
    northAmerican,
    expectedCheckDigit: expected,
    checkDigitValid,
    valid: !refused,
    error: refused
      ? {
          code: 'check-digit',
          message: `has a wrong check digit: position 9 is ${actual} but the other characters give ${expected}. Check for a typo`,
        }
      : null,
  };
}
