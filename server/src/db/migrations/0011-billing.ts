import { sql, type Kysely } from 'kysely';
import { VERSION_AND_STAMPS } from '../migration-sql.js';

/**
 * Billing (issue 6): invoices (gapless numbers from `counters`, immutable once issued: the lines
 * are copied), credit notes (their own gapless numbers; the only correction), payments, refunds and
 * deposits (integer cents, each recorded once per idempotency key), and the stored first answer of
 * every idempotent request. Money is integer cents everywhere; CHECKs refuse what the service
 * would refuse, as a second line of defence.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE invoices (
      id TEXT PRIMARY KEY,
      number INTEGER NOT NULL UNIQUE,
      repair_order_id TEXT NOT NULL REFERENCES repair_orders(id),
      customer_id TEXT NOT NULL REFERENCES customers(id),
      vehicle_id TEXT NOT NULL REFERENCES vehicles(id),
      status TEXT NOT NULL CHECK (status IN ('issued', 'paid', 'void')),
      subtotal_cents INTEGER NOT NULL CHECK (subtotal_cents >= 0),
      discount_cents INTEGER NOT NULL CHECK (discount_cents >= 0),
      shop_supplies_cents INTEGER NOT NULL CHECK (shop_supplies_cents >= 0),
      tax_cents INTEGER NOT NULL CHECK (tax_cents >= 0),
      total_cents INTEGER NOT NULL CHECK (total_cents >= 0),
      paid_cents INTEGER NOT NULL DEFAULT 0 CHECK (paid_cents >= 0),
      credited_cents INTEGER NOT NULL DEFAULT 0 CHECK (credited_cents >= 0),
      totals TEXT NOT NULL CHECK (json_valid(totals)),
      parties TEXT NOT NULL CHECK (json_valid(parties)),
      discount TEXT CHECK (discount IS NULL OR json_valid(discount)),
      on_account INTEGER NOT NULL DEFAULT 0 CHECK (on_account IN (0, 1)),
      due_at TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      issued_by TEXT REFERENCES users(id),
      paid_at TEXT,
      void_reason TEXT,
      voided_at TEXT,
      ${VERSION_AND_STAMPS},
      CHECK (paid_cents + credited_cents <= total_cents)
    ) STRICT`.execute(db);
  // One live invoice per repair order; a void one may be replaced.
  await sql`CREATE UNIQUE INDEX invoices_live_per_ro ON invoices(repair_order_id) WHERE status <> 'void'`.execute(
    db,
  );
  await sql`CREATE INDEX invoices_customer ON invoices(customer_id, issued_at)`.execute(db);
  await sql`CREATE INDEX invoices_open ON invoices(status, due_at)`.execute(db);

  await sql`
    CREATE TABLE invoice_lines (
      id TEXT PRIMARY KEY,
      invoice_id TEXT NOT NULL REFERENCES invoices(id),
      line_id TEXT NOT NULL REFERENCES line_items(id),
      job_id TEXT NOT NULL REFERENCES service_jobs(id),
      kind TEXT NOT NULL CHECK (kind IN ('labor', 'part', 'fee', 'sublet')),
      description TEXT NOT NULL,
      quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
      unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
      taxable INTEGER NOT NULL CHECK (taxable IN (0, 1)),
      amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
      discount_cents INTEGER NOT NULL CHECK (discount_cents >= 0 AND discount_cents <= amount_cents),
      sort_order INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX invoice_lines_invoice ON invoice_lines(invoice_id, sort_order)`.execute(db);

  // Issued means immutable, also for anyone who goes around the service: lines never change, and
  // an invoice's number, parties and money never change (only payments, credits and status move).
  await sql`
    CREATE TRIGGER invoice_lines_immutable BEFORE UPDATE ON invoice_lines
    BEGIN SELECT RAISE(ABORT, 'invoice lines are immutable: issue a credit note'); END`.execute(db);
  await sql`
    CREATE TRIGGER invoice_lines_undeletable BEFORE DELETE ON invoice_lines
    BEGIN SELECT RAISE(ABORT, 'invoice lines are immutable: issue a credit note'); END`.execute(db);
  await sql`
    CREATE TRIGGER invoices_amounts_immutable
    BEFORE UPDATE OF number, repair_order_id, customer_id, vehicle_id, subtotal_cents, discount_cents,
      shop_supplies_cents, tax_cents, total_cents, totals, parties, discount, issued_at ON invoices
    BEGIN SELECT RAISE(ABORT, 'an issued invoice is immutable: issue a credit note'); END`.execute(db);
  await sql`
    CREATE TRIGGER invoices_undeletable BEFORE DELETE ON invoices
    BEGIN SELECT RAISE(ABORT, 'invoices are never deleted: void them'); END`.execute(db);

  await sql`
    CREATE TABLE credit_notes (
      id TEXT PRIMARY KEY,
      number INTEGER NOT NULL UNIQUE,
      invoice_id TEXT NOT NULL REFERENCES invoices(id),
      amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
      reason TEXT NOT NULL,
      created_by TEXT REFERENCES users(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX credit_notes_invoice ON credit_notes(invoice_id)`.execute(db);

  await sql`
    CREATE TABLE payments (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('payment', 'deposit', 'refund')),
      invoice_id TEXT REFERENCES invoices(id),
      repair_order_id TEXT NOT NULL REFERENCES repair_orders(id),
      customer_id TEXT NOT NULL REFERENCES customers(id),
      method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'check')),
      amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
      card_reference TEXT,
      check_number TEXT,
      refund_of TEXT REFERENCES payments(id),
      reason TEXT,
      status TEXT NOT NULL DEFAULT 'recorded' CHECK (status IN ('recorded', 'void')),
      void_reason TEXT,
      voided_at TEXT,
      idempotency_key TEXT NOT NULL UNIQUE,
      received_by TEXT REFERENCES users(id),
      received_at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (kind = 'deposit' OR invoice_id IS NOT NULL)
    ) STRICT`.execute(db);
  await sql`CREATE INDEX payments_invoice ON payments(invoice_id, received_at)`.execute(db);
  await sql`CREATE INDEX payments_repair_order ON payments(repair_order_id)`.execute(db);
  await sql`CREATE INDEX payments_received ON payments(received_at)`.execute(db);

  await sql`
    CREATE TABLE idempotency_keys (
      key TEXT PRIMARY KEY,
      request_hash TEXT NOT NULL,
      status_code INTEGER NOT NULL,
      response_body TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
}
