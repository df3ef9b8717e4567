import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareWriteStamp } from '../../src/db/write-stamp.js';
import { insertBay } from '../helpers/fixtures.js';
import { createTestApp, injectAs, setupOwner, type TestApp } from '../helpers/test-app.js';

/**
 * The write stamp every read cache keys on (write-stamp.ts) and the session cache built on it
 * (SessionsService): this connection's writes show at once, another process's within the check
 * interval, and a session read inside someone else's open transaction is never kept.
 */
let t: TestApp | undefined;
const others: BetterSqlite3.Database[] = [];

afterEach(async () => {
  for (const other of others.splice(0)) other.close();
  await t?.close();
  t = undefined;
});

function otherConnection(app: TestApp): BetterSqlite3.Database {
  const other = new BetterSqlite3(app.database.path);
  other.pragma('busy_timeout = 5000');
  others.push(other);
  return other;
}

describe('write stamp', () => {
  it("changes at once on this connection's writes, and on another connection's after the check interval", async () => {
    t = await createTestApp();
    let now = 0;
    const stamp = prepareWriteStamp(t.database.sqlite, { otherConnectionsCheckMs: 100, nowMs: () => now });
    const first = stamp();
    expect(stamp()).toBe(first);

    t.database.sqlite.prepare("UPDATE bays SET name = 'x' WHERE 0").run(); // no row: no change
    expect(stamp()).toBe(first);
    const bayId = insertBay(t.database, 'Stamp bay');
    const afterOwnWrite = stamp();
    expect(afterOwnWrite).not.toBe(first);

    otherConnection(t).prepare("UPDATE bays SET name = 'Renamed elsewhere' WHERE id = ?").run(bayId);
    now = 99;
    expect(stamp()).toBe(afterOwnWrite); // not looked for yet
    now = 100;
    expect(stamp()).not.toBe(afterOwnWrite);
  });
});

describe('session cache', () => {
  it('a signed-out or deleted session stops working on the next request', async () => {
    t = await createTestApp();
    const owner = await setupOwner(t.app);
    expect((await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(
      200,
    );
    expect((await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(
      200,
    );

    // Removed behind the service's back, on the app's own connection: the next request knows.
    t.database.sqlite.prepare('DELETE FROM sessions').run();
    expect((await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(
      401,
    );
  });

  it('a session deleted by another process stops working within the check interval', async () => {
    t = await createTestApp();
    const owner = await setupOwner(t.app);
    expect((await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(
      200,
    );
    otherConnection(t).prepare('DELETE FROM sessions').run();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(
      401,
    );
  });

  it('a lookup that saw another request’s uncommitted rows is not kept after that transaction rolls back', async () => {
    t = await createTestApp();
    const owner = await setupOwner(t.app);
    const sqlite = t.database.sqlite;
    expect((await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(
      200,
    );

    // Another request's transaction, still open, has deleted every session so far.
    sqlite.prepare('BEGIN').run();
    sqlite.prepare('DELETE FROM sessions').run();
    expect((await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(
      401,
    );
    sqlite.prepare('ROLLBACK').run();

    // Rolled back: the session exists again, and the answer read mid-transaction was not cached.
    expect(sqlite.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(1);
    expect((await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(
      200,
    );
  });
});
