import { defineModule } from '../module.js';
import { COUNTER, FLOOR, type Access } from '../../plugins/route-permissions.js';
import { timeclockRoutes } from './timeclock.routes.js';
import { TimeclockService } from './timeclock.service.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/jobs/:id/clock': 'staff',
  'POST /api/jobs/:id/clock/on': FLOOR,
  'POST /api/jobs/:id/clock/off': FLOOR,
  'GET /api/timeclock/me': FLOOR,
  'GET /api/timeclock/technicians/:id': COUNTER,
  'GET /api/timeclock/entries': COUNTER,
  'PATCH /api/timeclock/entries/:id': COUNTER,
  'POST /api/timeclock/shifts/clock-in': FLOOR,
  'POST /api/timeclock/shifts/clock-out': FLOOR,
  'GET /api/timeclock/shifts': COUNTER,
  'PATCH /api/timeclock/shifts/:id': COUNTER,
};

/** The technicians' clocks: on and off jobs, shifts, corrections and review. */
export const timeclockModule = defineModule({
  name: 'timeclock',
  needs: ['audit', 'technicians', 'repairOrders', 'jobs'],
  gives: ['timeclock'],
  create: ({ db, clock, events }, { audit, technicians, repairOrders, jobs }) => {
    const timeclock = new TimeclockService(db, clock, audit, events, technicians, repairOrders, jobs);
    // Completing a job stops every clock on it, in the completion's transaction.
    repairOrders.addJobCompletionParticipant((tx, actor, completion) =>
      timeclock.stopClocksOfCompletedJob(tx, actor, completion),
    );
    return {
      gives: { timeclock },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(timeclockRoutes, { service: timeclock }),
    };
  },
});
