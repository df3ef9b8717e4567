import { Type, type Static } from '@sinclair/typebox';
import { ChangeOf, Email, StrictObject, StringEnum, Uuid, Version } from '../../lib/schema.js';
import { VersionedRecordFields } from '../../lib/record-fields.js';
import { pageLimit, pageOffset } from '../../lib/paging.js';

export const CUSTOMER_KINDS = ['person', 'business', 'fleet'] as const;
export const CONTACT_CHANNELS = ['sms', 'email', 'phone', 'none'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Label = Type.String({ maxLength: 40, description: 'e.g. "mobile", "work", "billing"' });
const Notes = Type.String({ maxLength: 10_000 });
const KindSchema = StringEnum(CUSTOMER_KINDS, { description: 'person, business or fleet account' });
const ChannelSchema = StringEnum(CONTACT_CHANNELS, {
  description: 'How the customer wants to hear from the shop',
});
const Language = Type.String({
  pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$',
  description: 'a language tag like en, es or fr-CA',
});

// --- responses -------------------------------------------------------------------------------

export const PhoneSchema = Type.Object({
  number: Type.String({ description: 'E.164, e.g. +15551234567' }),
  extension: Type.Optional(Type.String()),
  label: Type.Optional(Type.String()),
  primary: Type.Boolean(),
});
export type Phone = Static<typeof PhoneSchema>;

export const EmailEntrySchema = Type.Object({
  address: Type.String({ description: 'lower case' }),
  label: Type.Optional(Type.String()),
  primary: Type.Boolean(),
});
export type EmailEntry = Static<typeof EmailEntrySchema>;

export const ContactInfoSchema = Type.Object({
  phones: Type.Array(PhoneSchema),
  emails: Type.Array(EmailEntrySchema),
});
export type ContactInfo = Static<typeof ContactInfoSchema>;

export const PreferencesSchema = Type.Object({
  contactChannel: ChannelSchema,
  language: Type.String(),
  marketingOptIn: Type.Boolean(),
});
export type Preferences = Static<typeof PreferencesSchema>;

export const CustomerSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: KindSchema,
  contactInfo: ContactInfoSchema,
  preferences: PreferencesSchema,
  notes: Type.String(),
  mergedIntoId: Type.Union([Uuid, Type.Null()], {
    description: 'Set when this customer was merged into another; read that one instead',
  }),
  ...VersionedRecordFields,
});
export type Customer = Static<typeof CustomerSchema>;

export const CustomerListSchema = Type.Object({
  items: Type.Array(CustomerSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()], {
    description: 'Pass as `cursor` for the next page; null on the last page',
  }),
});

export const DuplicateSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  matchedOn: StringEnum(['phone', 'email'] as const),
  value: Type.String({ description: 'The normalized phone (E.164) or email both customers share' }),
});
export type Duplicate = Static<typeof DuplicateSchema>;

export const DuplicateListSchema = Type.Object({ items: Type.Array(DuplicateSchema) });

export const MergeResultSchema = Type.Object({
  customer: CustomerSchema,
  mergedCustomerId: Uuid,
  moved: Type.Record(Type.String(), Type.Integer(), {
    description: 'How many records each module moved to the kept customer, e.g. { "vehicles": 2 }',
  }),
});
export type MergeResult = Static<typeof MergeResultSchema>;

// --- requests --------------------------------------------------------------------------------

const PhoneInput = StrictObject({
  number: Type.String({
    minLength: 1,
    maxLength: 40,
    description: 'Any format: "(555) 123-4567", "555.123.4567", "+1 555 123 4567"; stored as E.164',
  }),
  label: Type.Optional(Label),
  primary: Type.Optional(Type.Boolean()),
});

const EmailInput = StrictObject({
  address: Email,
  label: Type.Optional(Label),
  primary: Type.Optional(Type.Boolean()),
});

const ContactInfoInput = StrictObject(
  {
    phones: Type.Optional(Type.Array(PhoneInput, { maxItems: 10 })),
    emails: Type.Optional(Type.Array(EmailInput, { maxItems: 10 })),
  },
  { description: 'A list given here replaces the stored list of that kind' },
);
export type ContactInfoInput = Static<typeof ContactInfoInput>;

const PreferencesInput = StrictObject(
  {
    contactChannel: Type.Optional(ChannelSchema),
    language: Type.Optional(Language),
    marketingOptIn: Type.Optional(Type.Boolean()),
  },
  { description: 'Fields given here replace the stored ones; the rest stay' },
);
export type PreferencesInput = Static<typeof PreferencesInput>;

export const CreateCustomerBody = StrictObject({
  name: Name,
  kind: Type.Optional(KindSchema),
  contactInfo: Type.Optional(ContactInfoInput),
  preferences: Type.Optional(PreferencesInput),
  notes: Type.Optional(Notes),
  confirmDuplicate: Type.Optional(
    Type.Boolean({
      description: 'Create even though another customer has the same phone or email (after a 409)',
    }),
  ),
});
export type CreateCustomerInput = Static<typeof CreateCustomerBody>;

export const UpdateCustomerBody = ChangeOf(CreateCustomerBody, { omit: ['confirmDuplicate'] });
export type UpdateCustomerInput = Static<typeof UpdateCustomerBody>;

export const MergeCustomerBody = StrictObject({
  sourceCustomerId: Uuid,
  version: Version,
});
export type MergeCustomerInput = Static<typeof MergeCustomerBody>;

export const CustomerListQuery = StrictObject({
  limit: pageLimit({ maximum: 200, default: 50 }),
  offset: Type.Optional(pageOffset()),
  cursor: Type.Optional(Type.String({ maxLength: 400, description: 'nextCursor of the previous page' })),
  kind: Type.Optional(KindSchema),
  includeMerged: Type.Boolean({ default: false, description: 'Also list customers merged into others' }),
});
export type CustomerListInput = Static<typeof CustomerListQuery>;

export const DuplicatesQuery = StrictObject({
  phone: Type.Optional(Type.String({ maxLength: 40, description: 'Any format, as typed' })),
  email: Type.Optional(Email),
  excludeId: Type.Optional(Uuid),
});
export type DuplicatesInput = Static<typeof DuplicatesQuery>;
