import type { Body, Ok } from '$lib/api/client';
import type { FieldSpec } from '$lib/components/fields';

/**
 * The customer edit form as the advisor types it, and the PATCH body it becomes. Pure functions
 * (no runes, no DOM) so the rules are unit-tested: which fields changed, blank rows dropped,
 * one primary per list.
 */
export type Customer = Ok<'/api/customers/{id}', 'get'>;
export type CustomerPatch = Body<'/api/customers/{id}', 'patch'>;
export type CustomerKind = Customer['kind'];
export type ContactChannel = Customer['preferences']['contactChannel'];

export interface PhoneRow {
  number: string;
  label: string;
  primary: boolean;
}

export interface EmailRow {
  address: string;
  label: string;
  primary: boolean;
}

export interface CustomerForm {
  /** The version the form was filled from: sent back so a stale save gets a 409, never overwrites. */
  version: number;
  name: string;
  kind: CustomerKind;
  phones: PhoneRow[];
  emails: EmailRow[];
  contactChannel: ContactChannel;
  language: string;
  marketingOptIn: boolean;
  notes: string;
}

export const KIND_LABELS: Record<CustomerKind, string> = {
  person: 'Person',
  business: 'Business',
  fleet: 'Fleet account',
};

export const CHANNEL_LABELS: Record<ContactChannel, string> = {
  sms: 'Text message',
  email: 'Email',
  phone: 'Phone call',
  none: 'Do not contact',
};

/** Languages offered in the form; the server takes any language tag, so a stored other one is kept. */
export const LANGUAGES: { tag: string; label: string }[] = [
  { tag: 'en', label: 'English' },
  { tag: 'es', label: 'Spanish' },
  { tag: 'fr', label: 'French' },
  { tag: 'zh', label: 'Chinese' },
  { tag: 'vi', label: 'Vietnamese' },
  { tag: 'ko', label: 'Korean' },
  { tag: 'pt', label: 'Portuguese' },
];

/** "+15551234567" → "(555) 123-4567"; other countries stay in E.164, which staff can dial as is. */
export function formatPhone(e164: string, extension?: string): string {
  const us = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  const main = us ? `(${us[1]}) ${us[2]}-${us[3]}` : e164;
  return extension ? `${main} ext. ${extension}` : main;
}

export function customerFormOf(customer: Customer): CustomerForm {
  return {
    version: customer.version,
    name: customer.name,
    kind: customer.kind,
    phones: customer.contactInfo.phones.map((p) => ({
      number: formatPhone(p.number, p.extension),
      label: p.label ?? '',
      primary: p.primary,
    })),
    emails: customer.contactInfo.emails.map((e) => ({
      address: e.address,
      label: e.label ?? '',
      primary: e.primary,
    })),
    contactChannel: customer.preferences.contactChannel,
    language: customer.preferences.language,
    marketingOptIn: customer.preferences.marketingOptIn,
    notes: customer.notes,
  };
}

/**
 * Rows left empty are dropped before saving, so the row numbers the server names in its errors
 * (`contactInfo.phones.1.number`) are the rows on screen.
 */
export function withoutBlankRows(form: CustomerForm): CustomerForm {
  return {
    ...form,
    phones: form.phones.filter((p) => p.number.trim() !== ''),
    emails: form.emails.filter((e) => e.address.trim() !== ''),
  };
}

/** Marks row `index` primary and the others not (the radio group in the form). */
export function withPrimary<T extends { primary: boolean }>(rows: T[], index: number): T[] {
  return rows.map((row, i) => ({ ...row, primary: i === index }));
}

function phonesBody(rows: PhoneRow[]) {
  return rows.map((p) => ({
    number: p.number.trim(),
    primary: p.primary,
    ...(p.label.trim() === '' ? {} : { label: p.label.trim() }),
  }));
}

