import { allowedNext, type JobStatus } from '$contracts/job-status';

export type { JobStatus };

/**
 * The moves a job can make from the RO editor: the server's own status machine (imported, not
 * copied), through the API channel (Paid is billing's). The server still decides; this only
 * chooses which buttons to show.
 */
export function nextStatuses(status: JobStatus): JobStatus[] {
  return allowedNext(status, 'api');
}

/** The button text for a move: "Start", "Resume" (after a block), "Block", "Complete". */
export function moveLabel(from: JobStatus, to: JobStatus): string {
  if (to === 'In_Progress') return from === 'Blocked' ? 'Resume' : 'Start';
  if (to === 'Blocked') return 'Block';
  if (to === 'Completed') return 'Complete';
  return to;
}

/** A job can be deleted only while Pending with nothing approved on it (the server's rule). */
export function canDeleteJob(job: { status: JobStatus; lines: { approvalState: string }[] }): boolean {
  return job.status === 'Pending' && !job.lines.some((line) => line.approvalState === 'approved');
}
