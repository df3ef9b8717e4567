import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import { AckLedger } from '../helpers/crash-load.js';
import { verifyDatabaseFile } from '../helpers/crash-verify.js';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
import { copyTemplateDatabase } from '../helpers/test-app.js';

/** The crash loop's checks must be able to fail: each broken state here is one a crash could leave. */
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function database() {
  const copy = copyTemplateDatabase();
  dirs.push(copy.dataDir);
  return { ...copy, path: join(copy.dataDir, 'ase.db') };
}

describe('the crash loop checks of a database file', () => {
  it('find nothing wrong in a sound file', async () => {
    const { database: db, path } = await database();
    await db.close();
    expect(verifyDatabaseFile(path, new AckLedger())).toEqual({ problems: [], checked: 0 });
  });

  it('report an acknowledged write that was lost or changed', async () => {
    const { database: db, path } = await database();
    const kept = insertCustomer(db, { name: 'Ann Kept' });
    const changed = insertCustomer(db, { name: 'Bob Changed' });
    await db.close();
    const ledger = new AckLedger();
    ledger.customers.push(
      { id: kept, name: 'Ann Kept' },
      { id: changed, name: 'Bob As Acknowledged' },
      { id: newId(), name: 'Cy Lost' },
    );
    const { problems, checked } = verifyDatabaseFile(path, ledger);
    expect(checked).toBe(3);
    expect(problems.filter((p) => p.startsWith('acknowledged customer'))).toEqual([
      `acknowledged customer ${changed} changed`,
      `acknowledged customer ${ledger.customers[2]!.id} lost`,
    ]);
  });

  it('report a half-written repair order (no jobs) and an invoice whose total is not its lines', async () => {
    const { database: db, path } = await database();
    const customer = insertCustomer(db);
    const vehicle = insertVehicle(db, customer);
    const at = '2026-03-02T14:00:00.000Z';
    const ro = newId();
    db.sqlite
      .prepare(
        `INSERT INTO repair_orders (id, number, customer_id, vehicle_id, concerns, opened_at, created_at, updated_at)
         VALUES (?, 1, ?, ?, '["Brakes squeal"]', ?, ?, ?)`,
      )
      .run(ro, customer, vehicle, at, at, at);
    await db.close();
    const { problems } = verifyDatabaseFile(path, new AckLedger());
    expect(problems).toContain(
      `a repair order without jobs (its jobs are written in the same transaction): 1 (first ${ro})`,
    );
    expect(problems).toContain(`a repair order without its audit entry: 1 (first ${ro})`);
  });

  it('note which payment cut by the kill was committed, so its retry must replay it', async () => {
    const { database: db, path } = await database();
    await db.close();
    const ledger = new AckLedger();
    ledger.inFlightPayments.push({ invoiceId: newId(), amountCents: 100, key: 'crash-never-sent' });
    verifyDatabaseFile(path, ledger);
    expect(ledger.inFlightPayments[0]!.committedPaymentId).toBeNull();
  });
});
