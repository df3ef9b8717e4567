import type { Timestamps } from '../columns.js';

/**
 * Tables owned by the database layer itself (server/src/db), not by a module: modules use them
 * only through its functions (db/counters.ts), never by name.
 */
export interface CountersTable extends Timestamps {
  name: string;
  value: number;
}

export interface DbTables {
  counters: CountersTable;
}
