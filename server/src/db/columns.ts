/**
 * Column types more than one table shares. A leaf: db/tables/* import it, and schema.ts re-exports
 * it, so the tables and the assembled schema never import each other.
 */

export type Role = 'owner' | 'advisor' | 'technician' | 'parts';
export const ROLES: readonly Role[] = ['owner', 'advisor', 'technician', 'parts'];

export type JobStatus = 'Pending' | 'In_Progress' | 'Blocked' | 'Completed' | 'Paid';
export const JOB_STATUSES: readonly JobStatus[] = ['Pending', 'In_Progress', 'Blocked', 'Completed', 'Paid'];

export interface Timestamps {
  created_at: string;
  updated_at: string;
}
