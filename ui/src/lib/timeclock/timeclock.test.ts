import { describe, expect, it } from 'vitest';
import { clockable, clockBody, clockFace, hoursAndMinutes, othersOnJob, tickedSeconds } from './timeclock';

describe('clockFace', () => {
  it('shows hours, minutes and seconds', () => {
    expect(clockFace(0)).toBe('0:00:00');
    expect(clockFace(7)).toBe('0:00:07');
    expect(clockFace(3723)).toBe('1:02:03');
    expect(clockFace(12 * 3600)).toBe('12:00:00');
    expect(clockFace(-5)).toBe('0:00:00');
  });
});

describe('hoursAndMinutes', () => {
  it('rounds down to the minute', () => {
    expect(hoursAndMinutes(0)).toBe('0 h 00 min');
    expect(hoursAndMinutes(5 * 60 + 59)).toBe('0 h 05 min');
    expect(hoursAndMinutes(7.5 * 3600)).toBe('7 h 30 min');
  });
});

describe('tickedSeconds', () => {
  it('adds the whole seconds since the answer came, never going back', () => {
    expect(tickedSeconds(100, 1_000, 1_000)).toBe(100);
    expect(tickedSeconds(100, 1_000, 3_999)).toBe(102);
    expect(tickedSeconds(100, 5_000, 1_000)).toBe(100);
  });
});

describe('othersOnJob', () => {
  const tom = { technicianId: 't', technicianName: 'Tom' };
  const ann = { technicianId: 'a', technicianName: 'Ann' };
  const bob = { technicianId: 'b', technicianName: 'Bob' };
  it('names the others, not the technician shown', () => {
    expect(othersOnJob([tom], 't')).toBe('');
    expect(othersOnJob([tom, ann], 't')).toBe('Also on it: Ann');
    expect(othersOnJob([tom, ann, bob], null)).toBe('Also on it: Tom, Ann and Bob');
  });
});

describe('clockable and clockBody', () => {
  it('refuses finished jobs and names the technician only for someone else', () => {
    expect(clockable('Pending')).toBe(true);
    expect(clockable('Blocked')).toBe(true);
    expect(clockable('Completed')).toBe(false);
    expect(clockable('Paid')).toBe(false);
    expect(clockBody('t1', true)).toEqual({});
    expect(clockBody('t1', false)).toEqual({ technicianId: 't1' });
  });
});
