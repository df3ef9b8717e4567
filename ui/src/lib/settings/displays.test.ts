import { describe, expect, it } from 'vitest';
import { displayUrl, sortTokens } from './displays';

describe('bay TV tokens', () => {
  it('builds the full address for the TV', () => {
    expect(displayUrl('http://192.168.1.20:8080', 'dt_abc-123')).toBe(
      'http://192.168.1.20:8080/display?token=dt_abc-123',
    );
    expect(displayUrl('http://shop.local/', 'dt_a+b/c')).toBe('http://shop.local/display?token=dt_a%2Bb%2Fc');
  });
  it('lists working screens first, newest first', () => {
    const sorted = sortTokens([
      { id: 'old', revokedAt: null, createdAt: '2026-01-01T00:00:00Z' },
      { id: 'gone', revokedAt: '2026-02-01T00:00:00Z', createdAt: '2026-01-15T00:00:00Z' },
      { id: 'new', revokedAt: null, createdAt: '2026-01-10T00:00:00Z' },
    ]);
    expect(sorted.map((t) => t.id)).toEqual(['new', 'old', 'gone']);
  });
});
