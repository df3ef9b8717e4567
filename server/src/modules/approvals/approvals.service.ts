import { ApprovalRequestsService } from './approval-requests.service.js';
import type { ApprovalDeps } from './approval-ports.js';
import { CustomerApprovalsService } from './customer-approvals.service.js';

export type { ClientInfo } from './approval-link.js';
export type { ApprovalDeps, ApprovalInspections, ApprovalNotifications } from './approval-ports.js';

/**
 * Customer approval links: the advisor sends the estimate as a link `/r/<token>`; the customer
 * opens it on their phone without signing in, sees exactly what was sent (the snapshot), approves
 * or declines each recommended job, signs, and submits. The module's one service, in two parts:
 * the advisor's (approval-requests.service.ts) and the customer's (customer-approvals.service.ts).
 */
export class ApprovalsService {
  readonly requests: ApprovalRequestsService;
  readonly customer: CustomerApprovalsService;

  constructor(deps: ApprovalDeps) {
    this.requests = new ApprovalRequestsService(deps);
    this.customer = new CustomerApprovalsService(deps);
  }
}
