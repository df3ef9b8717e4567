import type { Insertable } from 'kysely';
import type { CustomerContactsTable } from '../../db/tables/customers.js';
import { newId } from '../../lib/ids.js';
import { normalizePhone } from '../../lib/phone.js';
import type { FieldError } from '../../lib/problem.js';
import type {
  ContactChannel,
  ContactInfo,
  ContactInfoInput,
  EmailEntry,
  Phone,
  Preferences,
  PreferencesInput,
} from './customers.schemas.js';

/**
 * Contact info and preferences: turning what the advisor typed into the stored shape (E.164 phones,
 * lower-case emails, exactly one primary of each kind) and reading back what the columns hold.
 */

type Result<T> = { value: T; errors: FieldError[] };

function cleanLabel(label: string | undefined): { label?: string } {
  const trimmed = label?.trim() ?? '';
  return trimmed === '' ? {} : { label: trimmed };
}

/** One primary per list: the one marked, else the first. Two marked is a mistake worth naming. */
function settlePrimary<T extends { primary: boolean }>(entries: T[], path: string): Result<T[]> {
  const marked = entries.flatMap((entry, i) => (entry.primary ? [i] : []));
  const errors = marked
    .slice(1)
    .map((i) => ({ path: `${path}.${i}.primary`, message: 'only one can be primary' }));
  const primaryIndex = marked[0] ?? 0;
  return { value: entries.map((entry, i) => ({ ...entry, primary: i === primaryIndex })), errors };
}

function normalizePhones(input: NonNullable<ContactInfoInput['phones']>, path: string): Result<Phone[]> {
  const errors: FieldError[] = [];
  const phones: Phone[] = [];
  const seen = new Map<string, number>();
  input.forEach((entry, i) => {
    const normalized = normalizePhone(entry.number);
    if (normalized === null) {
      errors.push({
        path: `${path}.${i}.number`,
        message: 'is not a phone number; use digits, e.g. (555) 123-4567 or +44 20 7946 0958',
      });
      return;
    }
    const earlier = seen.get(normalized.e164);
    if (earlier !== undefined) {
      errors.push({ path: `${path}.${i}.number`, message: `is the same number as ${path}.${earlier}` });
      return;
    }
    seen.set(normalized.e164, i);
    phones.push({
      number: normalized.e164,
      ...(normalized.extension === null ? {} : { extension: normalized.extension }),
      ...cleanLabel(entry.label),
      primary: entry.primary ?? false,
    });
  });
  if (errors.length > 0) return { value: phones, errors };
  return settlePrimary(phones, path);
}

function normalizeEmails(input: NonNullable<ContactInfoInput['emails']>, path: string): Result<EmailEntry[]> {
  const errors: FieldError[] = [];
  const emails: EmailEntry[] = [];
  const seen = new Map<string, number>();
  input.forEach((entry, i) => {
    const address = entry.address.trim().toLowerCase();
    const earlier = seen.get(address);
    if (earlier !== undefined) {
      errors.push({ path: `${path}.${i}.address`, message: `is the same address as ${path}.${earlier}` });
      return;
    }
    seen.set(address, i);
    emails.push({ address, ...cleanLabel(entry.label), primary: entry.primary ?? false });
  });
  if (errors.length > 0) return { value: emails, errors };
  return settlePrimary(emails, path);
}

/** The contact info after applying `input` (each list given replaces that list) to `current`. */
export function resolveContactInfo(
  input: ContactInfoInput | undefined,
  current: ContactInfo,
): Result<ContactInfo> {
  const phones =
    input?.phones === undefined
      ? { value: current.phones, errors: [] }
      : normalizePhones(input.phones, 'contactInfo.phones');
  const emails =
    input?.emails === undefined
      ? { value: current.emails, errors: [] }
      : normalizeEmails(input.emails, 'contactInfo.emails');
  return {
    value: { phones: phones.value, emails: emails.value },
    errors: [...phones.errors, ...emails.errors],
  };
}

export const EMPTY_CONTACT_INFO: ContactInfo = { phones: [], emails: [] };

function defaultChannel(contactInfo: ContactInfo): ContactChannel {
  if (contactInfo.phones.length > 0) return 'sms';
  return contactInfo.emails.length > 0 ? 'email' : 'none';
}

