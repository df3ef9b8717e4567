import type { Database } from '../../src/db/database.js';
import { newId } from '../../src/lib/ids.js';

/**
 * Rows made straight in SQL, for tests of one module that need another module's records to point
 * at (a repair order needs a customer and a vehicle). Only the base columns of migration 0002 are
 * set, so these keep working as modules add columns with defaults.
 */
const NOW = '2026-03-02T14:00:00.000Z';

export function insertCustomer(
  database: Database,
  fields: { name?: string; contactInfo?: object } = {},
): string {
  const id = newId();
  database.sqlite
    .prepare(
      `INSERT INTO customers (id, name, contact_info, preferences, created_at, updated_at) VALUES (?, ?, ?, '{}', ?, ?)`,
    )
    .run(id, fields.name ?? 'Ann Example', JSON.stringify(fields.contactInfo ?? {}), NOW, NOW);
  return id;
}

export function insertVehicle(
  database: Database,
  customerId: string,
  fields: { vin?: string | null; make?: string; model?: string; year?: number } = {},
): string {
  const id = newId();
  database.sqlite
    .prepare(
      `INSERT INTO vehicles (id, customer_id, vin, make, model, year, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      customerId,
      fields.vin ?? null,
      fields.make ?? 'Honda',
      fields.model ?? 'Civic',
      fields.year ?? 2018,
      NOW,
      NOW,
    );
  return id;
}

export function insertTechnician(database: Database, name = 'Tom Tech'): string {
  const id = newId();
  database.sqlite
    .prepare(`INSERT INTO technicians (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)`)
    .run(id, name, NOW, NOW);
  return id;
}

export function insertBay(
  database: Database,
  name = `Bay ${Math.random().toString(36).slice(2, 6)}`,
): string {
  const id = newId();
  database.sqlite
    .prepare(`INSERT INTO bays (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)`)
    .run(id, name, NOW, NOW);
  return id;
}
