import type { Generated } from 'kysely';
import type { Timestamps } from '../columns.js';

/** Tables owned by the customers module (migrations 0002, 0004). */
export type CustomerKind = 'person' | 'business' | 'fleet';

export interface CustomersTable extends Timestamps {
  id: string;
  name: string;
  /** JSON: { phones: [{ number (E.164), label, primary }], emails: [{ address, label, primary }] } */
  contact_info: string;
  /** JSON: { contactChannel, language, marketingOptIn } */
  preferences: string;
  kind: Generated<CustomerKind>;
  notes: Generated<string>;
  merged_into_id: string | null;
  version: Generated<number>;
}

export interface CustomerContactsTable extends Timestamps {
  id: string;
  customer_id: string;
  kind: 'phone' | 'email';
  /** E.164 for phones, lower case for emails. */
  value: string;
  label: string | null;
  is_primary: number;
}

export interface CustomersTables {
  customers: CustomersTable;
  customer_contacts: CustomerContactsTable;
}
