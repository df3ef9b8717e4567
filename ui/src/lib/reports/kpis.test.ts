import { describe, expect, it } from 'vitest';
import { chartData, CHARTS, costMissingNote, groupMetrics, isEmptyReport, type Metric } from './kpis';

function metric(key: string, unit: Metric['unit'], values: (number | null)[], total: number | null): Metric {
  return {
    key,
    label: key.replaceAll('_', ' '),
    unit,
    formula: `${key} formula`,
    numeratorLabel: key,
    numeratorUnit: unit === 'percent' ? 'cents' : unit,
    denominatorLabel: null,
    denominatorUnit: null,
    total: { value: total, numerator: total, denominator: null },
    values: values.map((value) => ({ value, numerator: value, denominator: null })),
  };
}

const buckets = [
  { key: '2026-03-02', label: 'Mar 2', from: '2026-03-02', to: '2026-03-02', startsAt: '', endsAt: '' },
  { key: '2026-03-03', label: 'Mar 3', from: '2026-03-03', to: '2026-03-03', startsAt: '', endsAt: '' },
];

describe('groupMetrics', () => {
  it('puts metrics in the owner’s groups, in order, and unknown ones under Other', () => {
    const groups = groupMetrics([
      metric('efficiency', 'percent', [], null),
      metric('ros_closed', 'count', [], 0),
      metric('car_count', 'count', [], 0),
      metric('labor_gp', 'percent', [], null),
      metric('new_thing', 'count', [], 1),
    ]);
    expect(groups.map((g) => [g.title, g.metrics.map((m) => m.key)])).toEqual([
      ['Sales', ['car_count', 'ros_closed']],
      ['Profit', ['labor_gp']],
      ['Labor', ['efficiency']],
      ['Other', ['new_thing']],
    ]);
  });
});

describe('isEmptyReport', () => {
  it('is empty when every total is zero or null', () => {
    expect(
      isEmptyReport({ metrics: [metric('ros_closed', 'count', [], 0), metric('aro', 'cents', [], null)] }),
    ).toBe(true);
    expect(isEmptyReport({ metrics: [metric('ros_closed', 'count', [], 1)] })).toBe(false);
  });
});

describe('chartData', () => {
  it('shapes one series per metric, one point per bucket, money in dollars', () => {
    const report = {
      buckets,
      metrics: [
        metric('labor_sales', 'cents', [12_000, 0], 12_000),
        metric('total_gp', 'percent', [55.5, null], 55.5),
      ],
    };
    const data = chartData(report, ['labor_sales', 'missing', 'total_gp']);
    expect(data.labels).toEqual(['Mar 2', 'Mar 3']);
    expect(data.series.map((s) => s.key)).toEqual(['labor_sales', 'total_gp']);
    expect(data.series[0]).toMatchObject({ unit: 'cents', values: [12_000, 0], points: [120, 0] });
    expect(data.series[1]).toMatchObject({ unit: 'percent', values: [55.5, null], points: [55.5, null] });
  });

  it('fills buckets a metric has no value for with null', () => {
    const data = chartData({ buckets, metrics: [metric('aro', 'cents', [5000], 5000)] }, ['aro']);
    expect(data.series[0]!.values).toEqual([5000, null]);
  });

  it('charts sales by kind, ARO with car count, and gross profit', () => {
    expect(CHARTS.map((c) => c.kind)).toEqual(['stacked-bar', 'line', 'line']);
    expect(CHARTS[0]!.keys).toContain('labor_sales');
  });
});

describe('costMissingNote', () => {
  it('says on the gross-profit cards how many part lines without cost were left out, and their sales', () => {
    const gp = metric('parts_gp', 'percent', [], 50);
    const metrics = [
      gp,
      metric('total_gp', 'percent', [], 40),
      metric('parts_sales', 'cents', [], 7000),
      metric('parts_cost_missing_lines', 'count', [], 3),
      metric('parts_cost_missing_sales', 'cents', [], 12_000),
    ];
    expect(costMissingNote(gp, metrics)).toBe('3 part lines without cost ($120.00 of sales) left out');
    expect(costMissingNote(metrics[1]!, metrics)).toContain('3 part lines');
    expect(costMissingNote(metrics[2]!, metrics)).toBeNull();
    metrics[3] = metric('parts_cost_missing_lines', 'count', [], 1);
    expect(costMissingNote(gp, metrics)).toBe('1 part line without cost ($120.00 of sales) left out');
    metrics[3] = metric('parts_cost_missing_lines', 'count', [], 0);
    expect(costMissingNote(gp, metrics)).toBeNull();
  });
});
