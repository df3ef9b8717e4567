import { Type, type Static } from '@sinclair/typebox';
import type { ApprovalRequestStatus } from '../../db/tables/approvals.js';
import { IsoDateTime, Nullable, StrictObject, StringEnum, Uuid } from '../../lib/schema.js';
import { CustomerInspectionSchema } from '../inspections/inspections.schemas.js';

const REQUEST_STATUSES: readonly ApprovalRequestStatus[] = ['pending', 'submitted', 'revoked', 'superseded'];
const LINE_KINDS = ['labor', 'part', 'fee', 'sublet'] as const;
const DECISIONS = ['approved', 'declined'] as const;
export type CustomerDecision = (typeof DECISIONS)[number];
const CUSTOMER_CHANNELS = ['email', 'sms'] as const;
export type CustomerChannel = (typeof CUSTOMER_CHANNELS)[number];

/** Largest signature accepted, as a PNG data URL (the decoded PNG is re-encoded and bounded). */
export const SIGNATURE_MAX_CHARS = 700_000;

// ---------------------------------------------------------------- the snapshot

/**
 * Exactly what the customer is shown, stored as JSON text on the request; its sha256 is the
 * `snapshotHash` recorded in the audit log with the customer's decisions.
 */
export const SnapshotLineSchema = Type.Object({
  lineId: Uuid,
  version: Type.Integer({ description: 'The line version the customer was shown' }),
  kind: StringEnum(LINE_KINDS),
  description: Type.String(),
  quantity: Type.Number(),
  unitPriceCents: Type.Integer(),
  amountCents: Type.Integer(),
  taxable: Type.Boolean(),
});
export type SnapshotLine = Static<typeof SnapshotLineSchema>;

export const SnapshotJobSchema = Type.Object({
  jobId: Uuid,
  title: Type.String(),
  concern: Type.String(),
  lines: Type.Array(SnapshotLineSchema),
  amountCents: Type.Integer({ description: 'The lines to decide, before tax and shop supplies' }),
});
export type SnapshotJob = Static<typeof SnapshotJobSchema>;

const ShopSchema = Type.Object({ name: Type.String(), phone: Type.String(), address: Type.String() });
const CustomerVehicleSchema = Type.Object({
  year: Nullable(Type.Integer()),
  make: Nullable(Type.String()),
  model: Nullable(Type.String()),
  licensePlate: Nullable(Type.String()),
});
const TotalsSchema = Type.Object({
  approvedCents: Type.Integer({ description: 'Work already approved, with tax and shop supplies' }),
  estimateCents: Type.Integer({
    description: 'Everything approved plus everything recommended, with tax and shop supplies',
  }),
});

export const ChargeSchema = Type.Object(
  {
    subtotalCents: Type.Integer(),
    shopSuppliesCents: Type.Integer(),
    taxCents: Type.Integer(),
    totalCents: Type.Integer({ description: 'What the invoice will charge, tax included' }),
  },
  { description: "Computed by the invoice's own function (billing/invoice-math), without discounts" },
);
export type Charge = Static<typeof ChargeSchema>;

export interface Snapshot {
  format: 1;
  repairOrder: { id: string; number: number };
  shop: Static<typeof ShopSchema>;
  customerName: string;
  vehicle: Static<typeof CustomerVehicleSchema>;
  message: string;
  sentAt: string;
  expiresAt: string;
  /** Jobs with recommended lines: what the customer decides on. */
  jobs: SnapshotJob[];
  /** Work already approved before the link was sent (context: the car came in for it). */
  approvedWork: { jobId: string; title: string; amountCents: number }[];
  totals: Static<typeof TotalsSchema>;
  inspections: Static<typeof CustomerInspectionSchema>[];
}

// ---------------------------------------------------------------- staff side

