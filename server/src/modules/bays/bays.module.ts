import { BaysService } from './bays.service.js';
import { baysRoutes } from './bays.routes.js';
import { defineModule } from '../module.js';
import { OWNER, type Access } from '../../plugins/route-permissions.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/bays': 'staff',
  'POST /api/bays': OWNER,
  'PATCH /api/bays/:id': OWNER,
};

/** The shop's bays (lifts, alignment rack). */
export const baysModule = defineModule({
  name: 'bays',
  needs: ['audit'],
  gives: ['bays'],
  create: ({ db, clock }, { audit }) => {
    const bays = new BaysService(db, clock, audit);
    return {
      gives: { bays },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(baysRoutes, { service: bays }),
    };
  },
});
