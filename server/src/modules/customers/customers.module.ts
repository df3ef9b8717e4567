import { CustomersService } from './customers.service.js';
import { customersRoutes } from './customers.routes.js';
import { defineModule } from '../module.js';
import { COUNTER, type Access } from '../../plugins/route-permissions.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/customers': 'staff',
  'POST /api/customers': COUNTER,
  'GET /api/customers/duplicates': COUNTER,
  'GET /api/customers/:id': 'staff',
  'PATCH /api/customers/:id': COUNTER,
  'POST /api/customers/:id/merge': COUNTER,
};

/** Customers; other modules take part in a merge by registering a merge participant. */
export const customersModule = defineModule({
  name: 'customers',
  needs: ['audit'],
  gives: ['customers'],
  create: ({ db, clock, events }, { audit }) => {
    const customers = new CustomersService(db, clock, audit, events);
    return {
      gives: { customers },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(customersRoutes, { service: customers }),
    };
  },
});
