import type { Customer } from '../customers/customers.schemas.js';
import type { RepairOrder } from '../repair-orders/repair-orders.schemas.js';
import type { ShopSettings } from '../settings/settings.schemas.js';
import type { Invoice } from './billing.schemas.js';
import type { InvoiceDocument, InvoiceDocumentJob } from './invoice-document.schemas.js';

/**
 * Puts the paper invoice together from the issued invoice (its lines and money, as issued), the
 * repair order (technicians, 3C, part numbers, odometer, declined work: what the invoice rows do
 * not keep) and the shop's settings. Pure: the caller reads the three.
 */
export function buildInvoiceDocument(
  invoice: Invoice,
  ro: RepairOrder | undefined,
  customer: Customer | undefined,
  shop: ShopSettings,
): InvoiceDocument {
  const roJobs = ro?.jobs ?? [];
  const roLines = new Map(roJobs.flatMap((job) => job.lines.map((line) => [line.id, line] as const)));
  const jobOrder = new Map(roJobs.map((job, i) => [job.id, i]));
  const jobs = new Map<string, InvoiceDocumentJob>();
  for (const line of invoice.lines) {
    let job = jobs.get(line.jobId);
    if (job === undefined) {
      const roJob = roJobs.find((j) => j.id === line.jobId);
      job = {
        jobId: line.jobId,
        title: roJob?.title ?? 'Work performed',
        technicianName: roJob?.technicianName ?? null,
        concern: roJob?.concern ?? '',
        cause: roJob?.cause ?? '',
        correction: roJob?.correction ?? '',
        lines: [],
      };
      jobs.set(line.jobId, job);
    }
    job.lines.push({
      kind: line.kind,
      description: line.description,
      partNumber: roLines.get(line.lineId)?.partNumber ?? null,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      amountCents: line.amountCents,
      discountCents: line.discountCents,
    });
  }
  const v = invoice.vehicle;
  return {
    invoice,
    shop: {
      name: shop.shopName,
      address: shop.address,
      phone: shop.phone,
      email: shop.email,
      registrationNumbers: shop.registrationNumbers,
      warrantyText: shop.warrantyText,
      legalText: shop.invoiceLegalText,
    },
    customer: {
      name: invoice.customer.name,
      phones: customer?.contactInfo.phones.map((p) => p.number) ?? [],
      emails: customer?.contactInfo.emails.map((e) => e.address) ?? [],
    },
    vehicle: {
      description: [v.year, v.make, v.model].filter((part) => part !== null && part !== '').join(' '),
      vin: v.vin,
      licensePlate: v.licensePlate,
      odometerIn: ro?.odometerIn ?? null,
      odometerOut: ro?.odometerOut ?? null,
    },
    jobs: [...jobs.values()].sort(
      (a, b) => (jobOrder.get(a.jobId) ?? jobOrder.size) - (jobOrder.get(b.jobId) ?? jobOrder.size),
    ),
    declined: roJobs.flatMap((job) =>
      job.lines
        .filter((line) => line.approvalState === 'declined' || line.approvalState === 'deferred')
        .map((line) => ({
          jobTitle: job.title,
          description: line.description,
          amountCents: line.amountCents,
          state: line.approvalState as 'declined' | 'deferred',
        })),
    ),
  };
}
