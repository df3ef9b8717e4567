import { Type, type Static } from '@sinclair/typebox';
import { JOB_STATUSES, type JobStatus } from '../../db/schema.js';
import type { ApprovalMethod, ApprovalState, RepairOrderStatus } from '../../db/tables/repair-orders.js';
import {
  ChangeOf,
  IsoDateTime,
  Nullable,
  StrictObject,
  StringEnum,
  Uuid,
  Version,
} from '../../lib/schema.js';
import { VersionedRecordFields } from '../../lib/record-fields.js';
import { MAX_QUERY_INTEGER, pageLimit } from '../../lib/paging.js';
import { VehicleSummarySchema } from '../vehicles/vehicles.schemas.js';
import { LINE_KINDS } from './totals.js';

const REPAIR_ORDER_STATUSES: readonly RepairOrderStatus[] = [
  'estimate',
  'open',
  'invoiced',
  'closed',
  'void',
];
const APPROVAL_STATES: readonly ApprovalState[] = ['recommended', 'approved', 'declined', 'deferred'];
const APPROVAL_METHODS: readonly ApprovalMethod[] = ['in_person', 'phone', 'link', 'text', 'email'];
const OPEN_JOB_STATUSES: readonly JobStatus[] = JOB_STATUSES.filter((s) => s !== 'Paid');

const Concern = Type.String({ minLength: 1, maxLength: 2000 });
const Concerns = Type.Array(Concern, {
  maxItems: 50,
  description: "The customer's concerns in their own words; each becomes a job.",
});
const Title = Type.String({ minLength: 1, maxLength: 200 });
const ThreeC = Type.String({ maxLength: 4000 });
const Cents = Type.Integer({ minimum: 0, maximum: 10_000_000, description: 'integer cents' });
const Quantity = Type.Number({
  exclusiveMinimum: 0,
  maximum: 100_000,
  description: 'Hours (labor) or units, > 0 with at most 3 decimals: 1.5 = an hour and a half.',
});
const Description = Type.String({ minLength: 1, maxLength: 500 });
const PartNumber = Type.String({ minLength: 1, maxLength: 60 });
const Reason = Type.String({ minLength: 1, maxLength: 500 });
const Limit = pageLimit({ maximum: 200, default: 50 });

// ---------------------------------------------------------------- totals

const KindAmountsSchema = Type.Object({
  labor: Type.Integer(),
  part: Type.Integer(),
  fee: Type.Integer(),
  sublet: Type.Integer(),
});
const TotalsBlockSchema = Type.Object({
  subtotals: KindAmountsSchema,
  subtotalCents: Type.Integer(),
  shopSuppliesCents: Type.Integer(),
  taxes: KindAmountsSchema,
  taxCents: Type.Integer(),
  totalCents: Type.Integer(),
});
export const RepairOrderTotalsSchema = Type.Object(
  { approved: TotalsBlockSchema, estimate: TotalsBlockSchema },
  {
    description:
      'approved: the authorized lines (what billing invoices); estimate: recommended + approved lines. Integer cents.',
  },
);

// ---------------------------------------------------------------- line items

export const LineSchema = Type.Object({
  id: Uuid,
  jobId: Uuid,
  kind: StringEnum(LINE_KINDS),
  description: Type.String(),
  quantity: Type.Number(),
  unitPriceCents: Type.Integer(),
  unitCostCents: Type.Integer(),
  taxable: Type.Boolean(),
  inventoryItemId: Nullable(Uuid),
  partNumber: Nullable(Type.String()),
  amountCents: Type.Integer({ description: 'round-half-up(quantity × unit price)' }),
  approvalState: StringEnum(APPROVAL_STATES),
  approvalMethod: Nullable(StringEnum(APPROVAL_METHODS)),
  approvalBy: Nullable(Type.String({ description: 'Who decided: the customer, or who took the call' })),
  approvalAt: Nullable(IsoDateTime),
  approvalRecordedBy: Nullable(Uuid),
  approvalReason: Nullable(Type.String()),
  sortOrder: Type.Integer(),
  ...VersionedRecordFields,
});
export type Line = Static<typeof LineSchema>;

