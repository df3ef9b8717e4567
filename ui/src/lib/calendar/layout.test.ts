import { describe, expect, it } from 'vitest';
import {
  byLane,
  dayWindow,
  dropStart,
  hourTicks,
  laneKeyOf,
  lanesFor,
  moveKeepingLength,
  placeInWindow,
  shopHour,
  slotAt,
  startDateOf,
  UNASSIGNED_LANE,
  type CalendarItem,
} from './layout';
import { HOUR_MS, MINUTE_MS } from './zoned';

const NY = 'America/New_York';

function item(id: string, startsAt: string, endsAt: string, extra: Partial<CalendarItem> = {}): CalendarItem {
  return {
    id,
    startsAt,
    endsAt,
    bayId: null,
    bayName: null,
    technicianId: null,
    technicianName: null,
    status: 'booked',
    ...extra,
  };
}

describe('lanes', () => {
  const bays = [
    { id: 'b1', name: 'Bay 1', active: true },
    { id: 'b2', name: 'Bay 2', active: true },
    { id: 'b3', name: 'Old bay', active: false },
  ];

  it('lists active bays, then retired ones still booked, then Unassigned', () => {
    const items = [
      item('a', '2026-03-03T14:00:00Z', '2026-03-03T15:00:00Z', { bayId: 'b3', bayName: 'Old bay' }),
      item('b', '2026-03-03T14:00:00Z', '2026-03-03T15:00:00Z', { bayId: 'gone', bayName: 'Bay 9' }),
    ];
    const lanes = lanesFor('bay', bays, items);
    expect(lanes.map((l) => l.label)).toEqual(['Bay 1', 'Bay 2', 'Old bay', 'Bay 9', 'Unassigned']);
    expect(lanes.map((l) => l.retired)).toEqual([false, false, true, true, false]);
  });

  it('puts an appointment in its bay or technician lane, or Unassigned', () => {
    const a = item('a', '2026-03-03T14:00:00Z', '2026-03-03T15:00:00Z', { bayId: 'b1' });
    expect(laneKeyOf(a, 'bay')).toBe('bay:b1');
    expect(laneKeyOf(a, 'technician')).toBe(UNASSIGNED_LANE);
    const lanes = lanesFor('bay', bays, [a]);
    const groups = byLane([a], lanes, 'bay');
    expect(groups.get('bay:b1')).toEqual([a]);
    expect(groups.get('bay:b2')).toEqual([]);
  });
});

