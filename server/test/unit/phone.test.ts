import { describe, expect, it } from 'vitest';
import { formatPhone, looksLikePhone, normalizePhone, phoneSearchDigits } from '../../src/lib/phone.js';

describe('normalizePhone', () => {
  it.each([
    ['(555) 123-4567', '+15551234567'],
    ['555.123.4567', '+15551234567'],
    ['555-123-4567', '+15551234567'],
    ['555 123 4567', '+15551234567'],
    ['5551234567', '+15551234567'],
    ['(555)1234567', '+15551234567'],
    ['555/123/4567', '+15551234567'],
    ['+1 555 123 4567', '+15551234567'],
    ['+1 (555) 123-4567', '+15551234567'],
    ['1 (555) 123-4567', '+15551234567'],
    ['1-555-123-4567', '+15551234567'],
    ['15551234567', '+15551234567'],
    ['+15551234567', '+15551234567'],
    ['  (312) 555-0143  ', '+13125550143'],
    ['tel:+1-312-555-0143', '+13125550143'],
    ['1-800-555-0199', '+18005550199'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
    ['011 44 20 7946 0958', '+442079460958'],
    ['+52 55 1234 5678', '+525512345678'],
    ['+49 30 123456', '+4930123456'],
  ])('reads %j as %s', (input, e164) => {
    expect(normalizePhone(input)).toEqual({ e164, extension: null });
  });

  it('keeps an extension apart, since E.164 cannot carry it', () => {
    expect(normalizePhone('(415) 555-2671 ext. 12')).toEqual({ e164: '+14155552671', extension: '12' });
    expect(normalizePhone('415 555 2671 x12')).toEqual({ e164: '+14155552671', extension: '12' });
    expect(normalizePhone('+1 415 555 2671 #7')).toEqual({ e164: '+14155552671', extension: '7' });
  });

  it.each([
    '',
    '   ',
    '12',
    '555-1234',
    '310-1840',
    '555 123 456',
    '5551234567890',
    '+1 5551234567890',
    '1-800-FLOWERS',
    'call me',
    '07911 123456',
    '+0 123',
    '1'.repeat(41),
  ])('refuses %j', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it('reads national numbers of another region when told to', () => {
    expect(normalizePhone('07911 123456', 'GB')).toEqual({ e164: '+447911123456', extension: null });
    expect(normalizePhone('020 7946 0958', 'GB')?.e164).toBe('+442079460958');
  });
});

describe('formatPhone', () => {
  it('shows home numbers nationally and foreign ones internationally', () => {
    expect(formatPhone('+13125550143')).toBe('(312) 555-0143');
    expect(formatPhone('+15551234567')).toBe('(555) 123-4567');
    expect(formatPhone('+442079460958')).toBe('+44 20 7946 0958');
  });
});

describe('phone search helpers', () => {
  it('tells phone-like queries from others', () => {
    for (const q of ['4567', '(312) 555', '+1 312', '555.0143', '312-555-0143'])
      expect(looksLikePhone(q), q).toBe(true);
    for (const q of ['John', 'ABC-1234', 'a@b.test', '', '  ()  ']) expect(looksLikePhone(q), q).toBe(false);
  });

  it('gives the digits as typed, the E.164 digits of a whole number, and a national number without its trunk 0', () => {
    expect(phoneSearchDigits('4567')).toEqual(['4567']);
    expect(phoneSearchDigits('(312) 555-0143')).toEqual(['3125550143', '13125550143']);
    expect(phoneSearchDigits('020 7946 0958')).toEqual(['02079460958', '2079460958']);
    expect(phoneSearchDigits('abc')).toEqual([]);
  });
});
