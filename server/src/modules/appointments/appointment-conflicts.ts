import { HttpProblem } from '../../lib/problem.js';
import type { findOverlapping } from './appointments-read-model.js';
import { formatInterval } from './appointment-times.js';

type OverlapRow = Awaited<ReturnType<typeof findOverlapping>>[number];

/** One appointment that already holds the bay or technician asked for. */
export interface AppointmentConflict {
  appointmentId: string;
  customerName: string;
  startsAt: string;
  endsAt: string;
  resource: 'bay' | 'technician';
  resourceName: string;
}

/** Which resource each overlapping appointment holds: one row may clash on both bay and technician. */
export function toConflicts(
  rows: readonly OverlapRow[],
  wanted: { bayId: string | null; technicianId: string | null },
): AppointmentConflict[] {
  const conflicts: AppointmentConflict[] = [];
  for (const row of rows) {
    const base = {
      appointmentId: row.id,
      customerName: row.customer_name,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
    };
    if (wanted.bayId !== null && row.bay_id === wanted.bayId)
      conflicts.push({ ...base, resource: 'bay', resourceName: row.bay_name ?? 'The bay' });
    if (wanted.technicianId !== null && row.technician_id === wanted.technicianId)
      conflicts.push({
        ...base,
        resource: 'technician',
        resourceName: row.technician_name ?? 'The technician',
      });
  }
  return conflicts;
}

/** 409 naming who holds the slot, so the advisor can move one of the two without looking it up. */
export function conflictProblem(conflicts: readonly AppointmentConflict[], timeZone: string): HttpProblem {
  const detail = conflicts
    .map((c) => `${c.resourceName} is booked ${formatInterval(c, timeZone)} for ${c.customerName}`)
    .join('; ');
  // errors[] names the field to change, so a form can show the clash next to Bay or Technician.
  const errors = conflicts.map((c) => ({
    path: c.resource === 'bay' ? 'bayId' : 'technicianId',
    message: `${c.resourceName} is booked ${formatInterval(c, timeZone)} for ${c.customerName}`,
  }));
  return new HttpProblem({
    status: 409,
    title: 'Conflict',
    slug: 'appointment-conflict',
    detail: `${detail}.`,
    errors,
    extensions: { conflicts },
  });
}
