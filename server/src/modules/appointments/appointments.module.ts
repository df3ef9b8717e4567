import { AppointmentsService } from './appointments.service.js';
import { appointmentsRoutes } from './appointments.routes.js';
import { defineModule } from '../module.js';
import { COUNTER, type Access } from '../../plugins/route-permissions.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/appointments': 'staff',
  'POST /api/appointments': COUNTER,
  'GET /api/appointments/:id': 'staff',
  'PATCH /api/appointments/:id': COUNTER,
  'POST /api/appointments/:id/cancel': COUNTER,
  'POST /api/appointments/:id/no-show': COUNTER,
  'POST /api/appointments/:id/arrive': COUNTER,
};

/** The calendar: booked visits, arrivals and no-shows. */
export const appointmentsModule = defineModule({
  name: 'appointments',
  needs: ['audit', 'customers', 'vehicles', 'repairOrders', 'technicians', 'bays', 'settings'],
  gives: ['appointments'],
  create: (
    { db, clock, events },
    { audit, customers, vehicles, repairOrders, technicians, bays, settings },
  ) => {
    const appointments = new AppointmentsService(
      db,
      clock,
      audit,
      events,
      customers,
      vehicles,
      repairOrders,
      technicians,
      bays,
      settings,
    );
    // Repair orders are built first (appointments open them on arrival), so they get this lookup.
    repairOrders.setAppointmentLookup((tx, id) => appointments.exists(tx, id));
    // A customer merge moves the customer's appointments, in the merge's transaction.
    customers.addMergeParticipant(appointments);
    return {
      gives: { appointments },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(appointmentsRoutes, { service: appointments }),
    };
  },
});
