import { describe, expect, it } from 'vitest';
import { LatestOnly } from './latest';

describe('LatestOnly', () => {
  it('keeps only the newest ticket current', () => {
    const latest = new LatestOnly();
    const older = latest.begin();
    const newer = latest.begin();
    expect(older()).toBe(false);
    expect(newer()).toBe(true);
  });

  it('makes every ticket stale on drop', () => {
    const latest = new LatestOnly();
    const ticket = latest.begin();
    latest.drop();
    expect(ticket()).toBe(false);
    expect(latest.begin()()).toBe(true);
  });
});
