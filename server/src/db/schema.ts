import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Kysely's view of the tables. Money is integer cents, times are UTC ISO-8601 text, ids are UUIDv7
 * text, JSON columns are text checked by `json_valid`. Keep in step with db/migrations.
 */

export type Role = 'owner' | 'advisor' | 'technician' | 'parts';
export const ROLES: readonly Role[] = ['owner', 'advisor', 'technician', 'parts'];

export type JobStatus = 'Pending' | 'In_Progress' | 'Blocked' | 'Completed' | 'Paid';
export const JOB_STATUSES: readonly JobStatus[] = ['Pending', 'In_Progress', 'Blocked', 'Completed', 'Paid'];

interface Timestamps {
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

export interface CustomersTable extends Timestamps {
  id: string;
  name: string;
  contact_info: string;
  preferences: string;
  version: Generated<number>;
}

export interface VehiclesTable extends Timestamps {
  id: string;
  customer_id: string;
  vin: string | null;
  make: string | null;
  model: string | null;
  year: number | null;
  telematics_id: string | null;
  version: Generated<number>;
}

export interface TechniciansTable extends Timestamps {
  id: string;
  user_id: string | null;
  name: string;
  skills: string;
  active: number;
  version: Generated<number>;
}

export interface BaysTable extends Timestamps {
  id: string;
  name: string;
  capabilities: string;
  active: number;
  version: Generated<number>;
}

export interface ServiceJobsTable extends Timestamps {
  id: string;
  vehicle_id: string;
  status: JobStatus;
  technician_id: string | null;
  bay_id: string | null;
  scheduled_start: string | null;
  estimated_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  version: Generated<number>;
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

export interface DB {
  users: UsersTable;
  mfa_recovery_codes: MfaRecoveryCodesTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  customers: CustomersTable;
  vehicles: VehiclesTable;
  technicians: TechniciansTable;
  bays: BaysTable;
  service_jobs: ServiceJobsTable;
  inventory_items: InventoryItemsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