describe('the day window', () => {
  it('shows 07:00-19:00 on the shop clock by default', () => {
    const w = dayWindow('2026-03-03', NY, []);
    expect(new Date(w.startMs).toISOString()).toBe('2026-03-03T12:00:00.000Z');
    expect(new Date(w.endMs).toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect(hourTicks(w)).toHaveLength(12);
  });

  it('stretches to whole hours for early and late appointments of that day only', () => {
    const w = dayWindow('2026-03-03', NY, [
      item('early', '2026-03-03T11:15:00Z', '2026-03-03T13:00:00Z'), // 06:15 EST
      item('late', '2026-03-04T00:00:00Z', '2026-03-04T01:10:00Z'), // 19:00-20:10 EST
      item('other day', '2026-03-05T02:00:00Z', '2026-03-05T03:00:00Z'),
    ]);
    expect(shopHour(w.startMs, NY)).toBe(6);
    expect(shopHour(w.endMs, NY)).toBe(21);
  });

  it('has 23 hour lines on spring-forward day when the whole day is shown, labeled 0,1,3,…', () => {
    const w = dayWindow('2026-03-08', NY, [], { openHour: 0, closeHour: 24 });
    const ticks = hourTicks(w);
    expect(ticks).toHaveLength(23);
    expect(ticks.slice(0, 4).map((t) => shopHour(t, NY))).toEqual([0, 1, 3, 4]);
  });

  it('has 25 hour lines on fall-back day, 1 o’clock twice', () => {
    const w = dayWindow('2026-11-01', NY, [], { openHour: 0, closeHour: 24 });
    const ticks = hourTicks(w);
    expect(ticks).toHaveLength(25);
    expect(ticks.slice(0, 4).map((t) => shopHour(t, NY))).toEqual([0, 1, 1, 2]);
  });

  it('places blocks by real elapsed time on a DST day', () => {
    // Spring forward: 01:00 EST → 04:00 EDT is two real hours (02:00 never happens).
    const w = dayWindow('2026-03-08', NY, [], { openHour: 0, closeHour: 24 });
    const [placed] = placeInWindow([item('a', '2026-03-08T06:00:00Z', '2026-03-08T08:00:00Z')], w);
    expect(placed!.offset).toBeCloseTo(1 / 23);
    expect(placed!.length).toBeCloseTo(2 / 23);
  });
});

describe('placing blocks in a window', () => {
  const w = { startMs: Date.parse('2026-03-03T12:00:00Z'), endMs: Date.parse('2026-03-04T00:00:00Z') };

  it('positions by start and end', () => {
    const [p] = placeInWindow([item('a', '2026-03-03T15:00:00Z', '2026-03-03T18:00:00Z')], w);
    expect(p).toMatchObject({ offset: 0.25, length: 0.25, track: 0, tracks: 1 });
  });

  it('clips at the window and says so', () => {
    const [p] = placeInWindow([item('a', '2026-03-03T10:00:00Z', '2026-03-03T13:00:00Z')], w);
    expect(p).toMatchObject({ offset: 0, clippedStart: true, clippedEnd: false });
    expect(p!.length).toBeCloseTo(1 / 12);
  });

  it('splits overlapping blocks into tracks, per cluster', () => {
    const placed = placeInWindow(
      [
        item('a', '2026-03-03T14:00:00Z', '2026-03-03T16:00:00Z'),
        item('b', '2026-03-03T15:00:00Z', '2026-03-03T17:00:00Z'),
        item('c', '2026-03-03T16:00:00Z', '2026-03-03T17:00:00Z'),
        item('d', '2026-03-03T20:00:00Z', '2026-03-03T21:00:00Z'),
      ],
      w,
    );
    const byId = Object.fromEntries(placed.map((p) => [p.item.id, p]));
    expect(byId.a).toMatchObject({ track: 0, tracks: 2 });
    expect(byId.b).toMatchObject({ track: 1, tracks: 2 });
    expect(byId.c).toMatchObject({ track: 0, tracks: 2 }); // reuses a's track once a ends
    expect(byId.d).toMatchObject({ track: 0, tracks: 1 });
  });

  it('drops what is outside and keeps a minimum length', () => {
    const placed = placeInWindow(
      [
        item('out', '2026-03-04T01:00:00Z', '2026-03-04T02:00:00Z'),
        item('short', '2026-03-03T13:00:00Z', '2026-03-03T13:05:00Z'),
      ],
      w,
      0.02,
    );
    expect(placed.map((p) => p.item.id)).toEqual(['short']);
    expect(placed[0]!.length).toBe(0.02);
  });
});

describe('drag and click maths', () => {
  const w = { startMs: Date.parse('2026-03-03T12:00:00Z'), endMs: Date.parse('2026-03-04T00:00:00Z') };

  it('drops on the quarter hour, less where the block was grabbed', () => {
    // Pointer at 10:07 local, grabbed 30 min into the block → starts 09:37 → 09:30.
    const fraction = (3 * HOUR_MS + 7 * MINUTE_MS) / (12 * HOUR_MS);
    const start = dropStart(w, fraction, 30 * MINUTE_MS);
    expect(new Date(start).toISOString()).toBe('2026-03-03T14:30:00.000Z');
  });

  it('offers a one-hour slot on the half hour under a click', () => {
    const slot = slotAt(w, (2 * HOUR_MS + 50 * MINUTE_MS) / (12 * HOUR_MS));
    expect(new Date(slot.startMs).toISOString()).toBe('2026-03-03T14:30:00.000Z');
    expect(slot.endMs - slot.startMs).toBe(HOUR_MS);
  });

  it('keeps the length when moving', () => {
    const moved = moveKeepingLength(
      item('a', '2026-03-03T14:00:00Z', '2026-03-03T15:30:00Z'),
      Date.parse('2026-03-03T18:00:00Z'),
    );
    expect(moved).toEqual({ startsAt: '2026-03-03T18:00:00.000Z', endsAt: '2026-03-03T19:30:00.000Z' });
  });

  it('files an evening appointment under its shop date in the week view', () => {
    expect(startDateOf({ startsAt: '2026-03-04T01:00:00Z' }, NY)).toBe('2026-03-03');
  });
});
