import { computeCheckDigit } from '../../contracts/vin.js';
import type { Random } from './random.js';

/** Letters and digits a VIN may hold: no I, O or Q (too easily read as 1 and 0). */
export const VIN_ALPHABET = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

/** Position 10: the model year, a 30-year cycle that skips I, O, Q, U, Z and 0. */
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

/** The North-American check digit (position 9) for a 17-character VIN; position 9 itself is ignored. */
export function vinCheckDigit(vin: string): string {
  const digit = computeCheckDigit(vin);
  if (digit === undefined) throw new Error(`not a 17-character VIN of the VIN alphabet: ${vin}`);
  return digit;
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
