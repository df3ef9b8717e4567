import { sql, type Kysely } from 'kysely';

/**
 * The one search box. Two FTS5 indexes over customers: words of the name (unicode61, for word
 * prefixes, and its vocabulary for typo corrections) and trigrams of name, phones and emails (for
 * parts of a phone number or a name); one trigram index over vehicles (plate, VIN). Triggers keep
 * them in step; existing rows are indexed here. Whole phones and emails are found through
 * customer_contacts' index, plates through vehicles_license_plate, VIN endings through the two
 * expression indexes below, repair orders through the unique index on their number.
 *
 * Each indexed text is padded with spaces, so a trigram phrase with a leading space (" smi")
 * matches only at the start of a word.
 *
 * The expressions below are frozen with this migration (a later change needs a new migration that
 * recreates the triggers and rebuilds the indexes).
 */

/** Name with the punctuation that joins words ("Mary-Jane", "Smith & Sons", "O'Brien") made plain. */
function nameDoc(row: string): string {
  let expr = `${row}.name`;
  for (const mark of ['-', '.', ',', '/', '&', '(', ')', '"']) expr = `replace(${expr}, '${mark}', ' ')`;
  for (const mark of ["''", '’']) expr = `replace(${expr}, '${mark}', '')`;
  return `' ' || ${expr} || ' '`;
}

/** Digits of every phone in contact_info, E.164 without "+"; tolerant of numbers stored formatted. */
function phonesDoc(row: string): string {
  let digits = `json_extract(p.value, '$.number')`;
  for (const mark of ['+', ' ', '-', '(', ')', '.']) digits = `replace(${digits}, '${mark}', '')`;
  return `' ' || coalesce((SELECT group_concat(${digits}, ' ') FROM json_each(${row}.contact_info, '$.phones') AS p), '') || ' '`;
}

function emailsDoc(row: string): string {
  return `' ' || coalesce((SELECT group_concat(lower(json_extract(e.value, '$.address')), ' ') FROM json_each(${row}.contact_info, '$.emails') AS e), '') || ' '`;
}

function plateDoc(row: string): string {
  return `' ' || coalesce(${row}.license_plate, '') || ' '`;
}

function vinDoc(row: string): string {
  return `' ' || upper(coalesce(${row}.vin, '')) || ' '`;
}

const customerColumns = (row: string) => `${nameDoc(row)}, ${phonesDoc(row)}, ${emailsDoc(row)}`;

/** Puts a customer in both customer indexes unless merged away (they live on in the kept one). */
function indexCustomer(row: string): string {
  return `
    INSERT INTO search_customers (rowid, name, phones, emails)
      SELECT k.id, ${customerColumns(row)} FROM search_keys AS k
      WHERE k.entity_id = ${row}.id AND ${row}.merged_into_id IS NULL;
    INSERT INTO search_customer_words (rowid, name)
      SELECT k.id, ${nameDoc(row)} FROM search_keys AS k
      WHERE k.entity_id = ${row}.id AND ${row}.merged_into_id IS NULL;`;
}

