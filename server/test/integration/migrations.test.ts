import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { migrateToLatest, UnknownMigrationError } from '../../src/db/migrate.js';
import { MIGRATIONS } from '../../src/db/migrations/index.js';
import { ManualClock } from '../../src/lib/clock.js';

const opened: Database[] = [];
function freshDatabase(): { database: Database; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ase-migrate-'));
  const database = openDatabase(join(dir, 'ase.db'));
  opened.push(database);
  return { database, dir };
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.close()));
});

function columns(database: Database, table: string): string[] {
  return (database.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map(
    (c) => c.name,
  );
}

const clock = new ManualClock('2026-04-01T08:00:00Z');

describe('migrations', () => {
  it('create the seed entities with all their fields on an empty database', async () => {
    const { database, dir } = freshDatabase();
    const result = await migrateToLatest(database, { backupDir: join(dir, 'backups'), clock });
    expect(result.applied).toEqual(Object.keys(MIGRATIONS));
    expect(result.backupPath).toBeNull(); // nothing to protect yet

    expect(columns(database, 'customers')).toEqual(
      expect.arrayContaining([
        'id',
        'name',
        'contact_info',
        'preferences',
        'created_at',
        'updated_at',
        'version',
      ]),
    );
    expect(columns(database, 'vehicles')).toEqual(
      expect.arrayContaining(['id', 'customer_id', 'vin', 'make', 'model', 'year', 'telematics_id']),
    );
    expect(columns(database, 'service_jobs')).toEqual(
      expect.arrayContaining([
        'id',
        'vehicle_id',
        'status',
        'technician_id',
        'bay_id',
        'scheduled_start',
        'estimated_end',
        'actual_start',
        'actual_end',
      ]),
    );
    expect(columns(database, 'inventory_items')).toEqual(
      expect.arrayContaining([
        'id',
        'sku',
        'name',
        'quantity_on_hand',
        'reorder_level',
        'cost_price',
        'sell_price',
      ]),
    );
    for (const table of ['users', 'sessions', 'technicians', 'bays', 'audit_log']) {
      expect(columns(database, table).length, table).toBeGreaterThan(0);
    }
    expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('is a no-op when the database is current', async () => {
    const { database, dir } = freshDatabase();
    await migrateToLatest(database, { backupDir: join(dir, 'backups'), clock });
    const again = await migrateToLatest(database, { backupDir: join(dir, 'backups'), clock });
    expect(again).toEqual({ applied: [], backupPath: null });
  });

  it('backs the database up before running pending migrations on existing data', async () => {
    const { database, dir } = freshDatabase();
    const [firstName, firstMigration] = Object.entries(MIGRATIONS)[0]!;
    await migrateToLatest(database, {
      backupDir: join(dir, 'backups'),
      clock,
      migrations: { [firstName]: firstMigration },
    });
    database.sqlite
      .prepare(
        `INSERT INTO users (id, name, email, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run('u1', 'Kept', 'kept@shop.test', 'owner', 'x', 'now', 'now');

    const result = await migrateToLatest(database, { backupDir: join(dir, 'backups'), clock });
    expect(result.applied).toEqual(Object.keys(MIGRATIONS).slice(1));
    expect(result.backupPath).not.toBeNull();
    expect(existsSync(result.backupPath!)).toBe(true);
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);

    const backup = openDatabase(result.backupPath!);
    opened.push(backup);
    expect(backup.sqlite.prepare('SELECT name FROM users').all()).toEqual([{ name: 'Kept' }]);
    const backupTables = backup.sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE name = 'customers'`)
      .all();
    expect(backupTables).toEqual([]); // the copy is from before the migration
  });

  it('refuses a database that carries a migration this build does not know, and changes nothing', async () => {
    const { database, dir } = freshDatabase();
    await migrateToLatest(database, { backupDir: join(dir, 'backups'), clock });
    database.sqlite
      .prepare(`INSERT INTO schema_migrations (name, timestamp) VALUES (?, ?)`)
      .run('0999-from-the-future', '2030-01-01T00:00:00Z');
    const before = database.sqlite.prepare('SELECT count(*) AS n FROM sqlite_master').get();

    const attempt = migrateToLatest(database, { backupDir: join(dir, 'backups'), clock });
    await expect(attempt).rejects.toBeInstanceOf(UnknownMigrationError);
    await expect(attempt).rejects.toThrow(/0999-from-the-future.*newer ASE/s);
    expect(database.sqlite.prepare('SELECT count(*) AS n FROM sqlite_master').get()).toEqual(before);
  });

  it('keeps the audit log append-only at the database level', async () => {
    const { database, dir } = freshDatabase();
    await migrateToLatest(database, { backupDir: join(dir, 'backups'), clock });
    database.sqlite
      .prepare(
        `INSERT INTO audit_log (id, at, actor_label, action, entity_type, data, created_at, updated_at)
         VALUES ('a1', 'now', 'test', 'x', 'y', '{}', 'now', 'now')`,
      )
      .run();
    expect(() => database.sqlite.prepare(`UPDATE audit_log SET action = 'z'`).run()).toThrow(/append-only/);
    expect(() => database.sqlite.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
  });

  it('enforces money as integers and job statuses at the database level', async () => {
    const { database, dir } = freshDatabase();
    await migrateToLatest(database, { backupDir: join(dir, 'backups'), clock });
    const insertItem = database.sqlite.prepare(
      `INSERT INTO inventory_items (id, sku, name, cost_price, sell_price, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'now', 'now')`,
    );
    expect(() => insertItem.run('i1', 'OIL-5W30', 'Oil', 12.5, 20)).toThrow(/cannot store REAL/);
    insertItem.run('i2', 'OIL-0W20', 'Oil', 1250, 2000);
    database.sqlite
      .prepare(`INSERT INTO customers (id, name, created_at, updated_at) VALUES ('c1', 'Ann', 'now', 'now')`)
      .run();
    database.sqlite
      .prepare(
        `INSERT INTO vehicles (id, customer_id, created_at, updated_at) VALUES ('v1', 'c1', 'now', 'now')`,
      )
      .run();
    expect(() =>
      database.sqlite
        .prepare(
          `INSERT INTO service_jobs (id, vehicle_id, status, created_at, updated_at) VALUES ('j1', 'v1', 'Done', 'now', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      database.sqlite
        .prepare(
          `INSERT INTO vehicles (id, customer_id, created_at, updated_at) VALUES ('v2', 'nobody', 'now', 'now')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('widens the device kinds for Home Assistant (0028) keeping every device and the foreign keys', async () => {
    const { database, dir } = freshDatabase();
    const names = Object.keys(MIGRATIONS);
    const before = Object.fromEntries(
      Object.entries(MIGRATIONS).slice(0, names.indexOf('0028-home-assistant-devices')),
    );
    await migrateToLatest(database, { backupDir: join(dir, 'backups'), clock, migrations: before });
    database.sqlite
      .prepare(
        `INSERT INTO devices (id, kind, name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run('d1', 'bay-sensor', 'Bay 1 sensor', 'x', 'now', 'now');
    const insertHomeAssistant = () =>
      database.sqlite
        .prepare(
          `INSERT INTO devices (id, kind, name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run('d2', 'home-assistant', 'Home Assistant', 'x', 'now', 'now');
    expect(insertHomeAssistant).toThrow(/CHECK/);

    await migrateToLatest(database, { backupDir: join(dir, 'backups'), clock });
    insertHomeAssistant();
    expect(database.sqlite.prepare('SELECT id, kind, name FROM devices ORDER BY id').all()).toEqual([
      { id: 'd1', kind: 'bay-sensor', name: 'Bay 1 sensor' },
      { id: 'd2', kind: 'home-assistant', name: 'Home Assistant' },
    ]);
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      database.sqlite
        .prepare(
          `INSERT INTO devices (id, kind, name, bay_id, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run('d3', 'display', 'TV', 'no-such-bay', 'x', 'now', 'now'),
    ).toThrow(/FOREIGN KEY/);
    expect(columns(database, 'devices')).toContain('last_refusal_at');
  });
});
