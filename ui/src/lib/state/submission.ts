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
 * Runs one send for a form: busy and the old error cleared while it runs, the error kept when it
 * throws. Says whether the work finished, so a caller can go on only after a success.
 */
export async function runSubmission(state: SubmissionState, work: () => Promise<unknown>): Promise<boolean> {
  state.busy = true;
  state.error = null;
  try {
    await work();
    return true;
  } catch (error) {
    state.error = error;
    return false;
  } finally {
    state.busy = false;
  }
}
