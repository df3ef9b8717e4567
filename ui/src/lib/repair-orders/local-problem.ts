import { ApiProblem, localProblem as problemOf } from '$lib/api/problem';
import type { LocalFieldError } from './lines';

/**
 * A form's own check failed before any request: shaped like the server's 400 so `Field` shows each
 * message next to its field exactly as it would a server error.
 */
export function localProblem(errors: LocalFieldError[]): ApiProblem {
  return problemOf(errors, {
    type: 'about:blank',
    title: 'Check the form',
    detail: 'Some fields need a look.',
  });
}

/** True when the problem named at least one field (the banner then only repeats the summary). */
export function hasFieldErrors(error: unknown): boolean {
  return error instanceof ApiProblem && error.errors.length > 0;
}