export const SendApprovalRequestBody = StrictObject({
  message: Type.Optional(
    Type.String({ maxLength: 1000, description: 'A note shown to the customer above the estimate' }),
  ),
  expiresInHours: Type.Integer({
    minimum: 1,
    maximum: 720,
    default: 72,
    description: 'The link stops working after this many hours (default 72).',
  }),
  channels: Type.Optional(
    Type.Array(StringEnum(CUSTOMER_CHANNELS), {
      maxItems: 2,
      uniqueItems: true,
      description:
        "How to send the link. Absent: by the customer's preferences. Empty: do not send; the advisor shares the link.",
    }),
  ),
});
export type SendApprovalRequestInput = Static<typeof SendApprovalRequestBody>;

export const RequestParams = StrictObject({ id: Uuid, requestId: Uuid });

const RequestLineSchema = Type.Object({
  lineId: Uuid,
  jobId: Uuid,
  jobTitle: Type.String(),
  description: Type.String(),
  amountCents: Type.Integer(),
  versionSent: Type.Integer(),
  changedSinceSent: Type.Boolean({
    description: 'The line was edited, removed or decided otherwise after the link was sent',
  }),
  decision: Nullable(StringEnum(DECISIONS)),
  outcome: Nullable(StringEnum(['recorded', 'line_changed'] as const)),
});

export const ApprovalRequestSchema = Type.Object({
  id: Uuid,
  repairOrderId: Uuid,
  status: StringEnum(REQUEST_STATUSES),
  expired: Type.Boolean({ description: 'Pending, but its time is up: the link no longer works' }),
  message: Type.String(),
  snapshotHash: Type.String(),
  sentBy: Nullable(Uuid),
  sentAt: IsoDateTime,
  expiresAt: IsoDateTime,
  firstViewedAt: Nullable(IsoDateTime),
  lastViewedAt: Nullable(IsoDateTime),
  submittedAt: Nullable(IsoDateTime),
  signerName: Nullable(Type.String()),
  signatureHash: Nullable(Type.String()),
  clientIp: Nullable(Type.String()),
  clientUserAgent: Nullable(Type.String()),
  revokedAt: Nullable(IsoDateTime),
  revokedBy: Nullable(Uuid),
  totalCents: Type.Integer({ description: 'The recommended work sent, before tax' }),
  lines: Type.Array(RequestLineSchema),
});
export type ApprovalRequest = Static<typeof ApprovalRequestSchema>;

export const ApprovalRequestListSchema = Type.Object({ items: Type.Array(ApprovalRequestSchema) });

export const SentApprovalRequestSchema = Type.Composite([
  ApprovalRequestSchema,
  Type.Object({
    link: Type.String({ description: 'The customer link /r/<token>: shown once, never stored' }),
    qrCode: Type.String({
      description: "The link as a QR code (PNG data URL) for the customer's phone camera: shown once too",
    }),
    delivery: Type.Object(
      {
        queued: Type.Array(Type.Object({ channel: Type.String(), recipient: Type.String() })),
        notSent: Type.Array(
          Type.Object({ channel: Type.String(), recipient: Type.String(), reason: Type.String() }),
          { description: 'Written but not sent: the channel is not set up ("SMS not set up")' },
        ),
        skipped: Type.Array(Type.Object({ channel: Type.String(), reason: Type.String() })),
      },
      {
        description:
          'The "estimate ready" message: queued per channel (recipient masked), not sent because the channel is not set up, or why a channel was skipped',
      },
    ),
  }),
]);
export type SentApprovalRequest = Static<typeof SentApprovalRequestSchema>;

// ---------------------------------------------------------------- the customer's page

export const TokenParams = StrictObject({ token: Type.String({ minLength: 1, maxLength: 200 }) });
export const TokenMediaParams = StrictObject({
  token: Type.String({ minLength: 1, maxLength: 200 }),
  hash: Type.String({ minLength: 1, maxLength: 200 }),
});

const PublicLineSchema = Type.Object({
  lineId: Uuid,
  kind: StringEnum(LINE_KINDS),
  description: Type.String(),
  quantity: Type.Number(),
  amountCents: Type.Integer(),
  changed: Type.Boolean({
    description: 'Changed by the shop after sending: it cannot be decided here; the shop will call',
  }),
});

