import { sql, type Kysely } from 'kysely';

/**
 * Reports (issue 6): indexes only. Every report reads a time range (invoices by issue time,
 * decisions on recommended work by decision time, stock movements, payment voids and credit notes
 * by their time), so each gets an index on that time: a month of a ten-year shop is then a range
 * scan of a few hundred rows instead of a scan of the table. The three KPI indexes cover the
 * columns the KPI queries read, so those never visit the table rows (see the reports README, Speed).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX invoices_issued ON invoices(issued_at)`.execute(db);
  await sql`CREATE INDEX line_items_decided ON line_items(approval_at) WHERE approval_at IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX stock_movements_at ON stock_movements(at)`.execute(db);
  await sql`CREATE INDEX payments_voided ON payments(voided_at) WHERE voided_at IS NOT NULL`.execute(db);
  await sql`CREATE INDEX credit_notes_created ON credit_notes(created_at)`.execute(db);
}
