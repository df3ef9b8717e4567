import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Nullable, StrictObject, StringEnum, Uuid } from '../../lib/schema.js';
import { pageLimit } from '../../lib/paging.js';
import { VehicleSummarySchema } from '../vehicles/vehicles.schemas.js';

const KINDS = ['labor', 'part', 'fee', 'sublet'] as const;
export const PAYMENT_METHODS = ['cash', 'card', 'check'] as const;

const Cents = Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'Integer cents' });
const PositiveCents = Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'Integer cents > 0' });
const Reason = Type.String({ minLength: 1, maxLength: 500 });
export const IdempotencyKey = Type.String({
  minLength: 8,
  maxLength: 200,
  pattern: '^[A-Za-z0-9_.:-]+$',
  description: 'Unique per intended payment: a retry with the same key returns the first result.',
});

export const DiscountSchema = Type.Union(
  [
    StrictObject({ percentBp: Type.Integer({ minimum: 0, maximum: 10_000, description: '1000 = 10 %' }) }),
    StrictObject({ amountCents: Cents }),
  ],
  { description: 'A percentage (basis points) or an amount in cents' },
);

/** What becomes of a job with recommended (undecided) lines when the repair order is invoiced. */
export const UNDECIDED_DISPOSITIONS = ['defer', 'decline', 'leave'] as const;

export const IssueInvoiceBody = StrictObject({
  repairOrderId: Uuid,
  discount: Type.Optional(DiscountSchema),
  lineDiscounts: Type.Optional(
    Type.Array(StrictObject({ lineId: Uuid, discount: DiscountSchema }), { maxItems: 500 }),
  ),
  undecidedJobs: Type.Optional(
    Type.Array(
      StrictObject({
        jobId: Uuid,
        disposition: StringEnum(UNDECIDED_DISPOSITIONS, {
          description:
            "defer/decline: its recommended lines are recorded as the customer's decision; leave: they stay recommended on the repair order",
        }),
        reason: Type.Optional(Reason),
      }),
      {
        maxItems: 500,
        description:
          'One entry per job with recommended lines: required whenever there are any, so no recommendation is silently lost',
      },
    ),
  ),
});
export type IssueInvoiceInput = Static<typeof IssueInvoiceBody>;

const KindAmountsSchema = Type.Object({
  labor: Type.Integer(),
  part: Type.Integer(),
  fee: Type.Integer(),
  sublet: Type.Integer(),
});

export const InvoiceLineSchema = Type.Object({
  id: Uuid,
  lineId: Uuid,
  jobId: Uuid,
  kind: StringEnum(KINDS),
  description: Type.String(),
  quantity: Type.Number(),
  unitPriceCents: Type.Integer(),
  taxable: Type.Boolean(),
  amountCents: Type.Integer(),
  discountCents: Type.Integer(),
});

export const PaymentSchema = Type.Object({
  id: Uuid,
  kind: StringEnum(['payment', 'deposit', 'refund'] as const),
  invoiceId: Nullable(Uuid),
  repairOrderId: Uuid,
  method: StringEnum(PAYMENT_METHODS),
  amountCents: Type.Integer(),
  cardReference: Nullable(Type.String()),
  checkNumber: Nullable(Type.String()),
  refundOf: Nullable(Uuid),
  reason: Nullable(Type.String()),
  status: StringEnum(['recorded', 'void'] as const),
  voidReason: Nullable(Type.String()),
  receivedAt: IsoDateTime,
  /** The staff member who took it (null when unknown: recorded by the system). */
  receivedBy: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
});
export type Payment = Static<typeof PaymentSchema>;

export const CreditNoteSchema = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  invoiceId: Uuid,
  amountCents: Type.Integer(),
  reason: Type.String(),
  createdAt: IsoDateTime,
});
export type CreditNote = Static<typeof CreditNoteSchema>;

