import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { VehiclesService } from '../vehicles/vehicles.service.js';
import { ApprovalRequestsService } from './approval-requests.service.js';
import type { ApprovalInspections, ApprovalNotifications } from './approval-ports.js';
import { CustomerApprovalsService } from './customer-approvals.service.js';

export type { ClientInfo } from './approval-link.js';
export type { ApprovalInspections, ApprovalNotifications } from './approval-ports.js';

/**
 * Customer approval links: the advisor sends the estimate as a link `/r/<token>`; the customer
 * opens it on their phone without signing in, sees exactly what was sent (the snapshot), approves
 * or declines each recommended job, signs, and submits. The module's one service, in two parts:
 * the advisor's (approval-requests.service.ts) and the customer's (customer-approvals.service.ts).
 */
export class ApprovalsService {
  readonly requests: ApprovalRequestsService;
  readonly customer: CustomerApprovalsService;

  constructor(
    db: Db,
    clock: Clock,
    audit: AuditService,
    events: EventBus,
    repairOrders: RepairOrdersService,
    vehicles: VehiclesService,
    settings: SettingsService,
    inspections: ApprovalInspections,
    notifications: ApprovalNotifications,
  ) {
    this.requests = new ApprovalRequestsService(
      db,
      clock,
      audit,
      events,
      repairOrders,
      vehicles,
      settings,
      inspections,
      notifications,
    );
    this.customer = new CustomerApprovalsService(
      db,
      clock,
      audit,
      events,
      repairOrders,
      settings,
      inspections,
      notifications,
    );
  }
}
