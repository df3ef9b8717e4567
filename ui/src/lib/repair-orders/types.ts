import type { Ok } from '$lib/api/client';

/** The shapes the repair-order screens show, taken from the server's OpenAPI (never copied by hand). */
export type RepairOrder = Ok<'/api/repair-orders/{id}', 'get'>;
export type RepairOrderSummary = Ok<'/api/repair-orders', 'get'>['items'][number];
export type Job = RepairOrder['jobs'][number];
export type Line = Job['lines'][number];
export type LineKind = Line['kind'];
export type ApprovalState = Line['approvalState'];
export type ApprovalMethod = NonNullable<Line['approvalMethod']>;
export type TotalsBlock = RepairOrder['totals']['approved'];
export type CannedJob = Ok<'/api/canned-jobs', 'get'>['items'][number];
export type Technician = Ok<'/api/technicians', 'get'>['items'][number];
export type Bay = Ok<'/api/bays', 'get'>['items'][number];
export type Vehicle = Ok<'/api/vehicles', 'get'>['items'][number];
export type VinDecode = Ok<'/api/vin/{vin}/decode', 'get'>;
export type Duplicate = Ok<'/api/customers/duplicates', 'get'>['items'][number];

/** What each panel of the repair-order page is given (inspections, approvals, messages, invoices). */
export interface RepairOrderPanelProps {
  ro: RepairOrder;
  editable: boolean;
  /** Goes up on every live event on this repair order's topic: reload what this panel shows. */
  liveTick: number;
  /** Reloads the repair order (a panel whose work changes it); the editor also does on live events. */
  reload: () => Promise<void>;
}
