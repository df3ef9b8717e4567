import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { HttpProblem } from '../../src/lib/problem.js';
import { unionOfConcerns } from '../../src/modules/kiosk-check-in/check-in-input.js';
import { KioskLookupLimit } from '../../src/modules/kiosk-check-in/lookup-limit.js';
import { maskName, maskPlate, maskVehicle } from '../../src/modules/kiosk-check-in/masking.js';
import {
  newReminderCode,
  parseReminderCode,
  REMINDER_CODE_ALPHABET,
  reminderQrContent,
} from '../../src/modules/kiosk-check-in/reminder-codes.js';
import { factMatches } from '../../src/modules/kiosk-check-in/second-fact.js';
import { lowestFreeTag } from '../../src/modules/kiosk-check-in/tag-numbers.js';

/** The kiosk's rules without I/O: masking, the second fact, tag numbers, codes, the lookup limit. */

describe('masking', () => {
  it('shows an initial and two letters of the last name, never more', () => {
    expect(maskName('John Smith')).toBe('J. Sm***');
    expect(maskName('  ana  García López ')).toBe('A. Ga***');
    expect(maskName('Cher')).toBe('Ch***');
    expect(maskName('Élodie Ørsted')).toBe('É. Ør***');
    expect(maskName('Acme Fleet Services', 'business')).toBe('Ac***');
    expect(maskName('')).toBe('***');
  });

  it('shows year, make and the first letter of the model; plates cut to three characters', () => {
    expect(maskVehicle({ year: 2019, make: 'Honda', model: 'Civic' })).toBe('2019 Honda C***');
    expect(maskVehicle({ year: null, make: 'Ford', model: null })).toBe('Ford');
    expect(maskVehicle({ year: null, make: null, model: null })).toBe('Vehicle ***');
    expect(maskPlate('7ABC123')).toBe('7AB***');
    expect(maskPlate('AB1')).toBe('A***');
    expect(maskPlate(null)).toBeNull();
  });
});

describe('the second fact', () => {
  it('is the last name in any case and with or without accents, or a plate in any spacing', () => {
    expect(factMatches('smith', 'John Smith', [])).toBe(true);
    expect(factMatches('GARCIA', 'Ana García López', [])).toBe(true);
    expect(factMatches('lopez', 'Ana García López', [])).toBe(true);
    expect(factMatches('García-López', 'Ana García López', [])).toBe(true);
    expect(factMatches('7ab c123', 'John Smith', ['7ABC123'])).toBe(true);
  });

  it('is not the first name, part of a name, another plate, or blank', () => {
    expect(factMatches('John', 'John Smith', [])).toBe(false);
    expect(factMatches('Smi', 'John Smith', [])).toBe(false);
    expect(factMatches('7ABC124', 'John Smith', ['7ABC123', null])).toBe(false);
    expect(factMatches('  -- ', 'John Smith', [])).toBe(false);
  });
});

describe('key tag numbers', () => {
  it('hands out the lowest number not on an open repair order', () => {
    expect(lowestFreeTag([])).toBe(1);
    expect(lowestFreeTag(['1', '2', '4'])).toBe(3);
    expect(lowestFreeTag(['001', ' 2 ', 'A3', 'blue'])).toBe(3);
    expect(lowestFreeTag(Array.from({ length: 999 }, (_, i) => String(i + 1)))).toBeNull();
  });
});

describe('reminder codes', () => {
  it('are 8 characters of an alphabet without look-alikes, read typed or from the QR', () => {
    const code = newReminderCode();
    expect(code).toMatch(new RegExp(`^[${REMINDER_CODE_ALPHABET}]{8}$`));
    expect(REMINDER_CODE_ALPHABET).not.toMatch(/[01ILO]/);
    expect(parseReminderCode(code.toLowerCase())).toBe(code);
    expect(parseReminderCode(`${code.slice(0, 4)}-${code.slice(4)}`)).toBe(code);
    expect(parseReminderCode(reminderQrContent(code))).toBe(code);
    expect(parseReminderCode('ABCD-EFG0')).toBeNull();
    expect(parseReminderCode('short')).toBeNull();
  });
});

describe('concerns at the door', () => {
  it('are the booked ones, then the added ones, none twice', () => {
    expect(unionOfConcerns(['Oil change', 'Brakes'], ['oil change ', 'Tires'])).toEqual([
      'Oil change',
      'Brakes',
      'Tires',
    ]);
  });
});

describe('the lookup limit', () => {
  it('allows 10 lookups per kiosk in 5 minutes, says when to retry, and counts kiosks apart', () => {
    const clock = new ManualClock('2026-03-02T14:00:00.000Z');
    const limit = new KioskLookupLimit(clock);
    for (let i = 0; i < 10; i++) {
      limit.take('kiosk-a');
      clock.advance(1_000);
    }
    let refused: unknown;
    try {
      limit.take('kiosk-a');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(HttpProblem);
    expect((refused as HttpProblem).status).toBe(429);
    expect((refused as HttpProblem).extensions.retryAfterSeconds).toBe(290);
    limit.take('kiosk-b');
    clock.advance(290_000);
    expect(() => limit.take('kiosk-a')).not.toThrow();
  });
});