function unindexCustomer(row: string): string {
  return `
    DELETE FROM search_customers WHERE rowid = (SELECT id FROM search_keys WHERE entity_id = ${row}.id);
    DELETE FROM search_customer_words WHERE rowid = (SELECT id FROM search_keys WHERE entity_id = ${row}.id);`;
}
const vehicleColumns = (row: string) => `${plateDoc(row)}, ${vinDoc(row)}`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // FTS rows need stable integer keys; the rowid of a table without INTEGER PRIMARY KEY may change
  // on VACUUM, so the search index keeps its own. A derived index, not a record: no timestamps.
  await sql`
    CREATE TABLE search_keys (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('customer', 'vehicle')),
      entity_id TEXT NOT NULL UNIQUE
    ) STRICT`.execute(db);

  await sql`
    CREATE VIRTUAL TABLE search_customers USING fts5(
      name, phones, emails, tokenize = 'trigram remove_diacritics 1'
    )`.execute(db);
  await sql`
    CREATE VIRTUAL TABLE search_customer_words USING fts5(
      name, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    )`.execute(db);
  // Every distinct word of every name: where a typo's corrections come from.
  await sql`
    CREATE VIRTUAL TABLE search_customer_words_vocab USING fts5vocab(search_customer_words, 'row')`.execute(
    db,
  );
  await sql`
    CREATE VIRTUAL TABLE search_vehicles USING fts5(
      plate, vin, tokenize = 'trigram remove_diacritics 1'
    )`.execute(db);

  // Customers: merged ones leave the index (they live on in the customer they were merged into).
  await sql
    .raw(
      `CREATE TRIGGER search_customers_insert AFTER INSERT ON customers
      BEGIN
        INSERT OR IGNORE INTO search_keys (kind, entity_id) VALUES ('customer', new.id);
        ${indexCustomer('new')}
      END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER search_customers_update AFTER UPDATE OF name, contact_info, merged_into_id ON customers
      WHEN old.name IS NOT new.name OR old.contact_info IS NOT new.contact_info
        OR old.merged_into_id IS NOT new.merged_into_id
      BEGIN
        ${unindexCustomer('old')}
        INSERT OR IGNORE INTO search_keys (kind, entity_id) VALUES ('customer', new.id);
        ${indexCustomer('new')}
      END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER search_customers_delete AFTER DELETE ON customers
      BEGIN
        ${unindexCustomer('old')}
        DELETE FROM search_keys WHERE entity_id = old.id;
      END`,
    )
    .execute(db);

  // Vehicles: only plate and VIN changes touch the index (odometer updates on every visit do not).
  await sql
    .raw(
      `CREATE TRIGGER search_vehicles_insert AFTER INSERT ON vehicles
      BEGIN
        INSERT OR IGNORE INTO search_keys (kind, entity_id) VALUES ('vehicle', new.id);
        INSERT INTO search_vehicles (rowid, plate, vin)
          SELECT k.id, ${vehicleColumns('new')} FROM search_keys AS k WHERE k.entity_id = new.id;
      END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER search_vehicles_update AFTER UPDATE OF license_plate, vin ON vehicles
      WHEN old.license_plate IS NOT new.license_plate OR old.vin IS NOT new.vin
      BEGIN
        DELETE FROM search_vehicles WHERE rowid = (SELECT id FROM search_keys WHERE entity_id = old.id);
        INSERT OR IGNORE INTO search_keys (kind, entity_id) VALUES ('vehicle', new.id);
        INSERT INTO search_vehicles (rowid, plate, vin)
          SELECT k.id, ${vehicleColumns('new')} FROM search_keys AS k WHERE k.entity_id = new.id;
      END`,
    )
    .execute(db);
  await sql`
    CREATE TRIGGER search_vehicles_delete AFTER DELETE ON vehicles
    BEGIN
      DELETE FROM search_vehicles WHERE rowid = (SELECT id FROM search_keys WHERE entity_id = old.id);
      DELETE FROM search_keys WHERE entity_id = old.id;
    END`.execute(db);

  // Backfill what earlier versions stored.
  await sql`INSERT INTO search_keys (kind, entity_id) SELECT 'customer', id FROM customers`.execute(db);
  await sql`INSERT INTO search_keys (kind, entity_id) SELECT 'vehicle', id FROM vehicles`.execute(db);
  await sql
    .raw(
      `INSERT INTO search_customers (rowid, name, phones, emails)
      SELECT k.id, ${customerColumns('c')} FROM customers AS c JOIN search_keys AS k ON k.entity_id = c.id
      WHERE c.merged_into_id IS NULL`,
    )
    .execute(db);
  await sql
    .raw(
      `INSERT INTO search_customer_words (rowid, name)
      SELECT k.id, ${nameDoc('c')} FROM customers AS c JOIN search_keys AS k ON k.entity_id = c.id
      WHERE c.merged_into_id IS NULL`,
    )
    .execute(db);
  await sql
    .raw(
      `INSERT INTO search_vehicles (rowid, plate, vin)
      SELECT k.id, ${vehicleColumns('v')} FROM vehicles AS v JOIN search_keys AS k ON k.entity_id = v.id`,
    )
    .execute(db);
  await sql`INSERT INTO search_customers (search_customers) VALUES ('optimize')`.execute(db);
  await sql`INSERT INTO search_customer_words (search_customer_words) VALUES ('optimize')`.execute(db);
  await sql`INSERT INTO search_vehicles (search_vehicles) VALUES ('optimize')`.execute(db);

  // "Last 6" and "last 8" of a VIN, as read off a key tag or a windshield: straight index lookups.
  await sql`CREATE INDEX vehicles_vin_last6 ON vehicles(substr(vin, -6))`.execute(db);
  await sql`CREATE INDEX vehicles_vin_last8 ON vehicles(substr(vin, -8))`.execute(db);
}
