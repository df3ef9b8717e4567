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

  reload(work: () => Promise<unknown>): Promise<void> {
    return reloadSubmission(this, work);
  }
}
