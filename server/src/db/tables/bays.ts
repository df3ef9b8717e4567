import type { Generated } from 'kysely';
import type { Timestamps } from '../columns.js';

/** Tables owned by the bays module (migration 0002). */
export interface BaysTable extends Timestamps {
  id: string;
  name: string;
  capabilities: string;
  active: number;
  sort_order: Generated<number>;
  version: Generated<number>;
}

export interface BaysTables {
  bays: BaysTable;
}
