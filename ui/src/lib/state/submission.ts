/**
 * What a form shows while it sends: `busy` disables its button, `error` (whatever the request threw,
 * usually the server's problem+json as an ApiProblem) is what `Field`, `FormError` and
 * `ProblemBanner` show. One place clears it before a try and catches after, so no form can leave its
 * button disabled after a failure.
 */
export interface SubmissionState {
  busy: boolean;
  error: unknown;
}

/**
 * What a form makes of a failure before it is shown: it may act on it (offer the duplicate
 * customers, open the override field) and returns what to show, or null when it handled it all.
 */
export type Recover = (error: unknown) => unknown;

/**
 * Runs one send for a form: busy and the old error cleared while it runs, the error kept when it
 * throws (as `recover` maps it). Says whether the work finished, so a caller can go on only after
 * a success.
 */
export async function runSubmission(
  state: SubmissionState,
  work: () => Promise<unknown>,
  recover: Recover = (error) => error,
): Promise<boolean> {
  state.busy = true;
  state.error = null;
  try {
    await work();
    return true;
  } catch (error) {
    state.error = recover(error);
    return false;
  } finally {
    state.busy = false;
  }
}

/**
 * Re-reads the record after a conflict ("Reload their version"): the conflict stays shown until
 * their version is in, then goes; a failure to read it is shown instead.
 */
export async function reloadSubmission(state: SubmissionState, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
    state.error = null;
  } catch (error) {
    state.error = error;
  }
}
