import type { Metric, MetricUnit, MetricValue } from './reports.schemas.js';

/**
 * The owner's numbers, pure: each KPI is a numerator and a denominator added up per bucket, and
 * its value is computed from them (never an average of averages). See README.md for definitions.
 */
export interface Tally {
  repairOrders: number;
  vehicles: number;
  subtotalCents: number;
  discountCents: number;
  shopSuppliesCents: number;
  laborSalesCents: number;
  partsSalesCents: number;
  feeSalesCents: number;
  subletSalesCents: number;
  partsCostCents: number;
  /** Part lines invoiced with no cost (unit cost 0): left out of gross profit, never 100 %. */
  partsCostMissingLines: number;
  /** Their sales (after discounts). */
  partsCostMissingSalesCents: number;
  subletCostCents: number;
  /** Unrounded: rounded when shown. */
  technicianPayCents: number;
  billedMilli: number;
  clockedMs: number;
  availableMs: number;
  approvedCents: number;
  presentedCents: number;
  jobsApproved: number;
  jobsPresented: number;
  cycleMs: number;
  cycleCount: number;
}

export function emptyKpiTally(): Tally {
  return {
    repairOrders: 0,
    vehicles: 0,
    subtotalCents: 0,
    discountCents: 0,
    shopSuppliesCents: 0,
    laborSalesCents: 0,
    partsSalesCents: 0,
    feeSalesCents: 0,
    subletSalesCents: 0,
    partsCostCents: 0,
    partsCostMissingLines: 0,
    partsCostMissingSalesCents: 0,
    subletCostCents: 0,
    technicianPayCents: 0,
    billedMilli: 0,
    clockedMs: 0,
    availableMs: 0,
    approvedCents: 0,
    presentedCents: 0,
    jobsApproved: 0,
    jobsPresented: 0,
    cycleMs: 0,
    cycleCount: 0,
  };
}

const HOUR_MS = 3_600_000;

export const salesBeforeTax = (t: Tally): number => t.subtotalCents - t.discountCents + t.shopSuppliesCents;
const hours = (t: Tally, key: 'clockedMs' | 'availableMs' | 'cycleMs'): number => t[key] / HOUR_MS;
const billedHours = (t: Tally): number => t.billedMilli / 1000;

/** How value follows from numerator and denominator. */
type Shape = 'amount' | 'quotient' | 'percent';

interface MetricDefinition {
  key: string;
  label: string;
  unit: MetricUnit;
  formula: string;
  shape: Shape;
  numerator: { label: string; unit: MetricUnit; of: (t: Tally) => number };
  denominator?: { label: string; unit: MetricUnit; of: (t: Tally) => number };
}

const cents = (label: string, of: (t: Tally) => number) => ({ label, unit: 'cents' as const, of });
const hoursOf = (label: string, of: (t: Tally) => number) => ({ label, unit: 'hours' as const, of });
const count = (label: string, of: (t: Tally) => number) => ({ label, unit: 'count' as const, of });

const laborGrossProfit = (t: Tally) => t.laborSalesCents - t.technicianPayCents;
// Gross profit is counted only over what has a known cost: a part line without a cost would
// otherwise count as 100 % margin. Its sales leave both sides of the ratio, and the report says how
// many lines and how much was left out (parts_cost_missing_*).
const partsSalesWithCost = (t: Tally) => t.partsSalesCents - t.partsCostMissingSalesCents;
const salesWithCost = (t: Tally) => salesBeforeTax(t) - t.partsCostMissingSalesCents;
const partsGrossProfit = (t: Tally) => partsSalesWithCost(t) - t.partsCostCents;
const totalGrossProfit = (t: Tally) =>
  salesWithCost(t) - t.partsCostCents - t.subletCostCents - t.technicianPayCents;

