import { describe, expect, it } from 'vitest';
import {
  bookSeconds,
  classifyEvent,
  eventTime,
  placedJob,
  secondsInBay,
  shopTime,
} from '../../src/modules/bay-sensors/occupancy.js';
import type { BoardItem } from '../../src/modules/repair-orders/repair-orders.schemas.js';

describe('classifyEvent', () => {
  it('applies the newest event when it changes the bay', () => {
    expect(classifyEvent('in', 0, null, false, true)).toBe('applied');
    expect(classifyEvent('out', 5, 4, true, true)).toBe('applied');
  });
  it('keeps a late event (lower sequence) without applying it', () => {
    expect(classifyEvent('in', 3, 7, false, true)).toBe('out_of_order');
    expect(classifyEvent('out', 3, 7, true, true)).toBe('out_of_order');
  });
  it('an in while a car is in, or an out of an empty bay, changes nothing', () => {
    expect(classifyEvent('in', 8, 7, true, true)).toBe('already_in');
    expect(classifyEvent('out', 8, 7, false, true)).toBe('already_out');
  });
  it('a sensor not placed in a bay is kept apart', () => {
    expect(classifyEvent('in', 0, null, false, false)).toBe('no_bay');
  });
});

describe('eventTime', () => {
  const received = '2026-03-02T14:00:00.000Z';
  it("trusts the sensor's clock within bounds (a queued event keeps its real time)", () => {
    expect(eventTime('2026-03-02T13:52:00Z', received)).toBe('2026-03-02T13:52:00.000Z');
  });
  it('falls back to the time received for an unreadable, far-future or never-set clock', () => {
    expect(eventTime('not a time', received)).toBe(received);
    expect(eventTime('2026-03-02T14:10:00Z', received)).toBe(received);
    expect(eventTime('1970-01-01T00:00:07Z', received)).toBe(received);
  });
});

function item(jobId: string, status: BoardItem['status'], extra: Partial<BoardItem> = {}): BoardItem {
  return { jobId, status, scheduledStart: null, repairOrderNumber: 1001, ...extra } as BoardItem;
}

describe('placedJob', () => {
  it('is the job being worked on, else a blocked one, else the next to start', () => {
    expect(placedJob([item('p', 'Pending'), item('w', 'In_Progress')])?.jobId).toBe('w');
    expect(placedJob([item('p', 'Pending'), item('b', 'Blocked')])?.jobId).toBe('b');
    expect(
      placedJob([
        item('late', 'Pending', { scheduledStart: '2026-03-02T16:00:00Z' }),
        item('unscheduled', 'Pending'),
        item('early', 'Pending', { scheduledStart: '2026-03-02T15:00:00Z' }),
      ])?.jobId,
    ).toBe('early');
  });
  it('never maps a bay to a completed job, and is null for an empty bay', () => {
    expect(placedJob([item('c', 'Completed')])).toBeNull();
    expect(placedJob([])).toBeNull();
  });
});

describe('book time and time in bay', () => {
  it('book hours are the labor lines not declined', () => {
    expect(
      bookSeconds([
        { kind: 'labor', quantity: 1.5, approvalState: 'approved' },
        { kind: 'labor', quantity: 0.5, approvalState: 'recommended' },
        { kind: 'labor', quantity: 3, approvalState: 'declined' },
        { kind: 'part', quantity: 4, approvalState: 'approved' },
      ]),
    ).toBe(2 * 3600);
  });
  it('adds closed stays and the open one up to now', () => {
    const now = Date.parse('2026-03-02T14:00:00Z');
    expect(
      secondsInBay(
        [
          { in_at: '2026-03-02T10:00:00Z', out_at: '2026-03-02T10:30:00Z' },
          { in_at: '2026-03-02T13:00:00Z', out_at: null },
        ],
        now,
      ),
    ).toBe(90 * 60);
  });
  it('formats the time on the shop clock', () => {
    expect(shopTime('2026-03-02T15:02:00Z', 'America/New_York')).toBe('10:02');
  });
});
