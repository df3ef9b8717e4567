import { describe, expect, it } from 'vitest';
import { changedLines, channelsFor, lineAnswer, requestState, type ApprovalRequest } from './requests';

const base: ApprovalRequest = {
  id: 'r',
  repairOrderId: 'ro',
  status: 'pending',
  expired: false,
  message: '',
  snapshotHash: 'h',
  sentBy: null,
  sentAt: '2026-03-02T14:00:00.000Z',
  expiresAt: '2026-03-05T14:00:00.000Z',
  firstViewedAt: null,
  lastViewedAt: null,
  submittedAt: null,
  signerName: null,
  signatureHash: null,
  clientIp: null,
  clientUserAgent: null,
  revokedAt: null,
  revokedBy: null,
  totalCents: 100,
  lines: [
    {
      lineId: 'a',
      jobId: 'j',
      jobTitle: 'J',
      description: 'A',
      amountCents: 100,
      versionSent: 1,
      changedSinceSent: true,
      decision: null,
      outcome: null,
    },
  ],
};

describe('approval link states for the advisor', () => {
  it('words each state', () => {
    expect(requestState(base, 'UTC')).toEqual({
      label: 'Sent Mar 2, 2026, 2:00 PM · not opened yet',
      tone: 'info',
    });
    expect(
      requestState({ ...base, firstViewedAt: base.sentAt, lastViewedAt: base.sentAt }, 'UTC').label,
    ).toMatch(/^Opened by the customer/);
    expect(requestState({ ...base, expired: true }, 'UTC').tone).toBe('warning');
    expect(
      requestState({ ...base, status: 'submitted', signerName: 'Ann', submittedAt: base.sentAt }, 'UTC')
        .label,
    ).toBe('Answered by Ann · Mar 2, 2026, 2:00 PM');
    expect(requestState({ ...base, status: 'superseded' }).tone).toBe('muted');
  });

  it('words each line answer and counts lines changed while pending', () => {
    const line = base.lines[0]!;
    expect(lineAnswer(line)).toBe('Changed after sending: not decidable on the link');
    expect(lineAnswer({ ...line, changedSinceSent: false })).toBe('Waiting');
    expect(lineAnswer({ ...line, decision: 'approved', outcome: 'recorded' })).toBe('Approved');
    expect(lineAnswer({ ...line, decision: 'declined', outcome: 'line_changed' })).toBe(
      'Declined, not applied: changed after sending',
    );
    expect(changedLines(base)).toBe(1);
    expect(changedLines({ ...base, status: 'submitted' })).toBe(0);
  });

  it('maps the channel choice to what the server takes', () => {
    expect(channelsFor('preference')).toBeUndefined();
    expect(channelsFor('none')).toEqual([]);
    expect(channelsFor('both')).toEqual(['email', 'sms']);
  });
});
