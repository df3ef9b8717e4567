import { describe, expect, it } from 'vitest';
import { PROMISE_WARNINGS, promisedLabel, promiseState, START_MARGIN_MS } from './promise';

const NOW = Date.parse('2026-12-07T18:00:00Z'); // noon in Chicago
const HOUR = 3_600_000;
const at = (ms: number) => new Date(ms).toISOString();

function job(fields: {
  status?: 'Pending' | 'In_Progress' | 'Blocked' | 'Completed';
  promisedAt?: string | null;
  estimatedEnd?: string | null;
}) {
  return { status: 'In_Progress' as const, promisedAt: null, estimatedEnd: null, ...fields };
}

describe('the promised time on a board card', () => {
  it('no promise, or a completed job: nothing to warn about', () => {
    expect(promiseState(job({}), NOW)).toBe('none');
    expect(promiseState(job({ status: 'Completed', promisedAt: at(NOW - HOUR) }), NOW)).toBe('none');
  });

  it('late once the promise has passed (at the minute itself too)', () => {
    expect(promiseState(job({ promisedAt: at(NOW - 60_000) }), NOW)).toBe('late');
    expect(promiseState(job({ promisedAt: at(NOW) }), NOW)).toBe('late');
  });

  it('at risk when the estimated end is after the promise', () => {
    const promisedAt = at(NOW + 2 * HOUR);
    expect(promiseState(job({ promisedAt, estimatedEnd: at(NOW + 3 * HOUR) }), NOW)).toBe('at-risk');
    expect(promiseState(job({ promisedAt, estimatedEnd: at(NOW + HOUR) }), NOW)).toBe('on-time');
  });

  it('at risk when the job has not started and less than the margin is left', () => {
    const soon = at(NOW + START_MARGIN_MS - 60_000);
    expect(promiseState(job({ status: 'Pending', promisedAt: soon }), NOW)).toBe('at-risk');
    expect(promiseState(job({ status: 'Blocked', promisedAt: soon }), NOW)).toBe('at-risk');
    // Under way: the technician is on it, only the estimate can say it will not fit.
    expect(promiseState(job({ status: 'In_Progress', promisedAt: soon }), NOW)).toBe('on-time');
    expect(promiseState(job({ status: 'Pending', promisedAt: at(NOW + 2 * HOUR) }), NOW)).toBe('on-time');
  });

  it('says it in words, not only in red', () => {
    expect(PROMISE_WARNINGS['at-risk']).toMatch(/^At risk/);
    expect(PROMISE_WARNINGS.late).toMatch(/^Late/);
    expect(PROMISE_WARNINGS['on-time']).toBeNull();
  });

  it("labels the promise on the shop's clock, with the date when it is not today", () => {
    expect(promisedLabel('2026-12-07T22:30:00Z', NOW, 'America/Chicago')).toBe('Promised 4:30 PM');
    expect(promisedLabel('2026-12-08T15:00:00Z', NOW, 'America/Chicago')).toBe(
      'Promised Dec 8, 2026, 9:00 AM',
    );
  });
});
