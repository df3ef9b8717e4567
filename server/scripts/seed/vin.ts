import type { Random } from './random.js';

/** Letters and digits a VIN may hold: no I, O or Q (too easily read as 1 and 0). */
export const VIN_ALPHABET = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

const TRANSLITERATION: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** Position 10: the model year, a 30-year cycle that skips I, O, Q, U, Z and 0. */
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

function valueOf(char: string): number {
  if (char >= '0' && char <= '9') return char.charCodeAt(0) - 48;
  const value = TRANSLITERATION[char];
  if (value === undefined) throw new Error(`"${char}" cannot appear in a VIN`);
  return value;
}

/** The North-American check digit (position 9) for a 17-character VIN; position 9 itself is ignored. */
export function vinCheckDigit(vin: string): string {
  if (vin.length !== 17) throw new Error(`a VIN has 17 characters, got ${vin.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += valueOf(vin.charAt(i)) * (WEIGHTS[i] ?? 0);
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

export function hasValidCheckDigit(vin: string): boolean {
  return vin.length === 17 && vin.charAt(8) === vinCheckDigit(vin);
}

export function modelYearCode(year: number): string {
  return YEAR_CODES.charAt((((year - 1980) % 30) + 30) % 30);
}

/**
 * A VIN shaped like a real one: the make's world manufacturer identifier, five descriptor
 * characters, the computed check digit, the model-year code, a plant code and a six-digit serial.
 */
export function makeVin(random: Random, wmi: string, year: number): string {
  let descriptor = '';
  for (let i = 0; i < 5; i++) descriptor += random.pick(VIN_ALPHABET.split(''));
  const plant = random.pick('ABCDEFGHJKLMNPRSTUVWXYZ0123456789'.split(''));
  const serial = String(random.int(0, 999_999)).padStart(6, '0');
  const draft = `${wmi}${descriptor}0${modelYearCode(year)}${plant}${serial}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}
