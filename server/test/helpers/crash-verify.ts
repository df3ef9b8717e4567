import BetterSqlite3 from 'better-sqlite3';
import { JOB_STATUS_RANK, type AckLedger } from './crash-load.js';

/**
 * The checks made on the database file while the killed server is down. The file is opened
 * read-only, so nothing here checkpoints the WAL or otherwise tidies up what the restarting
 * server will find: the server must recover from exactly what the kill left.
 */

export interface VerifyResult {
  /** Everything wrong, one message per finding (empty: the file is sound). */
  problems: string[];
  /** Acknowledged writes looked up and compared. */
  checked: number;
}

const MAX_REPORTED = 25;

/** Global invariants: each query lists the ids that break one (none may come back). */
const INVARIANTS: { name: string; sql: string }[] = [
  {
    name: 'a repair order without jobs (its jobs are written in the same transaction)',
    sql: `SELECT r.id FROM repair_orders r
          WHERE NOT EXISTS (SELECT 1 FROM service_jobs j WHERE j.repair_order_id = r.id)`,
  },
  {
    name: 'a repair order whose concern jobs do not match its concerns',
    sql: `SELECT r.id FROM repair_orders r
          WHERE json_array_length(r.concerns) != (SELECT count(*) FROM service_jobs j
                WHERE j.repair_order_id = r.id AND j.canned_job_id IS NULL)`,
  },
  {
    // The load never adds lines to a job made from a canned job, so its lines are the copy.
    name: 'a job from a canned job without all of the canned lines (copied in one transaction)',
    sql: `SELECT j.id FROM service_jobs j JOIN canned_jobs c ON c.id = j.canned_job_id
          WHERE json_array_length(c.lines) != (SELECT count(*) FROM line_items l WHERE l.job_id = j.id)`,
  },
  {
    name: 'an invoice without lines',
    sql: `SELECT i.id FROM invoices i WHERE NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id)`,
  },
  {
    name: 'an invoice whose subtotal, discount or total is not the sum of its lines',
    sql: `SELECT i.id FROM invoices i
          WHERE i.subtotal_cents != (SELECT coalesce(sum(amount_cents), 0) FROM invoice_lines WHERE invoice_id = i.id)
             OR i.discount_cents != (SELECT coalesce(sum(discount_cents), 0) FROM invoice_lines WHERE invoice_id = i.id)
             OR i.total_cents != i.subtotal_cents - i.discount_cents + i.shop_supplies_cents + i.tax_cents`,
  },
  {
    name: "an invoice whose lines are not its repair order's approved lines",
    sql: `SELECT i.id FROM invoices i
          WHERE i.status != 'void'
            AND (SELECT count(*) FROM invoice_lines il WHERE il.invoice_id = i.id)
             != (SELECT count(*) FROM line_items l JOIN service_jobs j ON j.id = l.job_id
                 WHERE j.repair_order_id = i.repair_order_id AND l.approval_state = 'approved')`,
  },
  {
    name: 'an invoice line whose amount differs from its line item',
    sql: `SELECT il.id FROM invoice_lines il JOIN line_items l ON l.id = il.line_id
          WHERE il.quantity_milli != l.quantity_milli OR il.unit_price_cents != l.unit_price_cents`,
  },
  {
    name: 'an invoice whose paid amount is not the sum of its recorded payments',
    sql: `SELECT i.id FROM invoices i
          WHERE i.paid_cents != (SELECT coalesce(sum(CASE p.kind WHEN 'refund' THEN -p.amount_cents ELSE p.amount_cents END), 0)
                                 FROM payments p WHERE p.invoice_id = i.id AND p.status = 'recorded')`,
  },
  {
    name: "an invoice whose status disagrees with its balance ('paid' iff nothing is owed)",
    sql: `SELECT i.id FROM invoices i
          WHERE i.status != 'void' AND (i.status = 'paid') != (i.paid_cents + i.credited_cents = i.total_cents)`,
  },
  {
    name: 'an invoice whose repair order status disagrees (issued → invoiced, paid → closed)',
    sql: `SELECT i.id FROM invoices i JOIN repair_orders r ON r.id = i.repair_order_id
          WHERE (i.status = 'issued' AND r.status != 'invoiced') OR (i.status = 'paid' AND r.status != 'closed')`,
  },
  {
    name: 'a job with invoiced work whose status disagrees with the invoice (issued → Completed, paid → Paid)',
    sql: `SELECT DISTINCT j.id FROM invoices i
          JOIN invoice_lines il ON il.invoice_id = i.id
          JOIN service_jobs j ON j.id = il.job_id
          WHERE (i.status = 'issued' AND j.status != 'Completed') OR (i.status = 'paid' AND j.status != 'Paid')`,
  },
  {
    name: 'a payment without its stored idempotent answer (written in the same transaction)',
    sql: `SELECT p.id FROM payments p WHERE NOT EXISTS (SELECT 1 FROM idempotency_keys k WHERE k.key = p.idempotency_key)`,
  },
  {
    name: 'a payment without its audit entry (money is audited in the same transaction)',
    sql: `SELECT p.id FROM payments p WHERE p.kind = 'payment' AND NOT EXISTS (
            SELECT 1 FROM audit_log a WHERE a.entity_type = 'invoice' AND a.entity_id = p.invoice_id
              AND a.action = 'payment.recorded' AND json_extract(a.data, '$.paymentId') = p.id)`,
  },
  {
    name: 'an invoice without its audit entry',
    sql: `SELECT i.id FROM invoices i WHERE NOT EXISTS (
            SELECT 1 FROM audit_log a WHERE a.entity_id = i.id AND a.action = 'invoice.issued')`,
  },
  {
    name: 'a repair order without its audit entry',
    sql: `SELECT r.id FROM repair_orders r WHERE NOT EXISTS (
            SELECT 1 FROM audit_log a WHERE a.entity_id = r.id AND a.action = 'repair_order.created')`,
  },
  {
    name: 'a customer without its audit entry',
    sql: `SELECT c.id FROM customers c WHERE NOT EXISTS (
            SELECT 1 FROM audit_log a WHERE a.entity_id = c.id AND a.action = 'customer.created')`,
  },
];

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((x) => set.has(x));
}

