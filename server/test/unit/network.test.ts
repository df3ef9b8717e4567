import { describe, expect, it } from 'vitest';
import { isLanAddress, isLanRequest } from '../../src/lib/network.js';

describe('shop network detection', () => {
  it('knows private, loopback and link-local addresses', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.5',
      '192.168.1.40',
      '::1',
      'fd00::5',
      '::ffff:192.168.0.9',
    ]) {
      expect(isLanAddress(address), address).toBe(true);
    }
    for (const address of ['8.8.8.8', '172.32.0.1', '2001:db8::1', 'not-an-ip', '']) {
      expect(isLanAddress(address), address).toBe(false);
    }
  });

  it('treats a request through a tunnel as remote even though the socket is local', () => {
    expect(isLanRequest('127.0.0.1', {})).toBe(true);
    expect(isLanRequest('127.0.0.1', { 'cf-connecting-ip': '203.0.113.9' })).toBe(false);
    expect(isLanRequest('127.0.0.1', { 'x-forwarded-for': '192.168.1.5, 198.51.100.7' })).toBe(false);
    expect(isLanRequest('127.0.0.1', { forwarded: 'for="[2001:db8::1]";proto=https' })).toBe(false);
    expect(isLanRequest('192.168.1.9', { 'x-forwarded-for': '192.168.1.5' })).toBe(true);
    expect(isLanRequest('203.0.113.1', {})).toBe(false);
  });
});
