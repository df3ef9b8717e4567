import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DbResult } from './database.js';
import type { LoadResult } from './load.js';
import type { BenchSettings } from './settings.js';
import type { Goal, ShopReport } from './shop.js';

export interface MemorySnapshot {
  rssMb: number;
  heapUsedMb: number;
}

export interface HttpRow extends LoadResult {
  /** This target's req/s over bare Fastify's: 0.40 means ASE serves 40 % of the baseline. */
  requestsRatio: number;
  /** Latency over bare Fastify's; null when the baseline read 0 ms (below autocannon's resolution). */
  p50Ratio: number | null;
  p99Ratio: number | null;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  environment: { node: string; platform: string; arch: string; cpus: number; cpuModel: string };
  settings: BenchSettings;
  http: HttpRow[];
  /** The issue-3 suite on a generated busy shop; null when skipped (BENCH_SHOP=0). */
  shop: ShopReport | null;
  database: DbResult & { kyselyOverRaw: number };
  memory: {
    beforeServers: MemorySnapshot;
    afterHttp: MemorySnapshot;
    rssRatio: number;
    heapUsedRatio: number;
  };
}

export function memorySnapshot(): MemorySnapshot {
  const usage = process.memoryUsage();
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  return { rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed) };
}

function ratio(value: number, baseline: number): number | null {
  return baseline > 0 ? value / baseline : null;
}

/** Every target against the first one, which is the bare-Fastify baseline. */
export function httpRows(results: LoadResult[]): HttpRow[] {
  const [baseline] = results;
  if (baseline === undefined) return [];
  return results.map((r) => ({
    ...r,
    requestsRatio: ratio(r.requestsPerSecond, baseline.requestsPerSecond) ?? 0,
    p50Ratio: ratio(r.latencyP50Ms, baseline.latencyP50Ms),
    p99Ratio: ratio(r.latencyP99Ms, baseline.latencyP99Ms),
  }));
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');
const times = (n: number | null) => (n === null ? 'n/a' : `${n.toFixed(2)}x`);
const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);

/** A plain-text table: first column left-aligned (names), the rest right-aligned (numbers). */
function renderTable(title: string, headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [title, line(headers), rule, ...rows.map(line)].join('\n');
}

function httpTable(rows: HttpRow[], settings: BenchSettings): string {
  return renderTable(
    `HTTP (${settings.seconds} s each, ${settings.connections} connections, ratios vs bare Fastify)`,
    ['target', 'req/s', 'req/s ratio', 'p50 ms', 'p99 ms', 'mean ms', 'p50 ratio', 'p99 ratio'],
    rows.map((r) => [
      r.name,
      count(r.requestsPerSecond),
      times(r.requestsRatio),
      String(r.latencyP50Ms),
      String(r.latencyP99Ms),
      ms(r.latencyMeanMs),
      times(r.p50Ratio),
      times(r.p99Ratio),
    ]),
  );
}

function goalText(goal: Goal): string {
  if (goal === null) return '';
  return goal.kind === 'ratio' ? `req/s >= ${goal.atLeast}x` : `p99 < ${goal.belowMs} ms`;
}

function verdict(row: ShopReport['rows'][number]): string {
  if (row.result === null) return 'route not available';
  const wrong = row.found === false ? ' (wrong answer!)' : '';
  if (row.met === null) return wrong.trim();
  return (row.met ? 'met' : 'MISSED') + wrong;
}

function sameBodyLine(shop: ShopReport): string[] {
  const same = shop.sameBody;
  if (same === null || same.board === null) return [];
  const ratio = same.board.requestsPerSecond / same.baseline.requestsPerSecond;
  const kb = count(Math.round(same.bytes / 1024));
  return [
    `bare fastify sending the board's ${kb} KB from memory: ${count(same.baseline.requestsPerSecond)} req/s = ` +
      `${times(same.ratioToHelloWorld)} of its hello world (the ceiling for the plain board's ratio)`,
    `job board vs bare fastify sending the same ${kb} KB body: ` +
      `${count(same.board.requestsPerSecond)} vs ${count(same.baseline.requestsPerSecond)} req/s = ${times(ratio)}`,
  ];
}

function shopTable(shop: ShopReport, settings: BenchSettings): string {
  const db = shop.database;
  const counts = ['repair_orders', 'customers', 'vehicles', 'line_items']
    .map((table) => `${count(db.counts[table] ?? 0)} ${table.replace('_', ' ')}`)
    .join(', ');
  const baselines = shop.baselines.map((b) => [
    `bare fastify (${b.connections} conn.)`,
    String(b.connections),
    count(b.requestsPerSecond),
    times(1),
    String(b.latencyP50Ms),
    String(b.latencyP99Ms),
    '',
    '',
  ]);
  const rows = shop.rows.map((row) => {
    const r = row.result;
    return [
      row.name,
      String(row.connections),
      r === null ? '-' : count(r.requestsPerSecond),
      row.requestsRatio === null ? '-' : times(row.requestsRatio),
      r === null ? '-' : String(r.latencyP50Ms),
      r === null ? '-' : String(r.latencyP99Ms),
      goalText(row.goal),
      verdict(row),
    ];
  });
  return [
    renderTable(
      `Shop (issue 3): ${db.years}-year shop, ${counts}, ${db.sizeMb} MB; ${settings.seconds} s each, ratios vs bare Fastify at the same connections (a ratio goal: median of 3 rounds alternating with bare Fastify)`,
      ['target', 'conn', 'req/s', 'req/s ratio', 'p50 ms', 'p99 ms', 'goal', 'result'],
      [...baselines, ...rows],
    ),
    `(database ${db.built ? 'generated in this run' : 'from the cache'}: seeding took ${db.seedSeconds} s)`,
    ...sameBodyLine(shop),
  ].join('\n');
}

function databaseTable(db: BenchReport['database']): string {
  return renderTable(
    `Database (users by id, ${count(db.iterations)} lookups x ${db.rounds} rounds, median, ${count(db.seededUsers)} users)`,
    ['path', 'ops/s', 'ratio vs raw'],
    [
      ['raw better-sqlite3', count(db.rawOpsPerSecond), times(1)],
      ['kysely', count(db.kyselyOpsPerSecond), times(db.kyselyOverRaw)],
    ],
  );
}

function memoryTable(memory: BenchReport['memory']): string {
  return renderTable(
    'Memory (this process: servers and, with workers, the load generator threads)',
    ['when', 'rss MB', 'heapUsed MB'],
    [
      ['before servers', memory.beforeServers.rssMb.toFixed(1), memory.beforeServers.heapUsedMb.toFixed(1)],
      ['after HTTP runs', memory.afterHttp.rssMb.toFixed(1), memory.afterHttp.heapUsedMb.toFixed(1)],
      ['ratio', times(memory.rssRatio), times(memory.heapUsedRatio)],
    ],
  );
}

export function formatReport(report: BenchReport): string {
  const env = report.environment;
  return [
    `ASE benchmark, ${report.startedAt}, node ${env.node} on ${env.platform}/${env.arch}, ${env.cpus} x ${env.cpuModel}`,
    '',
    httpTable(report.http, report.settings),
    '(autocannon measures latency in whole ms: 0 means under 1 ms, and latency ratios on 0 read n/a)',
    '',
    ...(report.shop === null ? [] : [shopTable(report.shop, report.settings), '']),
    databaseTable(report.database),
    '',
    memoryTable(report.memory),
  ].join('\n');
}

export function writeReport(path: string, report: BenchReport | object): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