const LineFields = {
  description: Description,
  quantity: Quantity,
  unitPriceCents: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 10_000_000,
      description: 'Labor defaults to the shop labor rate, a stock part to its sell price.',
    }),
  ),
  unitCostCents: Type.Optional(Cents),
  taxable: Type.Optional(Type.Boolean({ description: 'Default true' })),
  inventoryItemId: Type.Optional(Uuid),
  partNumber: Type.Optional(PartNumber),
};

export const CreateLineBody = StrictObject({ kind: StringEnum(LINE_KINDS), ...LineFields });
export type CreateLineInput = Static<typeof CreateLineBody>;

export const UpdateLineBody = StrictObject({
  version: Version,
  description: Type.Optional(Description),
  quantity: Type.Optional(Quantity),
  unitPriceCents: Type.Optional(Cents),
  unitCostCents: Type.Optional(Cents),
  taxable: Type.Optional(Type.Boolean()),
  inventoryItemId: Type.Optional(Nullable(Uuid)),
  partNumber: Type.Optional(Nullable(PartNumber)),
});
export type UpdateLineInput = Static<typeof UpdateLineBody>;

// ---------------------------------------------------------------- service jobs

const JobSubtotalsSchema = Type.Object({
  estimateCents: Type.Integer({ description: 'recommended + approved lines, before fees and tax' }),
  approvedCents: Type.Integer({ description: 'approved lines, before fees and tax' }),
});

export const JobSchema = Type.Object({
  id: Uuid,
  repairOrderId: Uuid,
  repairOrderNumber: Type.Integer(),
  vehicleId: Uuid,
  title: Type.String(),
  concern: Type.String(),
  cause: Type.String(),
  correction: Type.String(),
  status: StringEnum(JOB_STATUSES),
  blockedReason: Nullable(Type.String()),
  statusChangedAt: Nullable(IsoDateTime),
  technicianId: Nullable(Uuid),
  technicianName: Nullable(Type.String()),
  bayId: Nullable(Uuid),
  bayName: Nullable(Type.String()),
  scheduledStart: Nullable(IsoDateTime),
  estimatedEnd: Nullable(IsoDateTime),
  actualStart: Nullable(IsoDateTime),
  actualEnd: Nullable(IsoDateTime),
  cannedJobId: Nullable(Uuid),
  sortOrder: Type.Integer(),
  ...VersionedRecordFields,
  lines: Type.Array(LineSchema),
  subtotals: JobSubtotalsSchema,
});
export type Job = Static<typeof JobSchema>;

export const CreateJobBody = StrictObject({
  title: Type.Optional(Title),
  concern: Type.Optional(ThreeC),
  cannedJobId: Type.Optional(
    Type.String({
      format: 'uuid',
      description: 'Start from a canned job: its title, concern and lines are copied.',
    }),
  ),
  technicianId: Type.Optional(Uuid),
  bayId: Type.Optional(Uuid),
  scheduledStart: Type.Optional(IsoDateTime),
  estimatedEnd: Type.Optional(IsoDateTime),
});
export type CreateJobInput = Static<typeof CreateJobBody>;

export const UpdateJobBody = StrictObject({
  version: Version,
  title: Type.Optional(Title),
  concern: Type.Optional(ThreeC),
  cause: Type.Optional(ThreeC),
  correction: Type.Optional(ThreeC),
  technicianId: Type.Optional(Nullable(Uuid)),
  bayId: Type.Optional(Nullable(Uuid)),
  scheduledStart: Type.Optional(Nullable(IsoDateTime)),
  estimatedEnd: Type.Optional(Nullable(IsoDateTime)),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
});
export type UpdateJobInput = Static<typeof UpdateJobBody>;

export const JobStatusBody = StrictObject({
  status: StringEnum(JOB_STATUSES),
  reason: Type.Optional(Reason),
  /** Completing a job whose parts would take stock below zero needs this (audited). */
  stockOverrideReason: Type.Optional(Reason),
  /** Completing a job may write its cause and correction in the same step (the 3C's last two). */
  cause: Type.Optional(ThreeC),
  correction: Type.Optional(ThreeC),
  version: Version,
});
export type JobStatusInput = Static<typeof JobStatusBody>;

