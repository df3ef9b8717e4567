import { describe, expect, it } from 'vitest';
import {
  duration,
  jobTimeText,
  occupancyText,
  secondsNow,
  sensedBays,
  type Floor,
  type FloorBay,
} from './floor';

const bay = (extra: Partial<FloorBay> = {}): FloorBay => ({
  bayId: 'b1',
  bayName: 'Bay 1',
  occupied: false,
  since: null,
  secondsInBay: 0,
  job: null,
  noJobPlaced: false,
  sensors: [],
  sensorOffline: false,
  lastEvent: null,
  suggestions: [],
  ...extra,
});

describe('bay floor', () => {
  it('shows only the bays a sensor watches or saw a car in', () => {
    const floor = {
      mode: 'suggest',
      generatedAt: '2026-03-02T10:00:00Z',
      bays: [bay(), bay({ bayId: 'b2', sensors: [{ deviceId: 'd', name: 'S', online: true }] })],
    } as Floor;
    expect(sensedBays(floor).map((b) => b.bayId)).toEqual(['b2']);
  });
  it('says how long a car has been in, and when no job is placed for it', () => {
    const now = Date.parse('2026-03-02T10:47:00Z');
    expect(occupancyText(bay(), now)).toBe('Empty');
    expect(occupancyText(bay({ occupied: true, since: '2026-03-02T10:02:00Z' }), now)).toBe('Car in 45 min');
    expect(
      occupancyText(bay({ occupied: true, since: '2026-03-02T10:02:00Z', noJobPlaced: true }), now),
    ).toBe('Car in 45 min · no job placed');
  });
  it('counts on from the server’s figure while the car is in, and against the book hours', () => {
    expect(secondsNow(600, true, '2026-03-02T10:00:00Z', Date.parse('2026-03-02T10:01:00Z'))).toBe(660);
    expect(secondsNow(600, false, '2026-03-02T10:00:00Z', Date.parse('2026-03-02T10:01:00Z'))).toBe(600);
    const job = {
      jobId: 'j',
      repairOrderId: 'r',
      repairOrderNumber: 1001,
      title: 'Brakes',
      status: 'In_Progress',
      bookSeconds: 3600,
      secondsInBay: 0,
      overrun: false,
    };
    expect(jobTimeText(job, 4800)).toBe('1 h 20 min in bay of 1 h 0 min book');
    expect(jobTimeText({ ...job, bookSeconds: 0 }, 1500)).toBe('25 min in bay');
    expect(duration(30)).toBe('<1 min');
  });
});
