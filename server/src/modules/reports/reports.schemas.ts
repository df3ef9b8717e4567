import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Nullable, StrictObject, StringEnum, Uuid } from '../../lib/schema.js';
import { PERIODS, type Period } from './periods.js';

function localDate(description = "A day in the shop's time zone, YYYY-MM-DD") {
  return Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description });
}
const LocalDate = localDate();
const Cents = Type.Integer({ description: 'Integer cents' });
const Hours = Type.Number({ description: 'Hours, rounded to 2 decimals' });
const Percent = Nullable(
  Type.Number({
    description: 'A percentage: 62.5 means 62.5 % (numerator ÷ denominator × 100); null when ÷ 0',
  }),
);

export const RangeQuery = StrictObject({
  from: localDate('First day, inclusive (shop time zone), YYYY-MM-DD'),
  to: localDate('Last day, inclusive (shop time zone), YYYY-MM-DD'),
});
export type RangeInput = Static<typeof RangeQuery>;

export const KpiQuery = StrictObject({
  from: RangeQuery.properties.from,
  to: RangeQuery.properties.to,
  period: Type.Optional(
    StringEnum<Period>(PERIODS, {
      description: 'Bucket size: a day, an ISO week (Monday to Sunday) or a calendar month. Default month.',
      default: 'month',
    }),
  ),
});
export type KpiInput = Static<typeof KpiQuery>;

export const EndOfDayQuery = StrictObject({
  date: localDate('The business day (shop time zone), YYYY-MM-DD'),
  openingFloatCents: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 10_000_000,
      description: 'Cash in the drawer when the day began; 0 when not given (no setting holds a float)',
    }),
  ),
});
export type EndOfDayInput = Static<typeof EndOfDayQuery>;

export const BucketSchema = Type.Object({
  key: Type.String({ description: "'2026-11-23' (day), '2026-W48' (ISO week), '2026-11' (month)" }),
  label: Type.String(),
  from: LocalDate,
  to: LocalDate,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
});

export const METRIC_UNITS = ['cents', 'count', 'percent', 'hours', 'cents_per_hour', 'ratio'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

export const MetricValueSchema = Type.Object({
  value: Nullable(Type.Number()),
  numerator: Nullable(Type.Number()),
  denominator: Nullable(Type.Number()),
});
export type MetricValue = Static<typeof MetricValueSchema>;

export const MetricSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  unit: StringEnum(METRIC_UNITS, {
    description:
      "How to show `value`. 'percent': 62.5 means 62.5 %. 'hours': decimal hours. 'cents_per_hour': cents per billed hour.",
  }),
  formula: Type.String({
    description: 'The formula as the owner reads it, e.g. "RO sales before tax ÷ ROs closed"',
  }),
  numeratorLabel: Type.String(),
  numeratorUnit: StringEnum(METRIC_UNITS),
  denominatorLabel: Nullable(Type.String()),
  denominatorUnit: Nullable(StringEnum(METRIC_UNITS)),
  total: MetricValueSchema,
  values: Type.Array(MetricValueSchema, { description: 'One per bucket, in bucket order' }),
});
export type Metric = Static<typeof MetricSchema>;

export const KpiReportSchema = Type.Object({
  from: LocalDate,
  to: LocalDate,
  period: StringEnum(PERIODS),
  timeZone: Type.String(),
  generatedAt: IsoDateTime,
  buckets: Type.Array(BucketSchema),
  metrics: Type.Array(MetricSchema),
  notes: Type.Array(Type.String(), { description: 'Definitions the numbers rest on' }),
});
export type KpiReport = Static<typeof KpiReportSchema>;

const TechnicianNumbers = {
  billedHours: Hours,
  clockedHours: Hours,
  availableHours: Hours,
  efficiency: Percent,
  productivity: Percent,
  proficiency: Percent,
  laborSalesCents: Cents,
  payCents: Cents,
};

export const TechnicianRowSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  active: Type.Boolean(),
  payBasis: StringEnum(['hourly', 'flat_rate'] as const),
  payRateCents: Cents,
  ...TechnicianNumbers,
});