export const JobBoardQuery = StrictObject({
  status: Type.Optional(Type.Array(StringEnum(OPEN_JOB_STATUSES), { maxItems: 4 })),
  technicianId: Type.Optional(Uuid),
  bayId: Type.Optional(Uuid),
});
export type JobBoardFilters = Static<typeof JobBoardQuery>;

export const BoardItemSchema = Type.Object({
  jobId: Uuid,
  repairOrderId: Uuid,
  repairOrderNumber: Type.Integer(),
  title: Type.String(),
  status: StringEnum(OPEN_JOB_STATUSES),
  statusChangedAt: Nullable(IsoDateTime),
  blockedReason: Nullable(Type.String()),
  customer: Type.Object({ id: Uuid, name: Type.String() }),
  vehicle: VehicleSummarySchema,
  vehicleSummary: Type.String({ description: 'e.g. "2018 Honda Civic · ABC1234"' }),
  technician: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  bay: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  scheduledStart: Nullable(IsoDateTime),
  estimatedEnd: Nullable(IsoDateTime),
  promisedAt: Nullable(IsoDateTime),
  waiter: Type.Boolean(),
  overdue: Type.Boolean({ description: 'Promised time has passed and the job is not completed' }),
  workGate: Type.Object(
    {
      state: StringEnum(['approved', 'diagnosis', 'approval-required', 'diagnosis-time-used'] as const),
      start: Type.Boolean({ description: 'May move to In_Progress (start, resume)' }),
      complete: Type.Boolean({ description: 'May move to Completed' }),
      reason: Nullable(
        Type.String({ description: 'Why a move is held, or what the diagnosis allowance leaves' }),
      ),
    },
    { description: 'Work follows approval: what the status change will allow for this job' },
  ),
  completion: Type.Object({
    ask: StringEnum(['required', 'asked', 'off'] as const),
    missing: Type.Array(StringEnum(['cause', 'correction'] as const)),
  }),
  version: Type.Integer(),
});
export type BoardItem = Static<typeof BoardItemSchema>;
export const BoardSchema = Type.Object({ items: Type.Array(BoardItemSchema) });

// ---------------------------------------------------------------- repair orders

export const RepairOrderSummarySchema = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  status: StringEnum(REPAIR_ORDER_STATUSES),
  customer: Type.Object({ id: Uuid, name: Type.String() }),
  vehicle: VehicleSummarySchema,
  concerns: Type.Array(Type.String()),
  odometerIn: Nullable(Type.Integer()),
  odometerOut: Nullable(Type.Integer({ description: 'When the vehicle went back; printed on the invoice' })),
  promisedAt: Nullable(IsoDateTime),
  waiter: Type.Boolean(),
  keyTag: Nullable(Type.String()),
  notes: Type.String(),
  appointmentId: Nullable(Uuid),
  advisorUserId: Nullable(Uuid),
  openedAt: IsoDateTime,
  closedAt: Nullable(IsoDateTime),
  ...VersionedRecordFields,
});
export type RepairOrderSummary = Static<typeof RepairOrderSummarySchema>;

export const RepairOrderSchema = Type.Composite([
  RepairOrderSummarySchema,
  Type.Object({ jobs: Type.Array(JobSchema), totals: RepairOrderTotalsSchema }),
]);
export type RepairOrder = Static<typeof RepairOrderSchema>;

/** What it takes to open a repair order (check-in, or an appointment's arrival). */
export const CreateRepairOrderBody = StrictObject({
  customerId: Uuid,
  vehicleId: Uuid,
  concerns: Concerns,
  odometerIn: Type.Optional(Type.Integer({ minimum: 0, maximum: 9_999_999 })),
  promisedAt: Type.Optional(IsoDateTime),
  waiter: Type.Optional(Type.Boolean()),
  appointmentId: Type.Optional(Uuid),
  keyTag: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  notes: Type.Optional(Type.String({ maxLength: 4000 })),
});
export type CreateRepairOrderInput = Static<typeof CreateRepairOrderBody>;

