import { TechniciansService } from './technicians.service.js';
import { techniciansRoutes } from './technicians.routes.js';
import { defineModule } from '../module.js';
import { OWNER, type Access } from '../../plugins/route-permissions.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/technicians': 'staff',
  'POST /api/technicians': OWNER,
  'PATCH /api/technicians/:id': OWNER,
};

/** Technicians: who works on the floor, their rates. */
export const techniciansModule = defineModule({
  name: 'technicians',
  needs: ['audit', 'users'],
  gives: ['technicians'],
  create: ({ db, clock }, { audit, users }) => {
    const technicians = new TechniciansService(db, clock, audit, users);
    return {
      gives: { technicians },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(techniciansRoutes, { service: technicians }),
    };
  },
});