export const InvoiceSchema = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  repairOrderId: Uuid,
  repairOrderNumber: Type.Integer(),
  status: StringEnum(['issued', 'paid', 'void'] as const),
  customer: Type.Object({ id: Uuid, name: Type.String(), kind: Type.String() }),
  vehicle: VehicleSummarySchema,
  lines: Type.Array(InvoiceLineSchema),
  subtotals: KindAmountsSchema,
  subtotalCents: Type.Integer(),
  discountCents: Type.Integer(),
  shopSuppliesCents: Type.Integer(),
  taxes: KindAmountsSchema,
  taxCents: Type.Integer(),
  totalCents: Type.Integer(),
  paidCents: Type.Integer({ description: 'Payments and applied deposits less refunds' }),
  creditedCents: Type.Integer(),
  balanceCents: Type.Integer({ description: 'total − credited − paid' }),
  onAccount: Type.Boolean(),
  dueAt: IsoDateTime,
  issuedAt: IsoDateTime,
  paidAt: Nullable(IsoDateTime),
  voidReason: Nullable(Type.String()),
  voidedAt: Nullable(IsoDateTime),
  payments: Type.Array(PaymentSchema),
  creditNotes: Type.Array(CreditNoteSchema),
  version: Type.Integer(),
});
export type Invoice = Static<typeof InvoiceSchema>;

export const InvoiceListQuery = StrictObject({
  repairOrderId: Type.Optional(Uuid),
  customerId: Type.Optional(Uuid),
  status: Type.Optional(StringEnum(['issued', 'paid', 'void'] as const)),
  limit: pageLimit({ maximum: 200, default: 50 }),
});
export type InvoiceListFilters = Static<typeof InvoiceListQuery>;
export const InvoicePageSchema = Type.Object({ items: Type.Array(InvoiceSchema) });

const PaymentFields = {
  method: StringEnum(PAYMENT_METHODS),
  amountCents: PositiveCents,
  cardReference: Type.Optional(
    Type.String({ minLength: 1, maxLength: 100, description: 'Card terminal reference' }),
  ),
  checkNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  idempotencyKey: Type.Optional(IdempotencyKey),
};
export const PaymentBody = StrictObject(PaymentFields);
export type PaymentInput = Static<typeof PaymentBody>;

export const RefundBody = StrictObject({
  paymentId: Uuid,
  amountCents: PositiveCents,
  reason: Reason,
  idempotencyKey: Type.Optional(IdempotencyKey),
});
export type RefundInput = Static<typeof RefundBody>;

export const ReasonBody = StrictObject({ reason: Reason, idempotencyKey: Type.Optional(IdempotencyKey) });
export type ReasonInput = Static<typeof ReasonBody>;

export const CreditNoteBody = StrictObject({ amountCents: PositiveCents, reason: Reason });
export type CreditNoteInput = Static<typeof CreditNoteBody>;

export const ChargeToAccountBody = StrictObject({
  termsDays: Type.Integer({ minimum: 0, maximum: 180, default: 30 }),
});

export const DepositListSchema = Type.Object({
  items: Type.Array(PaymentSchema, {
    description:
      'Deposits taken on the repair order, oldest first: invoiceId null = not yet applied (void ones included, status says)',
  }),
});

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(IdempotencyKey),
});

export const AgingQuery = StrictObject({ asOf: Type.Optional(IsoDateTime) });
const Buckets = Type.Object({
  current: Type.Integer(),
  days1to30: Type.Integer(),
  days31to60: Type.Integer(),
  days61to90: Type.Integer(),
  over90: Type.Integer(),
  totalCents: Type.Integer(),
});
export const AgingInvoiceSchema = Type.Object({
  invoiceId: Uuid,
  number: Type.Integer(),
  customerId: Uuid,
  customerName: Type.String(),
  dueAt: IsoDateTime,
  /** Whole days past the due date as of `asOf`; 0 while not yet due. */
  daysPastDue: Type.Integer({ minimum: 0 }),
  balanceCents: Type.Integer(),
  onAccount: Type.Boolean(),
});
export type AgingInvoice = Static<typeof AgingInvoiceSchema>;
const AgingInvoiceList = Type.Array(AgingInvoiceSchema, { description: 'Oldest due first' });
export const AgingSchema = Type.Object({
  asOf: IsoDateTime,
  totals: Buckets,
  customers: Type.Array(
    Type.Intersect([Type.Object({ customerId: Uuid, customerName: Type.String() }), Buckets]),
  ),
  /** Every open invoice with a balance, in the bucket its days past due put it in. */
  invoices: Type.Object({
    current: AgingInvoiceList,
    days1to30: AgingInvoiceList,
    days31to60: AgingInvoiceList,
    days61to90: AgingInvoiceList,
    over90: AgingInvoiceList,
  }),
});
export type Aging = Static<typeof AgingSchema>;
