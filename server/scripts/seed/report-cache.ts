import type BetterSqlite3 from 'better-sqlite3';

/**
 * The reports' per-day caches (migration 0017) are kept right by triggers on the source tables:
 * each insert forgets the cached days around it. While the seed writes ten years of history in one
 * transaction there is nothing cached to forget, yet those triggers would run for each of ≈ 1.5M
 * rows (measured: the ten-year seed went from about 50 s to over 2.5 min). So the seed drops them
 * for the bulk load and puts the very same statements back before its transaction commits, then
 * empties the caches; readers never see the database without them.
 */
const CACHE_TRIGGER_PREFIX = 'report_days_';

export function withReportCacheTriggersSuspended<T>(sqlite: BetterSqlite3.Database, write: () => T): T {
  const triggers = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ? ESCAPE '\\'`)
    .all(`${CACHE_TRIGGER_PREFIX.replaceAll('_', '\\_')}%`) as { name: string; sql: string }[];
  for (const { name } of triggers) sqlite.exec(`DROP TRIGGER "${name}"`);
  const result = write();
  for (const { sql } of triggers) sqlite.exec(sql);
  const caches = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%report\\_days' ESCAPE '\\'`)
    .all() as { name: string }[];
  for (const { name } of caches) {
    sqlite.exec(`DELETE FROM "${name}"`);
    sqlite.exec(`UPDATE "${name}_epoch" SET n = n + 1`);
  }
  return result;
}
