import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CustomerContactsTable, CustomerKind, CustomersTable } from '../../db/tables/customers.js';
import { updateIfVersion, type UpdateIfVersion } from '../../db/versioned-rows.js';

export function findCustomer(db: Db, id: string) {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface CustomerPageQuery {
  limit: number;
  offset: number;
  /** Keyset position: the (name, id) of the last row of the previous page. */
  after: { name: string; id: string } | null;
  kind: CustomerKind | undefined;
  includeMerged: boolean;
}

/**
 * By name, case-insensitive, id breaking ties: walks the customers_name index. A cursor seeks
 * straight to its place; an offset walks past the rows it skips, so deep pages want the cursor.
 */
export function listCustomers(db: Db, query: CustomerPageQuery) {
  let q = db.selectFrom('customers').selectAll();
  if (!query.includeMerged) q = q.where('merged_into_id', 'is', null);
  if (query.kind !== undefined) q = q.where('kind', '=', query.kind);
  if (query.after !== null) {
    const { name, id } = query.after;
    // The ">=" alone lets SQLite seek the index; the OR then skips the ties already served.
    q = q.where(
      sql<boolean>`name COLLATE NOCASE >= ${name} AND (name COLLATE NOCASE > ${name} OR id > ${id})`,
    );
  }
  return q
    .orderBy(sql`name COLLATE NOCASE`)
    .orderBy('id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
}

export async function insertCustomer(db: Db, row: Insertable<CustomersTable>): Promise<void> {
  await db.insertInto('customers').values(row).execute();
}

export const updateCustomerIfVersion: UpdateIfVersion<'customers'> = (db, ...args) =>
  updateIfVersion(db.updateTable('customers'), ...args);

/** The normalized copy of a customer's contact info, rewritten whole whenever it changes. */
export async function replaceContacts(
  db: Db,
  customerId: string,
  rows: Insertable<CustomerContactsTable>[],
): Promise<void> {
  await db.deleteFrom('customer_contacts').where('customer_id', '=', customerId).execute();
  if (rows.length > 0) await db.insertInto('customer_contacts').values(rows).execute();
}

/** Customers (not merged away) holding any of these phones (E.164) or emails (lower case). */
export function findContactMatches(db: Db, phones: string[], emails: string[], excludeIds: string[]) {
  return db
    .selectFrom('customer_contacts as cc')
    .innerJoin('customers as c', 'c.id', 'cc.customer_id')
    .select(['c.id', 'c.name', 'cc.kind', 'cc.value'])
    .where('c.merged_into_id', 'is', null)
    .where((eb) =>
      eb.or([
        ...(phones.length > 0 ? [eb.and([eb('cc.kind', '=', 'phone'), eb('cc.value', 'in', phones)])] : []),
        ...(emails.length > 0 ? [eb.and([eb('cc.kind', '=', 'email'), eb('cc.value', 'in', emails)])] : []),
      ]),
    )
    .$if(excludeIds.length > 0, (q) => q.where('c.id', 'not in', excludeIds))
    .orderBy(sql`c.name COLLATE NOCASE`)
    .limit(50)
    .execute();
}

/** Customers merged earlier into `fromId` now point straight at `toId`: old links resolve in one hop. */
export async function repointMergedCustomers(
  db: Db,
  fromId: string,
  toId: string,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('customers')
    .set((eb) => ({ merged_into_id: toId, updated_at: at, version: eb('version', '+', 1) }))
    .where('merged_into_id', '=', fromId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
