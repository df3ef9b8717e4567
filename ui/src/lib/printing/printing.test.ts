import { describe, expect, it } from 'vitest';
import { jobStatusText, previewUrl } from './label-text';

describe('print job status text', () => {
  it('says "Printed" only for a printed job; a queued one says it is waiting, and why', () => {
    expect(jobStatusText({ status: 'printed', attempts: 1, lastError: null })).toBe('Printed');
    expect(jobStatusText({ status: 'queued', attempts: 0, lastError: null })).toBe(
      'Queued: waiting for the printer',
    );
    const retrying = jobStatusText({ status: 'queued', attempts: 2, lastError: 'connect ECONNREFUSED' });
    expect(retrying).toBe('Not printed yet, will try again (2 tries: connect ECONNREFUSED)');
    expect(jobStatusText({ status: 'printing', attempts: 1, lastError: null })).not.toMatch(/printed/i);
    expect(jobStatusText({ status: 'failed', attempts: 12, lastError: 'gave up' })).toBe(
      'Not printed: gave up',
    );
  });

  it('builds the preview address the server draws from the same document', () => {
    expect(previewUrl('key-tag', { repairOrderId: 'r1' })).toBe(
      '/api/labels/preview?kind=key-tag&repairOrderId=r1',
    );
    expect(previewUrl('bin-labels', { itemIds: ['a', 'b'] }, 'p1')).toBe(
      '/api/labels/preview?kind=bin-labels&itemIds=a%2Cb&printerId=p1',
    );
  });
});
