import { describe, expect, it } from 'vitest';
import { localDate, localDates } from '../../src/modules/reports/periods.js';

/** `localDates` (the exports' cached day lookup) must agree with `localDate` on every instant. */
describe('localDates', () => {
  const zones = [
    'America/Chicago',
    'America/Santiago',
    'America/Havana',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
  ];
  // Every 7 minutes 13 seconds over spring and autumn transitions of 2026 (both hemispheres).
  const instants: string[] = [];
  for (const [from, to] of [
    ['2026-03-06T00:00:00.000Z', '2026-03-10T00:00:00.000Z'],
    ['2026-04-03T00:00:00.000Z', '2026-04-07T00:00:00.000Z'],
    ['2026-09-04T00:00:00.000Z', '2026-09-08T00:00:00.000Z'],
    ['2026-10-02T00:00:00.000Z', '2026-10-06T00:00:00.000Z'],
    ['2026-10-30T00:00:00.000Z', '2026-11-03T00:00:00.000Z'],
  ] as const)
    for (let ms = Date.parse(from); ms < Date.parse(to); ms += 433_000)
      instants.push(new Date(ms).toISOString());

  it.each(zones)('agrees with localDate in %s, in order and shuffled', (zone) => {
    const inOrder = localDates(zone);
    expect(instants.map((iso) => inOrder(iso))).toEqual(instants.map((iso) => localDate(iso, zone)));
    const shuffled = [...instants].sort((a, b) => (a.slice(-6) < b.slice(-6) ? -1 : 1));
    const outOfOrder = localDates(zone);
    expect(shuffled.map((iso) => outOfOrder(iso))).toEqual(shuffled.map((iso) => localDate(iso, zone)));
  });

  it('a day boundary: the last millisecond before local midnight and midnight itself', () => {
    const day = localDates('America/Chicago');
    expect(day('2026-03-03T05:59:59.999Z')).toBe('2026-03-02');
    expect(day('2026-03-03T06:00:00.000Z')).toBe('2026-03-03');
    expect(day('2026-03-03T05:59:59.999Z')).toBe('2026-03-02');
  });
});
