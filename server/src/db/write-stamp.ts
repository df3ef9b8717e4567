import type BetterSqlite3 from 'better-sqlite3';

/**
 * A value that changes whenever the database is written: by this connection (total_changes) or
 * by another one (data_version). Read caches compare it to decide whether an answer is still
 * current; it is a prepared statement because it runs on every cached read.
 */
export type WriteStamp = () => string;

export function prepareWriteStamp(sqlite: BetterSqlite3.Database): WriteStamp {
  const statement = sqlite.prepare<[], { changes: number; version: number }>(
    'SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS version',
  );
  return () => {
    const row = statement.get();
    return row === undefined ? '' : `${row.changes}:${row.version}`;
  };
}
