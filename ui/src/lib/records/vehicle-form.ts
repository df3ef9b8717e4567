import type { Body, Ok } from '$lib/api/client';

/**
 * The vehicle page's rules: how a vehicle is named, the edit form and its PATCH body (a field
 * emptied means "clear it": null), and odometer readings. Pure, so unit-tested.
 */
export type Vehicle = Ok<'/api/vehicles/{id}', 'get'>;
export type VehiclePatch = Body<'/api/vehicles/{id}', 'patch'>;
export type OdometerReading = Ok<'/api/vehicles/{id}/odometer', 'get'>['items'][number];
export type OdometerUnit = Vehicle['odometerUnit'];

type Named = {
  year: number | null;
  make: string | null;
  model: string | null;
  trim?: string | null;
};

/** "2018 Honda Civic EX"; a vehicle known only by its VIN or plate is "Vehicle". */
export function vehicleTitle(v: Named): string {
  const parts = [v.year === null ? '' : String(v.year), v.make ?? '', v.model ?? '', v.trim ?? '']
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return parts.length === 0 ? 'Vehicle' : parts.join(' ');
}

/** "ABC1234 (CA)", or null when there is no plate. */
export function plateText(plate: string | null, region: string | null): string | null {
  if (plate === null || plate === '') return null;
  return region ? `${plate} (${region})` : plate;
}

/** One line for lists: "2018 Honda Civic · ABC1234". */
export function vehicleSummary(v: Named & { licensePlate: string | null; vin?: string | null }): string {
  const tail = v.licensePlate ?? (v.vin ? `VIN …${v.vin.slice(-6)}` : null);
  return tail ? `${vehicleTitle(v)} · ${tail}` : vehicleTitle(v);
}

export function formatReading(reading: number, unit: OdometerUnit): string {
  return `${reading.toLocaleString('en-US')} ${unit}`;
}

const KM_PER_MILE = 1.609344;

/** `reading` in `to` units, for comparing a reading typed in km with a history kept in miles. */
export function convertReading(reading: number, from: OdometerUnit, to: OdometerUnit): number {
  if (from === to) return reading;
  return from === 'mi' ? reading * KM_PER_MILE : reading / KM_PER_MILE;
}

/**
 * Whether a new reading is below the vehicle's current odometer: the server refuses it unless
 * confirmed (a replaced odometer or cluster), so the form asks before sending.
 */
export function isBelowCurrent(
  reading: number,
  unit: OdometerUnit,
  current: number | null,
  currentUnit: OdometerUnit,
): boolean {
  if (current === null) return false;
  return convertReading(reading, unit, currentUnit) < current;
}

/** Whole, non-negative miles or km typed in any format ("45,210" → 45210), or null. */
export function parseReading(text: string): number | null {
  const digits = text.replace(/[,\s_]/g, '');
  if (!/^\d{1,7}$/.test(digits)) return null;
  return Number(digits);
}

export interface VehicleForm {
  version: number;
  year: string;
  make: string;
  model: string;
  trim: string;
  engine: string;
  body: string;
  color: string;
  vin: string;
  licensePlate: string;
  plateRegion: string;
  notes: string;
  /** Why a VIN whose check digit is wrong is kept as written (asked only after the server refuses it). */
  vinOverrideReason: string;
}

export function vehicleFormOf(v: Vehicle): VehicleForm {
  return {
    version: v.version,
    year: v.year === null ? '' : String(v.year),
    make: v.make ?? '',
    model: v.model ?? '',
    trim: v.trim ?? '',
    engine: v.engine ?? '',
    body: v.body ?? '',
    color: v.color ?? '',
    vin: v.vin ?? '',
    licensePlate: v.licensePlate ?? '',
    plateRegion: v.plateRegion ?? '',
    notes: v.notes,
    vinOverrideReason: '',
  };
}

type TextField =
  'make' | 'model' | 'trim' | 'engine' | 'body' | 'color' | 'vin' | 'licensePlate' | 'plateRegion';
const TEXT_FIELDS: TextField[] = [
  'make',
  'model',
  'trim',
  'engine',
  'body',
  'color',
  'vin',
  'licensePlate',
  'plateRegion',
];

/**
 * Only the fields that changed; an emptied field is sent as null (cleared). A year that is not a
 * number is sent as typed so the server names the field (it owns the rule).
 */
export function vehiclePatchOf(form: VehicleForm, original: Vehicle): VehiclePatch {
  const before = vehicleFormOf(original);
  const patch: VehiclePatch = { version: form.version };
  for (const field of TEXT_FIELDS) {
    const value = form[field].trim();
    if (value !== before[field]) patch[field] = value === '' ? null : value;
  }
  const year = form.year.trim();
  if (year !== before.year) patch.year = year === '' ? null : Number(year);
  if (form.notes !== before.notes) patch.notes = form.notes;
  const reason = form.vinOverrideReason.trim();
  if (patch.vin && reason !== '') patch.vinCheckOverrideReason = reason;
  return patch;
}
