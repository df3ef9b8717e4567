import type { Db } from '../../db/database.js';
import type { CustomerInspection } from '../inspections/inspections.schemas.js';
import { type NotificationsService } from '../notifications/notifications.service.js';

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
