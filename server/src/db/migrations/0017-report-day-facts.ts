import { sql, type Kysely } from 'kysely';

/**
 * Reports (issue 6), speed: per-local-day summaries of the report facts, a CACHE filled lazily by
 * the `*-report-facts.ts` classes of the module that owns each table (billing, repair orders, time
 * clock), so that a year of KPIs adds up 365 small rows per module instead of ≈ 150k source rows.
 *
 * - `<module>_report_days(day, time_zone, data)`: one JSON summary per shop-local day (keyed by
 *   the time zone it was cut in), only for days that are over and had nothing running. Today, and
 *   any day not cached, is computed live from the source tables.
 * - `<module>_report_days_epoch`: one counter, bumped by every invalidation. A fill reads it before
 *   computing and stores only if it is unchanged (one INSERT … SELECT … WHERE epoch = ?), so a write
 *   that lands while a report computes can never leave a stale row behind.
 * - Triggers on the source tables delete the cached days a write can touch: the UTC date of the
 *   instant ± 1 day covers its local day in any time zone (offsets are within ± 14 h).
 *
 * What each cache depends on (and so which writes invalidate it):
 * - billing: invoices issued (insert, status change: void/paid) and their lines.
 * - repair orders: decided line items (by `approval_at`, old and new, and every decision day of
 *   the line's job: a day counts the jobs decided on it only), and the cycle time of the
 *   repair orders closed on the day: their jobs' `actual_end`, the RO's `opened_at`, invoices.
 * - time clock: job-clock entries (by `started_at`, old and new), shifts (by `clock_in_at`), and the
 *   billed-hours split of the jobs invoiced on the day: any clock entry on such a job, whenever it
 *   was, its assigned technician, and the invoices themselves.
 *
 * Also a covering index for the live distinct count of vehicles (car count) per range.
 */
const CACHES = ['billing_report_days', 'repair_orders_report_days', 'timeclock_report_days'] as const;
type Cache = (typeof CACHES)[number];

/** Delete the cached days around one instant (text expression) and bump the cache's epoch. */
const forget = (cache: Cache, instant: string): string => `
      DELETE FROM ${cache} WHERE day BETWEEN date(${instant}, '-1 day') AND date(${instant}, '+1 day');
      UPDATE ${cache}_epoch SET n = n + 1;`;

/**
 * The same for every day a job has a decision on (`job` is a job id expression): a day's summary
 * counts a job decided on that day only, so a decision on another day changes it.
 */
const forgetJobDecisions = (cache: Cache, job: string): string => `
      DELETE FROM ${cache} WHERE day IN (
        SELECT date(o.approval_at, s.shift) FROM line_items o
        CROSS JOIN (SELECT '-1 day' AS shift UNION ALL SELECT '+0 days' UNION ALL SELECT '+1 day') s
        WHERE o.job_id = ${job} AND o.approval_at IS NOT NULL);
      UPDATE ${cache}_epoch SET n = n + 1;`;

/** The same for the day a job's live invoice was issued on (`job` is a job id expression). */
const forgetJobInvoice = (cache: Cache, job: string): string =>
  forget(
    cache,
    `(SELECT inv.issued_at FROM service_jobs j JOIN invoices inv ON inv.repair_order_id = j.repair_order_id AND inv.status <> 'void' WHERE j.id = ${job})`,
  );

/** The same for the day a repair order's live invoice was issued on (at most one is live). */
const forgetRoInvoice = (cache: Cache, ro: string): string =>
  forget(cache, `(SELECT issued_at FROM invoices WHERE repair_order_id = ${ro} AND status <> 'void')`);

