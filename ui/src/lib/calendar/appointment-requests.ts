/**
 * What the appointment dialog asks of the server: book or change an appointment (only the fields
 * that changed), move it on (arrived, no-show, cancelled), or read its latest version after a
 * stale-version refusal. A double booking's refusal is reshaped to show under the field it names.
 */
import { api, must } from '$lib/api/client';
import { ApiProblem, localProblem } from '$lib/api/problem';
import { bookingBody, changedFields, CONFLICT_TYPE, conflictFieldErrors, type BookingForm } from './booking';
import type { Appointment } from './calendar-api';

export type StatusAction = 'arrive' | 'no-show' | 'cancel';

export type SaveOutcome =
  | { kind: 'invalid'; problem: ApiProblem }
  | { kind: 'unchanged' }
  | { kind: 'saved'; appointment: Appointment };

/** A double booking names the bay or technician it is about: put it under that field too. */
export function shownProblem(e: unknown): unknown {
  if (e instanceof ApiProblem && e.type === CONFLICT_TYPE)
    return new ApiProblem({ ...e.body, errors: conflictFieldErrors(e.body) });
  return e;
}

/** Books `form` (when `current` is null) or sends what changed of `current`. Throws the server's problem. */
export async function saveAppointment(
  current: Appointment | null,
  form: BookingForm & { version: number },
  timeZone: string,
): Promise<SaveOutcome> {
  const checked = bookingBody({ ...form, customerId: current?.customerId ?? form.customerId }, timeZone);
  if (checked.body === null) {
    const detail = 'Some fields need attention: ' + checked.errors.map((e) => e.message).join('; ') + '.';
    return { kind: 'invalid', problem: localProblem(checked.errors, { title: 'Invalid request', detail }) };
  }
  if (current === null) {
    return { kind: 'saved', appointment: await must(api.POST('/api/appointments', { body: checked.body })) };
  }
  const changes = changedFields(current, form, timeZone);
  if (Object.keys(changes).length === 0) return { kind: 'unchanged' };
  const updated = await must(
    api.PATCH('/api/appointments/{id}', {
      params: { path: { id: current.id } },
      body: { version: form.version, ...changes },
    }),
  );
  return { kind: 'saved', appointment: updated };
}

export async function changeAppointmentStatus(
  current: Appointment,
  action: StatusAction,
): Promise<Appointment> {
  const options = { params: { path: { id: current.id } }, body: { version: current.version } };
  return must(
    action === 'arrive'
      ? api.POST('/api/appointments/{id}/arrive', options)
      : action === 'cancel'
        ? api.POST('/api/appointments/{id}/cancel', options)
        : api.POST('/api/appointments/{id}/no-show', options),
  );
}

export async function loadAppointment(id: string): Promise<Appointment> {
  return must(api.GET('/api/appointments/{id}', { params: { path: { id } } }));
}
