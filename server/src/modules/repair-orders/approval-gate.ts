/**
 * Work follows approval: whether a job may be started (or resumed) and completed, given what the
 * customer approved on it and the shop's diagnosis allowance. Pure, so the board can show the same
 * answer the status change enforces.
 *
 * The rule:
 * - "Approved work" is at least one approved line on the job, however it was approved (the
 *   customer's link, or the advisor recording it in person).
 * - A job with approved work may be started and completed as the status machine allows.
 * - A job without: when the shop allows diagnosis without approval, it may be started, resumed
 *   and completed (a diagnosis is a job of its own) while less than `limitHours` have passed
 *   since its first start (`actual_start`); after that, and always when the setting is off, the
 *   only way forward is the customer's approval (blocking it, "waiting for approval", stays open).
 *   The limit counts from the first start because that is what the job row records; time spent
 *   Blocked in between counts too, which errs on the side of asking the customer.
 */

export interface DiagnosisAllowance {
  allowed: boolean;
  limitHours: number;
}

export type WorkGateState = 'approved' | 'diagnosis' | 'approval-required' | 'diagnosis-time-used';

export interface WorkGate {
  state: WorkGateState;
  /** May the job move to In_Progress (start, resume)? */
  start: boolean;
  /** May the job move to Completed? */
  complete: boolean;
  /** Why start/complete are held, or what the allowance leaves; null when approved. */
  reason: string | null;
}

export const WAITING_FOR_APPROVAL = "Waiting for the customer's approval";

export function hoursText(hours: number): string {
  const minutes = Math.round(hours * 60);
  if (minutes < 60) return `${minutes} min`;
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function workGate(input: {
  approvedLines: number;
  actualStart: string | null;
  nowMs: number;
  diagnosis: DiagnosisAllowance;
}): WorkGate {
  if (input.approvedLines > 0) return { state: 'approved', start: true, complete: true, reason: null };
  const { diagnosis } = input;
  if (!diagnosis.allowed || diagnosis.limitHours <= 0)
    return {
      state: 'approval-required',
      start: false,
      complete: false,
      reason: `${WAITING_FOR_APPROVAL}: nothing on this job is approved yet.`,
    };
  const usedMs = input.actualStart === null ? 0 : Math.max(0, input.nowMs - Date.parse(input.actualStart));
  const limitMs = diagnosis.limitHours * 3_600_000;
  if (usedMs >= limitMs)
    return {
      state: 'diagnosis-time-used',
      start: false,
      complete: false,
      reason: `${WAITING_FOR_APPROVAL}: the ${hoursText(diagnosis.limitHours)} of diagnosis allowed without approval are used up.`,
    };
  return {
    state: 'diagnosis',
    start: true,
    complete: true,
    reason: `Not approved yet: diagnosis only (${hoursText((limitMs - usedMs) / 3_600_000)} left of ${hoursText(diagnosis.limitHours)}).`,
  };
}
