/**
 * The moves a job can make from the RO editor, as the server's status machine allows them through
 * the API (Paid is billing's): Pending → In_Progress ⇄ Blocked (with a reason) → Completed.
 * The server still decides; this only chooses which buttons to show.
 */
export type JobStatus = 'Pending' | 'In_Progress' | 'Blocked' | 'Completed' | 'Paid';

const NEXT: Record<JobStatus, JobStatus[]> = {
  Pending: ['In_Progress'],
  In_Progress: ['Blocked', 'Completed'],
  Blocked: ['In_Progress'],
  Completed: [],
  Paid: [],
};

export function nextStatuses(status: JobStatus): JobStatus[] {
  return NEXT[status];
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
