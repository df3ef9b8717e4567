import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Nullable, StrictObject, StringEnum, Uuid, Version } from '../../lib/schema.js';
import { pageLimit } from '../../lib/paging.js';
import type { SmtpSettings } from './channels.js';
import type { CUSTOMER_EVENTS } from './templates.js';

/** What really happened to an outbox message, in one word (channel-readiness.ts: deliveryState). */
export const DELIVERY_STATES = [
  'not_sent',
  'queued',
  'sending',
  'retrying',
  'sent',
  'failed',
  'cancelled',
] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const CHANNELS = ['email', 'sms', 'push'] as const;
export const MESSAGE_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;

// ---------------------------------------------------------------- settings (stored shape)

/** What notification_settings.data holds. Secrets are here and only here; never sent back. */
export interface StoredNotificationSettings {
  publicBaseUrl: string;
  email: { enabled: boolean } & SmtpSettings;
  sms: {
    enabled: boolean;
    provider: 'twilio';
    baseUrl: string;
    accountSid: string;
    authToken: string;
    fromNumber: string;
  };
  push: { enabled: boolean; subject: string; vapidPublicKey: string; vapidPrivateKey: string };
  events: Record<(typeof CUSTOMER_EVENTS)[number], boolean>;
}

const Events = Type.Object({
  estimate_ready: Type.Boolean(),
  approval_received: Type.Boolean(),
  vehicle_ready: Type.Boolean(),
  appointment_reminder: Type.Boolean(),
});

/** What GET shows: secrets only as "set" or not. */
export const NotificationSettingsSchema = Type.Object({
  publicBaseUrl: Type.String({
    description: 'Base URL customers reach the shop at, e.g. https://shop.example.com',
  }),
  email: Type.Object({
    enabled: Type.Boolean(),
    host: Type.String(),
    port: Type.Integer(),
    secure: Type.Boolean({ description: 'TLS from the start (port 465); otherwise STARTTLS when offered' }),
    user: Type.String(),
    passwordSet: Type.Boolean(),
    from: Type.String(),
  }),
  sms: Type.Object({
    enabled: Type.Boolean(),
    provider: StringEnum(['twilio'] as const),
    baseUrl: Type.String(),
    accountSid: Type.String(),
    authTokenSet: Type.Boolean(),
    fromNumber: Type.String(),
  }),
  push: Type.Object({ enabled: Type.Boolean(), subject: Type.String(), vapidPublicKey: Type.String() }),
  events: Events,
  version: Type.Integer(),
  updatedAt: IsoDateTime,
});
export type NotificationSettings = Static<typeof NotificationSettingsSchema>;

const HttpUrlOrEmpty = Type.String({
  maxLength: 500,
  pattern: '^(|https?://[^\\s]+)$',
  description: 'http(s) URL, or empty',
});

/** A password or token in a settings change: never read back; null clears it, absent keeps it. */
const WriteOnlySecret = Type.Optional(
  Nullable(Type.String({ maxLength: 500, description: 'Write-only. null clears it; absent keeps it.' })),
);

export const UpdateNotificationSettingsBody = StrictObject({
  version: Version,
  publicBaseUrl: Type.Optional(HttpUrlOrEmpty),
  email: Type.Optional(
    StrictObject({
      enabled: Type.Optional(Type.Boolean()),
      host: Type.Optional(Type.String({ maxLength: 253 })),
      port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
      secure: Type.Optional(Type.Boolean()),
      user: Type.Optional(Type.String({ maxLength: 254 })),
      password: WriteOnlySecret,
      from: Type.Optional(Type.String({ maxLength: 254 })),
    }),
  ),
  sms: Type.Optional(
    StrictObject({
      enabled: Type.Optional(Type.Boolean()),
      baseUrl: Type.Optional(HttpUrlOrEmpty),
      accountSid: Type.Optional(Type.String({ maxLength: 100 })),
      authToken: WriteOnlySecret,
      fromNumber: Type.Optional(Type.String({ maxLength: 40 })),
    }),
  ),
  push: Type.Optional(
    StrictObject({
      enabled: Type.Optional(Type.Boolean()),
      subject: Type.Optional(
        Type.String({ maxLength: 254, description: 'mailto: or https: contact for the push services' }),
      ),
    }),
  ),
  events: Type.Optional(
    StrictObject({
      estimate_ready: Type.Optional(Type.Boolean()),
      approval_received: Type.Optional(Type.Boolean()),
      vehicle_ready: Type.Optional(Type.Boolean()),
      appointment_reminder: Type.Optional(Type.Boolean()),
    }),
  ),
});
export type UpdateNotificationSettingsInput = Static<typeof UpdateNotificationSettingsBody>;

