import { SearchService } from './search.service.js';
import { searchRoutes } from './search.routes.js';
import { defineModule } from '../module.js';
import type { Access } from '../../plugins/route-permissions.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/search': 'staff',
};

/** The counter's one search box over customers, vehicles and repair orders. */
export const searchModule = defineModule({
  name: 'search',
  needs: [],
  gives: ['search'],
  create: ({ db }, _needs) => {
    const search = new SearchService(db);
    return {
      gives: { search },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(searchRoutes, { service: search }),
    };
  },
});
