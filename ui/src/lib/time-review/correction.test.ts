import { describe, expect, it } from 'vitest';
import { checkCorrection, describeChange, ENTRY_FIELDS, formOf, SHIFT_FIELDS } from './correction';

const NY = 'America/New_York';
const START = '2026-03-03T14:00:20.000Z'; // 9:00:20 AM in New York
const END = '2026-03-03T15:00:40.000Z'; // 10:00:40 AM

describe('the correction form', () => {
  it('shows the times on the shop’s clock, to the minute', () => {
    expect(formOf(START, END, NY)).toEqual({
      start: '2026-03-03T09:00',
      end: '2026-03-03T10:00',
      reason: '',
    });
    expect(formOf(START, null, NY).end).toBe('');
  });

  it('sends only what changed, as UTC instants (the untouched start keeps its seconds)', () => {
    const initial = formOf(START, END, NY);
    const checked = checkCorrection(initial, { ...initial, end: '2026-03-03T11:15' }, ENTRY_FIELDS, NY);
    expect(checked).toEqual({ ok: true, end: '2026-03-03T16:15:00.000Z' });
  });

  it('stops a running clock when an end is typed', () => {
    const initial = formOf(START, null, NY);
    const checked = checkCorrection(initial, { ...initial, end: '2026-03-03T17:30' }, SHIFT_FIELDS, NY);
    expect(checked).toEqual({ ok: true, end: '2026-03-03T22:30:00.000Z' });
  });

  it('refuses an emptied end, a broken value and no change, naming the API’s field', () => {
    const initial = formOf(START, END, NY);
    expect(checkCorrection(initial, { ...initial, end: '' }, SHIFT_FIELDS, NY)).toEqual({
      ok: false,
      errors: [{ path: 'clockOutAt', message: 'cannot be emptied once the clock has stopped' }],
    });
    expect(checkCorrection(initial, { ...initial, start: '2026-02-30T09:00' }, ENTRY_FIELDS, NY)).toEqual({
      ok: false,
      errors: [{ path: 'startedAt', message: 'must be a date and time' }],
    });
    const unchanged = checkCorrection(initial, { ...initial, reason: 'why' }, ENTRY_FIELDS, NY);
    expect(unchanged.ok).toBe(false);
  });
});

describe('describeChange', () => {
  it('says which times moved, from what to what', () => {
    expect(
      describeChange(
        { start: START, end: END },
        { start: START, end: '2026-03-03T16:15:00.000Z' },
        '2026-03-03',
        NY,
      ),
    ).toBe('end 10:00 AM → 11:15 AM');
    expect(
      describeChange(
        { start: START, end: null },
        { start: '2026-03-03T13:30:00.000Z', end: END },
        '2026-03-03',
        NY,
        'still in',
      ),
    ).toBe('start 9:00 AM → 8:30 AM, end still in → 10:00 AM');
    expect(describeChange({ start: START, end: END }, { start: START, end: END }, '2026-03-03', NY)).toBe(
      'no time changed',
    );
  });
});
