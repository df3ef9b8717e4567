import { ApiProblem, messageOf } from '$lib/api/problem';

/**
 * What to tell the user when a status move fails, and whether the screen must reload first.
 * A stale version (someone moved the job a moment ago) and a refused move both mean the screen
 * showed an old state: reload, then say what happened, so nothing is lost silently.
 */
export interface MoveFailure {
  message: string;
  reload: boolean;
}

export function describeMoveFailure(error: unknown, jobLabel: string): MoveFailure {
  if (error instanceof ApiProblem) {
    if (error.isStaleVersion)
      return {
        message: `Someone else changed ${jobLabel} a moment ago. The list now shows their version; try again if it still needs moving.`,
        reload: true,
      };
    // A refused move: the server's detail names the statuses the job may move to.
    if (error.status === 409) return { message: `${jobLabel}: ${error.message}`, reload: true };
    if (error.status === 404)
      return { message: `${jobLabel} is no longer on the board (closed or deleted).`, reload: true };
  }
  return { message: `${jobLabel} was not moved: ${messageOf(error)}`, reload: false };
}
