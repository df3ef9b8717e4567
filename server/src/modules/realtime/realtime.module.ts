import { RealtimeHub } from './realtime.hub.js';
import { RealtimeService } from './realtime.service.js';
import { realtimeRoutes } from './realtime.routes.js';
import { defineModule } from '../module.js';
import type { Access } from '../../plugins/route-permissions.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /ws': 'live',
};

/** Live updates to the screens over /ws. */
export const realtimeModule = defineModule({
  name: 'realtime',
  needs: ['sessions', 'displays'],
  gives: ['realtime'],
  create: (kernel, { sessions, displays }) => {
    const { clock, events } = kernel;
    const realtime = new RealtimeService(new RealtimeHub(events, clock), sessions, displays, events);
    const heartbeatMs = kernel.tuning.realtimeHeartbeatMs;
    return {
      gives: { realtime },
      permissions: PERMISSIONS,
      routes: async (app) =>
        app.register(realtimeRoutes, {
          service: realtime,
          ...(heartbeatMs === undefined ? {} : { heartbeatMs }),
        }),
      start: () => realtime.start(),
      stop: () => realtime.stop(),
    };
  },
});
