import { dollars, toCsv, type CsvValue } from './csv.js';
import type {
  EndOfDayReport,
  InventoryReport,
  KpiReport,
  MetricUnit,
  TechniciansReport,
} from './reports.schemas.js';

/** Each report as CSV (RFC 4180, money in decimal dollars), pure. */
function shown(value: number | null, unit: MetricUnit | null): CsvValue {
  if (value === null) return null;
  if (unit === 'cents' || unit === 'cents_per_hour') return dollars(value);
  return value;
}

/** Long form: one row per metric and bucket (then the total), with its formula and parts. */
export function kpisCsv(report: KpiReport): string {
  const rows: CsvValue[][] = [];
  for (const metric of report.metrics) {
    const unit =
      metric.unit === 'cents'
        ? 'dollars'
        : metric.unit === 'cents_per_hour'
          ? 'dollars_per_hour'
          : metric.unit;
    const row = (
      key: string,
      label: string,
      from: string,
      to: string,
      v: { value: number | null; numerator: number | null; denominator: number | null },
    ): CsvValue[] => [
      metric.key,
      metric.label,
      unit,
      metric.formula,
      key,
      label,
      from,
      to,
      shown(v.value, metric.unit),
      shown(v.numerator, metric.numeratorUnit),
      shown(v.denominator, metric.denominatorUnit),
    ];
    report.buckets.forEach((bucket, i) =>
      rows.push(row(bucket.key, bucket.label, bucket.from, bucket.to, metric.values[i]!)),
    );
    rows.push(row('total', 'Total', report.from, report.to, metric.total));
  }
  return toCsv(
    [
      'metric',
      'label',
      'unit',
      'formula',
      'bucket',
      'bucket_label',
      'from',
      'to',
      'value',
      'numerator',
      'denominator',
    ],
    rows,
  );
}

export function techniciansCsv(report: TechniciansReport): string {
  const numbers = (t: TechniciansReport['totals']): CsvValue[] => [
    t.billedHours,
    t.clockedHours,
    t.availableHours,
    t.efficiency,
    t.productivity,
    t.proficiency,
    dollars(t.laborSalesCents),
    dollars(t.payCents),
  ];
  const rows: CsvValue[][] = report.technicians.map((t) => [
    t.id,
    t.name,
    t.payBasis,
    dollars(t.payRateCents),
    ...numbers(t),
  ]);
  rows.push([
    null,
    'Unassigned',
    null,
    null,
    report.unassigned.billedHours,
    null,
    null,
    null,
    null,
    null,
    dollars(report.unassigned.laborSalesCents),
    null,
  ]);
  rows.push([null, 'Shop total', null, null, ...numbers(report.totals)]);
  return toCsv(
    [
      'technician_id',
      'name',
      'pay_basis',
      'pay_rate',
      'billed_hours',
      'clocked_hours',
      'available_hours',
      'efficiency_percent',
      'productivity_percent',
      'proficiency_percent',
      'labor_sales',
      'pay',
    ],
    rows,
  );
}

export function inventoryCsv(report: InventoryReport): string {
  const rows: CsvValue[][] = [
    ['value_now', dollars(report.valueNowCents), report.formulas.value],
    ['value_at_start', dollars(report.valueAtStartCents), `${report.formulas.valueAt} (${report.from})`],
    ['value_at_end', dollars(report.valueAtEndCents), `${report.formulas.valueAt} (${report.to})`],
    ['average_value', dollars(report.averageValueCents), report.formulas.averageValue],
    ['issued_cost', dollars(report.issuedCostCents), report.formulas.issuedCost],
    ['days', report.days, null],
    ['turns_annualized', report.turns, report.formulas.turns],
    ['turns_in_period', report.turnsInPeriod, 'issued cost ÷ average value'],
  ];
  return toCsv(['measure', 'value', 'formula'], rows);
}

/** Totals by method, the day's summary lines, card payments with references, voids, the drawer. */
export function endOfDayCsv(report: EndOfDayReport): string {
  const rows: CsvValue[][] = [];
  for (const m of report.methods)
    rows.push([
      'method',
      m.method,
      m.count,
      dollars(m.paymentsCents),
      m.refundCount,
      dollars(m.refundsCents),
      dollars(m.netCents),
      null,
    ]);
  rows.push([
    'total',
    'all methods',
    report.totals.count,
    dollars(report.totals.paymentsCents),
    report.totals.refundCount,
    dollars(report.totals.refundsCents),
    dollars(report.totals.netCents),
    null,
  ]);
  rows.push([
    'deposits',
    null,
    report.deposits.count,
    dollars(report.deposits.amountCents),
    null,
    null,
    null,
    null,
  ]);
  rows.push([
    'invoices_issued',
    null,
    report.invoicesIssued.count,
    dollars(report.invoicesIssued.totalCents),
    null,
    null,
    null,
    null,
  ]);
  rows.push([
    'charged_to_account',
    null,
    report.chargedToAccount.count,
    dollars(report.chargedToAccount.amountCents),
    null,
    null,
    null,
    null,
  ]);
  for (const p of report.cardPayments)
    rows.push([
      'card',
      p.kind,
      p.invoiceNumber,
      dollars(p.kind === 'refund' ? -p.amountCents : p.amountCents),
      null,
      null,
      null,
      p.cardReference,
    ]);
  for (const p of report.voidedPayments)
    rows.push([
      'voided',
      `${p.kind} ${p.method}`,
      p.invoiceNumber,
      dollars(p.amountCents),
      null,
      null,
      null,
      p.voidReason,
    ]);
  rows.push([
    'cash_opening_float',
    report.cash.openingFloatSource,
    null,
    dollars(report.cash.openingFloatCents),
    null,
    null,
    null,
    null,
  ]);
  rows.push(['cash_in', null, null, dollars(report.cash.cashInCents), null, null, null, null]);
  rows.push(['cash_refunded', null, null, dollars(report.cash.cashRefundedCents), null, null, null, null]);
  rows.push([
    'cash_expected',
    null,
    null,
    dollars(report.cash.expectedCents),
    null,
    null,
    null,
    report.cash.formula,
  ]);
  return toCsv(
    ['section', 'item', 'count_or_number', 'amount', 'refund_count', 'refunds', 'net', 'note'],
    rows,
  );
}
