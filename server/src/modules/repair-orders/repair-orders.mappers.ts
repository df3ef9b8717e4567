import type { Selectable } from 'kysely';
import type { CannedJobsTable, LineItemsTable } from '../../db/tables/repair-orders.js';
import type { JobWithNamesRow } from './jobs-read-model.js';
import type { LineDraft } from './line-rules.js';
import { milliToQuantity } from './quantity.js';
import type { RepairOrderWithPartiesRow } from './repair-orders-read-model.js';
import type { CannedJob, CannedLine, Job, Line, RepairOrderSummary } from './repair-orders.schemas.js';
import { isInEstimate, lineAmountCents, type TotalsLine } from './totals.js';
import { versionedRecordFields } from '../../lib/row-view.js';

/** Row ↔ API shapes: snake_case columns to camelCase fields, 0/1 to booleans, JSON text to values. */

export function toLine(row: Selectable<LineItemsTable>): Line {
  return {
    id: row.id,
    jobId: row.job_id,
    kind: row.kind,
    description: row.description,
    quantity: milliToQuantity(row.quantity_milli),
    unitPriceCents: row.unit_price_cents,
    unitCostCents: row.unit_cost_cents,
    taxable: row.taxable === 1,
    inventoryItemId: row.inventory_item_id,
    partNumber: row.part_number,
    amountCents: lineAmountCents(row.quantity_milli, row.unit_price_cents),
    approvalState: row.approval_state,
    approvalMethod: row.approval_method,
    approvalBy: row.approval_by,
    approvalAt: row.approval_at,
    approvalRecordedBy: row.approval_recorded_by,
    approvalReason: row.deferred_reason,
    sortOrder: row.sort_order,
    ...versionedRecordFields(row),
  };
}

export function toTotalsLine(row: Selectable<LineItemsTable>): TotalsLine {
  return {
    kind: row.kind,
    quantityMilli: row.quantity_milli,
    unitPriceCents: row.unit_price_cents,
    taxable: row.taxable === 1,
    approvalState: row.approval_state,
  };
}

export function toJob(row: JobWithNamesRow, lineRows: Selectable<LineItemsTable>[]): Job {
  const lines = lineRows.map(toLine);
  return {
    id: row.id,
    repairOrderId: row.repair_order_id!,
    repairOrderNumber: row.repair_order_number,
    vehicleId: row.vehicle_id,
    title: row.title,
    concern: row.concern,
    cause: row.cause,
    correction: row.correction,
    status: row.status,
    blockedReason: row.blocked_reason,
    statusChangedAt: row.status_changed_at,
    technicianId: row.technician_id,
    technicianName: row.technician_name,
    bayId: row.bay_id,
    bayName: row.bay_name,
    scheduledStart: row.scheduled_start,
    estimatedEnd: row.estimated_end,
    actualStart: row.actual_start,
    actualEnd: row.actual_end,
    cannedJobId: row.canned_job_id,
    sortOrder: row.sort_order,
    ...versionedRecordFields(row),
    lines,
    subtotals: {
      estimateCents: lines
        .filter((l) => isInEstimate(l.approvalState))
        .reduce((s, l) => s + l.amountCents, 0),
      approvedCents: lines
        .filter((l) => l.approvalState === 'approved')
        .reduce((s, l) => s + l.amountCents, 0),
    },
  };
}

/** The vehicle columns a repair-order query joins in (`v.year as vehicle_year`, ...). */
type VehicleColumns = Pick<
  RepairOrderWithPartiesRow,
  'vehicle_id' | 'vehicle_year' | 'vehicle_make' | 'vehicle_model' | 'vehicle_vin' | 'vehicle_license_plate'
>;

/** The vehicle as a repair order or a board card names it, from the columns joined beside the row. */
export function toVehicleOfRow(row: VehicleColumns): RepairOrderSummary['vehicle'] {
  return {
    id: row.vehicle_id,
    year: row.vehicle_year,
    make: row.vehicle_make,
    model: row.vehicle_model,
    vin: row.vehicle_vin,
    licensePlate: row.vehicle_license_plate,
  };
}

export function toRepairOrderSummary(row: RepairOrderWithPartiesRow): RepairOrderSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    customer: { id: row.customer_id, name: row.customer_name },
    vehicle: toVehicleOfRow(row),
    concerns: JSON.parse(row.concerns) as string[],
    odometerIn: row.odometer_in,
    odometerOut: row.odometer_out,
    promisedAt: row.promised_at,
    waiter: row.waiter === 1,
    keyTag: row.key_tag,
    notes: row.notes,
    appointmentId: row.appointment_id,
    advisorUserId: row.advisor_user_id,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    ...versionedRecordFields(row),
  };
}

/**
 * A canned line as stored in canned_jobs.lines (JSON): the checked line it was saved from, its
 * price still open where it was (quantity in thousandths like line_items).
 */
export type StoredCannedLine = LineDraft;

export function parseCannedLines(json: string): StoredCannedLine[] {
  return JSON.parse(json) as StoredCannedLine[];
}

export function toCannedLine(stored: StoredCannedLine): CannedLine {
  const { quantityMilli, ...rest } = stored;
  return { ...rest, quantity: milliToQuantity(quantityMilli) };
}

export function toCannedJob(row: Selectable<CannedJobsTable>): CannedJob {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    concern: row.concern,
    lines: parseCannedLines(row.lines).map(toCannedLine),
    active: row.active === 1,
    ...versionedRecordFields(row),
  };
}

/** "2018 Honda Civic · ABC1234": what the board and lists print for a car. */
export function vehicleSummary(vehicle: {
  year: number | null;
  make: string | null;
  model: string | null;
  licensePlate: string | null;
  vin: string | null;
}): string {
  const name = [vehicle.year, vehicle.make, vehicle.model].filter((part) => part != null).join(' ');
  const tag = vehicle.licensePlate ?? (vehicle.vin === null ? null : `…${vehicle.vin.slice(-6)}`);
  return [name === '' ? 'Vehicle' : name, tag].filter((part) => part != null).join(' · ');
}

/** A job title from the customer's words: first line, cut at a word boundary near 60 characters. */
export function titleFromConcern(concern: string): string {
  const firstLine = (concern.split(/\r?\n/).find((l) => l.trim() !== '') ?? '').replace(/\s+/g, ' ').trim();
  if (firstLine.length <= 60) return firstLine === '' ? 'Job' : firstLine;
  const cut = firstLine.slice(0, 60);
  const space = cut.lastIndexOf(' ');
  return `${(space > 30 ? cut.slice(0, space) : cut).replace(/[\s,.;:-]+$/, '')}…`;
}
