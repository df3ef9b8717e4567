import { ApiProblem, formProblem, type FieldError } from '$lib/api/problem';

/**
 * A problem a form found itself (text that is not a number), shaped like the server's so `Field`
 * shows it next to its field exactly as it shows the server's own.
 */
export function localProblem(errors: FieldError[]): ApiProblem {
  return formProblem(errors);
}

/** Field errors are shown beside their fields; the banner is for the rest (and for a 409). */
export function bannerOnly(error: unknown): unknown {
  return error instanceof ApiProblem && error.errors.length > 0 && !error.isStaleVersion ? null : error;
}
