import type { Ok } from '$lib/api/client';
import { dateTime } from '$lib/format';

/** The advisor's side of approval links: what the panel shows about each link sent. */
export type ApprovalRequest = Ok<'/api/repair-orders/{id}/approval-requests', 'get'>['items'][number];
export type SentRequest = Ok<'/api/repair-orders/{id}/approval-requests', 'post'>;

export type RequestTone = 'info' | 'ok' | 'warning' | 'muted';

/** One line about where a link stands: "Answered by Ann Example · Mar 2, 2:10 PM". */
export function requestState(
  request: ApprovalRequest,
  timeZone?: string,
): { label: string; tone: RequestTone } {
  switch (request.status) {
    case 'submitted':
      return {
        label: `Answered by ${request.signerName ?? 'the customer'} · ${dateTime(request.submittedAt ?? request.sentAt, timeZone)}`,
        tone: 'ok',
      };
    case 'revoked':
      return { label: `Revoked · ${dateTime(request.revokedAt ?? request.sentAt, timeZone)}`, tone: 'muted' };
    case 'superseded':
      return { label: 'Replaced by a newer link', tone: 'muted' };
    case 'pending':
      if (request.expired)
        return { label: `Expired ${dateTime(request.expiresAt, timeZone)}, not answered`, tone: 'warning' };
      if (request.firstViewedAt !== null)
        return {
          label: `Opened by the customer · ${dateTime(request.lastViewedAt ?? request.firstViewedAt, timeZone)}`,
          tone: 'info',
        };
      return { label: `Sent ${dateTime(request.sentAt, timeZone)} · not opened yet`, tone: 'info' };
  }
}

/** The answer on one line, in words. */
export function lineAnswer(line: ApprovalRequest['lines'][number]): string {
  if (line.outcome === 'line_changed')
    return `${line.decision === 'approved' ? 'Approved' : 'Declined'}, not applied: changed after sending`;
  if (line.decision === 'approved') return 'Approved';
  if (line.decision === 'declined') return 'Declined';
  return line.changedSinceSent ? 'Changed after sending: not decidable on the link' : 'Waiting';
}

/** Lines of a pending link that changed since it was sent: the advisor should send again. */
export function changedLines(request: ApprovalRequest): number {
  return request.status === 'pending' ? request.lines.filter((l) => l.changedSinceSent).length : 0;
}

export const CHANNEL_CHOICES = [
  { value: 'preference', label: "Customer's preference" },
  { value: 'email', label: 'Email' },
  { value: 'sms', label: 'Text message' },
  { value: 'both', label: 'Email and text' },
  { value: 'none', label: "Don't send: I'll share the link" },
] as const;
export type ChannelChoice = (typeof CHANNEL_CHOICES)[number]['value'];

export function channelsFor(choice: ChannelChoice): ('email' | 'sms')[] | undefined {
  switch (choice) {
    case 'email':
      return ['email'];
    case 'sms':
      return ['sms'];
    case 'both':
      return ['email', 'sms'];
    case 'none':
      return [];
    case 'preference':
      return undefined;
  }
}

export type Readiness = Ok<'/api/notifications/readiness', 'get'>;

const CHANNEL_WORDS: Record<string, string> = { sms: 'text', email: 'email', push: 'staff device' };

/**
 * Before sending: which ways can reach the customer. With none, the panel says so plainly and
 * offers the link and its QR code instead of a "Send" that would only pretend.
 */
export function readinessText(readiness: Readiness): { ready: boolean; text: string } {
  const customer = readiness.channels.filter((c) => c.channel !== 'push');
  const ready = customer.filter((c) => c.ready).map((c) => CHANNEL_WORDS[c.channel] ?? c.channel);
  if (ready.length === 0) {
    const why = customer.map((c) => c.reason).filter((r): r is string => r !== null);
    return {
      ready: false,
      text: `Nothing can send to the customer yet (${why.join(', ')}). Copy the link or show its QR code, or set up texts and email in ${readiness.settingsPage.label}.`,
    };
  }
  return { ready: true, text: `Ready to send by ${ready.join(' and ')}.` };
}

/** After sending: one sentence per outcome, never "sent" for what only waits in the outbox. */
export function deliveryLines(delivery: SentRequest['delivery']): string[] {
  const to = (d: { channel: string; recipient: string }) =>
    `${CHANNEL_WORDS[d.channel] ?? d.channel} to ${d.recipient}`;
  return [
    ...delivery.queued.map((q) => `Queued: ${to(q)} (goes out in a moment).`),
    ...delivery.notSent.map((n) => `Not sent: ${n.reason} (${to(n)}).`),
    ...delivery.skipped.map(
      (s) =>
        `Not sent${s.channel === 'all' ? '' : ` by ${CHANNEL_WORDS[s.channel] ?? s.channel}`}: ${s.reason}.`,
    ),
  ];
}
