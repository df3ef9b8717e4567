import { api, must, type Ok } from '$lib/api/client';

export type PrintJob = Ok<'/api/print-jobs/{id}', 'get'>;
export type Printer = Ok<'/api/printers', 'get'>[number];
export type LabelKind = PrintJob['kind'];

/**
 * What a job's status means for the person who asked for the label. "Printed" only once the
 * printer took the job; until then it says it is waiting, and why when a try failed.
 */
export function jobStatusText(job: Pick<PrintJob, 'status' | 'attempts' | 'lastError'>): string {
  switch (job.status) {
    case 'queued':
      return job.attempts === 0
        ? 'Queued: waiting for the printer'
        : `Not printed yet, will try again (${job.attempts} ${job.attempts === 1 ? 'try' : 'tries'}: ${job.lastError ?? 'no answer'})`;
    case 'printing':
      return 'Sending to the printer…';
    case 'printed':
      return 'Printed';
    case 'failed':
      return `Not printed: ${job.lastError ?? 'the printer did not take it'}`;
  }
}

/** The preview of a label (SVG, drawn by the server from the document it would print). */
export function previewUrl(
  kind: LabelKind,
  target: { repairOrderId: string } | { itemIds: readonly string[] },
  printerId?: string,
): string {
  const query = new URLSearchParams({ kind });
  if ('repairOrderId' in target) query.set('repairOrderId', target.repairOrderId);
  else query.set('itemIds', target.itemIds.join(','));
  if (printerId) query.set('printerId', printerId);
  return `/api/labels/preview?${query.toString()}`;
}

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
