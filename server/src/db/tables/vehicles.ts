import type { Generated } from 'kysely';
import type { Timestamps } from '../schema.js';

/** Tables owned by the vehicles module. Keep in step with its migrations. */
export interface VehiclesTable extends Timestamps {
  id: string;
  customer_id: string;
  vin: string | null;
  make: string | null;
  model: string | null;
  year: number | null;
  telematics_id: string | null;
  version: Generated<number>;
}

export interface VehiclesTables {
  vehicles: VehiclesTable;
}
