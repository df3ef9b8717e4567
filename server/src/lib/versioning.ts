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
