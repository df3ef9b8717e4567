import type { Db } from '../../db/database.js';

/**
 * A module that keeps records pointing at customers (vehicles, repair orders, appointments, ...)
 * takes part in a merge by moving them to the kept customer, inside the merge's transaction.
 * app.ts registers each participant with CustomersService; customers never imports them, which
 * keeps the dependency one-way.
 */
export interface CustomerMergeParticipant {
  /** What moves, for the merge report, e.g. "vehicles". */
  readonly name: string;
  /** Moves every record of `fromCustomerId` to `toCustomerId`; returns how many moved. */
  moveCustomerRecords(tx: Db, fromCustomerId: string, toCustomerId: string): Promise<number>;
}
