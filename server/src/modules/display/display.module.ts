import { DisplayService } from './display.service.js';
import { displayRoutes } from './display.routes.js';
import { defineModule } from '../module.js';
import { OWNER, type Access } from '../../plugins/route-permissions.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/display/board': 'display',
  'GET /api/display-tokens': OWNER,
  'POST /api/display-tokens': OWNER,
  'DELETE /api/display-tokens/:id': OWNER,
};

/** The bay TVs: their display tokens and the board they show. */
export const displayModule = defineModule({
  name: 'display',
  needs: ['audit', 'bays', 'jobs', 'settings'],
  gives: ['displays'],
  create: ({ db, clock, events, writeStamp }, { audit, bays, jobs, settings }) => {
    const displays = new DisplayService(db, clock, audit, bays, jobs, settings, events, writeStamp);
    return {
      gives: { displays },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(displayRoutes, { service: displays }),
    };
  },
});
