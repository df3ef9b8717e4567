import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { normalizePhone } from '../../lib/phone.js';
import { problems } from '../../lib/problem.js';
import { staleVersionProblem } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import { generateVapidKeys } from './channels.js';
import { findSettingsRow, insertSettingsRow, updateSettingsIfVersion } from './notifications.repository.js';
import type {
  NotificationSettings,
  StoredNotificationSettings,
  UpdateNotificationSettingsInput,
} from './notifications.schemas.js';
import { inTransaction } from '../../db/after-commit.js';

/**
 * The notification settings row: SMTP, SMS gateway, web-push VAPID keys, the public base URL and
 * which events send messages. Secrets are kept here and never leave through `publicView`.
 */
export const DEFAULT_STORED_SETTINGS: StoredNotificationSettings = {
  publicBaseUrl: '',
  email: { enabled: true, host: '', port: 587, secure: false, user: '', password: '', from: '' },
  sms: {
    enabled: true,
    provider: 'twilio',
    baseUrl: 'https://api.twilio.com',
    accountSid: '',
    authToken: '',
    fromNumber: '',
  },
  push: { enabled: true, subject: 'mailto:owner@example.com', vapidPublicKey: '', vapidPrivateKey: '' },
  events: { estimate_ready: true, approval_received: true, vehicle_ready: true, appointment_reminder: true },
};

export type LoadedSettings = StoredNotificationSettings & { version: number; updatedAt: string };

function mergeStored(data: string): StoredNotificationSettings {
  const stored = JSON.parse(data) as Partial<StoredNotificationSettings>;
  return {
    publicBaseUrl: stored.publicBaseUrl ?? DEFAULT_STORED_SETTINGS.publicBaseUrl,
    email: { ...DEFAULT_STORED_SETTINGS.email, ...stored.email },
    sms: { ...DEFAULT_STORED_SETTINGS.sms, ...stored.sms },
    push: { ...DEFAULT_STORED_SETTINGS.push, ...stored.push },
    events: { ...DEFAULT_STORED_SETTINGS.events, ...stored.events },
  };
}

function publicView(settings: LoadedSettings): NotificationSettings {
  const { password: _password, ...email } = settings.email;
  const { authToken: _token, ...sms } = settings.sms;
  return {
    publicBaseUrl: settings.publicBaseUrl,
    email: { ...email, passwordSet: settings.email.password !== '' },
    sms: { ...sms, authTokenSet: settings.sms.authToken !== '' },
    push: {
      enabled: settings.push.enabled,
      subject: settings.push.subject,
      vapidPublicKey: settings.push.vapidPublicKey,
    },
    events: settings.events,
    version: settings.version,
    updatedAt: settings.updatedAt,
  };
}

