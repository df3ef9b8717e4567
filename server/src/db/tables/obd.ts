import type { Generated } from 'kysely';
import type { Timestamps } from '../columns.js';

/** Tables owned by the obd module (migration 0022). */
export type ObdSource = 'serial' | 'mqtt';

export interface ObdScansTable extends Timestamps {
  id: string;
  vehicle_id: string;
  repair_order_id: string | null;
  source: ObdSource;
  device_id: string | null;
  seq: number | null;
  vin: string | null;
  protocol: string | null;
  mil_on: number | null;
  /** JSON arrays of codes ("P0301"); descriptions are looked up when read. */
  stored_codes: string;
  pending_codes: string;
  /** null: the car does not report permanent codes (mode 0A), or the dongle did not send them. */
  permanent_codes: string | null;
  /** JSON: { milOn, dtcCount, ignition, monitors: [{ name, complete }] }. */
  readiness: string | null;
  battery_volts: number | null;
  odometer_km: number | null;
  /** JSON object as the dongle sent it. */
  freeze_frame: string | null;
  scanned_at: string;
  scanned_by: string | null;
}

export interface ObdUnmatchedTable extends Timestamps {
  id: string;
  device_id: string;
  device_name: string;
  channel: 'telemetry' | 'dtc';
  seq: number;
  vin: string | null;
  /** The report as received (already validated against the MQTT contract). */
  payload: string;
  received_at: string;
  attached_vehicle_id: string | null;
  attached_at: string | null;
  attached_by: string | null;
}

export interface ObdOdometerHoldsTable extends Timestamps {
  id: string;
  vehicle_id: string;
  reading_km: number;
  source: ObdSource;
  device_id: string | null;
  read_at: string;
  status: Generated<'waiting' | 'confirmed'>;
  resolved_by: string | null;
  resolved_at: string | null;
}

/** What ASE remembers of each dongle: the car it last reported, and its last odometer entry. */
export interface ObdDevicesTable extends Timestamps {
  device_id: string;
  last_vin: string | null;
  /** Per channel: a dongle may count each channel on its own. */
  last_telemetry_seq: number | null;
  last_dtc_seq: number | null;
  odometer_recorded_km: number | null;
  odometer_recorded_at: string | null;
}

export interface ObdTelemetryTable extends Timestamps {
  id: string;
  device_id: string;
  seq: number;
  vehicle_id: string | null;
  vin: string | null;
  device_at: string;
  received_at: string;
  odometer_km: number | null;
  battery_volts: number | null;
  fuel_percent: number | null;
  mil_on: number | null;
}

export interface ObdTelemetryDailyTable extends Timestamps {
  device_id: string;
  /** UTC date of receipt, YYYY-MM-DD. */
  day: string;
  vehicle_id: string | null;
  samples: number;
  battery_min: number | null;
  battery_max: number | null;
  battery_sum: number;
  battery_count: number;
  fuel_min: number | null;
  fuel_max: number | null;
  odometer_min_km: number | null;
  odometer_max_km: number | null;
  mil_on_samples: number;
}

export interface ObdTables {
  obd_scans: ObdScansTable;
  obd_unmatched: ObdUnmatchedTable;
  obd_odometer_holds: ObdOdometerHoldsTable;
  obd_devices: ObdDevicesTable;
  obd_telemetry: ObdTelemetryTable;
  obd_telemetry_daily: ObdTelemetryDailyTable;
}
