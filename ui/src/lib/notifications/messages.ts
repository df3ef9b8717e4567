import type { Body, Ok } from '$lib/api/client';
import type { FieldSpec } from '$lib/components/fields';

export type Message = Ok<'/api/repair-orders/{id}/messages', 'get'>['items'][number];
export type NotificationSettings = Ok<'/api/notification-settings', 'get'>;
export type SettingsPatch = Body<'/api/notification-settings', 'patch'>;
export type TestSendBody = Body<'/api/notification-settings/test', 'post'>;
export type TestChannel = TestSendBody['channel'];

const CHANNEL_LABELS: Record<Message['channel'], string> = {
  email: 'Email',
  sms: 'Text',
  push: 'Staff device',
};

const EVENT_LABELS: Record<string, string> = {
  estimate_ready: 'Estimate ready',
  approval_received: 'Approval received',
  vehicle_ready: 'Vehicle ready',
  appointment_reminder: 'Appointment reminder',
};

export function channelLabel(channel: Message['channel']): string {
  return CHANNEL_LABELS[channel];
}

export function eventLabel(event: string): string {
  return EVENT_LABELS[event] ?? event.replace(/_/g, ' ');
}

/**
 * What staff read in the status badge: "Sent", "Not sent" (the channel is not set up; the reason
 * is shown beside it), "Failed", "Waiting to retry (3 tries)", ... Never "Delivered": no provider
 * reports delivery back.
 */
export function statusText(message: Pick<Message, 'state' | 'status' | 'attempts' | 'lastError'>): string {
  switch (message.status) {
    case 'sent':
      return 'Sent';
    case 'sending':
      return 'Sending…';
    case 'cancelled':
      return 'Cancelled';
    case 'failed':
      return message.state === 'not_sent' ? 'Not sent' : 'Failed';
    case 'pending':
      if (message.lastError === null) return 'Queued';
      return `Waiting to retry (${message.attempts} ${message.attempts === 1 ? 'try' : 'tries'} so far)`;
  }
}

export type Tone = 'ok' | 'warn' | 'bad' | 'muted';

export function statusTone(message: Pick<Message, 'status' | 'lastError'>): Tone {
  if (message.status === 'sent') return 'ok';
  if (message.status === 'failed') return 'bad';
  if (message.status === 'cancelled') return 'muted';
  return message.lastError === null ? 'muted' : 'warn';
}

/** The time beside the badge: when it went out, or when it was written (never "queued" twice). */
export function whenText(
  message: Pick<Message, 'sentAt' | 'createdAt'>,
  format: (iso: string) => string,
): string {
  return message.sentAt ? `sent ${format(message.sentAt)}` : `written ${format(message.createdAt)}`;
}

/** A failed or waiting-after-an-error message can be retried now. */
export function canRetry(message: Pick<Message, 'status' | 'lastError'>): boolean {
  return message.status === 'failed' || (message.status === 'pending' && message.lastError !== null);
}

/** Where the gateway posts customers' replies (STOP/START); Twilio signs this exact URL. */
export const INBOUND_SMS_PATH = '/api/public/sms/inbound';

/**
 * What the owner pastes into Twilio as the incoming-message webhook, and which saved settings are
 * still missing: the server refuses every reply until both the auth token and the public address
 * are set (it cannot tell Twilio from anyone else without them).
 */
export function inboundSmsWebhook(settings: Pick<NotificationSettings, 'publicBaseUrl' | 'sms'>): {
  url: string | null;
  missing: string[];
} {
  const base = settings.publicBaseUrl.replace(/\/+$/, '');
  const missing = [
    ...(settings.sms.authTokenSet ? [] : ['the auth token']),
    ...(base === '' ? ['the public address of the shop'] : []),
  ];
  return { url: base === '' ? null : `${base}${INBOUND_SMS_PATH}`, missing };
}

/** The settings form: what the owner edits. Secrets start empty and are only sent when typed. */
export interface SettingsForm {
  publicBaseUrl: string;
  emailEnabled: boolean;
  smtpHost: string;
  smtpPort: string;
  smtpSecure: boolean;
  smtpUser: string;
  smtpPassword: string;
  clearSmtpPassword: boolean;
  emailFrom: string;
  smsEnabled: boolean;
  smsBaseUrl: string;
  smsAccountSid: string;
  smsAuthToken: string;
  clearSmsAuthToken: boolean;
  smsFromNumber: string;
  pushEnabled: boolean;
  pushSubject: string;
  events: NotificationSettings['events'];
}

export function toSettingsForm(settings: NotificationSettings): SettingsForm {
  return {
    publicBaseUrl: settings.publicBaseUrl,
    emailEnabled: settings.email.enabled,
    smtpHost: settings.email.host,
    smtpPort: String(settings.email.port),
    smtpSecure: settings.email.secure,
    smtpUser: settings.email.user,
    smtpPassword: '',
    clearSmtpPassword: false,
    emailFrom: settings.email.from,
    smsEnabled: settings.sms.enabled,
    smsBaseUrl: settings.sms.baseUrl,
    smsAccountSid: settings.sms.accountSid,
    smsAuthToken: '',
    clearSmsAuthToken: false,
    smsFromNumber: settings.sms.fromNumber,
    pushEnabled: settings.push.enabled,
    pushSubject: settings.push.subject,
    events: { ...settings.events },
  };
}

/**
 * The PATCH body for the form. A secret left empty is kept as it is on the server; "clear" sends
 * null. A port that is not a whole number is sent as-is so the server names the field.
 */
export function toSettingsPatch(form: SettingsForm, version: number): SettingsPatch {
  const port = Number(form.smtpPort.trim());
  return {
    version,
    publicBaseUrl: form.publicBaseUrl.trim(),
    email: {
      enabled: form.emailEnabled,
      host: form.smtpHost.trim(),
      port: Number.isInteger(port) ? port : (form.smtpPort as unknown as number),
      secure: form.smtpSecure,
      user: form.smtpUser.trim(),
      from: form.emailFrom.trim(),
      ...(form.clearSmtpPassword
        ? { password: null }
        : form.smtpPassword !== ''
          ? { password: form.smtpPassword }
          : {}),
    },
    sms: {
      enabled: form.smsEnabled,
      baseUrl: form.smsBaseUrl.trim(),
      accountSid: form.smsAccountSid.trim(),
      fromNumber: form.smsFromNumber.trim(),
      ...(form.clearSmsAuthToken
        ? { authToken: null }
        : form.smsAuthToken !== ''
          ? { authToken: form.smsAuthToken }
          : {}),
    },
    push: { enabled: form.pushEnabled, subject: form.pushSubject.trim() },
    events: { ...form.events },
  };
}

/** The hint under a write-only secret (SMTP password, SMS auth token). */
export function secretHint(isSet: boolean): string {
  return isSet ? 'Set. Leave empty to keep it.' : 'Not set.';
}

/** A write-only secret as a form field: left empty it keeps the saved one; the hint says if one is. */
export function secretField<K extends string>(
  key: K,
  label: string,
  path: string,
  isSet: boolean,
): FieldSpec<K> {
  return { key, label, path, type: 'password', autocomplete: 'new-password', hint: secretHint(isSet) };
}

/** The body of a test send: email and texts go to the address typed (if any), push to my devices. */
export function testSendBody(channel: TestChannel, typed: string): TestSendBody {
  const to = channel === 'push' ? '' : typed.trim();
  return { channel, ...(to ? { to } : {}) };
}

/** base64url (the VAPID key) → the bytes pushManager.subscribe wants. */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
