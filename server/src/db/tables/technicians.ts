import type { Generated } from 'kysely';
import type { Timestamps } from '../columns.js';

/** Tables owned by the technicians module (migrations 0002, 0012). */
export type PayBasis = 'hourly' | 'flat_rate';

export interface TechniciansTable extends Timestamps {
  id: string;
  user_id: string | null;
  name: string;
  skills: string;
  active: number;
  color: string | null;
  /** Migration 0012: cents per hour, for labor gross profit. */
  pay_rate_cents: Generated<number>;
  pay_basis: Generated<PayBasis>;
  version: Generated<number>;
}

export interface TechniciansTables {
  technicians: TechniciansTable;
}
