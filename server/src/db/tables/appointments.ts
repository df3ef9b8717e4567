import type { Generated } from 'kysely';
import type { Timestamps } from '../columns.js';

/** Tables owned by the appointments module (migration 0007). */
export type AppointmentKind = 'drop_off' | 'waiter';
export type AppointmentStatus = 'booked' | 'arrived' | 'cancelled' | 'no_show';

export interface AppointmentsTable extends Timestamps {
  id: string;
  customer_id: string;
  vehicle_id: string | null;
  /** JSON array of strings: what the customer asked for. */
  requested_services: string;
  kind: AppointmentKind;
  starts_at: string;
  ends_at: string;
  bay_id: string | null;
  technician_id: string | null;
  status: Generated<AppointmentStatus>;
  repair_order_id: string | null;
  notes: Generated<string>;
  version: Generated<number>;
}

export interface AppointmentsTables {
  appointments: AppointmentsTable;
}
