import type { SelectQueryBuilder, Selectable, StringReference } from 'kysely';

/**
 * The rows of one parent in time order: a vehicle's scans, an item's movements, a repair order's
 * messages (newest first), an invoice's payments, a job's clock entries (oldest first). By `at`,
 * then by `tieBreak` so rows written in the same instant keep one order between reads. `limit`
 * omitted: all of them. The caller starts the query (`db.selectFrom('its_table')`), so the table
 * it reads stays named in its own repository, where the table-ownership test sees it.
 */

type Parent<DB, TB extends keyof DB & string> = readonly [column: StringReference<DB, TB>, id: string];
type Order<DB, TB extends keyof DB & string> = readonly [
  at: StringReference<DB, TB>,
  tieBreak: StringReference<DB, TB>,
];

/** Latest first: a history screen's order. */
export function newestFirst<DB, TB extends keyof DB & string>(
  from: SelectQueryBuilder<DB, TB, object>,
  parent: Parent<DB, TB>,
  order: Order<DB, TB>,
  limit?: number,
): Promise<Selectable<DB[TB]>[]> {
  return rowsOf(from, parent, order, 'desc', limit);
}

/** In the order they happened: a ledger's or a timeline's order. */
export function oldestFirst<DB, TB extends keyof DB & string>(
  from: SelectQueryBuilder<DB, TB, object>,
  parent: Parent<DB, TB>,
  order: Order<DB, TB>,
): Promise<Selectable<DB[TB]>[]> {
  return rowsOf(from, parent, order, 'asc');
}

function rowsOf<DB, TB extends keyof DB & string>(
  from: SelectQueryBuilder<DB, TB, object>,
  [column, id]: Parent<DB, TB>,
  [at, tieBreak]: Order<DB, TB>,
  direction: 'asc' | 'desc',
  limit?: number,
): Promise<Selectable<DB[TB]>[]> {
  let query = from
    .selectAll()
    .where(column, '=', id as never)
    .orderBy(at, direction)
    .orderBy(tieBreak, direction);
  if (limit !== undefined) query = query.limit(limit);
  return query.execute() as unknown as Promise<Selectable<DB[TB]>[]>;
}
