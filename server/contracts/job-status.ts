/** A service job's status: one list for the database column, the API, the board and the tablets. */
export type JobStatus = 'Pending' | 'In_Progress' | 'Blocked' | 'Completed' | 'Paid';
export const JOB_STATUSES: readonly JobStatus[] = ['Pending', 'In_Progress', 'Blocked', 'Completed', 'Paid'];

/**
 * The service-job status machine, pure so it can be property-tested on its own:
 * Pending → In_Progress ⇄ Blocked (with a reason) → Completed → Paid.
 * Paid belongs to billing: the API can never set it, billing can set nothing else.
 */
const NEXT: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  Pending: ['In_Progress'],
  In_Progress: ['Blocked', 'Completed'],
  Blocked: ['In_Progress'],
  Completed: ['Paid'],
  Paid: [],
};

/** Who asks for the move: staff through the API, or the billing module when an invoice is paid. */
export type TransitionChannel = 'api' | 'billing';

export interface JobStatusState {
  status: JobStatus;
  blockedReason: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  statusChangedAt: string | null;
}

export type TransitionRefusal = 'illegal' | 'billing-only' | 'reason-required';

export type TransitionResult =
  { ok: true; next: JobStatusState } | { ok: false; refusal: TransitionRefusal; allowed: JobStatus[] };

/** Where a job in `from` may go next through this channel. */
export function allowedNext(from: JobStatus, channel: TransitionChannel): JobStatus[] {
  return NEXT[from].filter((to) => (to === 'Paid') === (channel === 'billing'));
}

export function transition(
  current: JobStatusState,
  to: JobStatus,
  options: { reason?: string | null | undefined; at: string; channel: TransitionChannel },
): TransitionResult {
  const allowed = allowedNext(current.status, options.channel);
  if (to === 'Paid' && options.channel === 'api') return { ok: false, refusal: 'billing-only', allowed };
  if (!allowed.includes(to)) return { ok: false, refusal: 'illegal', allowed };
  const reason = options.reason?.trim() ?? '';
  if (to === 'Blocked' && reason === '') return { ok: false, refusal: 'reason-required', allowed };
  return {
    ok: true,
    next: {
      status: to,
      blockedReason: to === 'Blocked' ? reason : null,
      // The first start is what cycle time measures from; a restart after a block keeps it.
      actualStart: current.actualStart ?? (to === 'In_Progress' ? options.at : null),
      actualEnd: to === 'Completed' ? options.at : to === 'Paid' ? current.actualEnd : null,
      statusChangedAt: options.at,
    },
  };
}
