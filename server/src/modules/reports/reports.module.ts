import { defineModule } from '../module.js';
import { COUNTER, OWNER, type Access } from '../../plugins/route-permissions.js';
import { BillingReportFacts } from '../billing/billing-report-facts.js';
import { InventoryReportFacts } from '../inventory/inventory-report-facts.js';
import { RepairOrdersReportFacts } from '../repair-orders/repair-orders-report-facts.js';
import { TechniciansReportFacts } from '../technicians/technicians-report-facts.js';
import { TimeclockReportFacts } from '../timeclock/timeclock-report-facts.js';
import { DayCacheWarmer } from './day-cache-warmer.js';
import { reportsRoutes } from './reports.routes.js';
import { ReportsService } from './reports.service.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/reports/kpis': OWNER,
  'GET /api/reports/kpis.csv': OWNER,
  'GET /api/reports/technicians': OWNER,
  'GET /api/reports/technicians.csv': OWNER,
  'GET /api/reports/inventory': OWNER,
  'GET /api/reports/inventory.csv': OWNER,
  'GET /api/reports/end-of-day': COUNTER,
  'GET /api/reports/end-of-day.csv': COUNTER,
  'GET /api/reports/accounting.iif': OWNER,
  'GET /api/reports/accounting.csv': OWNER,
};

/**
 * The owner's numbers. Reports read other modules' tables only through the facts classes each
 * module publishes (the named read models). The day caches are filled in the background once
 * the server listens (not in inject-only tests); closing the app waits for the day being computed.
 */
export const reportsModule = defineModule({
  name: 'reports',
  needs: ['settings', 'customers'],
  gives: ['reports'],
  create: ({ app, db, clock, log }, { settings, customers }) => {
    const reports = new ReportsService(db, clock, settings, customers, {
      billing: new BillingReportFacts(db),
      repairOrders: new RepairOrdersReportFacts(db),
      inventory: new InventoryReportFacts(db),
      technicians: new TechniciansReportFacts(db),
      timeclock: new TimeclockReportFacts(db, () => clock.now().toISOString()),
    });
    const warmer = new DayCacheWarmer(reports, log);
    app.decorate('reportDayCacheWarmer', warmer);
    return {
      gives: { reports },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(reportsRoutes, { service: reports }),
      startListening: () => warmer.start(),
      stop: () => warmer.stop(),
    };
  },
});
