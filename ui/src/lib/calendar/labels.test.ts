import { describe, expect, it } from 'vitest';
import { hourLabel, longDate, shortDay, timeRange, weekLabel, zoneAbbreviation } from './labels';

const NY = 'America/New_York';

describe('labels on the shop clock', () => {
  it('says times in the shop zone', () => {
    expect(timeRange('2026-03-03T14:00:00Z', '2026-03-03T15:30:00Z', NY)).toMatch(/^9:00\s*–\s*10:30\sAM$/);
    expect(hourLabel(Date.parse('2026-03-03T19:00:00Z'), NY)).toMatch(/^2\sPM$/);
  });

  it('names the zone as it is that day (EST before the change, EDT after)', () => {
    expect(zoneAbbreviation(Date.parse('2026-03-03T14:00:00Z'), NY)).toBe('EST');
    expect(zoneAbbreviation(Date.parse('2026-03-09T14:00:00Z'), NY)).toBe('EDT');
  });

  it('says plain dates without shifting them', () => {
    expect(longDate('2026-03-08')).toBe('Sunday, March 8, 2026');
    expect(shortDay('2026-03-08')).toBe('Sun, 3/8');
    expect(weekLabel('2026-03-02', '2026-03-08')).toMatch(/^Mar 2\s*–\s*8, 2026$/);
  });
});
