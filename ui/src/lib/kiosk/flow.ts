import {
  KIOSK_COMMON_CONCERNS,
  KIOSK_LIMITS,
  type KioskCheckInInput,
  type KioskLanguage,
  type KioskMatch,
} from '$contracts/kiosk';
import type { KioskTextKey } from './i18n';

/**
 * The kiosk's check-in flow as plain data: which screen comes next, what is filled in for the
 * customer, what Back does, and what a wipe leaves. The Svelte screens only show a step and call
 * these functions, so the flow is unit-tested without a browser (flow.test.ts).
 *
 * The steps, and the taps they cost (typed text is keystrokes; Enter continues where a keyboard is
 * up):
 *   welcome   "I have an appointment" | "Walk-in" (English is preselected; "Español" switches)  1
 *   phone     the number on the keypad or keyboard, Enter                                      0
 *   fact      last name or plate, Enter → lookup                                               0
 *   matches   "Yes, this is me" (the match shows the appointment's car: that confirms it)      1
 *   vehicle   only when there is no booked car: one of theirs (1 tap) or "A different car"
 *   new-vehicle  plate + state or VIN typed/scanned, Continue
 *   concerns  the booked ones preselected; more as big buttons; Continue                       1
 *   odometer  typed, Enter (may stay empty)                                                    0
 *   waiting   the stored contact preference preselected; "I'll wait" | "I'll leave the car"   1
 *   authorize name typed, signature drawn, "Check in"                                          1 (+ the signature)
 *   thanks    resets by itself
 * An appointment check-in: 5 taps and a signature. A returning walk-in adds the car (1) and one
 * concern (1): 7 and a signature.
 */
export type Step =
  | 'welcome'
  | 'phone'
  | 'fact'
  | 'scan-code'
  | 'matches'
  | 'no-match'
  | 'new-customer'
  | 'vehicle'
  | 'new-vehicle'
  | 'concerns'
  | 'odometer'
  | 'waiting'
  | 'authorize'
  | 'thanks';

export type ContactChannel = KioskCheckInInput['contactChannel'];
export type KioskPath = 'appointment' | 'walk-in';

export interface Draft {
  language: KioskLanguage;
  path: KioskPath | null;
  /** As typed (digits and whatever else); the server reads any format. */
  phone: string;
  fact: string;
  matches: KioskMatch[];
  match: KioskMatch | null;
  newCustomer: { firstName: string; lastName: string; email: string };
  /** The car: one of the match's (ref), or the new one below. */
  vehicleRef: string | null;
  newVehicle: { plate: string; state: string; vin: string };
  /** The concerns chosen, as the RO's job says them (booked ones verbatim, common ones' `concern`). */
  concerns: string[];
  otherOpen: boolean;
  otherConcern: string;
  odometer: string;
  waiting: boolean | null;
  /** Leaving the car: when they asked to have it back (ISO), from ready-by.ts's options; or null. */
  readyBy: string | null;
  contactChannel: ContactChannel;
  authorizationName: string;
  /** data:image/png;base64,… or null while nothing usable is drawn. */
  signature: string | null;
}

export interface FlowState {
  step: Step;
  /** The steps behind this one, for Back (in memory only: nothing goes into the browser's history). */
  trail: Step[];
  draft: Draft;
}

export function emptyDraft(language: KioskLanguage = 'en'): Draft {
  return {
    language,
    path: null,
    phone: '',
    fact: '',
    matches: [],
    match: null,
    newCustomer: { firstName: '', lastName: '', email: '' },
    vehicleRef: null,
    newVehicle: { plate: '', state: '', vin: '' },
    concerns: [],
    otherOpen: false,
    otherConcern: '',
    odometer: '',
    waiting: null,
    readyBy: null,
    contactChannel: 'sms',
    authorizationName: '',
    signature: null,
  };
}

