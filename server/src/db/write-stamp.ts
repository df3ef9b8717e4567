import type BetterSqlite3 from 'better-sqlite3';

/**
 * A value that changes whenever the database is written: by this connection (total_changes) or
 * by another one (data_version). Read caches compare it to decide whether an answer is still
 * current; it runs on every cached read and every signed-in request, so it must be cheap.
 */
export type WriteStamp = () => string;

/**
 * How often another process's commits are looked for. ASE writes through its one connection, and
 * every one of those writes shows at once (total_changes, about 0.3 µs). Other writers are rare
 * and not business data (Litestream's bookkeeping tables, a maintenance script): reading
 * data_version costs a read transaction (about 5-6 µs, as much as a whole session lookup), so it
 * is read at most this often and such a commit shows in cached reads within this time.
 */
export const OTHER_CONNECTIONS_CHECK_MS = 100;

export function prepareWriteStamp(
  sqlite: BetterSqlite3.Database,
  options: { otherConnectionsCheckMs?: number; nowMs?: () => number } = {},
): WriteStamp {
  const changes = sqlite.prepare<[], number>('SELECT total_changes()').pluck();
  const dataVersion = sqlite.prepare<[], number>('PRAGMA data_version').pluck();
  const checkMs = options.otherConnectionsCheckMs ?? OTHER_CONNECTIONS_CHECK_MS;
  const nowMs = options.nowMs ?? (() => performance.now());
  let version = 0;
  let versionReadAt = Number.NEGATIVE_INFINITY;
  return () => {
    const now = nowMs();
    if (now - versionReadAt >= checkMs) {
      version = dataVersion.get() ?? 0;
      versionReadAt = now;
    }
    return `${changes.get() ?? 0}:${version}`;
  };
}
