import { BillingService } from './billing.service.js';
import { InvoiceLedger } from './invoice-ledger.js';
import { PaymentsService } from './payments.service.js';
import { billingRoutes } from './billing.routes.js';
import { defineModule } from '../module.js';
import { COUNTER, OWNER, type Access } from '../../plugins/route-permissions.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'POST /api/invoices': COUNTER,
  'GET /api/invoices': COUNTER,
  'GET /api/invoices/:id': COUNTER,
  'GET /api/invoices/:id/pdf': COUNTER,
  'GET /api/invoices/:id/document': COUNTER,
  'POST /api/invoices/:id/payments': COUNTER,
  'POST /api/invoices/:id/refunds': COUNTER,
  'POST /api/invoices/:id/credit-notes': COUNTER,
  'POST /api/invoices/:id/void': COUNTER,
  'POST /api/invoices/:id/charge-to-account': COUNTER,
  'POST /api/repair-orders/:id/deposits': COUNTER,
  'GET /api/repair-orders/:id/deposits': COUNTER,
  'POST /api/payments/:id/void': COUNTER,
  'GET /api/accounts-receivable/aging': OWNER,
};

/** Invoices, payments, deposits, refunds and credit notes. */
export const billingModule = defineModule({
  name: 'billing',
  needs: ['audit', 'repairOrders', 'customers', 'settings', 'users'],
  gives: ['billing', 'payments'],
  create: ({ db, clock, events }, { audit, repairOrders, customers, settings, users }) => {
    const invoiceLedger = new InvoiceLedger(clock, audit, repairOrders, users, events);
    const billing = new BillingService(db, clock, audit, repairOrders, customers, settings, invoiceLedger);
    const payments = new PaymentsService(db, clock, audit, repairOrders, invoiceLedger);
    return {
      gives: { billing, payments },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(billingRoutes, { service: billing, payments }),
    };
  },
});
