import { Type, type Static } from '@sinclair/typebox';
import { Nullable, StringEnum, Uuid } from '../../lib/schema.js';
import { InvoiceSchema } from './billing.schemas.js';

/**
 * Everything the paper invoice carries, in one answer: the invoice as issued plus what a shop must
 * hand over with it (registration numbers, odometer in and out, each job's technician and 3C,
 * part numbers, declined work, warranty and legal text). The PDF and the print page both read it.
 */
export const InvoiceDocumentLineSchema = Type.Object({
  kind: StringEnum(['labor', 'part', 'fee', 'sublet'] as const),
  description: Type.String(),
  partNumber: Nullable(Type.String()),
  quantity: Type.Number(),
  unitPriceCents: Type.Integer(),
  amountCents: Type.Integer(),
  discountCents: Type.Integer(),
});

export const InvoiceDocumentJobSchema = Type.Object({
  jobId: Uuid,
  title: Type.String(),
  technicianName: Nullable(Type.String()),
  concern: Type.String(),
  cause: Type.String(),
  correction: Type.String(),
  lines: Type.Array(InvoiceDocumentLineSchema),
});

export const InvoiceDocumentSchema = Type.Object({
  invoice: InvoiceSchema,
  shop: Type.Object({
    name: Type.String(),
    address: Type.String(),
    phone: Type.String(),
    email: Type.String(),
    registrationNumbers: Type.Array(Type.Object({ label: Type.String(), value: Type.String() })),
    warrantyText: Type.String(),
    legalText: Type.String(),
  }),
  customer: Type.Object({
    name: Type.String(),
    phones: Type.Array(Type.String()),
    emails: Type.Array(Type.String()),
  }),
  vehicle: Type.Object({
    description: Type.String({ description: 'e.g. "2018 Honda Civic"' }),
    vin: Nullable(Type.String()),
    licensePlate: Nullable(Type.String()),
    odometerIn: Nullable(Type.Integer()),
    odometerOut: Nullable(Type.Integer()),
  }),
  jobs: Type.Array(InvoiceDocumentJobSchema, { description: 'Invoiced jobs in repair-order order' }),
  declined: Type.Array(
    Type.Object({
      jobTitle: Type.String(),
      description: Type.String(),
      amountCents: Type.Integer(),
      state: StringEnum(['declined', 'deferred'] as const),
    }),
    { description: 'Recommended work the customer declined or put off: kept on paper, not lost' },
  ),
});
export type InvoiceDocument = Static<typeof InvoiceDocumentSchema>;
export type InvoiceDocumentJob = Static<typeof InvoiceDocumentJobSchema>;
export type InvoiceDocumentLine = Static<typeof InvoiceDocumentLineSchema>;
