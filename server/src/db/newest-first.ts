import type { SelectQueryBuilder, Selectable, StringReference } from 'kysely';

/**
 * The history rows of one parent (a vehicle's scans, an item's movements, a repair order's
 * messages), newest first: by `at` descending, then by `tieBreak` descending so rows written in
 * the same instant keep one order between reads. `limit` omitted: all of them.
 * The caller starts the query (`db.selectFrom('its_table')`), so the table it reads stays named
 * in its own repository, where the table-ownership test sees it.
 */
export function newestFirst<DB, TB extends keyof DB & string>(
  from: SelectQueryBuilder<DB, TB, object>,
  parent: readonly [column: StringReference<DB, TB>, id: string],
  order: readonly [at: StringReference<DB, TB>, tieBreak: StringReference<DB, TB>],
  limit?: number,
): Promise<Selectable<DB[TB]>[]> {
  let query = from
    .selectAll()
    .where(parent[0], '=', parent[1] as never)
    .orderBy(order[0], 'desc')
    .orderBy(order[1], 'desc');
  if (limit !== undefined) query = query.limit(limit);
  return query.execute() as unknown as Promise<Selectable<DB[TB]>[]>;
}