export class NotificationSettingsStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** The settings with secrets (for the worker and the channels); `db` may be a transaction. */
  async load(db: Db = this.db): Promise<LoadedSettings> {
    const row = await findSettingsRow(db);
    if (row === undefined)
      return { ...DEFAULT_STORED_SETTINGS, version: 1, updatedAt: this.clock.now().toISOString() };
    return { ...mergeStored(row.data), version: row.version, updatedAt: row.updated_at };
  }

  /** Makes the row (with fresh VAPID keys) the first time anyone needs it. */
  async ensure(tx: Db): Promise<LoadedSettings> {
    const row = await findSettingsRow(tx);
    if (row !== undefined) {
      const loaded = { ...mergeStored(row.data), version: row.version, updatedAt: row.updated_at };
      if (loaded.push.vapidPublicKey !== '') return loaded;
    }
    const keys = generateVapidKeys();
    const at = this.clock.now().toISOString();
    if (row === undefined) {
      const data: StoredNotificationSettings = {
        ...DEFAULT_STORED_SETTINGS,
        push: {
          ...DEFAULT_STORED_SETTINGS.push,
          vapidPublicKey: keys.publicKey,
          vapidPrivateKey: keys.privateKey,
        },
      };
      await insertSettingsRow(tx, JSON.stringify(data), at);
    } else {
      const current = mergeStored(row.data);
      const data = {
        ...current,
        push: { ...current.push, vapidPublicKey: keys.publicKey, vapidPrivateKey: keys.privateKey },
      };
      await updateSettingsIfVersion(tx, JSON.stringify(data), row.version, at);
    }
    return this.load(tx);
  }

  async get(): Promise<NotificationSettings> {
    const existing = await this.load();
    if (existing.push.vapidPublicKey !== '') return publicView(existing);
    return publicView(await inTransaction(this.db, (tx) => this.ensure(tx)));
  }

  async update(actor: Actor, input: UpdateNotificationSettingsInput): Promise<NotificationSettings> {
    if (input.email?.from !== undefined && input.email.from !== '' && !/@/.test(input.email.from)) {
      throw problems.validation([
        { path: 'email.from', message: 'must be an email address, e.g. Shop <shop@example.com>' },
      ]);
    }
    if (
      input.sms?.fromNumber !== undefined &&
      input.sms.fromNumber !== '' &&
      normalizePhone(input.sms.fromNumber) === null
    ) {
      throw problems.validation([{ path: 'sms.fromNumber', message: 'is not a phone number' }]);
    }
    if (input.push?.subject !== undefined && !/^(mailto:|https:\/\/)/.test(input.push.subject)) {
      throw problems.validation([{ path: 'push.subject', message: 'must start with mailto: or https://' }]);
    }
    return inTransaction(this.db, async (tx) => {
      const current = await this.ensure(tx);
      if (current.version !== input.version) {
        throw staleVersionProblem('notification settings', current.version, publicView(current));
      }
      const { password, ...emailChanges } = input.email ?? {};
      const { authToken, ...smsChanges } = input.sms ?? {};
      const fromNumber = smsChanges.fromNumber;
      const next: StoredNotificationSettings = {
        publicBaseUrl: (input.publicBaseUrl ?? current.publicBaseUrl).replace(/\/+$/, ''),
        email: {
          ...current.email,
          ...emailChanges,
          ...(password === undefined ? {} : { password: password ?? '' }),
        },
        sms: {
          ...current.sms,
          ...smsChanges,
          ...(fromNumber === undefined || fromNumber === ''
            ? {}
            : { fromNumber: normalizePhone(fromNumber)?.e164 ?? fromNumber }),
          ...(authToken === undefined ? {} : { authToken: authToken ?? '' }),
        },
        push: { ...current.push, ...input.push },
        events: { ...current.events, ...input.events },
      };
      const at = this.clock.now().toISOString();
      if (!(await updateSettingsIfVersion(tx, JSON.stringify(next), input.version, at))) {
        throw staleVersionProblem('notification settings', (await this.load(tx)).version);
      }
      // Which keys changed, never their values (secrets must not reach the audit log either).
      const changed = [
        ...(input.publicBaseUrl === undefined ? [] : ['publicBaseUrl']),
        ...Object.keys(input.email ?? {}).map((k) => `email.${k}`),
        ...Object.keys(input.sms ?? {}).map((k) => `sms.${k}`),
        ...Object.keys(input.push ?? {}).map((k) => `push.${k}`),
        ...Object.keys(input.events ?? {}).map((k) => `events.${k}`),
      ];
      await this.audit.record(tx, actor, {
        action: 'notification_settings.updated',
        entityType: 'notification_settings',
        entityId: 'shop',
        data: { changed },
      });
      return publicView(await this.load(tx));
    });
  }

  /** The public base URL customer links start with, or null when the owner has not set one. */
  async linkBase(db: Db = this.db): Promise<string | null> {
    const settings = await this.load(db);
    return settings.publicBaseUrl === '' ? null : settings.publicBaseUrl;
  }
}
