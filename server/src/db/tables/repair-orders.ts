import type { Generated } from 'kysely';
import type { JobStatus, Timestamps } from '../columns.js';

/** Tables owned by the repair-orders module (migrations 0002, 0006). */
export type RepairOrderStatus = 'estimate' | 'open' | 'invoiced' | 'closed' | 'void';
export type LineKind = 'labor' | 'part' | 'fee' | 'sublet';
export type ApprovalState = 'recommended' | 'approved' | 'declined' | 'deferred';
export type ApprovalMethod = 'in_person' | 'phone' | 'link' | 'text' | 'email';

export interface RepairOrdersTable extends Timestamps {
  id: string;
  number: number;
  customer_id: string;
  vehicle_id: string;
  status: Generated<RepairOrderStatus>;
  /** JSON array of the customer's concerns in their own words. */
  concerns: string;
  odometer_in: number | null;
  /** When the vehicle went back (migration 0019); printed on the invoice beside odometer_in. */
  odometer_out: Generated<number | null>;
  promised_at: string | null;
  waiter: number;
  key_tag: string | null;
  appointment_id: string | null;
  advisor_user_id: string | null;
  notes: Generated<string>;
  opened_at: string;
  closed_at: string | null;
  version: Generated<number>;
}

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
  repair_order_id: string | null;
  title: Generated<string>;
  concern: Generated<string>;
  cause: Generated<string>;
  correction: Generated<string>;
  blocked_reason: string | null;
  status_changed_at: string | null;
  sort_order: Generated<number>;
  canned_job_id: string | null;
  version: Generated<number>;
}

export interface LineItemsTable extends Timestamps {
  id: string;
  job_id: string;
  kind: LineKind;
  description: string;
  /** Hours or units × 1000: 1.5 h = 1500. */
  quantity_milli: number;
  unit_price_cents: number;
  unit_cost_cents: Generated<number>;
  taxable: number;
  inventory_item_id: string | null;
  part_number: string | null;
  approval_state: Generated<ApprovalState>;
  approval_method: ApprovalMethod | null;
  /** Who decided: the customer's name, or the staff member who took the call. */
  approval_by: string | null;
  approval_recorded_by: string | null;
  approval_at: string | null;
  deferred_reason: string | null;
  sort_order: Generated<number>;
  version: Generated<number>;
}

export interface CannedJobsTable extends Timestamps {
  id: string;
  name: string;
  title: string;
  concern: Generated<string>;
  /** JSON array of line templates: { kind, description, quantity, unitPriceCents?, ... } */
  lines: string;
  active: Generated<number>;
  version: Generated<number>;
}

/**
 * View (migration 0014): units reserved per item by approved part lines of open jobs. Published:
 * repair-orders keeps it true to its tables, and other modules (inventory) may read it.
 */
export interface ReservedStockView {
  item_id: string;
  reserved: number;
}

export interface RepairOrdersTables {
  repair_orders: RepairOrdersTable;
  service_jobs: ServiceJobsTable;
  line_items: LineItemsTable;
  canned_jobs: CannedJobsTable;
}

/** Read-only views this module publishes for the others (the ownership contract in index.ts). */
export interface RepairOrdersPublishedViews {
  reserved_stock: ReservedStockView;
}
