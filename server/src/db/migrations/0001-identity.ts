import { sql, type Kysely } from 'kysely';
import { VERSION_AND_STAMPS } from '../migration-sql.js';

/** Staff accounts, sessions, sign-in throttling and the append-only audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      email TEXT UNIQUE COLLATE NOCASE,
      role TEXT NOT NULL CHECK (role IN ('owner', 'advisor', 'technician', 'parts')),
      password_hash TEXT,
      pin_hash TEXT,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      totp_secret TEXT,
      totp_enabled INTEGER NOT NULL DEFAULT 0 CHECK (totp_enabled IN (0, 1)),
      totp_last_counter INTEGER,
      ${VERSION_AND_STAMPS},
      CHECK (password_hash IS NOT NULL OR pin_hash IS NOT NULL),
      CHECK (password_hash IS NULL OR email IS NOT NULL)
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE mfa_recovery_codes (
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      code_hash TEXT NOT NULL,
      used_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (user_id, code_hash)
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      method TEXT NOT NULL CHECK (method IN ('password', 'pin')),
      mfa_verified INTEGER NOT NULL DEFAULT 0 CHECK (mfa_verified IN (0, 1)),
      ip TEXT,
      user_agent TEXT,
      last_seen_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX sessions_user_id ON sessions(user_id)`.execute(db);

  await sql`
    CREATE TABLE login_throttle (
      key TEXT PRIMARY KEY,
      failures INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE audit_log (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      actor_user_id TEXT,
      actor_label TEXT NOT NULL,
      action TEXT NOT NULL,
      entity_type TEXT NOT NULL,
      entity_id TEXT,
      data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
      ip TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX audit_log_entity ON audit_log(entity_type, entity_id, at)`.execute(db);
  await sql`CREATE INDEX audit_log_at ON audit_log(at)`.execute(db);
  // The audit log is evidence: the database itself refuses to change or remove a row.
  await sql`
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
}
