import { sql, type Kysely } from 'kysely';
import { VERSION_AND_STAMPS } from '../migration-sql.js';

/**
 * Inventory (issue 6): vendors, the stock-movement ledger, and the extra item fields.
 *
 * Stock is counted in whole units (the seed's `quantity_on_hand` and `reorder_level` are whole
 * numbers). `quantity_on_hand` is a cached sum of `stock_movements.quantity`: the inventory
 * service updates both in one transaction, and a trigger writes an opening 'count' row for any
 * item inserted with stock (seed data, imports) so the invariant holds for every writer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE vendors (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
      contact_name TEXT,
      phone TEXT,
      email TEXT,
      account_number TEXT,
      notes TEXT NOT NULL DEFAULT '',
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      ${VERSION_AND_STAMPS}
    ) STRICT`.execute(db);

  await sql`ALTER TABLE inventory_items ADD COLUMN bin_location TEXT`.execute(db);
  await sql`ALTER TABLE inventory_items ADD COLUMN vendor_id TEXT REFERENCES vendors(id)`.execute(db);
  await sql`ALTER TABLE inventory_items ADD COLUMN core_charge_cents INTEGER NOT NULL DEFAULT 0 CHECK (core_charge_cents >= 0)`.execute(
    db,
  );
  await sql`ALTER TABLE inventory_items ADD COLUMN taxable INTEGER NOT NULL DEFAULT 1 CHECK (taxable IN (0, 1))`.execute(
    db,
  );
  await sql`ALTER TABLE inventory_items ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))`.execute(
    db,
  );

  await sql`
    CREATE TABLE stock_movements (
      id TEXT PRIMARY KEY,
      item_id TEXT NOT NULL REFERENCES inventory_items(id),
      kind TEXT NOT NULL CHECK (kind IN ('receive', 'issue', 'return', 'adjust', 'count')),
      quantity INTEGER NOT NULL,
      quantity_after INTEGER NOT NULL,
      reason TEXT,
      job_id TEXT REFERENCES service_jobs(id),
      line_item_id TEXT REFERENCES line_items(id),
      line_cycle INTEGER,
      unit_cost_cents INTEGER CHECK (unit_cost_cents IS NULL OR unit_cost_cents >= 0),
      override_reason TEXT,
      actor_user_id TEXT,
      at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX stock_movements_item ON stock_movements(item_id, at)`.execute(db);
  // A job line's parts are issued once per completion: the database refuses a second issue.
  await sql`
    CREATE UNIQUE INDEX stock_movements_line_once
    ON stock_movements(line_item_id, kind, line_cycle) WHERE line_item_id IS NOT NULL`.execute(db);

  // Items that already carry stock get their opening balance as a ledger row.
  await sql`
    INSERT INTO stock_movements (id, item_id, kind, quantity, quantity_after, reason, at, created_at, updated_at)
    SELECT lower(hex(randomblob(16))), id, 'count', quantity_on_hand, quantity_on_hand, 'opening balance',
           updated_at, updated_at, updated_at
    FROM inventory_items WHERE quantity_on_hand <> 0`.execute(db);
  await sql`
    CREATE TRIGGER inventory_items_opening_balance AFTER INSERT ON inventory_items
    WHEN NEW.quantity_on_hand <> 0
    BEGIN
      INSERT INTO stock_movements (id, item_id, kind, quantity, quantity_after, reason, at, created_at, updated_at)
      VALUES (lower(hex(randomblob(16))), NEW.id, 'count', NEW.quantity_on_hand, NEW.quantity_on_hand,
              'opening balance', NEW.created_at, NEW.created_at, NEW.created_at);
    END`.execute(db);

  await sql`
    CREATE TABLE purchase_orders (
      id TEXT PRIMARY KEY,
      number INTEGER NOT NULL UNIQUE,
      vendor_id TEXT NOT NULL REFERENCES vendors(id),
      status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'ordered', 'partially_received', 'received', 'cancelled')),
      notes TEXT NOT NULL DEFAULT '',
      ordered_at TEXT,
      ${VERSION_AND_STAMPS}
    ) STRICT`.execute(db);
  await sql`
    CREATE TABLE purchase_order_lines (
      id TEXT PRIMARY KEY,
      purchase_order_id TEXT NOT NULL REFERENCES purchase_orders(id),
      item_id TEXT NOT NULL REFERENCES inventory_items(id),
      quantity_ordered INTEGER NOT NULL CHECK (quantity_ordered > 0),
      quantity_received INTEGER NOT NULL DEFAULT 0 CHECK (quantity_received >= 0),
      unit_cost_cents INTEGER NOT NULL CHECK (unit_cost_cents >= 0),
      sort_order INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX purchase_order_lines_po ON purchase_order_lines(purchase_order_id)`.execute(db);
  await sql`ALTER TABLE stock_movements ADD COLUMN purchase_order_line_id TEXT REFERENCES purchase_order_lines(id)`.execute(
    db,
  );

  // Pricing matrix: a part's sell price from its cost. A tier covers costs from min_cost_cents up
  // to the next tier's minimum; markup in basis points (10000 = +100 %).
  await sql`
    CREATE TABLE pricing_tiers (
      id TEXT PRIMARY KEY,
      min_cost_cents INTEGER NOT NULL UNIQUE CHECK (min_cost_cents >= 0),
      markup_bp INTEGER NOT NULL CHECK (markup_bp >= 0),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
}