async function trigger(db: Kysely<unknown>, name: string, on: string, body: string): Promise<void> {
  await sql.raw(`CREATE TRIGGER ${name} ${on}\n    BEGIN${body}\n    END`).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const cache of CACHES) {
    await sql
      .raw(
        `CREATE TABLE ${cache} (
          day TEXT NOT NULL,
          time_zone TEXT NOT NULL,
          data TEXT NOT NULL,
          created_at TEXT NOT NULL,
          PRIMARY KEY (day, time_zone)
        ) STRICT, WITHOUT ROWID`,
      )
      .execute(db);
    await sql
      .raw(`CREATE TABLE ${cache}_epoch (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL) STRICT`)
      .execute(db);
    await sql.raw(`INSERT INTO ${cache}_epoch (id, n) VALUES (1, 0)`).execute(db);
  }
  await sql`CREATE INDEX invoices_issued_vehicle ON invoices(issued_at, status, vehicle_id)`.execute(db);

  // Invoices (immutable once issued, never deleted: only their status changes) touch all three.
  const onInvoice = (row: 'NEW') => CACHES.map((cache) => forget(cache, `${row}.issued_at`)).join('');
  await trigger(db, 'report_days_invoice_insert', 'AFTER INSERT ON invoices', onInvoice('NEW'));
  await trigger(db, 'report_days_invoice_status', 'AFTER UPDATE OF status ON invoices', onInvoice('NEW'));
  const lineDay = (row: 'NEW' | 'OLD') => `(SELECT issued_at FROM invoices WHERE id = ${row}.invoice_id)`;
  for (const [event, row] of [
    ['INSERT', 'NEW'],
    ['DELETE', 'OLD'],
    ['UPDATE', 'NEW'],
  ] as const) {
    const rows = event === 'UPDATE' ? (['OLD', 'NEW'] as const) : [row];
    await trigger(
      db,
      `report_days_invoice_line_${event.toLowerCase()}`,
      `AFTER ${event} ON invoice_lines`,
      rows
        .map((r) => forget('billing_report_days', lineDay(r)) + forget('timeclock_report_days', lineDay(r)))
        .join(''),
    );
  }

  // Decided line items (approval ratio), by the old and the new decision time, and every other
  // day the job (old and new) has a decision on.
  const decided = 'approval_at, approval_state, quantity_milli, unit_price_cents, job_id';
  await trigger(
    db,
    'report_days_line_item_insert',
    'AFTER INSERT ON line_items WHEN NEW.approval_at IS NOT NULL',
    forget('repair_orders_report_days', 'NEW.approval_at') +
      forgetJobDecisions('repair_orders_report_days', 'NEW.job_id'),
  );
  await trigger(
    db,
    'report_days_line_item_delete',
    'AFTER DELETE ON line_items WHEN OLD.approval_at IS NOT NULL',
    forget('repair_orders_report_days', 'OLD.approval_at') +
      forgetJobDecisions('repair_orders_report_days', 'OLD.job_id'),
  );
  await trigger(
    db,
    'report_days_line_item_update',
    `AFTER UPDATE OF ${decided} ON line_items WHEN OLD.approval_at IS NOT NULL OR NEW.approval_at IS NOT NULL`,
    forget('repair_orders_report_days', 'OLD.approval_at') +
      forget('repair_orders_report_days', 'NEW.approval_at') +
      forgetJobDecisions('repair_orders_report_days', 'NEW.job_id'),
  );

  // Cycle time: a repair order's check-in and its jobs' actual end (the day its invoice was issued).
  await trigger(
    db,
    'report_days_repair_order_opened',
    'AFTER UPDATE OF opened_at ON repair_orders',
    forgetRoInvoice('repair_orders_report_days', 'NEW.id'),
  );
  await trigger(
    db,
    'report_days_job_insert',
    'AFTER INSERT ON service_jobs',
    forgetRoInvoice('repair_orders_report_days', 'NEW.repair_order_id'),
  );
  await trigger(
    db,
    'report_days_job_delete',
    'AFTER DELETE ON service_jobs',
    forgetRoInvoice('repair_orders_report_days', 'OLD.repair_order_id') +
      forgetJobInvoice('timeclock_report_days', 'OLD.id'),
  );
  await trigger(
    db,
    'report_days_job_ready',
    'AFTER UPDATE OF actual_end, repair_order_id ON service_jobs',
    forgetRoInvoice('repair_orders_report_days', 'OLD.repair_order_id') +
      forgetRoInvoice('repair_orders_report_days', 'NEW.repair_order_id'),
  );
  // The billed-hours split: a job nobody clocked goes to its assigned technician.
  await trigger(
    db,
    'report_days_job_assignee',
    'AFTER UPDATE OF technician_id, repair_order_id ON service_jobs',
    forgetJobInvoice('timeclock_report_days', 'OLD.id') + forgetJobInvoice('timeclock_report_days', 'NEW.id'),
  );

  // Job clock: clocked time by start, and the split of the job's billed hours (whenever clocked).
  const onEntry = (row: 'NEW' | 'OLD') =>
    forget('timeclock_report_days', `${row}.started_at`) +
    forgetJobInvoice('timeclock_report_days', `${row}.job_id`);
  await trigger(db, 'report_days_clock_insert', 'AFTER INSERT ON job_clock_entries', onEntry('NEW'));
  await trigger(db, 'report_days_clock_delete', 'AFTER DELETE ON job_clock_entries', onEntry('OLD'));
  await trigger(
    db,
    'report_days_clock_update',
    'AFTER UPDATE OF job_id, technician_id, started_at, ended_at ON job_clock_entries',
    onEntry('OLD') + onEntry('NEW'),
  );
  // Attendance: shifts by clock-in.
  const onShift = (row: 'NEW' | 'OLD') => forget('timeclock_report_days', `${row}.clock_in_at`);
  await trigger(db, 'report_days_shift_insert', 'AFTER INSERT ON technician_shifts', onShift('NEW'));
  await trigger(db, 'report_days_shift_delete', 'AFTER DELETE ON technician_shifts', onShift('OLD'));
  await trigger(
    db,
    'report_days_shift_update',
    'AFTER UPDATE OF technician_id, clock_in_at, clock_out_at ON technician_shifts',
    onShift('OLD') + onShift('NEW'),
  );
}
