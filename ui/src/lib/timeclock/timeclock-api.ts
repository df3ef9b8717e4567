import { api, must, type Ok } from '$lib/api/client';
import { clockBody } from './timeclock';

/** The time-clock calls the floor screens make, typed from the server's OpenAPI document. */
export type JobClock = Ok<'/api/jobs/{id}/clock', 'get'>;
export type TechnicianClock = Ok<'/api/timeclock/me', 'get'>;

export async function loadJobClock(jobId: string): Promise<JobClock> {
  return must(api.GET('/api/jobs/{id}/clock', { params: { path: { id: jobId } } }));
}

export async function clockOn(jobId: string, technicianId: string, self: boolean): Promise<JobClock> {
  return must(
    api.POST('/api/jobs/{id}/clock/on', {
      params: { path: { id: jobId } },
      body: clockBody(technicianId, self),
    }),
  );
}

export async function clockOff(jobId: string, technicianId: string, self: boolean): Promise<JobClock> {
  return must(
    api.POST('/api/jobs/{id}/clock/off', {
      params: { path: { id: jobId } },
      body: clockBody(technicianId, self),
    }),
  );
}

/** The signed-in technician's own clock, or (owner, advisor) the named technician's. */
export async function loadTechnicianClock(technicianId: string, self: boolean): Promise<TechnicianClock> {
  return self
    ? must(api.GET('/api/timeclock/me'))
    : must(api.GET('/api/timeclock/technicians/{id}', { params: { path: { id: technicianId } } }));
}

export async function clockIn(technicianId: string, self: boolean): Promise<void> {
  await must(api.POST('/api/timeclock/shifts/clock-in', { body: clockBody(technicianId, self) }));
}

export async function clockOut(technicianId: string, self: boolean): Promise<void> {
  await must(api.POST('/api/timeclock/shifts/clock-out', { body: clockBody(technicianId, self) }));
}