/** A channel the shop cannot use (texts with no phone) would fail silently later: refuse it now. */
function channelProblem(channel: ContactChannel, contactInfo: ContactInfo): string | null {
  switch (channel) {
    case 'sms':
    case 'phone':
      return contactInfo.phones.length > 0 ? null : `is ${channel}, but the customer has no phone number`;
    case 'email':
      return contactInfo.emails.length > 0 ? null : 'is email, but the customer has no email address';
    case 'none':
      return null;
  }
}

/** Preferences after applying `input` to `current` (null: a new customer, so defaults). */
export function resolvePreferences(
  input: PreferencesInput | undefined,
  current: Preferences | null,
  contactInfo: ContactInfo,
): Result<Preferences> {
  const value: Preferences = {
    contactChannel: input?.contactChannel ?? current?.contactChannel ?? defaultChannel(contactInfo),
    language: input?.language ?? current?.language ?? 'en',
    marketingOptIn: input?.marketingOptIn ?? current?.marketingOptIn ?? false,
  };
  const problem = channelProblem(value.contactChannel, contactInfo);
  return {
    value,
    errors: problem === null ? [] : [{ path: 'preferences.contactChannel', message: problem }],
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function asArray(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map(asRecord) : [];
}

function optionalString(value: unknown, key: string): Record<string, string> {
  return typeof value === 'string' && value !== '' ? { [key]: value } : {};
}

/** contact_info as stored; tolerant of rows written outside this module (imports, fixtures). */
export function readContactInfo(json: string): ContactInfo {
  const stored = asRecord(JSON.parse(json));
  return {
    phones: asArray(stored.phones)
      .filter((p) => typeof p.number === 'string' && p.number !== '')
      .map((p) => ({
        number: p.number as string,
        ...optionalString(p.extension, 'extension'),
        ...optionalString(p.label, 'label'),
        primary: p.primary === true,
      })),
    emails: asArray(stored.emails)
      .filter((e) => typeof e.address === 'string' && e.address !== '')
      .map((e) => ({
        address: e.address as string,
        ...optionalString(e.label, 'label'),
        primary: e.primary === true,
      })),
  };
}

const CHANNELS: readonly string[] = ['sms', 'email', 'phone', 'none'];

export function readPreferences(json: string, contactInfo: ContactInfo): Preferences {
  const stored = asRecord(JSON.parse(json));
  return {
    contactChannel:
      typeof stored.contactChannel === 'string' && CHANNELS.includes(stored.contactChannel)
        ? (stored.contactChannel as ContactChannel)
        : defaultChannel(contactInfo),
    language: typeof stored.language === 'string' && stored.language !== '' ? stored.language : 'en',
    marketingOptIn: stored.marketingOptIn === true,
  };
}

/**
 * The kept customer's contact info plus whatever the merged one had that it lacked. The kept
 * customer's primary entries stay primary.
 */
export function unionContactInfo(
  kept: ContactInfo,
  source: ContactInfo,
): { value: ContactInfo; added: { phones: string[]; emails: string[] } } {
  const newPhones = source.phones.filter((p) => !kept.phones.some((k) => k.number === p.number));
  const newEmails = source.emails.filter((e) => !kept.emails.some((k) => k.address === e.address));
  const phones = [
    ...kept.phones,
    ...newPhones.map((p) => ({ ...p, primary: p.primary && kept.phones.length === 0 })),
  ];
  const emails = [
    ...kept.emails,
    ...newEmails.map((e) => ({ ...e, primary: e.primary && kept.emails.length === 0 })),
  ];
  return {
    value: {
      phones: settlePrimary(phones, 'phones').value,
      emails: settlePrimary(emails, 'emails').value,
    },
    added: { phones: newPhones.map((p) => p.number), emails: newEmails.map((e) => e.address) },
  };
}

/** The rows of customer_contacts for a customer's contact info (phones as E.164, emails lower case). */
export function contactRows(
  customerId: string,
  contactInfo: ContactInfo,
  at: string,
): Insertable<CustomerContactsTable>[] {
  const row = (kind: 'phone' | 'email', value: string, label: string | undefined, primary: boolean) => ({
    id: newId(),
    customer_id: customerId,
    kind,
    value,
    label: label ?? null,
    is_primary: primary ? 1 : 0,
    created_at: at,
    updated_at: at,
  });
  return [
    ...contactInfo.phones.map((p) => row('phone', p.number, p.label, p.primary)),
    ...contactInfo.emails.map((e) => row('email', e.address, e.label, e.primary)),
  ];
}
