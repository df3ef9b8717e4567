import type { KioskCheckInInput } from '../../../contracts/kiosk.js';
import { normalizePhone } from '../../lib/phone.js';
import { HttpProblem, problems, type FieldError } from '../../lib/problem.js';
import { checkVin } from '../../../contracts/vin.js';
import { decodeSignatureDataUrl, ensureSignatureDrawn } from '../approvals/signature.js';
import { foldPlate } from './second-fact.js';

/**
 * A check-in's input checked before anything is written: every refusal names its field (the
 * kiosk maps `errors[].path` to a sentence in the customer's language), and all of them come
 * together, so a customer corrects everything in one go.
 */

/** How many dark pixels a drawn signature has at least (a tap or a dot is a few dozen). */
export const MIN_SIGNATURE_INK_PIXELS = 150;

/**
 * A name is letters (any script, with accents), and the spaces, apostrophes, hyphens and dots
 * between them: "José", "O'Brien", "Nguyễn", "Anne-Marie St. John". An emoji or a symbol is
 * refused with a clear 400 rather than stored: it would print as "?" on the key tag and no advisor
 * could say it on the phone.
 */
const NAME = /^\p{L}[\p{L}\p{M}'’. -]*$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface CheckedVin {
  vin: string;
  /** Position 9 disagrees where it is mandatory: kept, flagged `vin-check-digit` for the advisor. */
  checkDigitFails: boolean;
}

export interface CheckedInput {
  concerns: string[];
  /** The promised time the customer asked for (ISO, UTC), or null. */
  readyBy: string | null;
  signerName: string;
  png: Buffer;
  newCustomer: { firstName: string; lastName: string; phone: string; email: string | null } | null;
  newVehicle: { vin: CheckedVin | null; plate: string | null; state: string | null } | null;
}

function nameError(value: string, path: string, errors: FieldError[]): string {
  const name = value.trim().replace(/\s+/g, ' ');
  if (name === '') errors.push({ path, message: 'must not be blank' });
  else if (!NAME.test(name)) errors.push({ path, message: 'use letters only (no emoji or symbols)' });
  return name;
}

/** The signature's own 400 names `signature`; inside a check-in it is `authorization.signature`. */
async function checkedSignature(dataUrl: string, errors: FieldError[]): Promise<Buffer> {
  try {
    const png = decodeSignatureDataUrl(dataUrl);
    await ensureSignatureDrawn(png, { minInkPixels: MIN_SIGNATURE_INK_PIXELS });
    return png;
  } catch (error) {
    if (!(error instanceof HttpProblem) || error.errors === undefined) throw error;
    errors.push(...error.errors.map((e) => ({ ...e, path: `authorization.${e.path}` })));
    return Buffer.alloc(0);
  }
}

/** How far ahead a customer may ask for the car back: two weeks covers a big job. */
const READY_BY_MAX_MS = 14 * 24 * 3_600_000;

function checkedReadyBy(input: KioskCheckInInput, nowMs: number, errors: FieldError[]): string | null {
  if (input.readyBy === undefined) return null;
  const at = Date.parse(input.readyBy);
  if (input.waiting) errors.push({ path: 'readyBy', message: 'is for a car left at the shop, not a waiter' });
  else if (Number.isNaN(at) || at <= nowMs || at > nowMs + READY_BY_MAX_MS)
    errors.push({ path: 'readyBy', message: 'must be in the next 14 days' });
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

export async function checkInput(input: KioskCheckInInput, nowMs: number): Promise<CheckedInput> {
  const errors: FieldError[] = [];
  const readyBy = checkedReadyBy(input, nowMs, errors);
  const concerns = input.concerns.map((text, i) => {
    const concern = text.trim();
    if (concern === '') errors.push({ path: `concerns.${i}`, message: 'must not be blank' });
    return concern;
  });
  if (input.appointmentRef === undefined && concerns.length === 0)
    errors.push({ path: 'concerns', message: 'say what the car needs (at least one concern)' });
  const signerName = nameError(input.authorization.name, 'authorization.name', errors);

  let newCustomer: CheckedInput['newCustomer'] = null;
  if ('new' in input.customer) {
    const given = input.customer.new;
    const phone = normalizePhone(given.phone);
    if (phone === null) errors.push({ path: 'customer.new.phone', message: 'is not a phone number' });
    const email = given.email?.trim().toLowerCase() || null;
    if (email !== null && !EMAIL.test(email))
      errors.push({ path: 'customer.new.email', message: 'is not an email address' });
    if (input.contactChannel === 'email' && email === null)
      errors.push({ path: 'contactChannel', message: 'is email, but no email address was given' });
    newCustomer = {
      firstName: nameError(given.firstName, 'customer.new.firstName', errors),
      lastName: nameError(given.lastName, 'customer.new.lastName', errors),
      phone: phone?.e164 ?? '',
      email,
    };
  }

  let newVehicle: CheckedInput['newVehicle'] = null;
  if ('new' in input.vehicle) {
    const given = input.vehicle.new;
    let vin: CheckedVin | null = null;
    if (given.vin !== undefined && given.vin.trim() !== '') {
      const check = checkVin(given.vin);
      if (!check.wellFormed)
        errors.push({ path: 'vehicle.new.vin', message: check.error?.message ?? 'is not a VIN' });
      else vin = { vin: check.vin, checkDigitFails: !check.valid };
    }
    const plate = given.plate === undefined ? null : foldPlate(given.plate) || null;
    if (given.plate !== undefined && given.plate.trim() !== '' && plate === null)
      errors.push({ path: 'vehicle.new.plate', message: 'must contain letters or digits' });
    const state = given.state?.trim().toUpperCase() || null;
    if (state !== null && !/^[A-Z]{2,3}$/.test(state))
      errors.push({ path: 'vehicle.new.state', message: 'is a 2-letter state or province code' });
    if (vin === null && plate === null && !errors.some((e) => e.path.startsWith('vehicle.new')))
      errors.push({ path: 'vehicle.new', message: 'give the plate or the VIN' });
    newVehicle = { vin, plate, state };
  }

  const png = await checkedSignature(input.authorization.signature, errors);
  if (errors.length > 0) throw problems.validation(errors);
  return { concerns, readyBy, signerName, png, newCustomer, newVehicle };
}

/** Concerns as confirmed at the door: the booked ones, then the ones added (none twice). */
export function unionOfConcerns(booked: readonly string[], added: readonly string[]): string[] {
  const seen = new Set<string>();
  const all: string[] = [];
  for (const concern of [...booked, ...added]) {
    const key = concern.trim().toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    all.push(concern.trim());
  }
  return all;
}
