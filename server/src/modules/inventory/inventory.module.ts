import { defineModule } from '../module.js';
import { ALL_WORK, OWNER, type Access } from '../../plugins/route-permissions.js';
import { inventoryRoutes } from './inventory.routes.js';
import { InventoryService } from './inventory.service.js';
import { purchasingRoutes } from './purchasing.routes.js';
import { PurchasingService } from './purchasing.service.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/inventory/items': ALL_WORK,
  'POST /api/inventory/items': ['owner', 'advisor', 'parts'],
  'GET /api/inventory/items/:id': ALL_WORK,
  'PATCH /api/inventory/items/:id': ['owner', 'advisor', 'parts'],
  'GET /api/inventory/items/:id/movements': ALL_WORK,
  'POST /api/inventory/items/:id/movements': ['owner', 'advisor', 'parts'],
  'POST /api/inventory/items/:id/receive': ['owner', 'advisor', 'parts'],
  'GET /api/inventory/ledger-check': ['owner', 'advisor', 'parts'],
  'GET /api/inventory/reorder-suggestions': ['owner', 'advisor', 'parts'],
  'GET /api/inventory/vendors': ALL_WORK,
  'POST /api/inventory/vendors': ['owner', 'advisor', 'parts'],
  'PATCH /api/inventory/vendors/:id': ['owner', 'advisor', 'parts'],
  'GET /api/inventory/purchase-orders': ['owner', 'advisor', 'parts'],
  'POST /api/inventory/purchase-orders': ['owner', 'advisor', 'parts'],
  'GET /api/inventory/purchase-orders/:id': ['owner', 'advisor', 'parts'],
  'POST /api/inventory/purchase-orders/:id/order': ['owner', 'advisor', 'parts'],
  'POST /api/inventory/purchase-orders/:id/cancel': ['owner', 'advisor', 'parts'],
  'POST /api/inventory/purchase-orders/:id/receive': ['owner', 'advisor', 'parts'],
  'GET /api/inventory/pricing-matrix': ['owner', 'advisor', 'parts'],
  'GET /api/inventory/pricing-matrix/preview': ['owner', 'advisor', 'parts'],
  'PUT /api/inventory/pricing-matrix': OWNER,
};

/**
 * Parts: stock, vendors, purchase orders, the pricing matrix. Takes part in a job's completion
 * (issues its stock parts in the same transaction) and prices stock parts added to a job.
 */
export const inventoryModule = defineModule({
  name: 'inventory',
  needs: ['audit', 'users', 'repairOrders'],
  gives: ['inventory', 'purchasing'],
  create: ({ db, clock, events }, { audit, users, repairOrders }) => {
    const inventory = new InventoryService(db, clock, audit, events, users);
    const purchasing = new PurchasingService(db, clock, audit, inventory);
    repairOrders.addJobCompletionParticipant((tx, actor, completion) =>
      inventory.issueForCompletedJob(tx, actor, completion),
    );
    // A stock part added to a job without a price: its sell price, else the matrix on its cost.
    repairOrders.setPartPricer((tx, itemId) => inventory.priceFor(tx, itemId));
    return {
      gives: { inventory, purchasing },
      permissions: PERMISSIONS,
      routes: async (app) => {
        await app.register(inventoryRoutes, { service: inventory });
        await app.register(purchasingRoutes, { service: purchasing });
      },
    };
  },
});
