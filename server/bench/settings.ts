/**
 * What one benchmark run does, read from the environment so a quick smoke run
 * (`BENCH_SECONDS=1 npm run bench`) and a careful one use the same script.
 */
export interface BenchSettings {
  /** Measured autocannon duration per HTTP target. */
  seconds: number;
  /** Unmeasured load before each target, so the JIT and caches are warm when measuring starts. */
  warmupSeconds: number;
  connections: number;
  /** Worker threads for autocannon; 0 runs the load generator on the servers' own event loop. */
  workers: number;
  dbIterations: number;
  dbRounds: number;
  dbSeedUsers: number;
  /** The issue-3 suite (board, repair order, search, create) on a generated busy shop; 0 skips it. */
  shopSuite: boolean;
  /** Years of history in that shop (about 5,000 repair orders a year). */
  shopYears: number;
}

export const DEFAULT_SETTINGS: BenchSettings = {
  seconds: 5,
  warmupSeconds: 1,
  connections: 10,
  // One worker keeps the load generator off the servers' thread: in-process it would eat the
  // same CPU as the server and squeeze every ratio towards 1.
  workers: 1,
  dbIterations: 20_000,
  dbRounds: 3,
  dbSeedUsers: 1_000,
  shopSuite: true,
  shopYears: 10,
};

function readNumber(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  integer: boolean,
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    const kind = integer ? 'an integer' : 'a number';
    throw new Error(`${name} must be ${kind} >= ${min}, got "${raw}"`);
  }
  return value;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const d = DEFAULT_SETTINGS;
  return {
    seconds: readNumber(env, 'BENCH_SECONDS', d.seconds, 1, true),
    warmupSeconds: readNumber(env, 'BENCH_WARMUP_SECONDS', d.warmupSeconds, 0, true),
    connections: readNumber(env, 'BENCH_CONNECTIONS', d.connections, 1, true),
    workers: readNumber(env, 'BENCH_WORKERS', d.workers, 0, true),
    dbIterations: readNumber(env, 'BENCH_DB_ITERATIONS', d.dbIterations, 1, true),
    dbRounds: readNumber(env, 'BENCH_DB_ROUNDS', d.dbRounds, 1, true),
    dbSeedUsers: readNumber(env, 'BENCH_DB_SEED_USERS', d.dbSeedUsers, 1, true),
    shopSuite: readNumber(env, 'BENCH_SHOP', d.shopSuite ? 1 : 0, 0, true) !== 0,
    shopYears: readNumber(env, 'BENCH_SHOP_YEARS', d.shopYears, 1, true),
  };
}

/** Rough wall time of the HTTP part, printed up front so nobody wonders whether it hangs. */
export function estimatedHttpSeconds(settings: BenchSettings, targets: number): number {
  return targets * (settings.seconds + settings.warmupSeconds);
}
