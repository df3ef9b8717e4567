/** The print queue's words and addresses: pure, so screens and tests share them. */

export type LabelKind = 'key-tag' | 'oil-sticker' | 'bin-labels';
export type PrintJobStatus = 'queued' | 'printing' | 'printed' | 'failed';

/**
 * What a job's status means for the person who asked for the label. "Printed" only once the
 * printer took the job; until then it says it is waiting, and why when a try failed.
 */
export function jobStatusText(job: {
  status: PrintJobStatus;
  attempts: number;
  lastError: string | null;
}): string {
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
