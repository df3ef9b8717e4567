import type { Timestamps } from '../columns.js';

/** Tables owned by the auth module (migration 0001): sessions, sign-in throttling, MFA recovery. */
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

export interface AuthTables {
  mfa_recovery_codes: MfaRecoveryCodesTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
}
