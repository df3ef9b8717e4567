/**
 * The technician clock on the floor: durations as a tablet shows them, and a running clock that
 * ticks from what the server said (its seconds at its `now`), so a tablet whose own clock is off
 * still shows the right time. Pure, so it is unit-tested.
 */

/** "0:00:07", "1:02:03", "12:00:00": hours, minutes, seconds of a running clock. */
export function clockFace(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** "0 h 05 min", "7 h 30 min": hours on shift, for the shift bar. */
export function hoursAndMinutes(seconds: number): string {
  const minutes = Math.max(0, Math.floor(seconds / 60));
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Seconds of a running clock now: the server's count plus the time since the answer came. */
export function tickedSeconds(serverSeconds: number, receivedAt: number, now: number): number {
  return serverSeconds + Math.max(0, Math.floor((now - receivedAt) / 1000));
}

/** Who else is clocked on a job, as a sentence ("" when nobody): "Also on it: Ann and Bob". */
export function othersOnJob(
  onNow: readonly { technicianId: string; technicianName: string }[],
  technicianId: string | null,
): string {
  const names = onNow.filter((n) => n.technicianId !== technicianId).map((n) => n.technicianName);
  if (names.length === 0) return '';
  const list =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `Also on it: ${list}`;
}

/** A job a technician can still clock on: not Completed or Paid. */
export function clockable(jobStatus: string): boolean {
  return jobStatus !== 'Completed' && jobStatus !== 'Paid';
}

/**
 * The body a clock call sends: a technician signed in as themself sends nothing (the server finds
 * their record), anyone else names the technician they clock.
 */
export function clockBody(technicianId: string, self: boolean): { technicianId?: string } {
  return self ? {} : { technicianId };
}

/** Whose clock a clock control (the shift bar, a job's clock) works, and what it tells its screen. */
export interface ClockControlProps {
  technicianId: string;
  /** The signed-in technician's own clock (no technicianId sent), else someone's worked by an owner or advisor. */
  self: boolean;
  /** Called after the control clocked (a job may have started, a running job clock stopped). */
  onchange?: () => void;
}
