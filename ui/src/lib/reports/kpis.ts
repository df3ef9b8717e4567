/**
 * The KPI report as the owner reads it: metrics grouped (sales, profit, labor, sales process) and
 * shaped into chart series per bucket. Shapes come from the generated API types.
 */
import type { Ok } from '$lib/api/client';
import { chartValue, formatValue, type Unit } from './units';

export type KpiReport = Ok<'/api/reports/kpis', 'get'>;
export type Metric = KpiReport['metrics'][number];
export type Bucket = KpiReport['buckets'][number];

export interface MetricGroup {
  key: string;
  title: string;
  metrics: Metric[];
}

export const GROUPS: readonly { key: string; title: string; keys: readonly string[] }[] = [
  {
    key: 'sales',
    title: 'Sales',
    keys: [
      'car_count',
      'ros_closed',
      'sales_before_tax',
      'aro',
      'labor_sales',
      'parts_sales',
      'fee_sales',
      'sublet_sales',
      'shop_supplies',
    ],
  },
  {
    key: 'profit',
    title: 'Profit',
    keys: [
      'labor_gp',
      'parts_gp',
      'total_gp',
      'parts_cost',
      'technician_pay',
      'parts_cost_missing_lines',
      'parts_cost_missing_sales',
    ],
  },
  {
    key: 'labor',
    title: 'Labor',
    keys: [
      'billed_hours',
      'effective_labor_rate',
      'clocked_hours',
      'available_hours',
      'efficiency',
      'productivity',
      'proficiency',
    ],
  },
  {
    key: 'process',
    title: 'Sales process',
    keys: ['approval_ratio', 'approval_ratio_jobs', 'cycle_time'],
  },
];

/** The metrics in their groups, in the groups' order; a metric no group names lands in "Other". */
export function groupMetrics(metrics: readonly Metric[]): MetricGroup[] {
  const byKey = new Map(metrics.map((m) => [m.key, m]));
  const placed = new Set<string>();
  const groups: MetricGroup[] = [];
  for (const group of GROUPS) {
    const found = group.keys.flatMap((key) => {
      const metric = byKey.get(key);
      if (!metric) return [];
      placed.add(key);
      return [metric];
    });
    if (found.length > 0) groups.push({ key: group.key, title: group.title, metrics: found });
  }
  const rest = metrics.filter((m) => !placed.has(m.key));
  if (rest.length > 0) groups.push({ key: 'other', title: 'Other', metrics: rest });
  return groups;
}

/** True when nothing happened in the range: every metric's total is zero or null. */
export function isEmptyReport(report: Pick<KpiReport, 'metrics'>): boolean {
  return report.metrics.every((m) => m.total.value === null || m.total.value === 0);
}

export interface Series {
  key: string;
  label: string;
  unit: Unit;
  /** The server's values per bucket, for the table. */
  values: (number | null)[];
  /** The same scaled for the chart axis (cents → dollars). */
  points: (number | null)[];
}

export interface ChartData {
  /** One per bucket, e.g. "Mar 3" or "2026-W10". */
  labels: string[];
  series: Series[];
}

/** Series of the named metrics per bucket; metrics the report lacks are left out. */
export function chartData(
  report: Pick<KpiReport, 'buckets' | 'metrics'>,
  keys: readonly string[],
): ChartData {
  const series = keys.flatMap((key) => {
    const metric = report.metrics.find((m) => m.key === key);
    if (!metric) return [];
    const values = report.buckets.map((_, i) => metric.values[i]?.value ?? null);
    return [
      {
        key,
        label: metric.label,
        unit: metric.unit,
        values,
        points: values.map((v) => chartValue(v, metric.unit)),
      },
    ];
  });
  return { labels: report.buckets.map((b) => b.label), series };
}

/** The charts the report shows: what they plot and how. */
export interface ChartSpec {
  key: string;
  title: string;
  kind: 'stacked-bar' | 'line';
  keys: readonly string[];
  /** A second y axis (right) for this series: ARO in dollars beside car count. */
  rightAxis?: string;
}

export const CHARTS: readonly ChartSpec[] = [
  {
    key: 'sales-by-kind',
    title: 'Sales by kind',
    kind: 'stacked-bar',
    keys: ['labor_sales', 'parts_sales', 'fee_sales', 'sublet_sales', 'shop_supplies'],
  },
  {
    key: 'aro-car-count',
    title: 'Average repair order and car count',
    kind: 'line',
    keys: ['aro', 'car_count'],
    rightAxis: 'car_count',
  },
  {
    key: 'gross-profit',
    title: 'Gross profit %',
    kind: 'line',
    keys: ['labor_gp', 'parts_gp', 'total_gp'],
  },
];

/** The gross-profit metrics that leave out part lines without a cost. */
const COUNTED_OVER_KNOWN_COST = new Set(['parts_gp', 'total_gp']);

/**
 * What a gross-profit card says it left out: "3 part lines without cost ($120.00 of sales) left
 * out", or null when every part line had a cost (or the metric does not depend on it).
 */
export function costMissingNote(metric: Metric, metrics: readonly Metric[]): string | null {
  if (!COUNTED_OVER_KNOWN_COST.has(metric.key)) return null;
  const lines = metrics.find((m) => m.key === 'parts_cost_missing_lines')?.total.value ?? 0;
  if (lines === 0) return null;
  const sales = metrics.find((m) => m.key === 'parts_cost_missing_sales')?.total.value ?? 0;
  const noun = lines === 1 ? 'part line' : 'part lines';
  return `${lines} ${noun} without cost (${formatValue(sales, 'cents')} of sales) left out`;
}
