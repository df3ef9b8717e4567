import { sql, type Kysely } from 'kysely';

/**
 * Customers: kind (person, business, fleet), notes, merge tombstone, and a normalized contacts
 * table (E.164 phones, lower-case emails) kept in step with contact_info for duplicate checks and
 * search. contact_info stays the record of what the customer gave us.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE customers ADD COLUMN kind TEXT NOT NULL DEFAULT 'person'
    CHECK (kind IN ('person', 'business', 'fleet'))`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN notes TEXT NOT NULL DEFAULT ''`.execute(db);
  // Set when this customer was merged into another; the row stays for history and old links.
  await sql`ALTER TABLE customers ADD COLUMN merged_into_id TEXT REFERENCES customers(id)`.execute(db);
  await sql`CREATE INDEX customers_name ON customers(name COLLATE NOCASE)`.execute(db);

  await sql`
    CREATE TABLE customer_contacts (
      id TEXT PRIMARY KEY,
      customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('phone', 'email')),
      value TEXT NOT NULL,
      label TEXT,
      is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX customer_contacts_lookup ON customer_contacts(kind, value)`.execute(db);
  await sql`CREATE INDEX customer_contacts_customer ON customer_contacts(customer_id)`.execute(db);
}