export const TechniciansReportSchema = Type.Object({
  from: LocalDate,
  to: LocalDate,
  timeZone: Type.String(),
  generatedAt: IsoDateTime,
  formulas: Type.Object({
    billedHours: Type.String(),
    clockedHours: Type.String(),
    availableHours: Type.String(),
    efficiency: Type.String(),
    productivity: Type.String(),
    proficiency: Type.String(),
    laborSales: Type.String(),
    pay: Type.String(),
  }),
  technicians: Type.Array(TechnicianRowSchema),
  unassigned: Type.Object(
    { billedHours: Hours, laborSalesCents: Cents },
    { description: 'Labor billed on jobs nobody clocked and nobody was assigned to' },
  ),
  totals: Type.Object(TechnicianNumbers, { description: 'The whole shop, unassigned labor included' }),
});
export type TechniciansReport = Static<typeof TechniciansReportSchema>;

export const InventoryReportSchema = Type.Object({
  from: LocalDate,
  to: LocalDate,
  timeZone: Type.String(),
  generatedAt: IsoDateTime,
  valueNowCents: Cents,
  itemsInStockNow: Type.Integer(),
  valueAtStartCents: Cents,
  valueAtEndCents: Cents,
  averageValueCents: Cents,
  issuedCostCents: Cents,
  days: Type.Integer(),
  turns: Nullable(Type.Number({ description: 'Annualized: issued cost ÷ average value × 365 ÷ days' })),
  turnsInPeriod: Nullable(Type.Number({ description: 'Not annualized: issued cost ÷ average value' })),
  formulas: Type.Object({
    value: Type.String(),
    valueAt: Type.String(),
    issuedCost: Type.String(),
    averageValue: Type.String(),
    turns: Type.String(),
  }),
});
export type InventoryReport = Static<typeof InventoryReportSchema>;

const PaymentLine = Type.Object({
  id: Uuid,
  kind: StringEnum(['payment', 'deposit', 'refund'] as const),
  method: StringEnum(['cash', 'card', 'check'] as const),
  amountCents: Cents,
  invoiceNumber: Nullable(Type.Integer()),
  customerName: Nullable(Type.String()),
  cardReference: Nullable(Type.String()),
  checkNumber: Nullable(Type.String()),
  receivedAt: IsoDateTime,
});

const MethodTotals = Type.Object({
  count: Type.Integer({ description: 'Payments and deposits taken' }),
  paymentsCents: Cents,
  refundCount: Type.Integer(),
  refundsCents: Cents,
  netCents: Cents,
});

export const EndOfDayReportSchema = Type.Object({
  date: LocalDate,
  timeZone: Type.String(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  generatedAt: IsoDateTime,
  methods: Type.Array(
    Type.Intersect([Type.Object({ method: StringEnum(['cash', 'card', 'check'] as const) }), MethodTotals]),
  ),
  totals: MethodTotals,
  deposits: Type.Object({ count: Type.Integer(), amountCents: Cents, items: Type.Array(PaymentLine) }),
  cardPayments: Type.Array(PaymentLine, {
    description: 'Card payments and refunds with terminal references',
  }),
  voidedPayments: Type.Array(
    Type.Object({
      ...PaymentLine.properties,
      voidedAt: IsoDateTime,
      voidReason: Nullable(Type.String()),
    }),
    { description: 'Payments voided during the day (whenever received); not in the totals' },
  ),
  invoicesIssued: Type.Object({
    count: Type.Integer(),
    totalCents: Cents,
    items: Type.Array(
      Type.Object({
        id: Uuid,
        number: Type.Integer(),
        customerName: Type.String(),
        totalCents: Cents,
        balanceCents: Cents,
        onAccount: Type.Boolean(),
        status: StringEnum(['issued', 'paid'] as const),
      }),
    ),
  }),
  chargedToAccount: Type.Object({
    count: Type.Integer(),
    amountCents: Cents,
    items: Type.Array(
      Type.Object({
        invoiceId: Uuid,
        invoiceNumber: Type.Integer(),
        customerName: Type.String(),
        balanceCents: Cents,
        dueAt: IsoDateTime,
      }),
    ),
  }),
  cash: Type.Object({
    openingFloatCents: Cents,
    openingFloatSource: StringEnum(['query', 'none'] as const, {
      description:
        "'query': given as openingFloatCents; 'none': not given, taken as 0 (no setting holds one)",
    }),
    cashInCents: Cents,
    cashRefundedCents: Cents,
    expectedCents: Cents,
    formula: Type.String(),
  }),
});
export type EndOfDayReport = Static<typeof EndOfDayReportSchema>;

export const CsvSchema = Type.String({ description: 'text/csv (RFC 4180), money in decimal dollars' });
export const IifSchema = Type.String({ description: 'QuickBooks Desktop IIF (tab-separated)' });
