import { describe, expect, it } from 'vitest';
import {
  duration,
  groupByTechnician,
  productivity,
  timeOnDay,
  type EntryLike,
  type ShiftLike,
} from './review';

const NY = 'America/New_York';

function shift(id: string, technicianId: string, clockInAt: string, seconds: number): ShiftLike {
  return { id, technicianId, technicianName: `Tech ${technicianId}`, clockInAt, clockOutAt: null, seconds };
}

function entry(id: string, technicianId: string, startedAt: string, seconds: number): EntryLike {
  return { id, technicianId, technicianName: `Tech ${technicianId}`, startedAt, endedAt: null, seconds };
}

describe('duration', () => {
  it('says hours and minutes, dropping what is zero', () => {
    expect(duration(0)).toBe('0 min');
    expect(duration(59)).toBe('< 1 min');
    expect(duration(60)).toBe('1 min');
    expect(duration(45 * 60 + 59)).toBe('45 min');
    expect(duration(2 * 3600)).toBe('2 h');
    expect(duration(2 * 3600 + 15 * 60)).toBe('2 h 15 min');
    expect(duration(-5)).toBe('0 min');
  });
});

describe('productivity', () => {
  it('is hours on jobs over hours on shift, none without a shift', () => {
    expect(productivity(2 * 3600, 8 * 3600)).toBe('25 %');
    expect(productivity(9 * 3600, 8 * 3600)).toBe('113 %');
    expect(productivity(3600, 0)).toBeNull();
  });
});

describe('groupByTechnician', () => {
  it('gathers each technician’s rows oldest first, with totals, by name', () => {
    const groups = groupByTechnician(
      [
        shift('s2', 'b', '2026-03-03T13:00:00.000Z', 3600),
        shift('s1', 'a', '2026-03-03T12:00:00.000Z', 7200),
      ],
      [
        entry('e3', 'a', '2026-03-03T14:00:00.000Z', 600),
        entry('e1', 'a', '2026-03-03T12:30:00.000Z', 1200),
        entry('e4', 'c', '2026-03-03T15:00:00.000Z', 300),
      ],
    );
    expect(groups.map((g) => g.technicianId)).toEqual(['a', 'b', 'c']);
    expect(groups[0]).toMatchObject({ shiftSeconds: 7200, jobSeconds: 1800 });
    expect(groups[0]!.entries.map((e) => e.id)).toEqual(['e1', 'e3']);
    expect(groups[1]).toMatchObject({ shiftSeconds: 3600, jobSeconds: 0, entries: [] });
    // Job time without a shift (the shop skips clock-in) still shows.
    expect(groups[2]).toMatchObject({ shiftSeconds: 0, jobSeconds: 300, shifts: [] });
  });

  it('is empty for an empty day', () => {
    expect(groupByTechnician([], [])).toEqual([]);
  });
});

describe('timeOnDay', () => {
  it('shows the shop’s clock, with the date when it is another day', () => {
    // 14:05 UTC is 9:05 AM in New York on March 3 (EST).
    expect(timeOnDay('2026-03-03T14:05:00.000Z', '2026-03-03', NY)).toBe('9:05 AM');
    // 06:10 UTC on March 4 is 1:10 AM on March 4 there: past midnight of the reviewed day.
    expect(timeOnDay('2026-03-04T06:10:00.000Z', '2026-03-03', NY)).toBe('Mar 4, 1:10 AM');
  });
});
