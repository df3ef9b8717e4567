import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkVin,
  computeCheckDigit,
  isNorthAmericanVin,
  normalizeVin,
  withComputedCheckDigit,
} from '../../contracts/vin.js';

/** An independent copy of the ISO 3779 table, so the test does not check the code against itself. */
const TRANSLITERATION: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5,
  P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
}; // prettier-ignore
const VIN_CHARS = [...'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'];
const vinChar = fc.constantFrom(...VIN_CHARS);
const anyVinBody = fc.array(vinChar, { minLength: 17, maxLength: 17 }).map((chars) => chars.join(''));

describe('VIN validation', () => {
  it('accepts real North-American VINs with a correct check digit', () => {
    for (const vin of [
      '1HGCM82633A004352', // 2003 Honda Accord
      '1M8GDM9AXKP042788', // 1989 MCI bus: check digit X
      '5YJSA1E13HF195232', // 2017 Tesla Model S
      '1FTFW1ET9DFC10312', // 2013 Ford F-150
      '11111111111111111',
    ]) {
      expect(checkVin(vin), vin).toMatchObject({
        vin,
        wellFormed: true,
        northAmerican: true,
        checkDigitValid: true,
        valid: true,
        error: null,
      });
    }
  });

  it('accepts VINs from elsewhere with a correct check digit', () => {
    expect(checkVin('JH4KA7561PC008269')).toMatchObject({
      northAmerican: false,
      checkDigitValid: true,
      valid: true,
    });
    expect(checkVin('KM8K2CAB4PU001140')).toMatchObject({
      northAmerican: false,
      checkDigitValid: true,
      valid: true,
    });
  });

  it('normalizes case and surrounding spaces', () => {
    expect(normalizeVin('  1hgcm82633a004352\t')).toBe('1HGCM82633A004352');
    expect(checkVin(' 1hgcm82633a004352 ')).toMatchObject({ vin: '1HGCM82633A004352', valid: true });
  });

  it('computes the check digit with the standard weights and transliteration', () => {
    expect(computeCheckDigit('1HGCM82633A004352')).toBe('3');
    expect(computeCheckDigit('1M8GDM9AXKP042788')).toBe('X');
    expect(computeCheckDigit('5YJSA1E14HF195232')).toBe('3');
    expect(computeCheckDigit('1FTFW1ET5DFC10312')).toBe('9');
    expect(computeCheckDigit('SHORT')).toBeUndefined();
    expect(computeCheckDigit('1HGCM82633A00435O')).toBeUndefined();
    expect(withComputedCheckDigit('5YJSA1E14HF195232')).toBe('5YJSA1E13HF195232');
  });

  it('refuses a North-American VIN whose check digit is wrong, saying so', () => {
    const result = checkVin('5YJSA1E14HF195232');
    expect(result).toMatchObject({
      wellFormed: true,
      northAmerican: true,
      checkDigitValid: false,
      expectedCheckDigit: '3',
      valid: false,
    });
    expect(result.error?.code).toBe('check-digit');
    expect(result.error?.message).toContain('wrong check digit');
    expect(result.error?.message).toContain('position 9 is 4');
    expect(checkVin('1FTFW1ET5DFC10312')).toMatchObject({ valid: false, expectedCheckDigit: '9' });
  });

  it('accepts a European VIN whose check digit does not match (not enforced outside North America)', () => {
    for (const vin of ['WVWZZZ1JZXW000001', 'WP0ZZZ99ZTS392124', 'VF1BB05CF12345678']) {
      const result = checkVin(vin);
      expect(result, vin).toMatchObject({ wellFormed: true, northAmerican: false, valid: true, error: null });
      expect(result.checkDigitValid, vin).toBe(false);
    }
  });

  it('refuses I, O and Q anywhere, naming the letter and position', () => {
    for (const [vin, letter, position] of [
      ['IHGCM82633A004352', 'I', 1],
      ['1HGCM82633A0O4352', 'O', 13],
      ['WVWZZZ1JZXQ000001', 'Q', 11],
    ] as const) {
      const result = checkVin(vin);
      expect(result.valid, vin).toBe(false);
      expect(result.error?.code).toBe('forbidden-letter');
      expect(result.error?.message).toContain(`${letter} at position ${position}`);
    }
  });

  it('refuses the wrong length and characters other than letters and digits', () => {
    expect(checkVin('1HGCM82633A00435').error).toEqual({
      code: 'length',
      message: 'must be exactly 17 characters (got 16)',
    });
    expect(checkVin('1HGCM82633A0043521').error?.code).toBe('length');
    expect(checkVin('').error?.code).toBe('length');
    expect(checkVin('1HGCM-2633A004352').error).toMatchObject({ code: 'character' });
    expect(checkVin('1HGCM-2633A004352').error?.message).toContain('position 6');
    expect(checkVin('1HGCM 2633A004352').wellFormed).toBe(false);
  });

  it('knows which VINs are North-American by their first character', () => {
    expect(['1', '2', '3', '4', '5'].every((c) => isNorthAmericanVin(`${c}HGCM82633A004352`))).toBe(true);
    expect(['6', '9', 'J', 'K', 'W', 'S'].some((c) => isNorthAmericanVin(`${c}HGCM82633A004352`))).toBe(
      false,
    );
  });

  it('property: any well-formed VIN with its computed check digit is valid', () => {
    fc.assert(
      fc.property(anyVinBody, (body) => {
        const vin = withComputedCheckDigit(body);
        const result = checkVin(vin);
        expect(result.valid).toBe(true);
        expect(result.checkDigitValid).toBe(true);
      }),
    );
  });

  it('property: a single mistyped character in a North-American VIN is always caught', () => {
    // Weights 2-10 times value differences 1-9 are never a multiple of 11 (a prime), so every
    // typo that changes a character's value changes the check digit. Position 9 is the check digit
    // itself; I, O, Q never occur; A/J/1 etc. share a value and cannot be told apart.
    const value = (c: string) => (/[0-9]/.test(c) ? Number(c) : TRANSLITERATION[c]!);
    const positions = [...Array(17).keys()].filter((i) => i !== 8);
    fc.assert(
      fc.property(
        anyVinBody,
        fc.constantFrom('1', '2', '3', '4', '5'),
        fc.constantFrom(...positions),
        vinChar,
        (body, first, position, replacement) => {
          const vin = withComputedCheckDigit(first + body.slice(1));
          const typo = vin.slice(0, position) + replacement + vin.slice(position + 1);
          fc.pre(value(replacement) !== value(vin.charAt(position)) && isNorthAmericanVin(typo));
          expect(checkVin(typo).error?.code).toBe('check-digit');
        },
      ),
    );
  });
});
