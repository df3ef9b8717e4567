import { sql, type Kysely } from 'kysely';

/**
 * Issue 15: the odometer reading when the vehicle goes back to the customer. Several US states
 * require both readings (in and out) on a repair invoice; null until the advisor records it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE repair_orders ADD COLUMN odometer_out INTEGER`.execute(db);
}