/** The welcome screen with nothing of anyone's left; the language goes back to the default too. */
export function startOver(): FlowState {
  return { step: 'welcome', trail: [], draft: emptyDraft() };
}

function go(state: FlowState, step: Step, draft: Draft = state.draft): FlowState {
  return { step, trail: [...state.trail, state.step], draft };
}

/** Back: the screen before this one, with what was typed there still in place. */
export function back(state: FlowState): FlowState {
  const previous = state.trail.at(-1);
  if (previous === undefined || state.step === 'thanks') return state;
  return { step: previous, trail: state.trail.slice(0, -1), draft: state.draft };
}

export function setLanguage(state: FlowState, language: KioskLanguage): FlowState {
  return { ...state, draft: { ...state.draft, language } };
}

export function choosePath(state: FlowState, path: KioskPath): FlowState {
  return go(state, 'phone', { ...state.draft, path });
}

export function scanCode(state: FlowState): FlowState {
  return go(state, 'scan-code');
}

export function phoneEntered(state: FlowState): FlowState {
  return go(state, 'fact');
}

/** A plate has a digit in it; a last name has none. Used to prefill the new customer's last name. */
function looksLikeName(fact: string): boolean {
  return fact.trim() !== '' && !/\d/.test(fact);
}

/**
 * The lookup answered. Matches: the customer picks theirs. None on the appointment path: try again
 * or go on as a walk-in. None on the walk-in path: a new customer, the last name already in place
 * when that is what they typed.
 */
export function lookedUp(state: FlowState, matches: KioskMatch[]): FlowState {
  const draft = { ...state.draft, matches, match: null };
  if (matches.length > 0) return go(state, 'matches', draft);
  if (draft.path === 'appointment') return go(state, 'no-match', draft);
  return go(state, 'new-customer', withNewCustomerPrefill(draft));
}

function withNewCustomerPrefill(draft: Draft): Draft {
  const lastName =
    draft.newCustomer.lastName !== ''
      ? draft.newCustomer.lastName
      : looksLikeName(draft.fact)
        ? draft.fact.trim()
        : '';
  return {
    ...draft,
    path: 'walk-in',
    match: null,
    vehicleRef: null,
    newCustomer: { ...draft.newCustomer, lastName },
    contactChannel: 'sms',
  };
}

/** "Check in as a walk-in" after an appointment was not found. */
export function asNewWalkIn(state: FlowState): FlowState {
  return go(state, 'new-customer', withNewCustomerPrefill(state.draft));
}

/**
 * "Yes, this is me": the match's booked car, concerns, waiter flag and stored contact preference
 * are filled in. With a booked car the car step is skipped (the match card showed it); a customer
 * with no car on file goes straight to the new-car form.
 */
export function chooseMatch(state: FlowState, match: KioskMatch): FlowState {
  const appointment = match.appointment;
  const vehicleRef =
    appointment?.vehicleRef ?? (match.vehicles.length === 1 ? (match.vehicles[0]?.ref ?? null) : null);
  const draft: Draft = {
    ...state.draft,
    match,
    vehicleRef,
    concerns: appointment ? [...appointment.concerns] : [],
    waiting: appointment ? appointment.waiter : null,
    contactChannel: match.contactChannel,
  };
  const next: Step = appointment?.vehicleRef
    ? 'concerns'
    : match.vehicles.length === 0
      ? 'new-vehicle'
      : 'vehicle';
  return go(state, next, draft);
}

export function newCustomerEntered(state: FlowState): FlowState {
  const { firstName, lastName } = state.draft.newCustomer;
  const draft = { ...state.draft, authorizationName: `${firstName.trim()} ${lastName.trim()}`.trim() };
  return go(state, 'new-vehicle', draft);
}

export function chooseVehicle(state: FlowState, vehicleRef: string): FlowState {
  return go(state, 'concerns', { ...state.draft, vehicleRef });
}