export const METRICS: readonly MetricDefinition[] = [
  {
    key: 'car_count',
    label: 'Car count',
    unit: 'count',
    formula: 'distinct vehicles on repair orders closed',
    shape: 'amount',
    numerator: count('vehicles', (t) => t.vehicles),
  },
  {
    key: 'ros_closed',
    label: 'Repair orders closed',
    unit: 'count',
    formula: 'repair orders whose invoice was issued in the period (void invoices left out)',
    shape: 'amount',
    numerator: count('repair orders', (t) => t.repairOrders),
  },
  {
    key: 'sales_before_tax',
    label: 'Sales before tax',
    unit: 'cents',
    formula: 'invoice subtotal − discounts + shop supplies',
    shape: 'amount',
    numerator: cents('sales before tax', salesBeforeTax),
  },
  {
    key: 'aro',
    label: 'Average repair order',
    unit: 'cents',
    formula: 'RO sales before tax ÷ ROs closed',
    shape: 'quotient',
    numerator: cents('RO sales before tax', salesBeforeTax),
    denominator: count('ROs closed', (t) => t.repairOrders),
  },
  {
    key: 'labor_sales',
    label: 'Labor sales',
    unit: 'cents',
    formula: 'labor lines on invoices, after discounts',
    shape: 'amount',
    numerator: cents('labor sales', (t) => t.laborSalesCents),
  },
  {
    key: 'parts_sales',
    label: 'Parts sales',
    unit: 'cents',
    formula: 'part lines on invoices, after discounts',
    shape: 'amount',
    numerator: cents('parts sales', (t) => t.partsSalesCents),
  },
  {
    key: 'fee_sales',
    label: 'Fee sales',
    unit: 'cents',
    formula: 'fee lines on invoices, after discounts (shop supplies apart)',
    shape: 'amount',
    numerator: cents('fee sales', (t) => t.feeSalesCents),
  },
  {
    key: 'sublet_sales',
    label: 'Sublet sales',
    unit: 'cents',
    formula: 'sublet lines on invoices, after discounts',
    shape: 'amount',
    numerator: cents('sublet sales', (t) => t.subletSalesCents),
  },
  {
    key: 'shop_supplies',
    label: 'Shop supplies',
    unit: 'cents',
    formula: 'shop-supplies fee on invoices',
    shape: 'amount',
    numerator: cents('shop supplies', (t) => t.shopSuppliesCents),
  },
  {
    key: 'technician_pay',
    label: 'Technician pay',
    unit: 'cents',
    formula: 'flat-rate technicians: billed hours × rate; hourly: attendance hours × rate',
    shape: 'amount',
    numerator: cents('technician pay', (t) => t.technicianPayCents),
  },
  {
    key: 'labor_gp',
    label: 'Labor gross profit %',
    unit: 'percent',
    formula: '(labor sales − technician pay) ÷ labor sales',
    shape: 'percent',
    numerator: cents('labor sales − technician pay', laborGrossProfit),
    denominator: cents('labor sales', (t) => t.laborSalesCents),
  },
  {
    key: 'parts_cost',
    label: 'Parts cost',
    unit: 'cents',
    formula: 'quantity × unit cost of part lines, as copied when each invoice was issued',
    shape: 'amount',
    numerator: cents('parts cost', (t) => t.partsCostCents),
  },
  {
    key: 'parts_cost_missing_lines',
    label: 'Part lines without cost',
    unit: 'count',
    formula: 'part lines on invoices with no unit cost (left out of gross profit)',
    shape: 'amount',
    numerator: count('part lines without cost', (t) => t.partsCostMissingLines),
  },
  {
    key: 'parts_cost_missing_sales',
    label: 'Sales of parts without cost',
    unit: 'cents',
    formula: 'part lines on invoices with no unit cost, after discounts (left out of gross profit)',
    shape: 'amount',
    numerator: cents('sales of parts without cost', (t) => t.partsCostMissingSalesCents),
  },
  {
    key: 'parts_gp',
    label: 'Parts gross profit %',
    unit: 'percent',
    formula:
      '(parts sales with a cost − parts cost) ÷ parts sales with a cost (part lines without cost left out)',
    shape: 'percent',
    numerator: cents('parts sales with a cost − parts cost', partsGrossProfit),
    denominator: cents('parts sales with a cost', partsSalesWithCost),
  },
  {
    key: 'total_gp',
    label: 'Total gross profit %',
    unit: 'percent',
    formula:
      '(sales before tax − parts without cost − parts cost − sublet cost − technician pay) ÷ (sales before tax − parts without cost)',
    shape: 'percent',
    numerator: cents('sales with a cost − parts cost − sublet cost − technician pay', totalGrossProfit),
    denominator: cents('sales before tax − parts without cost', salesWithCost),
  },
  {
    key: 'billed_hours',
    label: 'Billed hours',
    unit: 'hours',
    formula: 'labor line quantities on invoices',
    shape: 'amount',
    numerator: hoursOf('billed hours', billedHours),
  },
  {
    key: 'effective_labor_rate',
    label: 'Effective labor rate',
    unit: 'cents_per_hour',
    formula: 'labor sales ÷ billed hours',
    shape: 'quotient',
    numerator: cents('labor sales', (t) => t.laborSalesCents),
    denominator: hoursOf('billed hours', billedHours),
  },
  {
    key: 'clocked_hours',
    label: 'Hours clocked on jobs',
    unit: 'hours',
    formula: 'job-clock time, by the day each clock started',
    shape: 'amount',
    numerator: hoursOf('clocked hours', (t) => hours(t, 'clockedMs')),
  },
  {
    key: 'available_hours',
    label: 'Hours available',
    unit: 'hours',
    formula: 'attendance (shifts), by the day each shift started',
    shape: 'amount',
    numerator: hoursOf('available hours', (t) => hours(t, 'availableMs')),
  },
  {
    key: 'efficiency',
    label: 'Technician efficiency',
    unit: 'percent',
    formula: 'billed hours ÷ hours clocked on jobs',
    shape: 'percent',
    numerator: hoursOf('billed hours', billedHours),
    denominator: hoursOf('clocked hours', (t) => hours(t, 'clockedMs')),
  },
  {
    key: 'productivity',
    label: 'Productivity',
    unit: 'percent',
    formula: 'hours clocked on jobs ÷ hours available (attendance)',
    shape: 'percent',
    numerator: hoursOf('clocked hours', (t) => hours(t, 'clockedMs')),
    denominator: hoursOf('available hours', (t) => hours(t, 'availableMs')),
  },
  {
    key: 'proficiency',
    label: 'Proficiency',
    unit: 'percent',
    formula: 'billed hours ÷ hours available (attendance)',
    shape: 'percent',
    numerator: hoursOf('billed hours', billedHours),
    denominator: hoursOf('available hours', (t) => hours(t, 'availableMs')),
  },
  {
    key: 'approval_ratio',
    label: 'Approval ratio ($)',
    unit: 'percent',
    formula: '$ approved ÷ $ presented (approved + declined + deferred, decided in the period)',
    shape: 'percent',
    numerator: cents('$ approved', (t) => t.approvedCents),
    denominator: cents('$ presented', (t) => t.presentedCents),
  },
  {
    key: 'approval_ratio_jobs',
    label: 'Approval ratio (jobs)',
    unit: 'percent',
    formula: 'jobs with work approved ÷ jobs with work decided in the period',
    shape: 'percent',
    numerator: count('jobs approved', (t) => t.jobsApproved),
    denominator: count('jobs presented', (t) => t.jobsPresented),
  },
  {
    key: 'cycle_time',
    label: 'Average cycle time',
    unit: 'hours',
    formula: 'Σ (vehicle ready − check-in) ÷ ROs closed (ready = the last job’s actual end)',
    shape: 'quotient',
    numerator: hoursOf('hours from check-in to ready', (t) => hours(t, 'cycleMs')),
    denominator: count('ROs closed with a ready time', (t) => t.cycleCount),
  },
];

