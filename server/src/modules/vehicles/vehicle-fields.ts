import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  OdometerReadingsTable,
  OdometerUnit,
  VehicleOwnershipsTable,
  VehiclesTable,
} from '../../db/tables/vehicles.js';
import { newId } from '../../lib/ids.js';
import { HttpProblem, type FieldError } from '../../lib/problem.js';
import { checkVin } from '../../../contracts/vin.js';
import type { OdometerReading, Ownership, UpdateVehicleInput, Vehicle } from './vehicles.schemas.js';
import { type DecodedVin } from './vin-decoder.js';
import { versionedRecordFields } from '../../lib/row-view.js';

/**
 * A vehicle's fields between the API and the tables: VIN and plate as accepted (with the reasons
 * a VIN is refused or kept by override), the columns a change sets, rows as the API shows them,
 * and odometer units. Nothing here reads the database.
 */

export interface OdometerReadingInput {
  vehicleId: string;
  reading: number;
  unit?: 'mi' | 'km';
  source: 'check-in' | 'manual' | 'obd' | 'appointment';
  repairOrderId?: string | null;
}

export type VehicleRow = Selectable<VehiclesTable>;

/** Descriptive fields the VIN decode may fill in on create. */
export const DECODABLE = ['make', 'model', 'year', 'trim', 'engine', 'body'] as const;
export type Decodable = (typeof DECODABLE)[number];
export type FilledFromVin = { [K in Decodable]?: NonNullable<DecodedVin[K]> };

export const KM_PER_MILE = 1.609344;

export function convertReading(reading: number, from: OdometerUnit, to: OdometerUnit): number {
  if (from === to) return reading;
  return from === 'mi' ? reading * KM_PER_MILE : reading / KM_PER_MILE;
}

/** "abc-1234" → "ABC1234": plates are searched and compared without spaces or dashes. */
export function normalizePlate(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Trimmed text, null when blank; undefined (not sent) stays undefined. */
export function cleanText(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export function toVehicle(row: VehicleRow): Vehicle {
  return {
    id: row.id,
    customerId: row.customer_id,
    vin: row.vin,
    vinCheckOverride: row.vin_check_override,
    make: row.make,
    model: row.model,
    year: row.year,
    trim: row.trim,
    engine: row.engine,
    body: row.body,
    color: row.color,
    licensePlate: row.license_plate,
    plateRegion: row.plate_region,
    telematicsId: row.telematics_id,
    odometer: row.odometer,
    odometerUnit: row.odometer_unit,
    notes: row.notes,
    ...versionedRecordFields(row),
  };
}

export function toOwnership(row: Selectable<VehicleOwnershipsTable>): Omit<Ownership, 'customerName'> {
  return {
    id: row.id,
    customerId: row.customer_id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    note: row.note,
  };
}

export function toReading(row: Selectable<OdometerReadingsTable>): OdometerReading {
  return {
    id: row.id,
    vehicleId: row.vehicle_id,
    reading: row.reading,
    unit: row.unit,
    source: row.source,
    repairOrderId: row.repair_order_id,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  };
}

/** A VIN as the API will store it, and the override when its check digit is knowingly wrong. */
export interface AcceptedVin {
  vin: string;
  override: { reason: string; expected: string; actual: string } | null;
}

/**
 * Applies the VIN rules to what was typed; pushes a field error and returns undefined when refused.
 * A wrong North-American check digit passes only with a reason (callers are owners and advisors:
 * the routes that take a VIN are limited to them).
 */
export function acceptVin(
  raw: string,
  overrideReason: string | undefined,
  errors: FieldError[],
): AcceptedVin | undefined {
  const check = checkVin(raw);
  if (check.valid) return { vin: check.vin, override: null };
  if (!check.wellFormed || check.error === null) {
    errors.push({ path: 'vin', message: check.error?.message ?? 'is not a valid VIN' });
    return undefined;
  }
  const reason = overrideReason?.trim();
  if (!reason) {
    errors.push({
      path: 'vin',
      message: `${check.error.message}, or send vinCheckOverrideReason to keep it as written`,
    });
    return undefined;
  }
  return {
    vin: check.vin,
    override: { reason, expected: check.expectedCheckDigit ?? '', actual: check.vin.charAt(8) },
  };
}

export function acceptPlate(raw: string, errors: FieldError[]): string | undefined {
  const plate = normalizePlate(raw);
  if (plate === '') errors.push({ path: 'licensePlate', message: 'must contain letters or digits' });
  return plate;
}

/** The columns a PATCH sets besides the VIN: only the fields sent; null clears one. */
export function editedColumns(
  input: UpdateVehicleInput,
  plate: string | null | undefined,
): Updateable<VehiclesTable> {
  const columns: Updateable<VehiclesTable> = {};
  const texts = [
    ['make', input.make],
    ['model', input.model],
    ['trim', input.trim],
    ['engine', input.engine],
    ['body', input.body],
    ['color', input.color],
    ['telematics_id', input.telematicsId],
  ] as const;
  for (const [column, value] of texts) if (value !== undefined) columns[column] = cleanText(value);
  if (input.year !== undefined) columns.year = input.year;
  if (plate !== undefined) columns.license_plate = plate;
  if (input.plateRegion !== undefined) columns.plate_region = input.plateRegion?.toUpperCase() ?? null;
  if (input.notes !== undefined) columns.notes = input.notes.trim();
  return columns;
}

export function ownershipRow(
  vehicleId: string,
  customerId: string,
  span: { startedAt: string; endedAt: string | null; note: string | null },
  at: string,
): Insertable<VehicleOwnershipsTable> {
  return {
    id: newId(),
    vehicle_id: vehicleId,
    customer_id: customerId,
    started_at: span.startedAt,
    ended_at: span.endedAt,
    note: span.note,
    created_at: at,
    updated_at: at,
  };
}

export function vinDataUnavailable(cause: unknown): HttpProblem {
  const problem = new HttpProblem({
    status: 503,
    title: 'VIN data unavailable',
    slug: 'vin-data-unavailable',
    detail:
      'The offline VIN database could not be opened on this server. Enter make, model and year by hand.',
  });
  problem.cause = cause;
  return problem;
}
