import { describe, expect, it } from 'vitest';
import {
  changedLines,
  channelsFor,
  deliveryLines,
  lineAnswer,
  readinessText,
  requestState,
  type ApprovalRequest,
  type Readiness,
} from './requests';

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

describe('honest sending (issue 15)', () => {
  const fresh: Readiness = {
    channels: [
      { channel: 'sms', ready: false, reason: 'SMS not set up' },
      { channel: 'email', ready: false, reason: 'email not set up' },
      { channel: 'push', ready: true, reason: null },
    ],
    customerChannelReady: false,
    settingsPage: { label: 'Settings → Messages', path: '/settings/notifications' },
  };

  it('says plainly that nothing can send on a fresh install, and names the menu entry', () => {
    const { ready, text } = readinessText(fresh);
    expect(ready).toBe(false);
    expect(text).toContain('Nothing can send to the customer yet (SMS not set up, email not set up)');
    expect(text).toContain('Settings → Messages');
  });

  it('names the ready channels', () => {
    const readiness = {
      ...fresh,
      channels: fresh.channels.map((c) => (c.channel === 'email' ? { ...c, ready: true, reason: null } : c)),
    };
    expect(readinessText(readiness)).toEqual({ ready: true, text: 'Ready to send by email.' });
  });

  it('never says "sent" for a message that was not sent', () => {
    const lines = deliveryLines({
      queued: [{ channel: 'email', recipient: 'j•••@example.com' }],
      notSent: [{ channel: 'sms', recipient: '•••• 5309', reason: 'SMS not set up' }],
      skipped: [],
    });
    expect(lines).toEqual([
      'Queued: email to j•••@example.com (goes out in a moment).',
      'Not sent: SMS not set up (text to •••• 5309).',
    ]);
    expect(lines.join(' ')).not.toMatch(/\bSent\b/);
  });
});
