import { formProblem, type FieldError } from '$lib/api/problem';
import { reloadSubmission, runSubmission, type Recover, type SubmissionState } from './submission';

/**
 * A form's send state, reactive: `submission.busy` for its button, `submission.error` for its fields
 * and banner, `await submission.run(async () => ...)` around the request (and
 * a `recover` for failures it acts on itself). A form may set `error`
 * itself for what it finds before sending (a `localProblem`).
 */
export class Submission implements SubmissionState {
  busy = $state(false);
  error = $state<unknown>(null);

  run(work: () => Promise<unknown>, recover?: Recover): Promise<boolean> {
    return runSubmission(this, work, recover);
  }

  /**
   * Sends what the form read from its fields first: when that failed (a number that is not one),
   * its errors show at their fields as the server's would, and nothing is sent.
   */
  runParsed<B>(
    parsed: { ok: true; body: B } | { ok: false; errors: FieldError[] },
    work: (body: B) => Promise<unknown>,
    recover?: Recover,
  ): Promise<boolean> {
    if (!parsed.ok) {
      this.error = formProblem(parsed.errors);
      return Promise.resolve(false);
    }
    return this.run(() => work(parsed.body), recover);
  }

  reload(work: () => Promise<unknown>): Promise<void> {
    return reloadSubmission(this, work);
  }
}
