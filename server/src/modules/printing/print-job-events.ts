import type { PrintJobStatus } from '../../db/tables/printing.js';
import type { EventBus } from '../../events/event-bus.js';
import type { PrintJobRow } from './printing.repository.js';

/** Tells the screens (topic `printing`, and the RO's) that a job changed state. */
export function emitPrintJobChanged(
  events: EventBus,
  row: Pick<PrintJobRow, 'id' | 'printer_device_id' | 'repair_order_id'>,
  status: PrintJobStatus,
  at: string,
): void {
  events.emit('printJobChanged', {
    printJobId: row.id,
    printerDeviceId: row.printer_device_id,
    repairOrderId: row.repair_order_id,
    status,
    at,
  });
}
