import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AppointmentsTables } from './tables/appointments.js';
import type { CustomersTables } from './tables/customers.js';
import type { RepairOrdersTables } from './tables/repair-orders.js';
import type { SearchTables } from './tables/search.js';
import type { ShopTables } from './tables/shop.js';
import type { TrustTables } from './tables/trust.js';
import type { InventoryTables } from './tables/inventory.js';
import type { BillingTables } from './tables/billing.js';
import type { TimeclockTables } from './tables/timeclock.js';
import type { VehiclesTables } from './tables/vehicles.js';
import type { ApplianceTables } from './tables/appliance.js';
import type { SystemTables } from './tables/system.js';

/**
 * Kysely's view of the tables. Money is integer cents, times are UTC ISO-8601 text, ids are UUIDv7
 * text, JSON columns are text checked by `json_valid`. Keep in step with db/migrations.
 */

export type Role = 'owner' | 'advisor' | 'technician' | 'parts';
export const ROLES: readonly Role[] = ['owner', 'advisor', 'technician', 'parts'];

// The job-status machine is a contract shared with the UI and the devices.
export { JOB_STATUSES, type JobStatus } from '../../contracts/job-status.js';

export interface Timestamps {
  created_at: string;
  updated_at: string;
}

export interface UsersTable extends Timestamps {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  password_hash: string | null;
  pin_hash: string | null;
  active: number;
  totp_secret: string | null;
  totp_enabled: number;
  totp_last_counter: number | null;
  version: Generated<number>;
}

export interface MfaRecoveryCodesTable extends Timestamps {
  user_id: string;
  code_hash: string;
  used_at: string | null;
}

export type SessionMethod = 'password' | 'pin';

export interface SessionsTable extends Timestamps {
  id: string;
  token_hash: string;
  user_id: string;
  method: SessionMethod;
  mfa_verified: number;
  ip: string | null;
  user_agent: string | null;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginThrottleTable extends Timestamps {
  key: string;
  failures: number;
  locked_until: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  data: string;
  ip: string | null;
  created_at: string;
  updated_at: string;
}

export interface InventoryItemsTable extends Timestamps {
  id: string;
  sku: string;
  name: string;
  quantity_on_hand: number;
  reorder_level: number;
  cost_price: number;
  sell_price: number;
  version: Generated<number>;
}

interface CoreTables {
  users: UsersTable;
  mfa_recovery_codes: MfaRecoveryCodesTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  inventory_items: InventoryItemsTable;
}

/** The whole database as Kysely sees it: the core tables plus each module's own (db/tables/). */
export interface DB
  extends
    CoreTables,
    ShopTables,
    CustomersTables,
    VehiclesTables,
    RepairOrdersTables,
    AppointmentsTables,
    SearchTables,
    TrustTables,
    InventoryTables,
    BillingTables,
    TimeclockTables,
    ApplianceTables,
    SystemTables {}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
