import type { Generated } from 'kysely';
import type { Timestamps } from '../schema.js';

/** Shop settings, counters, technicians, bays and display tokens (migrations 0002, 0003). */
export interface TechniciansTable extends Timestamps {
  id: string;
  user_id: string | null;
  name: string;
  skills: string;
  active: number;
  color: string | null;
  /** Migration 0012: cents per hour, for labor gross profit. */
  pay_rate_cents: Generated<number>;
  pay_basis: Generated<'hourly' | 'flat_rate'>;
  version: Generated<number>;
}

export interface BaysTable extends Timestamps {
  id: string;
  name: string;
  capabilities: string;
  active: number;
  sort_order: Generated<number>;
  version: Generated<number>;
}

export interface ShopSettingsTable extends Timestamps {
  id: number;
  data: string;
  version: Generated<number>;
}

export interface CountersTable extends Timestamps {
  name: string;
  value: number;
}

export interface DisplayTokensTable extends Timestamps {
  id: string;
  name: string;
  token_hash: string;
  created_by: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ShopTables {
  technicians: TechniciansTable;
  bays: BaysTable;
  shop_settings: ShopSettingsTable;
  counters: CountersTable;
  display_tokens: DisplayTokensTable;
}
