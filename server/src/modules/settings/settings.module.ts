import { SettingsService } from './settings.service.js';
import { settingsRoutes } from './settings.routes.js';
import { defineModule } from '../module.js';
import { OWNER, type Access } from '../../plugins/route-permissions.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/settings': 'staff',
  'PATCH /api/settings': OWNER,
};

/** The shop's settings (name, rates, taxes, hours). */
export const settingsModule = defineModule({
  name: 'settings',
  needs: ['audit'],
  gives: ['settings'],
  create: ({ db, clock }, { audit }) => {
    const settings = new SettingsService(db, clock, audit);
    return {
      gives: { settings },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(settingsRoutes, { service: settings }),
    };
  },
});
