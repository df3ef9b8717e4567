import { ApprovalsService } from './approvals.service.js';
import { approvalsRoutes } from './approvals.routes.js';
import { defineModule } from '../module.js';
import { COUNTER, type Access } from '../../plugins/route-permissions.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'POST /api/repair-orders/:id/approval-requests': COUNTER,
  'GET /api/repair-orders/:id/approval-requests': 'staff',
  'POST /api/repair-orders/:id/approval-requests/:requestId/revoke': COUNTER,
  'GET /api/vehicles/:id/deferred-work': 'staff',
  'GET /api/public/approvals/:token': 'public',
  'GET /api/public/approvals/:token/media/:hash': 'public',
  'POST /api/public/approvals/:token': 'public',
};

/** The customer's approval link and deferred work. */
export const approvalsModule = defineModule({
  name: 'approvals',
  needs: ['audit', 'repairOrders', 'vehicles', 'settings', 'inspections', 'notifications'],
  gives: ['approvals'],
  create: ({ db, clock, events }, needed) => {
    const approvals = new ApprovalsService({ db, clock, events, ...needed });
    return {
      gives: { approvals },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(approvalsRoutes, { service: approvals }),
    };
  },
});
