import type { Timestamps } from '../columns.js';

/** Tables of the system module (migration 0018). */
export interface SystemWriteProbeTable extends Timestamps {
  /** Always 1: one row, rewritten by the health check to prove the database can save. */
  id: number;
  writes: number;
}

export interface SystemTables {
  system_write_probe: SystemWriteProbeTable;
}
