import { describe, expect, it } from 'vitest';
import { signInSource } from '../../src/modules/auth/sign-in-source.js';

describe('where a sign-in attempt is counted from', () => {
  it('keeps the zone apart, so the box itself and the tunnel on it are two sources', () => {
    expect(signInSource('127.0.0.1', true)).toBe('lan:127.0.0.1');
    expect(signInSource('127.0.0.1', false)).toBe('outside:127.0.0.1');
    expect(signInSource(null, false)).toBe('outside:unknown');
  });

  it('counts an IPv4-mapped address as the IPv4 address', () => {
    expect(signInSource('::ffff:203.0.113.9', false)).toBe('outside:203.0.113.9');
    expect(signInSource('::ffff:192.168.1.5', true)).toBe('lan:192.168.1.5');
  });

  it('counts an outside IPv6 client by its /64, however the address is written', () => {
    const expected = 'outside:2001:db8:0:12::/64';
    expect(signInSource('2001:db8::12:0:0:0:1', false)).toBe(expected);
    expect(signInSource('2001:0db8:0000:0012:abcd::9', false)).toBe(expected);
    expect(signInSource('2001:db8:0:12:1:2:3:4', false)).toBe(expected);
    expect(signInSource('2001:db8:0:13::1', false)).not.toBe(expected);
  });

  it('keeps each device on the shop network apart, even on one IPv6 /64', () => {
    expect(signInSource('fd00::1:5', true)).toBe('lan:fd00::1:5');
    expect(signInSource('fd00::1:6', true)).not.toBe(signInSource('fd00::1:5', true));
  });
});