function emailsBody(rows: EmailRow[]) {
  return rows.map((e) => ({
    address: e.address.trim(),
    primary: e.primary,
    ...(e.label.trim() === '' ? {} : { label: e.label.trim() }),
  }));
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The PATCH body: only what changed against `original` (the audit log then names the fields that
 * really changed), always with the version the form was filled from.
 */
export function customerPatchOf(form: CustomerForm, original: Customer): CustomerPatch {
  const before = customerFormOf(original);
  const patch: CustomerPatch = { version: form.version };
  if (form.name.trim() !== before.name) patch.name = form.name.trim();
  if (form.kind !== before.kind) patch.kind = form.kind;
  if (form.notes !== before.notes) patch.notes = form.notes;
  const phonesChanged = !same(phonesBody(form.phones), phonesBody(before.phones));
  const emailsChanged = !same(emailsBody(form.emails), emailsBody(before.emails));
  if (phonesChanged || emailsChanged) {
    patch.contactInfo = {
      ...(phonesChanged ? { phones: phonesBody(form.phones) } : {}),
      ...(emailsChanged ? { emails: emailsBody(form.emails) } : {}),
    };
  }
  const preferences: NonNullable<CustomerPatch['preferences']> = {};
  if (form.contactChannel !== before.contactChannel) preferences.contactChannel = form.contactChannel;
  if (form.language.trim() !== before.language) preferences.language = form.language.trim();
  if (form.marketingOptIn !== before.marketingOptIn) preferences.marketingOptIn = form.marketingOptIn;
  if (Object.keys(preferences).length > 0) patch.preferences = preferences;
  return patch;
}

/** True when the patch carries nothing but the version: Save has nothing to send. */
export function isEmptyPatch(patch: { version: number }): boolean {
  return Object.keys(patch).length === 1;
}

/** The primary entry of a list, else the first. */
export function primaryOf<T extends { primary: boolean }>(rows: T[]): T | undefined {
  return rows.find((r) => r.primary) ?? rows[0];
}

/**
 * Whether a phone or email as typed is complete enough to look for duplicates while typing
 * (a half-typed number would only draw a 400 from the server).
 */
export function worthDuplicateCheck(kind: 'phone' | 'email', value: string): boolean {
  const text = value.trim();
  if (kind === 'email') return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(text);
  const digits = text.replace(/\D/g, '');
  return /^[\d\s()+.-]+$/.test(text) && digits.length >= 10 && digits.length <= 15;
}

export type NewCustomerBody = Body<'/api/customers', 'post'>;

export interface NewCustomerForm {
  name: string;
  kind: CustomerKind;
  phone: string;
  email: string;
  notes: string;
}

/** A customer's name: the first field of the forms that edit one, so it takes the focus. */
export function customerNameField(idPrefix: string): FieldSpec<'name'> {
  return { key: 'name', label: 'Name', id: `${idPrefix}-name`, required: true, autofocus: true };
}

/** A customer's name and kind. */
export function nameAndKindFields(idPrefix: string): FieldSpec<'name' | 'kind'>[] {
  return [
    customerNameField(idPrefix),
    {
      key: 'kind',
      label: 'Kind of customer',
      id: `${idPrefix}-kind`,
      options: Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label })),
    },
  ];
}

/** A new customer's first phone and email; `onchange` looks them up among the customers on file. */
export function newCustomerContactFields(onchange?: () => void): FieldSpec<'phone' | 'email'>[] {
  return [
    {
      key: 'phone',
      label: 'Phone',
      id: 'new-customer-phone',
      path: 'contactInfo.phones.0.number',
      type: 'tel',
      inputmode: 'tel',
      onchange,
    },
    {
      key: 'email',
      label: 'Email',
      id: 'new-customer-email',
      path: 'contactInfo.emails.0.address',
      type: 'email',
      onchange,
    },
  ];
}

export const EMPTY_NEW_CUSTOMER: NewCustomerForm = {
  name: '',
  kind: 'person',
  phone: '',
  email: '',
  notes: '',
};

/** POST body for a new customer: blank fields left out, the one phone and email primary. */
export function newCustomerBody(form: NewCustomerForm, confirmDuplicate = false): NewCustomerBody {
  const phone = form.phone.trim();
  const email = form.email.trim();
  return {
    name: form.name.trim(),
    kind: form.kind,
    ...(form.notes.trim() === '' ? {} : { notes: form.notes.trim() }),
    ...(phone === '' && email === ''
      ? {}
      : {
          contactInfo: {
            ...(phone === '' ? {} : { phones: [{ number: phone, primary: true }] }),
            ...(email === '' ? {} : { emails: [{ address: email, primary: true }] }),
          },
        }),
    ...(confirmDuplicate ? { confirmDuplicate: true } : {}),
  };
}

export interface DuplicateHit {
  id: string;
  name: string;
  matchedOn: 'phone' | 'email';
  value: string;
}

/** The `duplicates` a 409 possible-duplicate carries, checked (the problem body is untyped). */
export function duplicatesInProblem(body: Record<string, unknown>): DuplicateHit[] {
  const list = body.duplicates;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (d): d is DuplicateHit =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as DuplicateHit).id === 'string' &&
      typeof (d as DuplicateHit).name === 'string' &&
      ((d as DuplicateHit).matchedOn === 'phone' || (d as DuplicateHit).matchedOn === 'email') &&
      typeof (d as DuplicateHit).value === 'string',
  );
}

/** One entry per customer, whichever of phone or email matched first. */
export function uniqueDuplicates(hits: DuplicateHit[]): DuplicateHit[] {
  const seen = new Set<string>();
  return hits.filter((hit) => (seen.has(hit.id) ? false : (seen.add(hit.id), true)));
}
