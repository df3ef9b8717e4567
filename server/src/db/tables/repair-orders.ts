import type { Generated } from 'kysely';
import type { JobStatus, Timestamps } from '../schema.js';

/** Tables owned by the repair-orders module. Keep in step with its migrations. */
export interface ServiceJobsTable extends Timestamps {
  id: string;
  vehicle_id: string;
  status: JobStatus;
  technician_id: string | null;
  bay_id: string | null;
  scheduled_start: string | null;
  estimated_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  version: Generated<number>;
}

export interface RepairOrdersTables {
  service_jobs: ServiceJobsTable;
}
