import { describe, expect, it } from 'vitest';
import {
  applicationServerKey,
  canRetry,
  inboundSmsWebhook,
  secretHint,
  statusText,
  statusTone,
  whenText,
  testSendBody,
  toSettingsForm,
  toSettingsPatch,
  type NotificationSettings,
} from './messages';

const settings: NotificationSettings = {
  publicBaseUrl: 'https://shop.example.com',
  email: {
    enabled: true,
    host: 'smtp.x',
    port: 587,
    secure: false,
    user: 'u',
    passwordSet: true,
    from: 'a@b.c',
  },
  sms: {
    enabled: true,
    provider: 'twilio',
    baseUrl: 'https://api.twilio.com',
    accountSid: 'AC1',
    authTokenSet: true,
    fromNumber: '+15550001111',
  },
  push: { enabled: true, subject: 'mailto:o@b.c', vapidPublicKey: 'BAAA' },
  events: { estimate_ready: true, approval_received: true, vehicle_ready: false, appointment_reminder: true },
  version: 4,
  updatedAt: '2026-03-02T14:00:00.000Z',
};

describe('delivery status words', () => {
  it('says what happened in plain words', () => {
    expect(statusText({ state: 'queued', status: 'pending', attempts: 0, lastError: null })).toBe('Queued');
    expect(statusText({ state: 'queued', status: 'pending', attempts: 1, lastError: 'x' })).toBe(
      'Waiting to retry (1 try so far)',
    );
    expect(statusText({ state: 'queued', status: 'pending', attempts: 3, lastError: 'x' })).toBe(
      'Waiting to retry (3 tries so far)',
    );
    expect(statusText({ state: 'failed', status: 'failed', attempts: 3, lastError: 'x' })).toBe('Failed');
    expect(statusTone({ status: 'sent', lastError: null })).toBe('ok');
    expect(statusTone({ status: 'pending', lastError: 'refused' })).toBe('warn');
    expect(canRetry({ status: 'failed', lastError: 'x' })).toBe(true);
    expect(canRetry({ status: 'pending', lastError: null })).toBe(false);
    expect(canRetry({ status: 'sent', lastError: null })).toBe(false);
  });
});

describe('honest delivery states (issue 15)', () => {
  it('says "Not sent" for a channel that is not set up and "Failed" for a refused one', () => {
    expect(
      statusText({ state: 'not_sent', status: 'failed', attempts: 0, lastError: 'SMS not set up' }),
    ).toBe('Not sent');
    expect(
      statusText({ state: 'failed', status: 'failed', attempts: 1, lastError: 'the gateway answered 400' }),
    ).toBe('Failed');
  });

  it('never says "queued" twice: the time beside the badge says when it was written or sent', () => {
    const format = (iso: string) => iso.slice(11, 16);
    expect(whenText({ sentAt: null, createdAt: '2025-03-02T14:10:00.000Z' }, format)).toBe('written 14:10');
    expect(
      whenText({ sentAt: '2025-03-02T14:12:00.000Z', createdAt: '2025-03-02T14:10:00.000Z' }, format),
    ).toBe('sent 14:12');
  });
});

describe('settings form', () => {
  it('keeps secrets unless typed or cleared', () => {
    const form = toSettingsForm(settings);
    expect(form.smtpPassword).toBe('');
    const untouched = toSettingsPatch(form, 4);
    expect(untouched.email).not.toHaveProperty('password');
    expect(untouched.sms).not.toHaveProperty('authToken');
    expect(untouched).toMatchObject({ version: 4, email: { port: 587 }, events: { vehicle_ready: false } });
    expect(toSettingsPatch({ ...form, smtpPassword: 'new' }, 4).email).toMatchObject({ password: 'new' });
    expect(toSettingsPatch({ ...form, clearSmsAuthToken: true, smsAuthToken: 'x' }, 4).sms).toMatchObject({
      authToken: null,
    });
  });

  it('says whether a write-only secret is set', () => {
    expect(secretHint(true)).toBe('Set. Leave empty to keep it.');
    expect(secretHint(false)).toBe('Not set.');
  });

  it('sends a test to the trimmed address typed, or to nobody in particular', () => {
    expect(testSendBody('email', ' owner@example.com ')).toEqual({
      channel: 'email',
      to: 'owner@example.com',
    });
    expect(testSendBody('sms', '   ')).toEqual({ channel: 'sms' });
    expect(testSendBody('push', 'ignored')).toEqual({ channel: 'push' });
  });

  it('decodes the VAPID key from base64url', () => {
    expect([...applicationServerKey('AQID_w')]).toEqual([1, 2, 3, 255]);
  });
});

describe('inbound SMS webhook', () => {
  it('gives the exact URL to paste in Twilio once the public address is saved', () => {
    expect(inboundSmsWebhook(settings)).toEqual({
      url: 'https://shop.example.com/api/public/sms/inbound',
      missing: [],
    });
  });

  it('names what is still missing before replies are accepted', () => {
    expect(inboundSmsWebhook({ publicBaseUrl: '', sms: { ...settings.sms, authTokenSet: false } })).toEqual({
      url: null,
      missing: ['the auth token', 'the public address of the shop'],
    });
    expect(inboundSmsWebhook({ ...settings, sms: { ...settings.sms, authTokenSet: false } }).missing).toEqual(
      ['the auth token'],
    );
  });
});
