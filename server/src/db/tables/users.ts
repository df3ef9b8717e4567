import type { Generated } from 'kysely';
import type { Role, Timestamps } from '../columns.js';

/** Tables owned by the users module (migration 0001): the staff accounts. */
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

export interface UsersTables {
  users: UsersTable;
}