function rounded(value: number, unit: MetricUnit): number {
  if (unit === 'cents' || unit === 'count' || unit === 'cents_per_hour') return Math.round(value);
  if (unit === 'percent') return Math.round(value * 10) / 10;
  return Math.round(value * 100) / 100;
}

export function metricValue(definition: MetricDefinition, tally: Tally): MetricValue {
  const numerator = definition.numerator.of(tally);
  if (definition.denominator === undefined)
    return {
      value: rounded(numerator, definition.unit),
      numerator: rounded(numerator, definition.numerator.unit),
      denominator: null,
    };
  const denominator = definition.denominator.of(tally);
  const ratio = denominator === 0 ? null : numerator / denominator;
  return {
    value:
      ratio === null ? null : rounded(definition.shape === 'percent' ? ratio * 100 : ratio, definition.unit),
    numerator: rounded(numerator, definition.numerator.unit),
    denominator: rounded(denominator, definition.denominator.unit),
  };
}

export function buildMetrics(buckets: readonly Tally[], total: Tally): Metric[] {
  return METRICS.map((definition) => ({
    key: definition.key,
    label: definition.label,
    unit: definition.unit,
    formula: definition.formula,
    numeratorLabel: definition.numerator.label,
    numeratorUnit: definition.numerator.unit,
    denominatorLabel: definition.denominator?.label ?? null,
    denominatorUnit: definition.denominator?.unit ?? null,
    total: metricValue(definition, total),
    values: buckets.map((tally) => metricValue(definition, tally)),
  }));
}

/** Adds the additive fields of bucket tallies (distinct counts come from their own query). */
export function sumTallies(tallies: readonly Tally[]): Tally {
  const sum = emptyKpiTally();
  for (const tally of tallies) for (const key of Object.keys(sum) as (keyof Tally)[]) sum[key] += tally[key];
  return sum;
}
