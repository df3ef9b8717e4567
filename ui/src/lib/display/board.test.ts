import { describe, expect, it } from 'vitest';
import {
  boardGrid,
  displayStatus,
  featuredJob,
  isRefusal,
  queuedJobs,
  sensorLine,
  statusTone,
  timeInStatus,
  tokenFrom,
  typeScale,
  type DisplayBay,
  type DisplayJob,
} from './board';

const job = (overrides: Partial<DisplayJob>): DisplayJob => ({
  jobId: '00000000-0000-7000-8000-000000000001',
  repairOrderNumber: 1001,
  title: 'Front brakes',
  status: 'Pending',
  statusChangedAt: null,
  blockedReason: null,
  technicianName: null,
  vehicleSummary: '2018 Honda Civic · ABC1234',
  promisedAt: null,
  overdue: false,
  ...overrides,
});

describe('tokenFrom', () => {
  it('reads ?token= and trims it', () => {
    expect(tokenFrom(new URLSearchParams('token=%20dt_abc%20'))).toBe('dt_abc');
  });
  it('accepts ?displayToken= too', () => {
    expect(tokenFrom(new URLSearchParams('displayToken=dt_x'))).toBe('dt_x');
  });
  it('is null when missing or blank', () => {
    expect(tokenFrom(new URLSearchParams(''))).toBeNull();
    expect(tokenFrom(new URLSearchParams('token='))).toBeNull();
  });
});

describe('boardGrid', () => {
  it('tiles six bays 3 × 2 on a 1080p TV', () => {
    expect(boardGrid(6)).toEqual({ columns: 3, rows: 2 });
  });
  it('tiles four bays 2 × 2 and two side by side', () => {
    expect(boardGrid(4)).toEqual({ columns: 2, rows: 2 });
    expect(boardGrid(2)).toEqual({ columns: 2, rows: 1 });
  });
  it('always has room for every bay and never a whole empty row', () => {
    for (let n = 1; n <= 24; n++) {
      const { columns, rows } = boardGrid(n);
      expect(columns * rows).toBeGreaterThanOrEqual(n);
      expect((rows - 1) * columns).toBeLessThan(n);
    }
  });
  it('falls back to one cell for an empty shop', () => {
    expect(boardGrid(0)).toEqual({ columns: 1, rows: 1 });
  });
  it('shrinks the type as the grid grows', () => {
    expect(typeScale({ columns: 1, rows: 1 })).toBeGreaterThan(typeScale({ columns: 3, rows: 2 }));
    expect(typeScale({ columns: 4, rows: 3 })).toBeLessThan(typeScale({ columns: 3, rows: 2 }));
  });
});

describe('bay cards', () => {
  const NO_SENSOR: DisplayBay['sensor'] = {
    occupied: false,
    since: null,
    hasSensor: false,
    sensorOffline: false,
    noJobPlaced: false,
    overrun: false,
  };
  const bay = (jobs: DisplayJob[], sensor: Partial<DisplayBay['sensor']> = {}): DisplayBay => ({
    id: 'b',
    name: 'Bay 1',
    jobs,
    sensor: { ...NO_SENSOR, ...sensor },
  });

  it('says how long a sensed car has been in, and when no job is placed for it', () => {
    const now = Date.parse('2026-03-02T10:47:00Z');
    const since = '2026-03-02T10:02:00Z';
    expect(sensorLine(bay([], { occupied: true, since }), now)).toBe('Car in bay 45 min');
    expect(sensorLine(bay([], { occupied: true, since, noJobPlaced: true }), now)).toBe(
      'Car in bay 45 min · no job placed',
    );
    expect(sensorLine(bay([]), now)).toBeNull();
  });

  it('features the first job (the server sorts in progress first)', () => {
    const a = job({ title: 'A', status: 'In_Progress' });
    const b = job({ title: 'B' });
    expect(featuredJob(bay([a, b]))).toBe(a);
    expect(featuredJob(bay([]))).toBeNull();
  });
  it('queues the rest, leaving out finished ones', () => {
    const a = job({ title: 'A', status: 'In_Progress' });
    const b = job({ title: 'B' });
    const c = job({ title: 'C', status: 'Completed' });
    expect(queuedJobs(bay([a, b, c]))).toEqual([b]);
  });
  it('names and colors each status', () => {
    expect(statusTone('In_Progress')).toBe('working');
    expect(statusTone('Blocked')).toBe('blocked');
    expect(statusTone('Pending')).toBe('waiting');
    expect(statusTone('Completed')).toBe('done');
    expect(statusTone('Weird')).toBe('other');
    expect(displayStatus('In_Progress')).toBe('In progress');
    expect(displayStatus('Pending')).toBe('Up next');
    expect(displayStatus('Some_New')).toBe('Some New');
  });
});

describe('timeInStatus', () => {
  const now = Date.parse('2026-03-02T15:00:00Z');
  it('is compact', () => {
    expect(timeInStatus('2026-03-02T14:59:40Z', now)).toBe('<1 min');
    expect(timeInStatus('2026-03-02T14:25:00Z', now)).toBe('35 min');
    expect(timeInStatus('2026-03-02T13:55:00Z', now)).toBe('1 h 05 min');
  });
  it('is null without a time, and never negative', () => {
    expect(timeInStatus(null, now)).toBeNull();
    expect(timeInStatus('2026-03-02T15:05:00Z', now)).toBe('<1 min');
    expect(timeInStatus('not a date', now)).toBeNull();
  });
});

describe('isRefusal', () => {
  it('treats 401 and 403 as a token problem, the rest as transient', () => {
    expect(isRefusal(401)).toBe(true);
    expect(isRefusal(403)).toBe(true);
    expect(isRefusal(500)).toBe(false);
    expect(isRefusal(503)).toBe(false);
  });
});
