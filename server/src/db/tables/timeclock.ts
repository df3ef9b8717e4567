import type { Generated } from 'kysely';
import type { Timestamps } from '../columns.js';

/** Tables owned by the timeclock module (migration 0012): job clock (production time), shifts (attendance). */
export interface JobClockEntriesTable extends Timestamps {
  id: string;
  job_id: string;
  technician_id: string;
  started_at: string;
  ended_at: string | null;
  started_by: string | null;
  ended_by: string | null;
  note: Generated<string>;
  version: Generated<number>;
}

export interface TechnicianShiftsTable extends Timestamps {
  id: string;
  technician_id: string;
  clock_in_at: string;
  clock_out_at: string | null;
  clocked_in_by: string | null;
  clocked_out_by: string | null;
  note: Generated<string>;
  version: Generated<number>;
}

export interface TimeclockTables {
  job_clock_entries: JobClockEntriesTable;
  technician_shifts: TechnicianShiftsTable;
}
