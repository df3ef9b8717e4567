import type { Db } from '../../db/database.js';
import type { DomainEvents } from '../../events/domain-events.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { problems } from '../../lib/problem.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RepairOrder } from '../repair-orders/repair-orders.schemas.js';
import type { CannedJobsService } from '../repair-orders/canned-jobs.service.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import type { TechniciansService } from '../technicians/technicians.service.js';
import { findInspection, type InspectionRow } from './inspections.repository.js';
import type { MediaStore } from './media-store.js';
import { orNotFound } from '../../lib/versioning.js';

/** What the module's services share: collaborators handed in by app.ts through InspectionsService. */
export interface ModuleContext {
  db: Db;
  clock: Clock;
  audit: AuditService;
  events: EventBus;
  repairOrders: RepairOrdersService;
  cannedJobs: CannedJobsService;
  technicians: TechniciansService;
  mediaStore: MediaStore;
}

type InspectionChange = DomainEvents['inspectionChanged']['change'];

export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}

export function announce(
  ctx: ModuleContext,
  inspectionId: string,
  repairOrderId: string,
  change: InspectionChange,
): void {
  ctx.events.emit('inspectionChanged', { inspectionId, repairOrderId, change, at: nowIso(ctx.clock) });
}

export async function requireInspection(db: Db, id: string): Promise<InspectionRow> {
  const row = orNotFound(await findInspection(db, id), 'inspection', id);
  return row;
}

export function ensureInProgress(inspection: InspectionRow): void {
  if (inspection.status === 'in_progress') return;
  throw problems.conflict(
    'This inspection is completed: reopen it to change ratings or photos.',
    'inspection-completed',
  );
}

/** Inspections are work on the car: only an estimate or an open repair order takes them. */
export function ensureRepairOrderOpen(ro: Pick<RepairOrder, 'number' | 'status'>): void {
  if (ro.status === 'estimate' || ro.status === 'open') return;
  throw problems.conflict(
    `Repair order ${ro.number} is ${ro.status}: its inspections can no longer change.`,
    'repair-order-locked',
    { repairOrderStatus: ro.status },
  );
}
