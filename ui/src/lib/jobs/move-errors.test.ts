import { describe, expect, it } from 'vitest';
import { ApiProblem, ServerUnreachable } from '$lib/api/problem';
import { describeMoveFailure } from './move-errors';

const problem = (status: number, type: string, detail: string, extra: Record<string, unknown> = {}) =>
  new ApiProblem({ type, title: 'x', status, detail, ...extra });

describe('describeMoveFailure', () => {
  it('reloads and says who won on a stale version', () => {
    const failure = describeMoveFailure(
      problem(409, 'urn:ase:problem:stale-version', 'changed', { currentVersion: 3 }),
      'RO 1001 · Brakes',
    );
    expect(failure.reload).toBe(true);
    expect(failure.message).toContain('Someone else changed RO 1001 · Brakes');
  });

  it("shows the server's refusal, which names the allowed moves", () => {
    const failure = describeMoveFailure(
      problem(
        409,
        'urn:ase:problem:illegal-transition',
        'A Pending job cannot move to Completed. Allowed next: In_Progress.',
        {
          allowed: ['In_Progress'],
        },
      ),
      'RO 1001 · Brakes',
    );
    expect(failure).toEqual({
      reload: true,
      message: 'RO 1001 · Brakes: A Pending job cannot move to Completed. Allowed next: In_Progress.',
    });
  });

  it('does not reload when the server cannot be reached', () => {
    const failure = describeMoveFailure(new ServerUnreachable(), 'RO 1001 · Brakes');
    expect(failure.reload).toBe(false);
    expect(failure.message).toMatch(/^RO 1001 · Brakes was not moved: The ASE server cannot be reached/);
  });
});
