import { describe, expect, it } from 'vitest';
import type { KioskMatch } from '$contracts/kiosk';
import {
  asNewWalkIn,
  back,
  checkInBody,
  chooseMatch,
  chooseReadyBy,
  chooseNewVehicle,
  choosePath,
  chooseVehicle,
  chooseWaiting,
  concernsEntered,
  formatPhone,
  isPhoneComplete,
  lookedUp,
  newCustomerEntered,
  newVehicleEntered,
  odometerEntered,
  phoneEntered,
  placeOfError,
  setLanguage,
  showServerError,
  startOver,
  stepProblems,
  toggleConcern,
  type FlowState,
} from './flow';

const withAppointment: KioskMatch = {
  ref: 'c1',
  maskedName: 'J. Sm***',
  contactChannel: 'email',
  language: null,
  vehicles: [
    { ref: 'v1', masked: '2019 Honda C***', plateMasked: '7AB***' },
    { ref: 'v2', masked: '2012 Ford F***', plateMasked: null },
  ],
  appointment: {
    ref: 'a1',
    startsAt: '2026-12-07T15:00:00.000Z',
    concerns: ['Oil change', 'Rattle from the back'],
    vehicleRef: 'v1',
    waiter: true,
  },
};
const returning: KioskMatch = { ...withAppointment, contactChannel: 'phone', appointment: null };

function upToLookup(path: 'appointment' | 'walk-in', fact = 'Smith'): FlowState {
  let state = choosePath(startOver(), path);
  state = { ...state, draft: { ...state.draft, phone: '(512) 555-0142' } };
  state = phoneEntered(state);
  return { ...state, draft: { ...state.draft, fact } };
}

describe('an appointment check-in', () => {
  it('fills in the booked car, concerns, waiter flag and contact preference, and skips the car step', () => {
    let state = lookedUp(upToLookup('appointment'), [withAppointment]);
    expect(state.step).toBe('matches');
    state = chooseMatch(state, withAppointment);
    expect(state.step).toBe('concerns');
    expect(state.draft.vehicleRef).toBe('v1');
    expect(state.draft.concerns).toEqual(['Oil change', 'Rattle from the back']);
    expect(state.draft.contactChannel).toBe('email');
    expect(state.draft.waiting).toBe(true);
    // booked concerns are enough: no problem on Continue
    expect(stepProblems('concerns', state.draft)).toEqual([]);
  });

  it('sends the appointment, the customer and the car by reference', () => {
    let state = chooseMatch(lookedUp(upToLookup('appointment'), [withAppointment]), withAppointment);
    state = concernsEntered({ ...state, draft: toggleConcern(state.draft, 'Tires') });
    state = odometerEntered({ ...state, draft: { ...state.draft, odometer: '48,210' } });
    state = chooseWaiting(state, false);
    expect(state.step).toBe('authorize');
    state = {
      ...state,
      draft: { ...state.draft, authorizationName: 'Jo Smith', signature: 'data:image/png;base64,AA' },
    };
    expect(stepProblems('authorize', state.draft)).toEqual([]);
    expect(checkInBody(setLanguage(state, 'es').draft)).toEqual({
      language: 'es',
      appointmentRef: 'a1',
      customer: { ref: 'c1' },
      vehicle: { ref: 'v1' },
      concerns: ['Oil change', 'Rattle from the back', 'Tires'],
      odometer: 48210,
      waiting: false,
      contactChannel: 'email',
      authorization: { name: 'Jo Smith', signature: 'data:image/png;base64,AA' },
    });
  });

  it('"need it back by" goes with a car left, never with a waiter; the text version goes along', () => {
    let state = chooseMatch(lookedUp(upToLookup('appointment'), [withAppointment]), withAppointment);
    state = odometerEntered(concernsEntered(state));
    const fivePm = '2026-12-07T23:00:00.000Z';
    const picked = { ...state, draft: chooseReadyBy(state.draft, fivePm) };
    expect(chooseReadyBy(picked.draft, fivePm).readyBy).toBeNull(); // a second tap takes it back

    const left = chooseWaiting(picked, false);
    expect(checkInBody(left.draft, 'v7')).toMatchObject({
      waiting: false,
      readyBy: fivePm,
      authorizationVersion: 'v7',
    });
    const waits = chooseWaiting(picked, true);
    expect(waits.draft.readyBy).toBeNull();
    expect(checkInBody(waits.draft)).not.toHaveProperty('readyBy');
    expect(checkInBody(waits.draft)).not.toHaveProperty('authorizationVersion');
  });

  it('no match: try again (Back keeps what was typed) or go on as a new walk-in', () => {
    const state = lookedUp(upToLookup('appointment', 'Garcia'), []);
    expect(state.step).toBe('no-match');
    expect(back(state).step).toBe('fact');
    expect(back(state).draft.fact).toBe('Garcia');
    const walkIn = asNewWalkIn(state);
    expect(walkIn.step).toBe('new-customer');
    expect(walkIn.draft.path).toBe('walk-in');
    expect(walkIn.draft.newCustomer.lastName).toBe('Garcia');
  });
});

