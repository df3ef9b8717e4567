import { describe, expect, it } from 'vitest';
import { ApiProblem } from '$lib/api/problem';
import { reloadSubmission, runSubmission, type SubmissionState } from './submission';

const problem = new ApiProblem({ type: 'about:blank', title: 'Bad', status: 400, detail: 'no' });

describe('runSubmission', () => {
  it('is busy while the work runs, clears the last error and says it finished', async () => {
    const state: SubmissionState = { busy: false, error: new Error('earlier') };
    let seen: SubmissionState | null = null;
    const done = await runSubmission(state, async () => {
      seen = { ...state };
    });
    expect(seen).toEqual({ busy: true, error: null });
    expect(done).toBe(true);
    expect(state).toEqual({ busy: false, error: null });
  });

  it('keeps what the work threw as the error and is no longer busy', async () => {
    const state: SubmissionState = { busy: false, error: null };
    const done = await runSubmission(state, async () => {
      throw problem;
    });
    expect(done).toBe(false);
    expect(state.busy).toBe(false);
    expect(state.error).toBe(problem);
  });

  it('shows what recover makes of the failure, nothing when the form handled it itself', async () => {
    const state: SubmissionState = { busy: false, error: null };
    const seen: unknown[] = [];
    const done = await runSubmission(
      state,
      async () => {
        throw problem;
      },
      (error) => {
        seen.push(error);
        return null;
      },
    );
    expect(done).toBe(false);
    expect(seen).toEqual([problem]);
    expect(state).toEqual({ busy: false, error: null });
  });
});

describe('reloadSubmission', () => {
  it('keeps the conflict shown while their version loads, and clears it once it is in', async () => {
    const state: SubmissionState = { busy: false, error: problem };
    let seen: unknown = undefined;
    await reloadSubmission(state, async () => {
      seen = state.error;
    });
    expect(seen).toBe(problem);
    expect(state.error).toBeNull();
  });

  it('shows a failure to read their version instead', async () => {
    const state: SubmissionState = { busy: false, error: problem };
    const offline = new Error('offline');
    await reloadSubmission(state, async () => {
      throw offline;
    });
    expect(state.error).toBe(offline);
  });
});
