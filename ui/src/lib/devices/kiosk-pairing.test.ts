import { describe, expect, it } from 'vitest';
import { countdown, groupedCode, pairedSinceCode, secondsLeft } from './kiosk-pairing';

describe('the kiosk pairing code on screen', () => {
  it('groups the 8 digits 4-4', () => {
    expect(groupedCode('48213907')).toBe('4821 3907');
    expect(groupedCode('123')).toBe('123');
  });

  it('counts down in minutes and seconds, and stops at zero', () => {
    const now = Date.parse('2026-03-02T14:00:00.000Z');
    expect(secondsLeft('2026-03-02T14:10:00.000Z', now)).toBe(600);
    expect(secondsLeft('2026-03-02T14:00:00.400Z', now)).toBe(1);
    expect(secondsLeft('2026-03-02T13:59:00.000Z', now)).toBe(0);
    expect(countdown(600)).toBe('10:00');
    expect(countdown(589)).toBe('9:49');
    expect(countdown(5)).toBe('0:05');
  });

  it('says a tablet paired only when the pairing moment changed since the code was made', () => {
    const earlier = '2026-03-01T09:00:00.000Z';
    const later = '2026-03-02T14:01:00.000Z';
    expect(pairedSinceCode({ paired: true, pairedAt: later }, earlier)).toBe(true);
    expect(pairedSinceCode({ paired: true, pairedAt: later }, null)).toBe(true);
    expect(pairedSinceCode({ paired: true, pairedAt: earlier }, earlier)).toBe(false);
    // Revoked since: not paired, whatever the moment says.
    expect(pairedSinceCode({ paired: false, pairedAt: later }, earlier)).toBe(false);
  });
});
