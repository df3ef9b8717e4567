import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { expect } from 'vitest';
import type { ReplicationStatus } from '../../../src/modules/backup/backup.schemas.js';
import type { OffsiteFilesService } from '../../../src/modules/offsite-files/offsite-files.service.js';
import { injectAs, type TestApp } from '../../helpers/test-app.js';

/** Polls until `check` returns a value (not undefined), at most `timeoutMs`; fails naming `what`. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function ok<T>(
  app: FastifyInstance,
  cookie: string,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
  status = 201,
) {
  const response = await injectAs(app, cookie, {
    method,
    url,
    ...(payload === undefined ? {} : { payload }),
  });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status);
  return response.json<T>();
}

/**
 * A small day at the shop through the API: two customers, a vehicle, a repair order with labor and
 * a part (approved, completed), an invoice and a payment, and an inspection with one photo.
 */
export async function writeShopDay(app: FastifyInstance, cookie: string): Promise<{ photoHash: string }> {
  const ann = await ok<{ id: string }>(app, cookie, 'POST', '/api/customers', {
    name: 'Ann Drill',
    notes: 'Prefers mornings',
  });
  await ok(app, cookie, 'POST', '/api/customers', { name: 'Bob Backup' });
  const vehicle = await ok<{ id: string }>(app, cookie, 'POST', '/api/vehicles', {
    customerId: ann.id,
    make: 'Toyota',
    model: 'Corolla',
    year: 2016,
    odometer: 120_345,
  });
  const ro = await ok<{ id: string; jobs: { id: string }[] }>(app, cookie, 'POST', '/api/repair-orders', {
    customerId: ann.id,
    vehicleId: vehicle.id,
    concerns: ['Brakes squeal'],
  });
  const jobId = ro.jobs[0]!.id;
  const labor = await ok<{ id: string }>(app, cookie, 'POST', `/api/jobs/${jobId}/lines`, {
    kind: 'labor',
    description: 'Replace front pads',
    quantity: 1.5,
    unitPriceCents: 12_000,
    taxable: false,
  });
  const part = await ok<{ id: string }>(app, cookie, 'POST', `/api/jobs/${jobId}/lines`, {
    kind: 'part',
    description: 'Brake pad set',
    partNumber: 'BP-1',
    quantity: 2,
    unitPriceCents: 4_550,
  });
  await ok(
    app,
    cookie,
    'POST',
    `/api/repair-orders/${ro.id}/approvals`,
    {
      method: 'in_person',
      approvedBy: 'Ann Drill',
      decisions: [
        { lineId: labor.id, state: 'approved' },
        { lineId: part.id, state: 'approved' },
      ],
    },
    200,
  );
  const inspection = await ok<{ id: string }>(
    app,
    cookie,
    'POST',
    `/api/repair-orders/${ro.id}/inspections`,
    {},
  );
  const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#3a6' } })
    .jpeg()
    .toBuffer();
  const uploaded = await app.inject({
    method: 'POST',
    url: `/api/inspections/${inspection.id}/media?itemKey=tires.lf`,
    headers: { cookie, 'content-type': 'image/jpeg' },
    payload: photo,
  });
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  for (const status of ['In_Progress', 'Completed']) {
    const job = await ok<{ version: number }>(app, cookie, 'GET', `/api/jobs/${jobId}`, undefined, 200);
    await ok(app, cookie, 'POST', `/api/jobs/${jobId}/status`, { status, version: job.version }, 200);
  }
  const invoice = await ok<{ id: string; totalCents: number }>(app, cookie, 'POST', '/api/invoices', {
    repairOrderId: ro.id,
  });
  const paid = await injectAs(app, cookie, {
    method: 'POST',
    url: `/api/invoices/${invoice.id}/payments`,
    headers: { 'idempotency-key': `drill-${Date.now()}` },
    payload: { method: 'cash', amountCents: 10_000 },
  });
  expect(paid.statusCode, paid.body).toBe(201);
  return { photoHash: uploaded.json<{ hash: string }>().hash };
}

/** Every row of every table (Litestream's own bookkeeping tables aside), sorted. */
export function dumpDatabase(path: string): Record<string, string[]> {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '\\_litestream\\_%' ESCAPE '\\' ORDER BY name`,
      )
      .all() as { name: string }[];
    const dump: Record<string, string[]> = {};
    for (const { name } of tables) {
      const rows = db.prepare(`SELECT * FROM "${name}"`).all();
      dump[name] = rows.map((row) => JSON.stringify(row)).sort();
    }
    return dump;
  } finally {
    db.close();
  }
}

/** Every media file under `<dataDir>/media`: relative path → sha256 of the bytes. */
export function mediaFiles(dataDir: string): Record<string, string> {
  const root = join(dataDir, 'media');
  if (!existsSync(root)) return {};
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}

/**
 * The app's off-site file queue, pointed at the backup settings' target (the app's own worker may
 * not be wired to them yet); drained by hand, no timer.
 */
export function offsiteFilesOf(t: TestApp): OffsiteFilesService {
  return t.app.offsiteFiles.withTarget(() => t.app.backup.currentTarget(), { pollMs: 0 });
}

/** Waits until Litestream reports a sync newer than every commit so far. */
export async function waitUntilReplicated(t: TestApp, after: number): Promise<ReplicationStatus> {
  return waitFor('the replica to catch up', () => {
    const status = t.app.backup.status();
    if (process.env.H1_DEBUG) console.log(JSON.stringify(status), Date.now() - after);
    if (status.state === 'error') throw new Error(`replication error: ${status.message}`);
    const synced = status.lastSyncAt === null ? 0 : Date.parse(status.lastSyncAt);
    return status.state === 'replicating' && status.lagSeconds === 0 && synced >= after ? status : undefined;
  });
}
