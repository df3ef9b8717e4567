import { problems } from './problem.js';

/**
 * The 409 every editable aggregate answers to a stale write: it names the current version and
 * carries the current record, so the client can show what changed and offer a reload.
 */
export function staleVersionProblem(what: string, currentVersion: number, current?: unknown) {
  return problems.conflict(
    `This ${what} was changed by someone else (now version ${currentVersion}). Reload and try again.`,
    'stale-version',
    { currentVersion, ...(current === undefined ? {} : { current }) },
  );
}

/**
 * The row a versioned change starts from, as read in its transaction: a 404 when there is none,
 * the stale-version 409 (carrying `view` of the row) when the version sent is not the row's.
 * `sentVersion` undefined (a DELETE without `?version=`) accepts any version.
 */
export function rowAtVersion<R extends { version: number }>(
  row: R | undefined,
  what: string,
  id: string,
  sentVersion: number | undefined,
  view: (row: R) => unknown = (current) => current,
): R {
  const current = orNotFound(row, what, id);
  if (sentVersion !== undefined && current.version !== sentVersion)
    throw staleVersionProblem(what, current.version, view(current));
  return current;
}

/** The row a request names, read: a 404 (`No <what> with id <id>.`) when there is none. */
export function orNotFound<R>(row: R | undefined, what: string, id: string): R {
  if (row === undefined) throw problems.notFound(`No ${what} with id ${id}.`);
  return row;
}
