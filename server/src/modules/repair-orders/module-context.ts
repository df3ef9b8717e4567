import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { WriteStamp } from '../../db/write-stamp.js';
import type { RepairOrdersTable, ServiceJobsTable } from '../../db/tables/repair-orders.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { problems, type FieldError } from '../../lib/problem.js';
import type { AuditService } from '../audit/audit.service.js';
import type { BaysService } from '../bays/bays.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { TechniciansService } from '../technicians/technicians.service.js';
import { findRepairOrder } from './repair-orders.repository.js';

/**
 * Prices a stock part for a new line that names no price, in the caller's transaction: the
 * inventory module's InventoryService.priceFor, handed in by the inventory module (setPartPricer), so this
 * module never reads inventory tables for prices. Undefined for an unknown item.
 */
export type PartPricer = (tx: Db, itemId: string) => Promise<PartPrice | undefined>;

export interface PartPrice {
  unitPriceCents: number;
  unitCostCents: number;
}

/** What the module's services share: collaborators handed in by app.ts through RepairOrdersService. */
export interface ModuleContext {
  /** Set by the inventory module (setPartPricer); lines naming a stock item need it. */
  partPricer: PartPricer | null;
  db: Db;
  clock: Clock;
  audit: AuditService;
  events: EventBus;
  settings: SettingsService;
  technicians: TechniciansService;
  bays: BaysService;
  /** Changes on every database write; read caches key on it. */
  writeStamp: WriteStamp;
}

/** The inventory module's pricer; a line naming a stock item before app.ts handed it in is a wiring bug. */
export function partPricerOf(ctx: ModuleContext): PartPricer {
  if (ctx.partPricer === null)
    throw new Error('repair-orders: setPartPricer was not called (inventory.module.ts)');
  return ctx.partPricer;
}

export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}

/** Stored times are always UTC with milliseconds, so text order is time order. */
export function toUtc(value: string): string;
export function toUtc(value: string | null): string | null;
export function toUtc(value: string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/**
 * Work (jobs, lines, approvals) changes only while the repair order is an estimate or open: once
 * invoiced the money is fixed, and a closed or void order is history.
 */
export function ensureWorkEditable(ro: Pick<Selectable<RepairOrdersTable>, 'number' | 'status'>): void {
  if (ro.status === 'estimate' || ro.status === 'open') return;
  throw problems.conflict(
    `Repair order ${ro.number} is ${ro.status}: its jobs and lines can no longer change.`,
    'repair-order-locked',
    { repairOrderStatus: ro.status },
  );
}

/** A closed or void repair order is history: notes, 3C's and statuses stay as they were. */
export function ensureNotClosed(ro: Pick<Selectable<RepairOrdersTable>, 'number' | 'status'>): void {
  if (ro.status !== 'closed' && ro.status !== 'void') return;
  throw problems.conflict(
    `Repair order ${ro.number} is ${ro.status} and can no longer change.`,
    'repair-order-locked',
    {
      repairOrderStatus: ro.status,
    },
  );
}

/** A Paid job's lines were invoiced and paid for; they stay as they were. */
export function ensureJobNotPaid(job: Pick<Selectable<ServiceJobsTable>, 'id' | 'status'>): void {
  if (job.status !== 'Paid') return;
  throw problems.conflict('This job is Paid: its lines can no longer change.', 'job-paid');
}

export async function requireRepairOrderOfJob(db: Db, job: Selectable<ServiceJobsTable>) {
  const ro = job.repair_order_id === null ? undefined : await findRepairOrder(db, job.repair_order_id);
  // Jobs made before repair orders existed (seed data) have none; they cannot take new work.
  if (ro === undefined)
    throw problems.conflict('This job does not belong to a repair order.', 'no-repair-order');
  return ro;
}

/** Checks technician and bay ids sent in a body: each must name an active one. */
export async function checkAssignments(
  ctx: ModuleContext,
  db: Db,
  input: { technicianId?: string | null | undefined; bayId?: string | null | undefined },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (input.technicianId != null && !(await ctx.technicians.isActive(db, input.technicianId)))
    errors.push({ path: 'technicianId', message: 'no active technician has this id' });
  if (input.bayId != null && !(await ctx.bays.isActive(db, input.bayId)))
    errors.push({ path: 'bayId', message: 'no active bay has this id' });
  return errors;
}

/** An estimated end must come after the scheduled start. */
export function checkSchedule(start: string | null, end: string | null): FieldError[] {
  if (start === null || end === null) return [];
  return Date.parse(end) > Date.parse(start)
    ? []
    : [{ path: 'estimatedEnd', message: 'must be after scheduledStart' }];
}
