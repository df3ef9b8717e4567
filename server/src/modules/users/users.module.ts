import { defineModule } from '../module.js';
import { OWNER, type Access } from '../../plugins/route-permissions.js';
import { usersRoutes } from './users.routes.js';
import { UsersService } from './users.service.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'DELETE /api/users/:id/totp': OWNER,
  'GET /api/users': OWNER,
  'POST /api/users': OWNER,
  'GET /api/users/:id': OWNER,
  'PATCH /api/users/:id': OWNER,
  'POST /api/users/:id/deactivate': OWNER,
  'POST /api/users/:id/reactivate': OWNER,
  'POST /api/users/:id/password': OWNER,
  'PUT /api/users/:id/pin': OWNER,
};

/** Staff accounts: the owner adds, changes and deactivates them. */
export const usersModule = defineModule({
  name: 'users',
  needs: ['audit', 'sessions'],
  gives: ['users'],
  create: ({ db, clock }, { audit, sessions }) => {
    const users = new UsersService(db, clock, audit, sessions);
    return {
      gives: { users },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(usersRoutes, { service: users }),
    };
  },
});
