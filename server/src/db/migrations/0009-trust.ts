import { sql, type Kysely } from 'kysely';
import { VERSION_AND_STAMPS } from '../migration-sql.js';

/**
 * Trust (issue 5): digital inspections with photos and videos, customer approval links, and the
 * notifications outbox. Three modules own these tables: inspections (templates, inspections,
 * findings, media), approvals (approval_requests, approval_decisions) and notifications
 * (notification_settings, outbox_messages, sms_opt_outs, push_subscriptions).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // ---- inspections -------------------------------------------------------------------------
  // A template is a JSON document: sections → items (key, label, required, measurement unit,
  // mapped canned job). An inspection copies the template's sections when it starts, so editing
  // the template later never changes an inspection already done.
  await sql`
    CREATE TABLE inspection_templates (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
      sections TEXT NOT NULL CHECK (json_valid(sections)),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      ${VERSION_AND_STAMPS}
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE inspections (
      id TEXT PRIMARY KEY,
      repair_order_id TEXT NOT NULL REFERENCES repair_orders(id),
      template_id TEXT REFERENCES inspection_templates(id),
      name TEXT NOT NULL,
      sections TEXT NOT NULL CHECK (json_valid(sections)),
      status TEXT NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed')),
      technician_id TEXT REFERENCES technicians(id),
      started_by TEXT REFERENCES users(id),
      completed_at TEXT,
      ${VERSION_AND_STAMPS}
    ) STRICT`.execute(db);
  await sql`CREATE INDEX inspections_repair_order ON inspections(repair_order_id)`.execute(db);

  // One row per rated item (item_key is the template item's key, unique within the inspection).
  await sql`
    CREATE TABLE inspection_findings (
      id TEXT PRIMARY KEY,
      inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
      item_key TEXT NOT NULL,
      rating TEXT CHECK (rating IS NULL OR rating IN ('green', 'yellow', 'red')),
      measurement_value REAL,
      measurement_unit TEXT,
      note TEXT NOT NULL DEFAULT '',
      recommended_job_id TEXT REFERENCES service_jobs(id) ON DELETE SET NULL,
      ${VERSION_AND_STAMPS},
      UNIQUE (inspection_id, item_key)
    ) STRICT`.execute(db);

  // Content-addressed files under <dataDir>/media/<hash[0..2]>/<hash>: the hash is the sha256 of
  // the stored (re-encoded) bytes, so the same photo uploaded twice is stored once.
  await sql`
    CREATE TABLE media_files (
      hash TEXT PRIMARY KEY CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
      kind TEXT NOT NULL CHECK (kind IN ('image', 'thumbnail', 'video', 'signature')),
      mime TEXT NOT NULL,
      byte_size INTEGER NOT NULL CHECK (byte_size > 0),
      width INTEGER,
      height INTEGER,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  // A photo or video attached to one item of an inspection (item_key NULL: the whole vehicle).
  await sql`
    CREATE TABLE inspection_media (
      id TEXT PRIMARY KEY,
      inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
      item_key TEXT,
      media_hash TEXT NOT NULL REFERENCES media_files(hash),
      thumbnail_hash TEXT REFERENCES media_files(hash),
      kind TEXT NOT NULL CHECK (kind IN ('image', 'video')),
      caption TEXT NOT NULL DEFAULT '',
      uploaded_by TEXT REFERENCES users(id),
      sort_order INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX inspection_media_inspection ON inspection_media(inspection_id, sort_order)`.execute(
    db,
  );
  await sql`CREATE INDEX inspection_media_hash ON inspection_media(media_hash)`.execute(db);
  await sql`CREATE INDEX inspection_media_thumbnail ON inspection_media(thumbnail_hash)`.execute(db);

  // ---- approvals ---------------------------------------------------------------------------
  // A link sent to the customer: /r/<token>. Only the token's sha256 is kept. `snapshot` is the
  // estimate exactly as the customer is shown it (lines with their versions and amounts, totals);
  // `snapshot_hash` is its sha256, recorded in the audit log with the decisions.
  await sql`
    CREATE TABLE approval_requests (
      id TEXT PRIMARY KEY,
      repair_order_id TEXT NOT NULL REFERENCES repair_orders(id),
      token_hash TEXT NOT NULL UNIQUE,
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'submitted', 'revoked', 'superseded')),
      snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
      snapshot_hash TEXT NOT NULL,
      message TEXT NOT NULL DEFAULT '',
      sent_by TEXT REFERENCES users(id),
      sent_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      first_viewed_at TEXT,
      last_viewed_at TEXT,
      submitted_at TEXT,
      signer_name TEXT,
      signature_hash TEXT REFERENCES media_files(hash),
      client_ip TEXT,
      client_user_agent TEXT,
      revoked_at TEXT,
      revoked_by TEXT REFERENCES users(id),
      ${VERSION_AND_STAMPS}
    ) STRICT`.execute(db);
  await sql`CREATE INDEX approval_requests_repair_order ON approval_requests(repair_order_id, sent_at)`.execute(
    db,
  );

  // The customer's decision on each line of a submitted request, with the version they saw.
  await sql`
    CREATE TABLE approval_decisions (
      id TEXT PRIMARY KEY,
      approval_request_id TEXT NOT NULL REFERENCES approval_requests(id) ON DELETE CASCADE,
      line_id TEXT NOT NULL,
      job_id TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('approved', 'declined')),
      line_version INTEGER NOT NULL,
      amount_cents INTEGER NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('recorded', 'line_changed')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (approval_request_id, line_id)
    ) STRICT`.execute(db);
  await sql`CREATE INDEX approval_decisions_line ON approval_decisions(line_id)`.execute(db);

  // ---- notifications -----------------------------------------------------------------------
  // One row: SMTP, SMS gateway, web-push VAPID keys, the public base URL for customer links.
  // Secrets live here, never in shop_settings (which every staff member can read).
  await sql`
    CREATE TABLE notification_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      data TEXT NOT NULL CHECK (json_valid(data)),
      ${VERSION_AND_STAMPS}
    ) STRICT`.execute(db);

  // The durable outbox. A message is written in the same transaction as the change that causes
  // it, and sent by the worker; idempotency_key makes a second enqueue of the same message a no-op
  // and is handed to the provider so a retry after a crash is not a second message.
  await sql`
    CREATE TABLE outbox_messages (
      id TEXT PRIMARY KEY,
      idempotency_key TEXT NOT NULL UNIQUE,
      event TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'push')),
      recipient TEXT NOT NULL,
      customer_id TEXT REFERENCES customers(id),
      user_id TEXT REFERENCES users(id),
      repair_order_id TEXT REFERENCES repair_orders(id),
      subject TEXT NOT NULL DEFAULT '',
      body TEXT NOT NULL,
      html TEXT,
      status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      lease_until TEXT,
      last_error TEXT,
      provider_message_id TEXT,
      sent_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX outbox_messages_due ON outbox_messages(status, next_attempt_at)`.execute(db);
  await sql`CREATE INDEX outbox_messages_repair_order ON outbox_messages(repair_order_id, created_at)`.execute(
    db,
  );

  // Numbers that replied STOP (or were opted out by staff); SMS to them is never sent.
  await sql`
    CREATE TABLE sms_opt_outs (
      phone TEXT PRIMARY KEY,
      source TEXT NOT NULL CHECK (source IN ('stop_reply', 'staff')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  // Staff devices that accepted web push.
  await sql`
    CREATE TABLE push_subscriptions (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      endpoint TEXT NOT NULL UNIQUE,
      p256dh TEXT NOT NULL,
      auth TEXT NOT NULL,
      user_agent TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX push_subscriptions_user ON push_subscriptions(user_id)`.execute(db);
}
