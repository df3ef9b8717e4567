import { defineModule } from '../module.js';
import { OWNER, type Access } from '../../plugins/route-permissions.js';
import { kiosksRoutes } from './kiosks.routes.js';
import { KiosksService } from './kiosks.service.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'POST /api/devices/:id/kiosk-pairing-code': OWNER,
  'GET /api/devices/:id/kiosk': OWNER,
  'PUT /api/devices/:id/kiosk': OWNER,
  'POST /api/kiosk/pair': 'public',
  'GET /api/kiosk/self': 'kiosk',
  'POST /api/kiosk/staff-exit': 'kiosk',
};

/**
 * The check-in kiosks' pairing and credential: pairing codes, the `kk_` tokens the tablets hold
 * (recognised in plugins/authentication.ts), the kiosk's label printer and its hidden staff exit.
 * The kiosk's live socket is the realtime module's, checked through this module's authenticator.
 */
export const kiosksModule = defineModule({
  name: 'kiosks',
  needs: ['audit', 'settings', 'users', 'realtime', 'deviceGateway'],
  gives: ['kiosks'],
  create: ({ db, clock, events }, { audit, settings, users, realtime, deviceGateway }) => {
    const kiosks = new KiosksService({ db, clock, events, audit, settings, users, devices: deviceGateway });
    realtime.useKiosks(kiosks);
    return {
      gives: { kiosks },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(kiosksRoutes, { service: kiosks }),
    };
  },
});
