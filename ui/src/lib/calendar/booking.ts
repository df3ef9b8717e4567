/**
 * The appointment form's rules: what the dialog holds while typed, the body it sends, the fields
 * an edit changed, and how the server's double-booking refusal is shown next to the field it names.
 */
import type { FieldError, ProblemBody } from '$lib/api/problem';
import type { SearchHit } from '$lib/search/hits';
import { fromLocalInputValue, toLocalInputValue } from './zoned';

export type AppointmentKind = 'drop_off' | 'waiter';

/** What the dialog holds (kept as a draft while typed): times on the shop's clock, as the inputs show them. */
export interface BookingForm {
  customerId: string | null;
  customerName: string;
  vehicleId: string;
  /** One requested service per line, in the customer's words. */
  services: string;
  kind: AppointmentKind;
  startsLocal: string;
  endsLocal: string;
  bayId: string;
  technicianId: string;
  notes: string;
}

export function emptyBookingForm(): BookingForm {
  return {
    customerId: null,
    customerName: '',
    vehicleId: '',
    services: '',
    kind: 'drop_off',
    startsLocal: '',
    endsLocal: '',
    bayId: '',
    technicianId: '',
    notes: '',
  };
}

/** The appointment fields an edit starts from. */
export interface AppointmentFields {
  customerId: string;
  customerName: string;
  vehicleId: string | null;
  requestedServices: string[];
  kind: AppointmentKind;
  startsAt: string;
  endsAt: string;
  bayId: string | null;
  technicianId: string | null;
  notes: string;
}

export function formFromAppointment(a: AppointmentFields, timeZone: string): BookingForm {
  return {
    customerId: a.customerId,
    customerName: a.customerName,
    vehicleId: a.vehicleId ?? '',
    services: a.requestedServices.join('\n'),
    kind: a.kind,
    startsLocal: toLocalInputValue(Date.parse(a.startsAt), timeZone),
    endsLocal: toLocalInputValue(Date.parse(a.endsAt), timeZone),
    bayId: a.bayId ?? '',
    technicianId: a.technicianId ?? '',
    notes: a.notes,
  };
}

export function servicesOf(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A local time the browser could not read becomes '' so the server names the field. */
function isoOrEmpty(local: string, timeZone: string): string {
  const ms = fromLocalInputValue(local, timeZone);
  return ms === null ? '' : new Date(ms).toISOString();
}

export interface BookingBody {
  customerId: string;
  vehicleId: string | null;
  requestedServices: string[];
  kind: AppointmentKind;
  startsAt: string;
  endsAt: string;
  bayId: string | null;
  technicianId: string | null;
  notes: string;
}

/** The POST body; problems the form can see before sending come back as field errors instead. */
export function bookingBody(
  form: BookingForm,
  timeZone: string,
): { body: BookingBody; errors: [] } | { body: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (form.customerId === null) errors.push({ path: 'customerId', message: 'pick a customer or vehicle' });
  if (fromLocalInputValue(form.startsLocal, timeZone) === null)
    errors.push({ path: 'startsAt', message: 'enter the date and time it starts' });
  if (fromLocalInputValue(form.endsLocal, timeZone) === null)
    errors.push({ path: 'endsAt', message: 'enter the date and time it ends' });
  if (errors.length > 0 || form.customerId === null) return { body: null, errors };
  return {
    body: {
      customerId: form.customerId,
      vehicleId: form.vehicleId || null,
      requestedServices: servicesOf(form.services),
      kind: form.kind,
      startsAt: isoOrEmpty(form.startsLocal, timeZone),
      endsAt: isoOrEmpty(form.endsLocal, timeZone),
      bayId: form.bayId || null,
      technicianId: form.technicianId || null,
      notes: form.notes.trim(),
    },
    errors: [],
  };
}

export type AppointmentChanges = Partial<Omit<BookingBody, 'customerId'>>;

/**
 * Only what the edit changed, so a PATCH does not re-send (and re-check) what nobody touched,
 * and the audit log names the fields that really moved.
 */
export function changedFields(
  original: AppointmentFields,
  form: BookingForm,
  timeZone: string,
): AppointmentChanges {
  const changes: AppointmentChanges = {};
  const vehicleId = form.vehicleId || null;
  if (vehicleId !== original.vehicleId) changes.vehicleId = vehicleId;
  const services = servicesOf(form.services);
  if (JSON.stringify(services) !== JSON.stringify(original.requestedServices))
    changes.requestedServices = services;
  if (form.kind !== original.kind) changes.kind = form.kind;
  const startsAt = isoOrEmpty(form.startsLocal, timeZone);
  if (startsAt !== new Date(Date.parse(original.startsAt)).toISOString()) changes.startsAt = startsAt;
  const endsAt = isoOrEmpty(form.endsLocal, timeZone);
  if (endsAt !== new Date(Date.parse(original.endsAt)).toISOString()) changes.endsAt = endsAt;
  const bayId = form.bayId || null;
  if (bayId !== original.bayId) changes.bayId = bayId;
  const technicianId = form.technicianId || null;
  if (technicianId !== original.technicianId) changes.technicianId = technicianId;
  if (form.notes.trim() !== original.notes) changes.notes = form.notes.trim();
  return changes;
}

export const CONFLICT_TYPE = 'urn:ase:problem:appointment-conflict';

interface ConflictEntry {
  customerName: string;
  resource: 'bay' | 'technician';
  resourceName: string;
}

function isConflictEntry(value: unknown): value is ConflictEntry {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    (c.resource === 'bay' || c.resource === 'technician') &&
    typeof c.customerName === 'string' &&
    typeof c.resourceName === 'string'
  );
}

function conflictsOf(body: ProblemBody): ConflictEntry[] {
  const raw: unknown = body.conflicts;
  return Array.isArray(raw) ? raw.filter(isConflictEntry) : [];
}

/**
 * The server's double-booking refusal names who holds the bay or technician; the dialog shows
 * each one under the bay or technician field, so the advisor sees which choice to change.
 */
export function conflictFieldErrors(body: ProblemBody): FieldError[] {
  if (body.type !== CONFLICT_TYPE) return [];
  const errors: FieldError[] = [];
  for (const c of conflictsOf(body)) {
    const path = c.resource === 'bay' ? 'bayId' : 'technicianId';
    const message = `${c.resourceName} is already booked then for ${c.customerName}`;
    const existing = errors.find((e) => e.path === path);
    if (existing) existing.message += `; also for ${c.customerName}`;
    else errors.push({ path, message });
  }
  return errors;
}

/** Who a search pick books for: a customer, a vehicle's owner with the vehicle, or a repair order's. */
export function whoFromHit(hit: SearchHit): Pick<BookingForm, 'customerId' | 'customerName' | 'vehicleId'> {
  if (hit.kind === 'customer') return { customerId: hit.hit.id, customerName: hit.hit.label, vehicleId: '' };
  if (hit.kind === 'vehicle')
    return { customerId: hit.hit.customerId, customerName: hit.hit.sublabel, vehicleId: hit.hit.id };
  return {
    customerId: hit.hit.customerId,
    customerName: hit.hit.label.split(' · ')[1] ?? hit.hit.label,
    vehicleId: hit.hit.vehicleId,
  };
}
