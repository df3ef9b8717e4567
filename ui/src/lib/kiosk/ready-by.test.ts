import { describe, expect, it } from 'vitest';
import { readyByOptions, spokenTime } from './ready-by';

const CHICAGO = 'America/Chicago';
/** An instant given on Chicago's wall clock in March (UTC−6 before the 8th, UTC−5 after). */
const at = (iso: string) => Date.parse(iso);

describe('readyByOptions', () => {
  it('offers noon and five today when the morning is young, then noon tomorrow', () => {
    expect(readyByOptions(at('2026-03-02T15:00:00Z'), CHICAGO)).toEqual([
      { iso: '2026-03-02T18:00:00.000Z', day: 'today', wallTime: '12:00' },
      { iso: '2026-03-02T23:00:00.000Z', day: 'today', wallTime: '17:00' },
      { iso: '2026-03-03T18:00:00.000Z', day: 'tomorrow', wallTime: '12:00' },
    ]);
  });

  it('drops a time less than an hour and a half away', () => {
    // 11:00 in Chicago: noon is an hour away
    expect(readyByOptions(at('2026-03-02T17:00:00Z'), CHICAGO).map((o) => `${o.day} ${o.wallTime}`)).toEqual([
      'today 17:00',
      'tomorrow 12:00',
      'tomorrow 17:00',
    ]);
  });

  it('after four in the afternoon offers tomorrow only, across a change of the clocks', () => {
    // 16:30 on Saturday 7 March in Chicago; Sunday the 8th the clocks go forward (UTC−5)
    expect(readyByOptions(at('2026-03-07T22:30:00Z'), CHICAGO)).toEqual([
      { iso: '2026-03-08T17:00:00.000Z', day: 'tomorrow', wallTime: '12:00' },
      { iso: '2026-03-08T22:00:00.000Z', day: 'tomorrow', wallTime: '17:00' },
    ]);
  });

  it('turns the year', () => {
    expect(readyByOptions(at('2026-12-31T23:30:00Z'), CHICAGO)[0]).toEqual({
      iso: '2027-01-01T18:00:00.000Z',
      day: 'tomorrow',
      wallTime: '12:00',
    });
  });
});

describe('spokenTime', () => {
  it('says the time as each language writes it', () => {
    // Intl puts a narrow no-break space before the day period: \s matches it.
    expect(spokenTime('17:00', 'en')).toMatch(/^5:00\sPM$/);
    expect(spokenTime('12:00', 'en')).toMatch(/^12:00\sPM$/);
    expect(spokenTime('17:00', 'es')).toMatch(/^5:00\sp\.\s?m\.$/);
  });
});
