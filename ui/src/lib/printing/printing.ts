import { api, must, type Ok } from '$lib/api/client';
import type { LabelKind } from './label-text';

export { jobStatusText, previewUrl, type LabelKind } from './label-text';

export type PrintJob = Ok<'/api/print-jobs/{id}', 'get'>;
export type Printer = Ok<'/api/printers', 'get'>[number];

export function loadPrinters(): Promise<Printer[]> {
  return must(api.GET('/api/printers'));
}

export function loadJob(id: string): Promise<PrintJob> {
  return must(api.GET('/api/print-jobs/{id}', { params: { path: { id } } }));
}

export async function loadJobs(query: { repairOrderId?: string; limit?: number } = {}): Promise<PrintJob[]> {
  return (await must(api.GET('/api/print-jobs', { params: { query } }))).items;
}

/** Queues a label; the answer is the job (status `queued`), never a promise that it printed. */
export function queueLabel(
  kind: LabelKind,
  target: { repairOrderId: string } | { itemIds: readonly string[] },
  printerId?: string,
): Promise<PrintJob> {
  const body = printerId ? { printerId } : {};
  if ('itemIds' in target) {
    return must(api.POST('/api/inventory/bin-labels', { body: { ...body, itemIds: [...target.itemIds] } }));
  }
  const path = { params: { path: { id: target.repairOrderId } }, body };
  return kind === 'key-tag'
    ? must(api.POST('/api/repair-orders/{id}/key-tag', path))
    : must(api.POST('/api/repair-orders/{id}/oil-sticker', path));
}

export function reprintJob(id: string): Promise<PrintJob> {
  return must(api.POST('/api/print-jobs/{id}/reprint', { params: { path: { id } } }));
}

export function retryJob(id: string): Promise<PrintJob> {
  return must(api.POST('/api/print-jobs/{id}/retry', { params: { path: { id } } }));
}
