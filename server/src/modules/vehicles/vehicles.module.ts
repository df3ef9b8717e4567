import { join } from 'node:path';
import { VehiclesService } from './vehicles.service.js';
import { vehiclesRoutes } from './vehicles.routes.js';
import { defineModule } from '../module.js';
import { COUNTER, FLOOR, type Access } from '../../plugins/route-permissions.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/vehicles': 'staff',
  'POST /api/vehicles': COUNTER,
  'GET /api/vehicles/:id': 'staff',
  'PATCH /api/vehicles/:id': COUNTER,
  'GET /api/vehicles/:id/odometer': 'staff',
  'POST /api/vehicles/:id/odometer': FLOOR,
  'POST /api/vehicles/:id/transfer': COUNTER,
  'GET /api/vin/:vin/decode': 'staff',
};

/** Vehicles, their VIN decoding and odometer history. */
export const vehiclesModule = defineModule({
  name: 'vehicles',
  needs: ['audit', 'customers'],
  gives: ['vehicles'],
  create: ({ config, db, clock, events }, { audit, customers }) => {
    const vehicles = new VehiclesService(db, clock, audit, events, customers, join(config.dataDir, 'vin'));
    // A customer merge moves the customer's vehicles, in the merge's transaction.
    customers.addMergeParticipant(vehicles);
    return {
      gives: { vehicles },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(vehiclesRoutes, { service: vehicles }),
    };
  },
});