describe('a walk-in', () => {
  it('returning with two cars: picks one, chooses a concern', () => {
    let state = chooseMatch(lookedUp(upToLookup('walk-in'), [returning]), returning);
    expect(state.step).toBe('vehicle');
    expect(state.draft.contactChannel).toBe('phone');
    expect(state.draft.concerns).toEqual([]);
    expect(stepProblems('concerns', state.draft)).toEqual([
      { field: 'concerns', key: 'error.concernsMissing' },
    ]);
    state = chooseVehicle(state, 'v2');
    expect(state.step).toBe('concerns');
    const body = checkInBody(state.draft);
    expect(body.vehicle).toEqual({ ref: 'v2' });
    expect(body).not.toHaveProperty('appointmentRef');
  });

  it('returning with one car: it is preselected but still shown', () => {
    const oneCar = { ...returning, vehicles: returning.vehicles.slice(0, 1) };
    const state = chooseMatch(lookedUp(upToLookup('walk-in'), [oneCar]), oneCar);
    expect(state.step).toBe('vehicle');
    expect(state.draft.vehicleRef).toBe('v1');
  });

  it('new customer: the last name typed is kept, a plate is not taken for a name', () => {
    expect(lookedUp(upToLookup('walk-in', 'Nguyễn'), []).draft.newCustomer.lastName).toBe('Nguyễn');
    expect(lookedUp(upToLookup('walk-in', '7ABC123'), []).draft.newCustomer.lastName).toBe('');
  });

  it('new customer and new car by VIN: the body carries both, the name prefilled for the signature', () => {
    let state = lookedUp(upToLookup('walk-in', 'Lopez'), []);
    state = {
      ...state,
      draft: { ...state.draft, newCustomer: { firstName: ' Ana ', lastName: 'Lopez', email: '' } },
    };
    expect(stepProblems('new-customer', state.draft)).toEqual([]);
    state = newCustomerEntered(state);
    expect(state.step).toBe('new-vehicle');
    expect(state.draft.authorizationName).toBe('Ana Lopez');
    state = {
      ...state,
      draft: { ...state.draft, newVehicle: { plate: '', state: '', vin: '1hgcm82633a004352 ' } },
    };
    expect(stepProblems('new-vehicle', state.draft)).toEqual([]);
    state = newVehicleEntered(state);
    const body = checkInBody({ ...state.draft, otherOpen: true, otherConcern: '  squeal  ' });
    expect(body.customer).toEqual({ new: { firstName: 'Ana', lastName: 'Lopez', phone: '(512) 555-0142' } });
    expect(body.vehicle).toEqual({ new: { vin: '1HGCM82633A004352' } });
    expect(body.concerns).toEqual(['squeal']);
    expect(body).not.toHaveProperty('odometer');
  });

  it('"A different car" on a returning customer sends a new car', () => {
    const state = chooseNewVehicle(chooseMatch(lookedUp(upToLookup('walk-in'), [returning]), returning));
    expect(state.step).toBe('new-vehicle');
    expect(state.draft.vehicleRef).toBeNull();
  });
});

describe('Back and start over', () => {
  it('Back retraces the screens actually shown', () => {
    let state = chooseMatch(lookedUp(upToLookup('appointment'), [withAppointment]), withAppointment);
    const steps: string[] = [state.step];
    while (state.trail.length > 0) {
      state = back(state);
      steps.push(state.step);
    }
    expect(steps).toEqual(['concerns', 'matches', 'fact', 'phone', 'welcome']);
    expect(back(state)).toBe(state);
  });

  it('start over leaves nothing of the customer, and English again', () => {
    const fresh = startOver();
    expect(fresh).toEqual({ step: 'welcome', trail: [], draft: startOver().draft });
    expect(fresh.draft.language).toBe('en');
    expect(fresh.draft.phone).toBe('');
    expect(fresh.draft.matches).toEqual([]);
  });
});

