import type { CustomerKind } from '../../src/db/tables/customers.js';
import type { ApprovalMethod, ApprovalState, LineKind } from '../../src/db/tables/repair-orders.js';
import type { JobStatus } from '../../src/db/schema.js';
import type { JobSpec } from './catalog/jobs.js';

/** What the generator keeps in memory while it walks the shop's history day by day. */

export interface PhoneEntry {
  number: string;
  label: string;
  primary: boolean;
}

export interface EmailEntry {
  address: string;
  label: string;
  primary: boolean;
}

export interface CustomerState {
  id: string;
  name: string;
  kind: CustomerKind;
  phones: PhoneEntry[];
  emails: EmailEntry[];
  contactChannel: 'sms' | 'email' | 'phone';
  language: string;
  marketingOptIn: boolean;
  notes: string;
  createdAt: number;
  updatedAt: number;
}

export interface VehicleState {
  id: string;
  customerId: string;
  vin: string;
  make: string;
  model: string;
  year: number;
  trim: string;
  engine: string;
  body: string;
  color: string;
  plate: string | null;
  region: string | null;
  electric: boolean;
  /** Miles on the clock when first seen, and the owner's driving per day. */
  firstOdometer: number;
  milesPerDay: number;
  lastReading: number;
  lastVisit: number;
  createdAt: number;
  updatedAt: number;
  /** Ownership history, oldest first; the last one is open. */
  owners: {
    id: string;
    customerId: string;
    startedAt: number;
    endedAt: number | null;
    note: string | null;
  }[];
}

export interface LineDraft {
  kind: LineKind;
  description: string;
  quantityMilli: number;
  unitPriceCents: number;
  unitCostCents: number;
  taxable: boolean;
  inventoryItemId: string | null;
  partNumber: string | null;
  /** Lines the customer may refuse on their own (an optional hardware kit). */
  optional: boolean;
}

export interface ApprovalDecision {
  state: ApprovalState;
  method: ApprovalMethod | null;
  at: number | null;
  deferredReason: string | null;
}

export interface JobDraft {
  spec: JobSpec;
  title: string;
  concern: string;
  cause: string;
  correction: string;
  /** From the customer's words (authorised at write-up) or from the inspection (to be sold). */
  source: 'concern' | 'inspection';
  bookHours: number;
  lines: LineDraft[];
  cannedJobId: string | null;
  approval: ApprovalDecision;
  status: JobStatus;
  technicianIndex: number | null;
  bayIndex: number | null;
  scheduledStart: number | null;
  estimatedEnd: number | null;
  actualStart: number | null;
  actualEnd: number | null;
  blockedReason: string | null;
  statusChangedAt: number | null;
}

export interface VisitDraft {
  number: number;
  customer: CustomerState;
  vehicle: VehicleState;
  openedAt: number;
  dayIndex: number;
  waiter: boolean;
  odometer: number;
  /** Index into the advisors who write up visits; -1 when the owner covered the counter. */
  advisorIndex: number;
  jobs: JobDraft[];
  appointment: { bookedAt: number; startsAt: number; endsAt: number } | null;
}
