import type { Generated } from 'kysely';
import type { Timestamps } from '../columns.js';

/** Tables owned by the vehicles module (migrations 0002, 0005). */
export type OdometerUnit = 'mi' | 'km';
export type OdometerSource = 'check-in' | 'manual' | 'obd' | 'appointment';

export interface VehiclesTable extends Timestamps {
  id: string;
  customer_id: string;
  vin: string | null;
  make: string | null;
  model: string | null;
  year: number | null;
  telematics_id: string | null;
  /** Normalized: upper case, letters and digits only. */
  license_plate: string | null;
  plate_region: string | null;
  trim: string | null;
  engine: string | null;
  body: string | null;
  color: string | null;
  odometer: number | null;
  odometer_unit: Generated<OdometerUnit>;
  vin_check_override: string | null;
  notes: Generated<string>;
  version: Generated<number>;
}

export interface OdometerReadingsTable extends Timestamps {
  id: string;
  vehicle_id: string;
  reading: number;
  unit: OdometerUnit;
  source: OdometerSource;
  repair_order_id: string | null;
  recorded_at: string;
  recorded_by: string | null;
}

export interface VehicleOwnershipsTable extends Timestamps {
  id: string;
  vehicle_id: string;
  customer_id: string;
  started_at: string;
  ended_at: string | null;
  note: string | null;
}

export interface VehiclesTables {
  vehicles: VehiclesTable;
  odometer_readings: OdometerReadingsTable;
  vehicle_ownerships: VehicleOwnershipsTable;
}