export const UpdateRepairOrderBody = StrictObject({
  version: Version,
  concerns: Type.Optional(Concerns),
  odometerOut: Type.Optional(
    Nullable(Type.Integer({ minimum: 0, maximum: 9_999_999, description: 'Not below odometerIn' })),
  ),
  promisedAt: Type.Optional(Nullable(IsoDateTime)),
  waiter: Type.Optional(Type.Boolean()),
  keyTag: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 20 }))),
  notes: Type.Optional(Type.String({ maxLength: 4000 })),
});
export type UpdateRepairOrderInput = Static<typeof UpdateRepairOrderBody>;

export const RepairOrderListQuery = StrictObject({
  status: Type.Optional(StringEnum(REPAIR_ORDER_STATUSES)),
  customerId: Type.Optional(Uuid),
  vehicleId: Type.Optional(Uuid),
  limit: Limit,
  before: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_QUERY_INTEGER,
      description: 'Repair-order number: pass nextBefore for the next page',
    }),
  ),
});
export type RepairOrderListFilters = Static<typeof RepairOrderListQuery>;

export const RepairOrderPageSchema = Type.Object({
  items: Type.Array(RepairOrderSummarySchema),
  nextBefore: Nullable(Type.Integer({ description: 'Pass as `before` for the next (older) page.' })),
});

// ---------------------------------------------------------------- approvals

export const ApprovalsBody = StrictObject({
  method: StringEnum(APPROVAL_METHODS),
  approvedBy: Type.String({
    minLength: 1,
    maxLength: 120,
    description: 'Who decided: the customer, or the person authorized on a fleet account',
  }),
  decisions: Type.Array(
    StrictObject({
      lineId: Uuid,
      state: StringEnum(['approved', 'declined', 'deferred'] as const),
      reason: Type.Optional(Reason),
      version: Type.Optional(Version),
    }),
    { minItems: 1, maxItems: 500 },
  ),
});
export type ApprovalsInput = Static<typeof ApprovalsBody>;

// ---------------------------------------------------------------- canned jobs

export const CannedLineSchema = Type.Object({
  kind: StringEnum(LINE_KINDS),
  description: Type.String(),
  quantity: Type.Number(),
  unitPriceCents: Nullable(
    Type.Integer({ description: 'null: labor at the shop rate, a stock part at its sell price' }),
  ),
  unitCostCents: Nullable(Type.Integer({ description: 'null: a stock part at its cost, else 0' })),
  taxable: Type.Boolean(),
  inventoryItemId: Nullable(Uuid),
  partNumber: Nullable(Type.String()),
});
export type CannedLine = Static<typeof CannedLineSchema>;

export const CannedLineInput = StrictObject({ kind: StringEnum(LINE_KINDS), ...LineFields });
export type CannedLineInputType = Static<typeof CannedLineInput>;
const CannedLines = Type.Array(CannedLineInput, { maxItems: 100 });

export const CannedJobSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  title: Type.String(),
  concern: Type.String(),
  lines: Type.Array(CannedLineSchema),
  active: Type.Boolean(),
  ...VersionedRecordFields,
});
export type CannedJob = Static<typeof CannedJobSchema>;

const CannedName = Type.String({ minLength: 1, maxLength: 120 });

export const CreateCannedJobBody = StrictObject({
  name: CannedName,
  title: Title,
  concern: Type.Optional(ThreeC),
  lines: Type.Optional(CannedLines),
});
export type CreateCannedJobInput = Static<typeof CreateCannedJobBody>;

export const UpdateCannedJobBody = ChangeOf(CreateCannedJobBody, { more: { active: Type.Boolean() } });
export type UpdateCannedJobInput = Static<typeof UpdateCannedJobBody>;

export const CannedJobListQuery = StrictObject({
  includeInactive: Type.Boolean({ default: false }),
});
export const CannedJobListSchema = Type.Object({ items: Type.Array(CannedJobSchema) });
export const StarterSetResultSchema = Type.Object({
  created: Type.Array(CannedJobSchema, {
    description: 'The starter jobs added now (empty when all were there)',
  }),
});
