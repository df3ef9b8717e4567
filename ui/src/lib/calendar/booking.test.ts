import { describe, expect, it } from 'vitest';
import {
  bookingBody,
  changedFields,
  conflictFieldErrors,
  CONFLICT_TYPE,
  emptyBookingForm,
  formFromAppointment,
  servicesOf,
  whoFromHit,
  type AppointmentFields,
} from './booking';

const NY = 'America/New_York';

const original: AppointmentFields = {
  customerId: 'c1',
  customerName: 'Ann Example',
  vehicleId: 'v1',
  requestedServices: ['Oil change', 'Squeak from the front'],
  kind: 'drop_off',
  startsAt: '2026-03-03T14:00:00.000Z',
  endsAt: '2026-03-03T15:00:00.000Z',
  bayId: 'b1',
  technicianId: null,
  notes: '',
};

describe('the booking form', () => {
  it('reads services one per line', () => {
    expect(servicesOf(' Oil change \n\n  Brakes\n')).toEqual(['Oil change', 'Brakes']);
  });

  it('builds the POST body with shop-clock times as UTC instants', () => {
    const form = {
      ...emptyBookingForm(),
      customerId: 'c1',
      startsLocal: '2026-03-03T09:00',
      endsLocal: '2026-03-03T10:30',
      bayId: 'b1',
      kind: 'waiter' as const,
      services: 'Oil change',
    };
    const { body } = bookingBody(form, NY);
    expect(body).toEqual({
      customerId: 'c1',
      vehicleId: null,
      requestedServices: ['Oil change'],
      kind: 'waiter',
      startsAt: '2026-03-03T14:00:00.000Z',
      endsAt: '2026-03-03T15:30:00.000Z',
      bayId: 'b1',
      technicianId: null,
      notes: '',
    });
  });

  it('names missing fields before sending', () => {
    const { body, errors } = bookingBody(emptyBookingForm(), NY);
    expect(body).toBeNull();
    expect(errors.map((e) => e.path)).toEqual(['customerId', 'startsAt', 'endsAt']);
  });

  it('sends only what an edit changed', () => {
    const form = formFromAppointment(original, NY);
    expect(form.startsLocal).toBe('2026-03-03T09:00');
    expect(changedFields(original, form, NY)).toEqual({});
    form.startsLocal = '2026-03-03T13:00';
    form.endsLocal = '2026-03-03T14:00';
    form.bayId = '';
    form.technicianId = 't1';
    expect(changedFields(original, form, NY)).toEqual({
      startsAt: '2026-03-03T18:00:00.000Z',
      endsAt: '2026-03-03T19:00:00.000Z',
      bayId: null,
      technicianId: 't1',
    });
  });
});

describe('double-booking refusals', () => {
  const problem = {
    type: CONFLICT_TYPE,
    title: 'Conflict',
    status: 409,
    detail: 'Bay 1 is booked Tue, Mar 3, 09:00–10:00 EST for Bob Other.',
    conflicts: [
      { appointmentId: 'x', customerName: 'Bob Other', resource: 'bay', resourceName: 'Bay 1' },
      { appointmentId: 'y', customerName: 'Cy Third', resource: 'technician', resourceName: 'Tess' },
      { appointmentId: 'z', customerName: 'Di Fourth', resource: 'bay', resourceName: 'Bay 1' },
    ],
  };

  it('puts each conflict under the field it names', () => {
    expect(conflictFieldErrors(problem)).toEqual([
      { path: 'bayId', message: 'Bay 1 is already booked then for Bob Other; also for Di Fourth' },
      { path: 'technicianId', message: 'Tess is already booked then for Cy Third' },
    ]);
  });

  it('ignores other problems', () => {
    expect(conflictFieldErrors({ ...problem, type: 'urn:ase:problem:stale-version' })).toEqual([]);
    expect(conflictFieldErrors({ ...problem, conflicts: 'nonsense' })).toEqual([]);
  });
});

describe('a search pick', () => {
  const hit = { label: 'Civic', sublabel: 'Ann Example', score: 1 };
  it('books a customer with no vehicle chosen yet', () => {
    expect(
      whoFromHit({
        kind: 'customer',
        hit: { ...hit, id: 'c1', label: 'Ann Example', sublabel: '', matchedOn: 'name' },
      }),
    ).toEqual({
      customerId: 'c1',
      customerName: 'Ann Example',
      vehicleId: '',
    });
  });
  it("books a vehicle's owner with that vehicle", () => {
    expect(
      whoFromHit({ kind: 'vehicle', hit: { ...hit, id: 'v1', customerId: 'c1', matchedOn: 'plate' } }),
    ).toEqual({
      customerId: 'c1',
      customerName: 'Ann Example',
      vehicleId: 'v1',
    });
  });
  it("books a repair order's customer and vehicle, the name read from its label", () => {
    const ro = {
      ...hit,
      id: 'r1',
      customerId: 'c1',
      vehicleId: 'v1',
      number: 1042,
      status: 'open',
      matchedOn: 'number' as const,
      label: 'RO #1042 · Ann Example · Civic',
    };
    expect(whoFromHit({ kind: 'repairOrder', hit: ro })).toEqual({
      customerId: 'c1',
      customerName: 'Ann Example',
      vehicleId: 'v1',
    });
  });
});