export const TestSendBody = StrictObject({
  channel: StringEnum(CHANNELS),
  to: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 254,
      description: 'Email address or phone number (not for push)',
    }),
  ),
});
export type TestSendInput = Static<typeof TestSendBody>;

export const TestSendResultSchema = Type.Object({
  ok: Type.Boolean(),
  channel: StringEnum(CHANNELS),
  detail: Type.String(),
  providerMessageId: Nullable(Type.String()),
});
export type TestSendResult = Static<typeof TestSendResultSchema>;

// ---------------------------------------------------------------- messages

export const MessageSchema = Type.Object({
  id: Uuid,
  event: Type.String(),
  channel: StringEnum(CHANNELS),
  recipient: Type.String({ description: 'Masked: e.g. "+1 ••• ••• 4567", "a•••@example.com"' }),
  repairOrderId: Nullable(Uuid),
  subject: Type.String(),
  status: StringEnum(MESSAGE_STATUSES),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(IsoDateTime),
  lastError: Nullable(Type.String({ description: 'The last failure in plain words' })),
  state: StringEnum(DELIVERY_STATES, {
    description:
      'What really happened: not_sent (the channel is not set up), queued, sending, retrying, sent, failed, cancelled',
  }),
  stateText: Type.String({
    description: 'The state in words: "Not sent: SMS not set up", "Failed: <reason>"',
  }),
  sentAt: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Message = Static<typeof MessageSchema>;
export const ChannelReadinessSchema = Type.Object({
  channels: Type.Array(
    Type.Object({
      channel: StringEnum(CHANNELS),
      ready: Type.Boolean(),
      reason: Nullable(Type.String({ description: 'Why it cannot send, e.g. "SMS not set up"' })),
    }),
  ),
  customerChannelReady: Type.Boolean({ description: 'True when SMS or email can reach a customer' }),
  settingsPage: Type.Object({ label: Type.String(), path: Type.String() }),
});
export type ChannelReadinessView = Static<typeof ChannelReadinessSchema>;

export const MessageListSchema = Type.Object({ items: Type.Array(MessageSchema) });

export const MessageProblemsQuery = StrictObject({
  limit: Type.Optional(pageLimit({ maximum: 200, default: 50 })),
});

export const MessageIdParams = StrictObject({ messageId: Uuid });

// ---------------------------------------------------------------- push subscriptions

export const PushSubscriptionBody = StrictObject({
  endpoint: Type.String({ minLength: 10, maxLength: 2000, pattern: '^https?://' }),
  expirationTime: Type.Optional(Nullable(Type.Number())),
  keys: StrictObject({
    p256dh: Type.String({ minLength: 16, maxLength: 200 }),
    auth: Type.String({ minLength: 8, maxLength: 100 }),
  }),
});
export type PushSubscriptionInput = Static<typeof PushSubscriptionBody>;

export const PushUnsubscribeBody = StrictObject({
  endpoint: Type.String({ minLength: 10, maxLength: 2000 }),
});

export const PushSubscriptionSchema = Type.Object({
  id: Uuid,
  endpoint: Type.String(),
  createdAt: IsoDateTime,
});

export const PushPublicKeySchema = Type.Object({
  publicKey: Type.String({ description: 'VAPID application server key (base64url)' }),
  enabled: Type.Boolean(),
  subscribed: Type.Optional(Type.Boolean()),
});

// ---------------------------------------------------------------- inbound SMS

export const InboundSmsBody = Type.Object(
  { From: Type.String({ minLength: 1, maxLength: 40 }), Body: Type.String({ maxLength: 1600 }) },
  { additionalProperties: true, description: 'Twilio webhook (form-encoded)' },
);
export type InboundSmsInput = Static<typeof InboundSmsBody>;

export const NotifyReadyResultSchema = Type.Object({
  queued: Type.Array(Type.Object({ id: Uuid, channel: StringEnum(CHANNELS), recipient: Type.String() })),
  skipped: Type.Array(Type.Object({ channel: Type.String(), reason: Type.String() })),
});
