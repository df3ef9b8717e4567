import { describe, expect, it } from 'vitest';
import { canDeleteJob, moveLabel, nextStatuses } from './job-status';

describe('job status moves', () => {
  it('offers what the API allows (never Paid)', () => {
    expect(nextStatuses('Pending')).toEqual(['In_Progress']);
    expect(nextStatuses('In_Progress')).toEqual(['Blocked', 'Completed']);
    expect(nextStatuses('Blocked')).toEqual(['In_Progress']);
    expect(nextStatuses('Completed')).toEqual([]);
  });
  it('labels a restart after a block as Resume', () => {
    expect(moveLabel('Pending', 'In_Progress')).toBe('Start');
    expect(moveLabel('Blocked', 'In_Progress')).toBe('Resume');
    expect(moveLabel('In_Progress', 'Completed')).toBe('Complete');
  });
  it('deletes only a Pending job with nothing approved', () => {
    expect(canDeleteJob({ status: 'Pending', lines: [{ approvalState: 'recommended' }] })).toBe(true);
    expect(canDeleteJob({ status: 'Pending', lines: [{ approvalState: 'approved' }] })).toBe(false);
    expect(canDeleteJob({ status: 'In_Progress', lines: [] })).toBe(false);
  });
});