export function chooseNewVehicle(state: FlowState): FlowState {
  return go(state, 'new-vehicle', { ...state.draft, vehicleRef: null });
}

export function newVehicleEntered(state: FlowState): FlowState {
  return go(state, 'concerns', { ...state.draft, vehicleRef: null });
}

/** A big concern button: on, or off again. */
export function toggleConcern(draft: Draft, concern: string): Draft {
  const concerns = draft.concerns.includes(concern)
    ? draft.concerns.filter((c) => c !== concern)
    : [...draft.concerns, concern];
  return { ...draft, concerns };
}

export function concernsEntered(state: FlowState): FlowState {
  return go(state, 'odometer');
}

export function odometerEntered(state: FlowState): FlowState {
  return go(state, 'waiting');
}

export function chooseWaiting(state: FlowState, waiting: boolean): FlowState {
  // A waiter has asked for no time to come back: whatever was tapped on the way is dropped.
  return go(state, 'authorize', { ...state.draft, waiting, readyBy: waiting ? null : state.draft.readyBy });
}

/** "Need it back by": a second tap on the chosen time takes it back. */
export function chooseReadyBy(draft: Draft, iso: string): Draft {
  return { ...draft, readyBy: draft.readyBy === iso ? null : iso };
}

export function checkedIn(state: FlowState): FlowState {
  return { step: 'thanks', trail: [], draft: state.draft };
}

// ---- what each step needs before Continue --------------------------------------------------

export interface StepProblem {
  /** The field the message belongs to (its input's id on the screen). */
  field: string;
  key: KioskTextKey;
  values?: Record<string, number>;
}

/** 10 digits, or 11 starting with the country code 1: what a US customer types. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}
export function isPhoneComplete(phone: string): boolean {
  const digits = phoneDigits(phone);
  return digits.length === 10 || (digits.length === 11 && digits.startsWith('1'));
}

/** "(512) 555-0142" while typing, so the customer sees the number they mean. */
export function formatPhone(phone: string): string {
  const digits = phoneDigits(phone).slice(0, 11);
  const local = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  const prefix = local === digits ? '' : '1 ';
  if (local.length <= 3) return prefix + local;
  if (local.length <= 6) return `${prefix}(${local.slice(0, 3)}) ${local.slice(3)}`;
  return `${prefix}(${local.slice(0, 3)}) ${local.slice(3, 6)}-${local.slice(6)}`;
}

