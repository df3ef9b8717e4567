import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CustomerInspection } from '../inspections/inspections.schemas.js';
import { type NotificationsService } from '../notifications/notifications.service.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { VehiclesService } from '../vehicles/vehicles.service.js';

/** What approvals need from the inspections module (InspectionsService provides it). */
export interface ApprovalInspections {
  customerView(db: Db, repairOrderId: string): Promise<CustomerInspection[]>;
  openMediaOfRepairOrder(
    repairOrderId: string,
    hash: string,
  ): Promise<{ path: string; mime: string; byteSize: number }>;
  storeSignature(png: Buffer): Promise<string>;
}

/** What approvals need from the notifications module (NotificationsService provides it). */
export type ApprovalNotifications = Pick<
  NotificationsService,
  'enqueueForCustomer' | 'enqueueForStaff' | 'customerLinkBase'
>;

/**
 * What the approvals module is given, handed as one bundle to both parts of its service (the
 * customer's part takes it without `vehicles`: a token reads its own repair order and nothing else).
 */
export interface ApprovalDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  events: EventBus;
  repairOrders: RepairOrdersService;
  vehicles: VehiclesService;
  settings: SettingsService;
  inspections: ApprovalInspections;
  notifications: ApprovalNotifications;
}
