import autocannon from 'autocannon';
import type { BenchSettings } from './settings.js';

export interface LoadTarget {
  name: string;
  url: string;
  headers?: Record<string, string>;
  /** GET unless said otherwise; a POST sends `body` as JSON. */
  method?: 'GET' | 'POST';
  body?: string;
  /** Overrides the run's connection count (one connection: latency as one client sees it). */
  connections?: number;
}

export interface LoadResult {
  name: string;
  url: string;
  connections: number;
  requestsPerSecond: number;
  totalRequests: number;
  /** autocannon records latency in whole milliseconds, so sub-millisecond values read as 0. */
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMeanMs: number;
}

/**
 * One request before the load: a wrong cookie or a 503 would otherwise show up as a suspiciously
 * fast error page measured for seconds.
 */
async function preflight(target: LoadTarget): Promise<void> {
  const response = await fetch(target.url, {
    method: target.method ?? 'GET',
    headers: headersOf(target),
    ...(target.body === undefined ? {} : { body: target.body }),
  });
  const text = await response.text();
  if (response.status < 200 || response.status > 299) {
    throw new Error(`${target.name}: ${target.url} answered ${response.status}: ${text.slice(0, 300)}`);
  }
}

function headersOf(target: LoadTarget): Record<string, string> {
  return { ...(target.body === undefined ? {} : { 'content-type': 'application/json' }), ...target.headers };
}

function cannon(target: LoadTarget, settings: BenchSettings, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: target.url,
    method: target.method ?? 'GET',
    headers: headersOf(target),
    ...(target.body === undefined ? {} : { body: target.body }),
    connections: target.connections ?? settings.connections,
    duration: seconds,
    ...(settings.workers > 0 ? { workers: settings.workers } : {}),
  });
}

/** Any error or non-2xx response makes the numbers meaningless, so the run stops instead. */
function assertClean(target: LoadTarget, result: autocannon.Result): void {
  const problems = { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx };
  if (Object.values(problems).some((count) => count > 0) || result.requests.total === 0) {
    throw new Error(
      `${target.name}: load run was not clean (${JSON.stringify({ ...problems, total: result.requests.total })})`,
    );
  }
}

export async function measureTarget(target: LoadTarget, settings: BenchSettings): Promise<LoadResult> {
  await preflight(target);
  if (settings.warmupSeconds > 0) await cannon(target, settings, settings.warmupSeconds);
  const result = await cannon(target, settings, settings.seconds);
  assertClean(target, result);
  return {
    name: target.name,
    url: target.url,
    connections: target.connections ?? settings.connections,
    requestsPerSecond: result.requests.average,
    totalRequests: result.requests.total,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMeanMs: result.latency.average,
  };
}
