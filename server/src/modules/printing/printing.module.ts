import { ALL_WORK, COUNTER, OWNER, type Access } from '../../plugins/route-permissions.js';
import { defineModule } from '../module.js';
import { PrintQueueWorker } from './print-queue-worker.js';
import { printingRoutes } from './printing.routes.js';
import { PrintingService } from './printing.service.js';
import type { PrinterState } from '../../../contracts/mqtt.js';

/** A printer's state as Home Assistant reads it; undefined for a device that is no printer. */
async function printerStateOf(
  printing: PrintingService,
  deviceId: string,
  at: string,
): Promise<PrinterState | undefined> {
  const printer = (await printing.listPrinters()).find((p) => p.deviceId === deviceId);
  return printer === undefined
    ? undefined
    : {
        printerId: deviceId,
        online: printer.online,
        queued: printer.queued,
        lastError: printer.lastError,
        at,
      };
}

/** Key tags at the counter, bin labels with the parts; the queue and its previews for any staff. */
const INVENTORY: Access = ['owner', 'advisor', 'parts'];
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/printers': 'staff',
  'PUT /api/printers/:deviceId': OWNER,
  'POST /api/repair-orders/:id/key-tag': COUNTER,
  'POST /api/repair-orders/:id/oil-sticker': COUNTER,
  'POST /api/inventory/bin-labels': INVENTORY,
  'GET /api/print-jobs': 'staff',
  'GET /api/print-jobs/:id': 'staff',
  'GET /api/print-jobs/:id/preview': 'staff',
  'POST /api/print-jobs/:id/reprint': ALL_WORK,
  'POST /api/print-jobs/:id/retry': ALL_WORK,
  'GET /api/labels/preview': 'staff',
};

/**
 * Label printers (ESC/POS over TCP 9100 or serial): key tags, oil-change stickers and bin labels
 * through a durable print queue (devices/escpos draws, encodes and sends them).
 */
export const printingModule = defineModule({
  name: 'printing',
  needs: ['audit', 'repairOrders', 'customers', 'vehicles', 'inventory', 'settings', 'deviceGateway'],
  gives: ['printing'],
  create: (
    { app, db, clock, events, config, log },
    { audit, repairOrders, customers, vehicles, inventory, settings, deviceGateway },
  ) => {
    // Each printer's state is retained on MQTT for Home Assistant (devices module, discovery).
    const publishState = (deviceId: string) =>
      void printerStateOf(printing, deviceId, clock.now().toISOString())
        .then((state) => (state === undefined ? undefined : deviceGateway.publishPrinterState(state)))
        .catch((error: unknown) => log.warn({ err: error, deviceId }, 'publishing a printer’s state failed'));
    const worker = new PrintQueueWorker({
      db,
      clock,
      events,
      pollSeconds: config.printQueuePollSeconds,
      timeoutMs: config.printerTimeoutMs,
      log,
      onProbed: publishState,
    });
    const printing = new PrintingService({
      db,
      clock,
      events,
      audit,
      worker,
      // A printer is a paired, unrevoked device of kind label-printer (the devices module's row).
      devices: async (deviceId) =>
        (await deviceGateway.devicesOfKind('label-printer')).find((device) => device.id === deviceId),
      sources: { repairOrders, customers, vehicles, inventory, settings, now: () => clock.now() },
    });
    app.decorate('printQueue', worker);
    return {
      gives: { printing },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(printingRoutes, { service: printing }),
      subscriptions: (bus) => [
        bus.on('printJobChanged', ({ printerDeviceId }) => publishState(printerDeviceId)),
      ],
      start: async () => {
        for (const printer of await printing.listPrinters()) publishState(printer.deviceId);
        await worker.start();
      },
      stop: () => worker.stop(),
    };
  },
});

declare module 'fastify' {
  interface FastifyInstance {
    /** The print queue's worker (tests call drain()). */
    printQueue: PrintQueueWorker;
  }
}