/** Opens `path` read-only and runs every check; also notes which in-flight payments were committed. */
export function verifyDatabaseFile(path: string, ledger: AckLedger): VerifyResult {
  const problems: string[] = [];
  const problem = (message: string) => {
    if (problems.length < MAX_REPORTED) problems.push(message);
    else if (problems.length === MAX_REPORTED) problems.push('… more problems left out');
  };
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  let checked = 0;
  try {
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok')
      problem(`integrity_check: ${integrity.map((r) => r.integrity_check).join('; ')}`);
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    if (foreignKeys.length > 0)
      problem(`foreign_key_check: ${foreignKeys.length} rows, first ${JSON.stringify(foreignKeys[0])}`);

    for (const { name, sql } of INVARIANTS) {
      const ids = db.prepare(sql).pluck().all() as string[];
      if (ids.length > 0) problem(`${name}: ${ids.length} (first ${ids[0]})`);
    }

    const get = <T>(sql: string) => {
      const statement = db.prepare(sql);
      return (...params: unknown[]) => statement.get(...params) as T | undefined;
    };
    const ids = (sql: string) => {
      const statement = db.prepare(sql).pluck();
      return (param: string) => statement.all(param) as string[];
    };

    const customer = get<{ name: string }>('SELECT name FROM customers WHERE id = ?');
    for (const ack of ledger.customers) {
      checked += 1;
      const row = customer(ack.id);
      if (row?.name !== ack.name) problem(`acknowledged customer ${ack.id} ${row ? 'changed' : 'lost'}`);
    }

    const vehicle = get<{ customer_id: string; make: string; model: string; year: number }>(
      'SELECT customer_id, make, model, year FROM vehicles WHERE id = ?',
    );
    for (const ack of ledger.vehicles) {
      checked += 1;
      const row = vehicle(ack.id);
      if (
        row === undefined ||
        row.customer_id !== ack.customerId ||
        row.make !== ack.make ||
        row.model !== ack.model ||
        row.year !== ack.year
      )
        problem(`acknowledged vehicle ${ack.id} ${row ? 'changed' : 'lost'}`);
    }

    const repairOrder = get<{ number: number; customer_id: string; vehicle_id: string; concerns: string }>(
      'SELECT number, customer_id, vehicle_id, concerns FROM repair_orders WHERE id = ?',
    );
    const concernJobs = ids(
      'SELECT id FROM service_jobs WHERE repair_order_id = ? AND canned_job_id IS NULL',
    );
    for (const ack of ledger.repairOrders) {
      checked += 1;
      const row = repairOrder(ack.id);
      if (row === undefined) {
        problem(`acknowledged repair order ${ack.number} (${ack.id}) lost`);
        continue;
      }
      if (
        row.number !== ack.number ||
        row.customer_id !== ack.customerId ||
        row.vehicle_id !== ack.vehicleId ||
        JSON.stringify(JSON.parse(row.concerns)) !== JSON.stringify(ack.concerns)
      )
        problem(`acknowledged repair order ${ack.id} changed`);
      if (!sameSet(concernJobs(ack.id), ack.jobIds))
        problem(`acknowledged repair order ${ack.id}: its jobs are not the ones it was created with`);
    }

    const job = get<{ repair_order_id: string; canned_job_id: string | null; status: string }>(
      'SELECT repair_order_id, canned_job_id, status FROM service_jobs WHERE id = ?',
    );
    const jobLines = ids('SELECT id FROM line_items WHERE job_id = ?');
    for (const ack of ledger.cannedJobs) {
      checked += 1;
      const row = job(ack.jobId);
      if (row?.repair_order_id !== ack.repairOrderId || row.canned_job_id !== ack.cannedJobId)
        problem(`acknowledged job from canned job ${ack.jobId} ${row ? 'changed' : 'lost'}`);
      else if (!sameSet(jobLines(ack.jobId), ack.lineIds))
        problem(`acknowledged job from canned job ${ack.jobId}: lines differ from those acknowledged`);
    }

    const line = get<{
      job_id: string;
      kind: string;
      description: string;
      quantity_milli: number;
      unit_price_cents: number;
      approval_state: string;
    }>(
      'SELECT job_id, kind, description, quantity_milli, unit_price_cents, approval_state FROM line_items WHERE id = ?',
    );
    for (const ack of ledger.lines) {
      checked += 1;
      const row = line(ack.id);
      if (
        row === undefined ||
        row.job_id !== ack.jobId ||
        row.kind !== ack.kind ||
        row.description !== ack.description ||
        row.quantity_milli !== ack.quantityMilli ||
        row.unit_price_cents !== ack.unitPriceCents
      )
        problem(`acknowledged line ${ack.id} ${row ? 'changed' : 'lost'}`);
    }
    checked += ledger.approvals;
    for (const id of ledger.approvedLines) {
      const state = line(id)?.approval_state;
      if (state !== 'approved') problem(`acknowledged approval of line ${id} lost (state ${state})`);
    }

    checked += ledger.statusChanges;
    for (const [jobId, status] of ledger.jobStatus) {
      const now = job(jobId)?.status;
      if (now === undefined || JOB_STATUS_RANK[now]! < JOB_STATUS_RANK[status]!)
        problem(`acknowledged status ${status} of job ${jobId} lost (now ${now})`);
    }

    const invoice = get<{ number: number; repair_order_id: string; total_cents: number; status: string }>(
      'SELECT number, repair_order_id, total_cents, status FROM invoices WHERE id = ?',
    );
    const invoiceLines = ids('SELECT id FROM invoice_lines WHERE invoice_id = ?');
    for (const ack of ledger.invoices) {
      checked += 1;
      const row = invoice(ack.id);
      if (
        row === undefined ||
        row.number !== ack.number ||
        row.repair_order_id !== ack.repairOrderId ||
        row.total_cents !== ack.totalCents
      )
        problem(`acknowledged invoice ${ack.number} (${ack.id}) ${row ? 'changed' : 'lost'}`);
      else if (!sameSet(invoiceLines(ack.id), ack.lineIds))
        problem(`acknowledged invoice ${ack.id}: lines differ from those acknowledged`);
    }

    const payment = get<{
      invoice_id: string;
      amount_cents: number;
      idempotency_key: string;
      status: string;
    }>(
      `SELECT invoice_id, amount_cents, idempotency_key, status FROM payments WHERE id = ? AND kind = 'payment'`,
    );
    const paymentByKey = ids('SELECT id FROM payments WHERE idempotency_key = ?');
    for (const ack of ledger.payments) {
      checked += 1;
      const row = payment(ack.id);
      if (
        row === undefined ||
        row.invoice_id !== ack.invoiceId ||
        row.amount_cents !== ack.amountCents ||
        row.idempotency_key !== ack.key ||
        row.status !== 'recorded'
      )
        problem(`acknowledged payment ${ack.id} ${row ? 'changed' : 'lost'}`);
      const sameKey = paymentByKey(ack.key);
      if (sameKey.length !== 1) problem(`payment key ${ack.key}: ${sameKey.length} payments`);
      if (ack.invoiceStatus === 'paid' && invoice(ack.invoiceId)?.status !== 'paid')
        problem(`invoice ${ack.invoiceId} was acknowledged paid but is not`);
    }

    for (const inFlight of ledger.inFlightPayments) {
      const committed = paymentByKey(inFlight.key);
      if (committed.length > 1)
        problem(`in-flight payment key ${inFlight.key}: ${committed.length} payments`);
      inFlight.committedPaymentId = committed[0] ?? null;
    }
  } finally {
    db.close();
  }
  return { problems, checked };
}
