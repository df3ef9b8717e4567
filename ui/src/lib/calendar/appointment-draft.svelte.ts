/**
 * What the appointment dialog is typed into, kept as a draft (a Wi-Fi drop or a closed tab brings
 * it back): an open appointment's fields, or an empty booking placed on the slot that was clicked.
 */
import { persistedDraft, type Draft } from '$lib/state/draft.svelte';
import { emptyBookingForm, formFromAppointment, type BookingForm } from './booking';
import type { Appointment } from './calendar-api';
import type { TimeWindow } from './layout';
import { toLocalInputValue } from './zoned';

export type DialogMode =
  | { kind: 'create'; slot: TimeWindow | null; bayId: string | null; technicianId: string | null }
  | { kind: 'edit'; appointment: Appointment };

export type AppointmentForm = BookingForm & { version: number };

function fromAppointment(a: Appointment, timeZone: string): AppointmentForm {
  return { ...formFromAppointment(a, timeZone), version: a.version };
}

function placeOnSlot(
  form: AppointmentForm,
  m: Extract<DialogMode, { kind: 'create' }>,
  timeZone: string,
): void {
  if (m.slot) {
    form.startsLocal = toLocalInputValue(m.slot.startMs, timeZone);
    form.endsLocal = toLocalInputValue(m.slot.endMs, timeZone);
  }
  if (m.bayId !== null) form.bayId = m.bayId;
  if (m.technicianId !== null) form.technicianId = m.technicianId;
}

export interface AppointmentDraft extends Draft<AppointmentForm> {
  /** The appointment as the server has it now replaces what was typed. */
  reset(latest: Appointment): void;
  /** Throws away what was typed: back to the appointment, or to the slot clicked. */
  discard(current: Appointment | null): void;
  /** On close: a slot clicked and left without typing anything is not worth keeping. */
  dropIfUntouched(): void;
}

export function appointmentDraft(mode: DialogMode, timeZone: string): AppointmentDraft {
  const draft =
    mode.kind === 'edit'
      ? persistedDraft(`appointment-edit-${mode.appointment.id}`, fromAppointment(mode.appointment, timeZone))
      : persistedDraft<AppointmentForm>('appointment-new', { ...emptyBookingForm(), version: 0 });
  if (mode.kind === 'create') placeOnSlot(draft.value, mode, timeZone);
  return {
    get value() {
      return draft.value;
    },
    set value(next: AppointmentForm) {
      draft.value = next;
    },
    get restored() {
      return draft.restored;
    },
    clear: () => draft.clear(),
    reset(latest) {
      draft.value = fromAppointment(latest, timeZone);
    },
    discard(current) {
      draft.clear();
      if (current) draft.value = fromAppointment(current, timeZone);
      else if (mode.kind === 'create') placeOnSlot(draft.value, mode, timeZone);
    },
    dropIfUntouched() {
      const f = draft.value;
      if (
        mode.kind === 'create' &&
        f.customerId === null &&
        f.services.trim() === '' &&
        f.notes.trim() === ''
      )
        draft.clear();
    },
  };
}
