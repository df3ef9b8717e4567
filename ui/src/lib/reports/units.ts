/**
 * A report number as text, by the unit the server gives it. The server computes every value
 * (rounded: percent to one decimal, hours to two, cents to whole cents); the UI only formats.
 * A value with nothing to divide by comes as null and shows as "—".
 */
import { money } from '$lib/format';

export type Unit = 'cents' | 'count' | 'percent' | 'hours' | 'cents_per_hour' | 'ratio';

export const EMPTY = '—';

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "$12,340.00", "62.5 %", "98.5 h", "$125.28/h", "42". */
export function formatValue(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
  switch (unit) {
    case 'cents':
      return money(Math.round(value));
    case 'cents_per_hour':
      return `${money(Math.round(value))}/h`;
    case 'percent':
      return `${percent.format(value)} %`;
    case 'hours':
      return `${decimal.format(value)} h`;
    case 'count':
      return count.format(value);
    case 'ratio':
      return decimal.format(value);
  }
}

/** The parts of a metric, as the server names them. */
export interface MetricParts {
  numeratorLabel: string;
  numeratorUnit: Unit;
  denominatorLabel: string | null;
  denominatorUnit: Unit | null;
}

/**
 * The actual numbers behind a value: "$12,340.00 labor sales ÷ 98.5 billed hours", or for a plain
 * amount just "$12,340.00 labor sales". Null parts (no data) show as "—".
 */
export function formatParts(
  metric: MetricParts,
  value: { numerator: number | null; denominator: number | null },
): string {
  const top = `${partValue(value.numerator, metric.numeratorUnit)} ${metric.numeratorLabel}`;
  if (metric.denominatorLabel === null || metric.denominatorUnit === null) return top;
  return `${top} ÷ ${partValue(value.denominator, metric.denominatorUnit)} ${metric.denominatorLabel}`;
}

/** A part's number: its label already says "hours", so "98.5 billed hours", not "98.5 h billed hours". */
function partValue(value: number | null, unit: Unit): string {
  if (unit === 'hours' && value !== null && Number.isFinite(value)) return decimal.format(value);
  return formatValue(value, unit);
}

/**
 * A chart's y value: money as dollars (the axis reads "$1,200", not "120000"), the rest as is;
 * null stays null (a gap in a line, no bar).
 */
export function chartValue(value: number | null, unit: Unit): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return unit === 'cents' || unit === 'cents_per_hour' ? value / 100 : value;
}

/** An axis tick for a chart whose values went through `chartValue`. */
export function axisTick(value: number, unit: Unit): string {
  switch (unit) {
    case 'cents':
    case 'cents_per_hour':
      return new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency: 'USD',
        maximumFractionDigits: 0,
      }).format(value);
    case 'percent':
      return `${count.format(value)} %`;
    case 'hours':
      return `${decimal.format(value)} h`;
    case 'count':
    case 'ratio':
      return decimal.format(value);
  }
}