const PublicJobSchema = Type.Object({
  jobId: Uuid,
  title: Type.String(),
  concern: Type.String(),
  amountCents: Type.Integer(),
  decidable: Type.Boolean({ description: 'False when every line of the job changed after sending' }),
  lines: Type.Array(PublicLineSchema),
});

export const PublicApprovalSchema = Type.Object({
  status: Type.Literal('pending'),
  shop: ShopSchema,
  customerName: Type.String(),
  vehicle: CustomerVehicleSchema,
  repairOrderNumber: Type.Integer(),
  message: Type.String(),
  sentAt: IsoDateTime,
  expiresAt: IsoDateTime,
  timeZone: Type.String({ description: "The shop's IANA time zone: times on the page are the shop's" }),
  snapshotHash: Type.String({ description: 'Fingerprint of this estimate version' }),
  jobs: Type.Array(PublicJobSchema),
  approvedWork: Type.Array(Type.Object({ jobId: Uuid, title: Type.String(), amountCents: Type.Integer() })),
  totals: TotalsSchema,
  ifAllApproved: Type.Composite([ChargeSchema], {
    description: 'The invoice if the customer approves every job on this page (plus work already approved)',
  }),
  inspections: Type.Array(CustomerInspectionSchema),
});
export type PublicApproval = Static<typeof PublicApprovalSchema>;

export const SubmitApprovalBody = StrictObject({
  signerName: Type.String({ minLength: 1, maxLength: 120, description: 'The name of who signs' }),
  signature: Type.String({
    minLength: 30,
    maxLength: SIGNATURE_MAX_CHARS,
    pattern: '^data:image/png;base64,',
    description: 'The drawn signature as a PNG data URL',
  }),
  decisions: Type.Array(StrictObject({ lineId: Uuid, decision: StringEnum(DECISIONS) }), {
    minItems: 1,
    maxItems: 500,
  }),
});
export type SubmitApprovalInput = Static<typeof SubmitApprovalBody>;

export const SubmittedApprovalSchema = Type.Object({
  status: Type.Literal('submitted'),
  submittedAt: IsoDateTime,
  signerName: Type.String(),
  shop: ShopSchema,
  repairOrderNumber: Type.Integer(),
  results: Type.Array(
    Type.Object({
      lineId: Uuid,
      jobId: Uuid,
      description: Type.String(),
      amountCents: Type.Integer(),
      decision: StringEnum(DECISIONS),
      outcome: StringEnum(['recorded', 'line_changed'] as const, {
        description: 'line_changed: the shop changed this line after sending; the decision was not applied',
      }),
    }),
  ),
  approvedCents: Type.Integer({ description: 'Approved and recorded, before tax' }),
  declinedCents: Type.Integer(),
  notApplied: Type.Integer({ description: 'Decisions not applied because the line had changed' }),
  approvedWithTax: Type.Composite([ChargeSchema], {
    description: 'All approved work on the repair order as the invoice will charge it, tax included',
  }),
});
export type SubmittedApproval = Static<typeof SubmittedApprovalSchema>;

// ---------------------------------------------------------------- deferred work

export const DeferredWorkSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      lineId: Uuid,
      jobId: Uuid,
      jobTitle: Type.String(),
      repairOrderId: Uuid,
      repairOrderNumber: Type.Integer(),
      kind: StringEnum(LINE_KINDS),
      description: Type.String(),
      amountCents: Type.Integer(),
      state: StringEnum(['declined', 'deferred'] as const),
      reason: Nullable(Type.String()),
      decidedBy: Nullable(Type.String()),
      method: Nullable(Type.String()),
      decidedAt: Nullable(IsoDateTime),
      repairOrderOpenedAt: IsoDateTime,
    }),
  ),
  totalCents: Type.Integer(),
});
export type DeferredWork = Static<typeof DeferredWorkSchema>;
