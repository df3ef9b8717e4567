/**
 * Column types more than one table shares. A leaf: db/tables/* import it, and schema.ts re-exports
 * it, so the tables and the assembled schema never import each other.
 */

export type Role = 'owner' | 'advisor' | 'technician' | 'parts';
export const ROLES: readonly Role[] = ['owner', 'advisor', 'technician', 'parts'];

// The job-status machine is a contract shared with the UI and the devices.
export { JOB_STATUSES, type JobStatus } from '../../contracts/job-status.js';

export interface Timestamps {
  created_at: string;
  updated_at: string;
}
