import type { RepairOrder } from '../repair-orders/repair-orders.schemas.js';
import type { Snapshot, SnapshotJob } from './approvals.schemas.js';

/**
 * The estimate as the customer will see it, frozen when the link is sent. Only data meant for the
 * customer goes in (no costs, no staff notes, no VIN): the public page is built from this alone,
 * plus the current version of each line to tell which changed since.
 */
export function buildSnapshot(input: {
  ro: RepairOrder;
  shop: Snapshot['shop'];
  inspections: Snapshot['inspections'];
  message: string;
  sentAt: string;
  expiresAt: string;
}): Snapshot {
  const { ro } = input;
  const jobs: SnapshotJob[] = [];
  const approvedWork: Snapshot['approvedWork'] = [];
  for (const job of ro.jobs) {
    const recommended = job.lines.filter((line) => line.approvalState === 'recommended');
    if (recommended.length > 0) {
      jobs.push({
        jobId: job.id,
        title: job.title,
        concern: job.concern,
        lines: recommended.map((line) => ({
          lineId: line.id,
          version: line.version,
          kind: line.kind,
          description: line.description,
          quantity: line.quantity,
          unitPriceCents: line.unitPriceCents,
          amountCents: line.amountCents,
          taxable: line.taxable,
        })),
        amountCents: recommended.reduce((sum, line) => sum + line.amountCents, 0),
      });
    }
    const approvedCents = job.lines
      .filter((line) => line.approvalState === 'approved')
      .reduce((sum, line) => sum + line.amountCents, 0);
    if (approvedCents > 0) approvedWork.push({ jobId: job.id, title: job.title, amountCents: approvedCents });
  }
  return {
    format: 1,
    repairOrder: { id: ro.id, number: ro.number },
    shop: input.shop,
    customerName: ro.customer.name,
    vehicle: {
      year: ro.vehicle.year,
      make: ro.vehicle.make,
      model: ro.vehicle.model,
      licensePlate: ro.vehicle.licensePlate,
    },
    message: input.message,
    sentAt: input.sentAt,
    expiresAt: input.expiresAt,
    jobs,
    approvedWork,
    totals: { approvedCents: ro.totals.approved.totalCents, estimateCents: ro.totals.estimate.totalCents },
    inspections: input.inspections,
  };
}

/** Where a line the customer was shown stands now. */
export interface CurrentLine {
  version: number;
  approvalState: string;
}

/**
 * A line changed since sending when it was edited (new version), removed, or decided another way
 * (by phone, say): the customer's answer to the old version must not be applied to it.
 */
export function lineChanged(sentVersion: number, current: CurrentLine | undefined): boolean {
  return current === undefined || current.version !== sentVersion || current.approvalState !== 'recommended';
}

/** The current lines of a repair order by id, for `lineChanged`. */
export function currentLines(ro: RepairOrder | undefined): Map<string, CurrentLine> {
  const map = new Map<string, CurrentLine>();
  for (const job of ro?.jobs ?? []) for (const line of job.lines) map.set(line.id, line);
  return map;
}

export function snapshotLines(snapshot: Snapshot) {
  return snapshot.jobs.flatMap((job) =>
    job.lines.map((line) => ({ ...line, jobId: job.jobId, jobTitle: job.title })),
  );
}

/** Media hashes (photos and thumbnails) the snapshot shows: the only ones its token may fetch. */
export function snapshotMediaHashes(snapshot: Snapshot): Set<string> {
  const hashes = new Set<string>();
  for (const inspection of snapshot.inspections) {
    walkMedia(inspection, (media) => {
      hashes.add(media.hash);
      if (media.thumbnailHash) hashes.add(media.thumbnailHash);
    });
  }
  return hashes;
}

interface MediaLike {
  hash: string;
  thumbnailHash?: string | null;
}

/**
 * Finds every `{ hash, thumbnailHash? }` media entry in an inspection view, wherever the view keeps
 * them (per inspection, per item), so this does not depend on the exact nesting.
 */
function walkMedia(value: unknown, visit: (media: MediaLike) => void): void {
  if (Array.isArray(value)) {
    for (const entry of value) walkMedia(entry, visit);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (typeof record.hash === 'string' && /^[0-9a-f]{64}$/.test(record.hash)) {
    visit({
      hash: record.hash,
      thumbnailHash: typeof record.thumbnailHash === 'string' ? record.thumbnailHash : null,
    });
  }
  for (const child of Object.values(record)) if (typeof child === 'object') walkMedia(child, visit);
}