/** Letters of any alphabet, spaces, apostrophes, hyphens and dots: a name, not an emoji or a symbol. */
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' .\u2019-]*$/u;
export function nameProblem(field: string, value: string): StepProblem | null {
  const trimmed = value.trim();
  if (trimmed === '') return { field, key: 'error.nameMissing' };
  if (!NAME.test(trimmed) || trimmed.length > KIOSK_LIMITS.nameLength) return { field, key: 'error.name' };
  return null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const VIN_SHAPE = /^[A-HJ-NPR-Z0-9]{17}$/;
const PLATE = /^[A-Z0-9 -]{1,12}$/;
const STATE = /^[A-Z]{2,3}$/;

export function concernList(draft: Draft): string[] {
  const other = draft.otherOpen ? draft.otherConcern.trim() : '';
  return other === '' ? draft.concerns : [...draft.concerns, other];
}

export function stepProblems(step: Step, draft: Draft): StepProblem[] {
  const problems: StepProblem[] = [];
  const add = (problem: StepProblem | null): void => {
    if (problem) problems.push(problem);
  };
  switch (step) {
    case 'phone':
      if (!isPhoneComplete(draft.phone)) add({ field: 'phone', key: 'error.phone' });
      break;
    case 'fact':
      if (draft.fact.trim() === '') add({ field: 'fact', key: 'error.fact' });
      break;
    case 'new-customer': {
      add(nameProblem('firstName', draft.newCustomer.firstName));
      add(nameProblem('lastName', draft.newCustomer.lastName));
      const email = draft.newCustomer.email.trim();
      if (email !== '' && (!EMAIL.test(email) || email.length > 254))
        add({ field: 'email', key: 'error.email' });
      break;
    }
    case 'new-vehicle': {
      const { plate, state, vin } = normalizedVehicle(draft);
      if (plate === '' && vin === '') add({ field: 'plate', key: 'error.vehicleMissing' });
      if (plate !== '' && !PLATE.test(plate)) add({ field: 'plate', key: 'error.plate' });
      if (state !== '' && !STATE.test(state)) add({ field: 'state', key: 'error.state' });
      if (vin !== '' && !VIN_SHAPE.test(vin)) add({ field: 'vin', key: 'error.vin' });
      break;
    }
    case 'concerns': {
      const list = concernList(draft);
      if (draft.otherOpen && draft.otherConcern.trim().length > KIOSK_LIMITS.concernLength)
        add({ field: 'other', key: 'error.concernTooLong', values: { max: KIOSK_LIMITS.concernLength } });
      else if (list.length > KIOSK_LIMITS.concerns)
        add({ field: 'concerns', key: 'error.tooManyConcerns', values: { max: KIOSK_LIMITS.concerns } });
      else if (list.length === 0 && draft.match?.appointment == null)
        add({ field: 'concerns', key: 'error.concernsMissing' });
      break;
    }
    case 'odometer': {
      const miles = draft.odometer.replace(/[,\s]/g, '');
      if (miles !== '' && (!/^\d{1,7}$/.test(miles) || Number(miles) > 2_000_000))
        add({ field: 'odometer', key: 'error.odometer' });
      break;
    }
    case 'authorize':
      add(nameProblem('authorizationName', draft.authorizationName));
      if (draft.signature === null) add({ field: 'signature', key: 'error.signature' });
      break;
    case 'welcome':
    case 'scan-code':
    case 'matches':
    case 'no-match':
    case 'vehicle':
    case 'waiting':
    case 'thanks':
      // answered by a tap on one of the screen's choices: nothing to check
      break;
  }
  return problems;
}

/** The new car as the server gets it: upper case, no spaces in the VIN. */
export function normalizedVehicle(draft: Draft): { plate: string; state: string; vin: string } {
  return {
    plate: draft.newVehicle.plate.trim().toUpperCase(),
    state: draft.newVehicle.state.trim().toUpperCase(),
    vin: draft.newVehicle.vin.replace(/\s/g, '').toUpperCase(),
  };
}

/** The common concerns' buttons in the customer's language, with what the RO's job will say. */
export function commonConcerns(language: KioskLanguage): { id: string; concern: string; label: string }[] {
  return KIOSK_COMMON_CONCERNS.map((c) => ({ id: c.id, concern: c.concern, label: c.label[language] }));
}

// ---- the check-in request -------------------------------------------------------------------

/**
 * The body of POST /api/kiosk/check-in from what the customer gave (the steps checked it); the
 * requestId is added per attempt (check-in-attempt.ts).
 */
export function checkInBody(
  draft: Draft,
  /** KioskSelf.authorizationVersion of the text on screen: the server refuses a stale one. */
  authorizationVersion?: string,
): Omit<KioskCheckInInput, 'requestId'> {
  const match = draft.match;
  const vehicle = normalizedVehicle(draft);
  const odometer = draft.odometer.replace(/[,\s]/g, '');
  const email = draft.newCustomer.email.trim();
  return {
    language: draft.language,
    ...(match?.appointment ? { appointmentRef: match.appointment.ref } : {}),
    customer: match
      ? { ref: match.ref }
      : {
          new: {
            firstName: draft.newCustomer.firstName.trim(),
            lastName: draft.newCustomer.lastName.trim(),
            phone: draft.phone,
            ...(email === '' ? {} : { email }),
          },
        },
    vehicle:
      draft.vehicleRef !== null
        ? { ref: draft.vehicleRef }
        : {
            new: {
              ...(vehicle.vin === '' ? {} : { vin: vehicle.vin }),
              ...(vehicle.plate === '' ? {} : { plate: vehicle.plate }),
              ...(vehicle.state === '' ? {} : { state: vehicle.state }),
            },
          },
    concerns: concernList(draft),
    ...(odometer === '' ? {} : { odometer: Number(odometer) }),
    waiting: draft.waiting ?? false,
    ...(draft.waiting === false && draft.readyBy !== null ? { readyBy: draft.readyBy } : {}),
    contactChannel: draft.contactChannel,
    ...(authorizationVersion === undefined ? {} : { authorizationVersion }),
    authorization: { name: draft.authorizationName.trim(), signature: draft.signature ?? '' },
  };
}

// ---- the server's field errors, back to the screen that asked ------------------------------

/**
 * Where a field the server refused was asked, and what to tell the customer about it in their
 * language (the server's own message is English and for developers). A refusal that is not about
 * the field's shape comes by its problem type instead (`vin-on-file`: the VIN belongs to another
 * customer, 409).
 */
export function placeOfError(path: string): { step: Step; problem: StepProblem } {
  const at = (step: Step, field: string, key: KioskTextKey, values?: Record<string, number>) => ({
    step,
    problem: { field, key, ...(values ? { values } : {}) },
  });
  if (path === 'phone' || path === 'customer.new.phone') return at('phone', 'phone', 'error.phone');
  if (path === 'fact') return at('fact', 'fact', 'error.fact');
  if (path === 'customer.new.firstName') return at('new-customer', 'firstName', 'error.name');
  if (path === 'customer.new.lastName') return at('new-customer', 'lastName', 'error.name');
  if (path === 'customer.new.email') return at('new-customer', 'email', 'error.email');
  if (path === 'vehicle.new.vin') return at('new-vehicle', 'vin', 'error.vin');
  if (path === 'vin-on-file') return at('new-vehicle', 'vin', 'error.vinOnFile');
  if (path === 'vehicle.new.plate') return at('new-vehicle', 'plate', 'error.plate');
  if (path === 'vehicle.new.state') return at('new-vehicle', 'state', 'error.state');
  if (path === 'vehicle.new' || path === 'vehicle') return at('new-vehicle', 'plate', 'error.vehicleMissing');
  if (path === 'concerns')
    return at('concerns', 'concerns', 'error.tooManyConcerns', { max: KIOSK_LIMITS.concerns });
  if (path.startsWith('concerns.'))
    return at('concerns', 'other', 'error.concernTooLong', { max: KIOSK_LIMITS.concernLength });
  if (path === 'odometer') return at('odometer', 'odometer', 'error.odometer');
  if (path === 'readyBy') return at('waiting', 'readyBy', 'error.readyBy');
  if (path === 'authorization-text-changed') return at('authorize', 'form', 'error.authorizationChanged');
  if (path === 'authorization.name') return at('authorize', 'authorizationName', 'error.name');
  if (path === 'authorization.signature') return at('authorize', 'signature', 'error.signature');
  if (path === 'appointmentRef' || path === 'customer.ref' || path === 'vehicle.ref' || path === 'code')
    return at('phone', 'phone', 'error.refExpired');
  return at('authorize', 'form', 'error.field');
}

/**
 * Sends the customer to the first screen the server found fault with; the steps between it and
 * the authorization stay in the trail, so Continue walks them forward again.
 */
export function showServerError(state: FlowState, path: string): { state: FlowState; problem: StepProblem } {
  const { step, problem } = placeOfError(path);
  if (step === state.step) return { state, problem };
  const index = state.trail.lastIndexOf(step);
  if (index === -1) return { state, problem: { ...problem, field: 'form' } };
  return { state: { step, trail: state.trail.slice(0, index), draft: state.draft }, problem };
}
