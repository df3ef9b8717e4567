import type { Access } from '../../plugins/route-permissions.js';
import { defineModule } from '../module.js';
import { kioskCheckInRoutes } from './kiosk-check-in.routes.js';
import { KioskCheckInService } from './kiosk-check-in.service.js';

/** The kiosk's own routes (only a kiosk token opens them) and the staff's view of a check-in. */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'POST /api/kiosk/lookup': 'kiosk',
  'POST /api/kiosk/lookup-code': 'kiosk',
  'POST /api/kiosk/vin': 'kiosk',
  'POST /api/kiosk/check-in': 'kiosk',
  'GET /api/repair-orders/:id/kiosk-check-in': 'staff',
  'GET /api/kiosk-check-ins': 'staff',
};

/**
 * The check-in kiosk at the door (issue 18): lookups that show nothing without two facts, the
 * check-in in one transaction with the signed authorization, the key tag on the kiosk's printer,
 * and the check-in code of the appointment reminders (kioskCheckIn.reminderCodeFor).
 */
export const kioskCheckInModule = defineModule({
  name: 'kiosk-check-in',
  needs: [
    'audit',
    'settings',
    'customers',
    'vehicles',
    'repairOrders',
    'appointments',
    'inspections',
    'printing',
    'kiosks',
  ],
  gives: ['kioskCheckIn'],
  create: (
    { app, db, clock, events, log },
    { audit, settings, customers, vehicles, repairOrders, appointments, inspections, printing, kiosks },
  ) => {
    const kioskCheckIn = new KioskCheckInService({
      db,
      clock,
      events,
      log,
      audit,
      settings,
      customers,
      vehicles,
      repairOrders,
      appointments,
      inspections,
      printing,
      labelPrinterOf: (deviceId) => kiosks.labelPrinterOf(deviceId),
    });
    app.decorate('kioskCheckIn', kioskCheckIn);
    return {
      gives: { kioskCheckIn },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(kioskCheckInRoutes, { service: kioskCheckIn }),
    };
  },
});

declare module 'fastify' {
  interface FastifyInstance {
    /** The kiosk check-in service (tests ask it for an appointment's reminder code). */
    kioskCheckIn: KioskCheckInService;
  }
}
