import type { Generated } from 'kysely';
import type { Timestamps } from '../schema.js';

/** Tables owned by the customers module. Keep in step with its migrations. */
export interface CustomersTable extends Timestamps {
  id: string;
  name: string;
  contact_info: string;
  preferences: string;
  version: Generated<number>;
}

export interface CustomersTables {
  customers: CustomersTable;
}
