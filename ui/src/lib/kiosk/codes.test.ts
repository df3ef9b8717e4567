import { describe, expect, it } from 'vitest';
import { checkInCodeFromScan, pairingCodeFrom, vinFromScan } from './codes';

describe('vinFromScan', () => {
  it('takes a 17-character VIN as read, in upper case', () => {
    expect(vinFromScan('1hgcm82633a004352')).toBe('1HGCM82633A004352');
  });
  it('drops the leading I of an imported car’s Code 39 label', () => {
    expect(vinFromScan('I1HGCM82633A004352')).toBe('1HGCM82633A004352');
  });
  it('drops Code 39 start/stop stars and spaces', () => {
    expect(vinFromScan('*1HGCM82633A004352*')).toBe('1HGCM82633A004352');
  });
  it('refuses what is not a VIN (letters I, O, Q; wrong length; a URL)', () => {
    expect(vinFromScan('1HGCM82633A00435')).toBeNull();
    expect(vinFromScan('1HGCM8263OA004352')).toBeNull();
    expect(vinFromScan('https://example.com/x')).toBeNull();
  });
});

describe('checkInCodeFromScan', () => {
  it('reads ASE-CHECKIN:<code>', () => {
    expect(checkInCodeFromScan('ASE-CHECKIN:K7M2P9QX')).toBe('K7M2P9QX');
    expect(checkInCodeFromScan(' ase-checkin:k7m2p9qx ')).toBe('k7m2p9qx');
  });
  it('refuses anyone else’s QR', () => {
    expect(checkInCodeFromScan('https://evil.example/ASE-CHECKIN:K7M2P9QX')).toBeNull();
    expect(checkInCodeFromScan('ASE-CHECKIN:')).toBeNull();
    expect(checkInCodeFromScan('ASE-CHECKIN:<script>')).toBeNull();
  });
});

describe('pairingCodeFrom', () => {
  it('reads the code shown 4-4 or in the address', () => {
    expect(pairingCodeFrom('4821 3907')).toBe('48213907');
    expect(pairingCodeFrom('4821-3907')).toBe('48213907');
    expect(pairingCodeFrom(null)).toBeNull();
    expect(pairingCodeFrom('  ')).toBeNull();
  });
});
