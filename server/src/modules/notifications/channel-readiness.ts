import type { OutboxChannel, OutboxStatus } from '../../db/tables/notifications.js';
import type { DeliveryState, StoredNotificationSettings } from './notifications.schemas.js';

/**
 * Whether each channel can send at all, from the saved settings alone (no network): what the
 * approval panel shows before sending, and what decides that a message is "not sent" at once
 * rather than queued to wait for settings nobody is going to fill in.
 */
export interface ChannelReadiness {
  channel: OutboxChannel;
  ready: boolean;
  /** Why not, in the words staff see ("SMS not set up"); null when ready. */
  reason: string | null;
}

/** The reasons a message ends as "not sent" because its channel cannot send. */
export const NOT_SET_UP = {
  sms: 'SMS not set up',
  email: 'email not set up',
} as const satisfies Record<'sms' | 'email', string>;

/** Where staff fix it, by the name the settings menu uses. */
export const SETTINGS_PAGE = { label: 'Settings → Messages', path: '/settings/notifications' } as const;

type Settings = Pick<StoredNotificationSettings, 'email' | 'sms' | 'push'>;

/** The same fields the SMS and email adapters refuse to send without (channels.ts). */
export function readinessOf(settings: Settings, channel: OutboxChannel): ChannelReadiness {
  if (channel === 'sms') {
    const { enabled, baseUrl, accountSid, fromNumber } = settings.sms;
    if (!enabled) return { channel, ready: false, reason: 'SMS is turned off in settings' };
    const ready = baseUrl !== '' && accountSid !== '' && fromNumber !== '';
    return { channel, ready, reason: ready ? null : NOT_SET_UP.sms };
  }
  if (channel === 'email') {
    const { enabled, host, from } = settings.email;
    if (!enabled) return { channel, ready: false, reason: 'email is turned off in settings' };
    const ready = host !== '' && from !== '';
    return { channel, ready, reason: ready ? null : NOT_SET_UP.email };
  }
  // Push goes to staff devices only; its keys are made on first use, so "on" is "ready".
  return settings.push.enabled
    ? { channel, ready: true, reason: null }
    : { channel, ready: false, reason: 'web push is turned off in settings' };
}

export function channelReadiness(settings: Settings): ChannelReadiness[] {
  return (['sms', 'email', 'push'] as const).map((channel) => readinessOf(settings, channel));
}

/**
 * What really happened to one outbox message, in one word and in the words staff read:
 * "Not sent: SMS not set up", "Queued", "Sent", "Failed: the SMS gateway answered 400". There is
 * no "Delivered": no provider reports delivery back to the shop, so ASE never claims it.
 */
export function deliveryState(row: { status: OutboxStatus; last_error: string | null }): {
  state: DeliveryState;
  stateText: string;
} {
  switch (row.status) {
    case 'sent':
      return { state: 'sent', stateText: 'Sent' };
    case 'sending':
      return { state: 'sending', stateText: 'Sending' };
    case 'cancelled':
      return { state: 'cancelled', stateText: row.last_error ? `Cancelled: ${row.last_error}` : 'Cancelled' };
    case 'pending':
      return row.last_error === null
        ? { state: 'queued', stateText: 'Queued' }
        : { state: 'retrying', stateText: `Waiting to retry: ${row.last_error}` };
    case 'failed':
      if (isNotSetUp(row.last_error)) return { state: 'not_sent', stateText: `Not sent: ${row.last_error}` };
      return { state: 'failed', stateText: `Failed: ${row.last_error ?? 'unknown reason'}` };
  }
}

export function isNotSetUp(reason: string | null): boolean {
  return reason === NOT_SET_UP.sms || reason === NOT_SET_UP.email;
}