describe('what each step checks', () => {
  it('a phone number that is not one', () => {
    expect(isPhoneComplete('512 555 0142')).toBe(true);
    expect(isPhoneComplete('1-512-555-0142')).toBe(true);
    expect(isPhoneComplete('555-0142')).toBe(false);
    expect(isPhoneComplete('2-512-555-0142')).toBe(false);
    expect(formatPhone('5125550142')).toBe('(512) 555-0142');
    expect(formatPhone('15125550142')).toBe('1 (512) 555-0142');
    expect(formatPhone('512')).toBe('512');
  });

  it('an emoji name, an empty name, a too-long concern, too many concerns', () => {
    const draft = startOver().draft;
    expect(
      stepProblems('new-customer', { ...draft, newCustomer: { firstName: '😀', lastName: '', email: 'x' } }),
    ).toEqual([
      { field: 'firstName', key: 'error.name' },
      { field: 'lastName', key: 'error.nameMissing' },
      { field: 'email', key: 'error.email' },
    ]);
    expect(
      stepProblems('new-customer', {
        ...draft,
        newCustomer: { firstName: "D'Angelo", lastName: 'St. John-Núñez', email: '' },
      }),
    ).toEqual([]);
    expect(stepProblems('concerns', { ...draft, otherOpen: true, otherConcern: 'x'.repeat(10_000) })).toEqual(
      [{ field: 'other', key: 'error.concernTooLong', values: { max: 500 } }],
    );
    const eleven = Array.from({ length: 11 }, (_, i) => `c${i}`);
    expect(stepProblems('concerns', { ...draft, concerns: eleven })[0]?.key).toBe('error.tooManyConcerns');
  });

  it('a car needs a plate or a VIN of the right shape; a bad check digit is not refused here', () => {
    const draft = startOver().draft;
    expect(stepProblems('new-vehicle', draft)).toEqual([{ field: 'plate', key: 'error.vehicleMissing' }]);
    const vin = (v: string) =>
      stepProblems('new-vehicle', { ...draft, newVehicle: { plate: '', state: '', vin: v } });
    expect(vin('1HGCM82633A00435')).toEqual([{ field: 'vin', key: 'error.vin' }]);
    expect(vin('1HGCM82633A004353')).toEqual([]); // wrong check digit: warned on screen, sent anyway
    expect(
      stepProblems('new-vehicle', { ...draft, newVehicle: { plate: '7abc123', state: 'Texas', vin: '' } }),
    ).toEqual([{ field: 'state', key: 'error.state' }]);
  });

  it('odometer: empty is fine, words are not', () => {
    const draft = startOver().draft;
    expect(stepProblems('odometer', { ...draft, odometer: '' })).toEqual([]);
    expect(stepProblems('odometer', { ...draft, odometer: '123,456' })).toEqual([]);
    expect(stepProblems('odometer', { ...draft, odometer: 'lots' })).toEqual([
      { field: 'odometer', key: 'error.odometer' },
    ]);
  });

  it('no signature drawn', () => {
    const draft = { ...startOver().draft, authorizationName: 'Ana Lopez' };
    expect(stepProblems('authorize', draft)).toEqual([{ field: 'signature', key: 'error.signature' }]);
  });
});

describe("the server's field errors", () => {
  it('each path goes back to the screen that asked for it', () => {
    expect(placeOfError('customer.new.firstName').step).toBe('new-customer');
    expect(placeOfError('vehicle.new.vin').step).toBe('new-vehicle');
    expect(placeOfError('concerns.0')).toEqual({
      step: 'concerns',
      problem: { field: 'other', key: 'error.concernTooLong', values: { max: 500 } },
    });
    expect(placeOfError('authorization.signature').problem.key).toBe('error.signature');
    expect(placeOfError('phone').step).toBe('phone');
    expect(placeOfError('something.new').problem.key).toBe('error.field');
    expect(placeOfError('vin-on-file')).toEqual({
      step: 'new-vehicle',
      problem: { field: 'vin', key: 'error.vinOnFile' },
    });
    expect(placeOfError('readyBy')).toEqual({
      step: 'waiting',
      problem: { field: 'readyBy', key: 'error.readyBy' },
    });
    expect(placeOfError('authorization-text-changed').problem.key).toBe('error.authorizationChanged');
  });

  it('the customer is taken back there, and Back from there still works', () => {
    let state = lookedUp(upToLookup('walk-in', 'Lopez'), []);
    state = newCustomerEntered(state);
    state = newVehicleEntered(state);
    state = concernsEntered(state);
    state = odometerEntered(state);
    state = chooseWaiting(state, true);
    const shown = showServerError(state, 'customer.new.firstName');
    expect(shown.state.step).toBe('new-customer');
    expect(shown.problem.field).toBe('firstName');
    expect(back(shown.state).step).toBe('fact');
  });

  it('a field of a screen this customer never saw stays on the current screen', () => {
    const state = chooseWaiting(
      chooseMatch(lookedUp(upToLookup('appointment'), [withAppointment]), withAppointment),
      true,
    );
    const shown = showServerError(state, 'vehicle.new.vin');
    expect(shown.state.step).toBe('authorize');
    expect(shown.problem.field).toBe('form');
  });
});
