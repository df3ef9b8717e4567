import { defineModule } from '../module.js';
import { ALL_WORK, COUNTER, FLOOR, type Access } from '../../plugins/route-permissions.js';
import { repairOrdersRoutes } from './repair-orders.routes.js';
import { RepairOrdersService } from './repair-orders.service.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/repair-orders': 'staff',
  'POST /api/repair-orders': COUNTER,
  'GET /api/repair-orders/:id': 'staff',
  'PATCH /api/repair-orders/:id': COUNTER,
  'POST /api/repair-orders/:id/jobs': FLOOR,
  'POST /api/repair-orders/:id/approvals': COUNTER,
  'GET /api/jobs': 'staff',
  'GET /api/jobs/:id': 'staff',
  'PATCH /api/jobs/:id': FLOOR,
  'DELETE /api/jobs/:id': COUNTER,
  'POST /api/jobs/:id/status': FLOOR,
  'POST /api/jobs/:id/lines': ALL_WORK,
  'PATCH /api/lines/:id': ALL_WORK,
  'DELETE /api/lines/:id': COUNTER,
  'GET /api/canned-jobs': 'staff',
  'POST /api/canned-jobs': COUNTER,
  'POST /api/canned-jobs/starter-set': COUNTER,
  'GET /api/canned-jobs/:id': 'staff',
  'PATCH /api/canned-jobs/:id': COUNTER,
  'DELETE /api/canned-jobs/:id': COUNTER,
};

/**
 * Repair orders, their jobs and lines, canned jobs. Other modules join a job's completion in its
 * transaction (inventory issues the parts, timeclock stops the clocks) through
 * `addJobCompletionParticipant`, and inventory prices stock parts through `setPartPricer`.
 */
export const repairOrdersModule = defineModule({
  name: 'repair-orders',
  needs: ['audit', 'customers', 'vehicles', 'settings', 'technicians', 'bays'],
  gives: ['repairOrders', 'jobs', 'cannedJobs'],
  create: (
    { db, clock, events, writeStamp },
    { audit, customers, vehicles, settings, technicians, bays },
  ) => {
    const repairOrders = new RepairOrdersService(
      db,
      clock,
      audit,
      events,
      customers,
      vehicles,
      settings,
      technicians,
      bays,
      writeStamp,
    );
    // A customer merge moves the customer's repair orders, in the merge's transaction.
    customers.addMergeParticipant(repairOrders);
    return {
      gives: { repairOrders, jobs: repairOrders.jobs, cannedJobs: repairOrders.cannedJobs },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(repairOrdersRoutes, { service: repairOrders }),
    };
  },
});
