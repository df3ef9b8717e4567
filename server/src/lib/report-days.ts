import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { UtcRange } from './report-ranges.js';

/**
 * Per-local-day summaries (issue 6, speed). A module that publishes report facts keeps a CACHE of
 * one JSON summary per shop-local day and time zone (`<module>_report_days`, migration 0017),
 * filled lazily: a report asks for its days, gets the cached ones, and the others are computed
 * live from the source tables (the same SQL as before, with each day as a range) and stored when
 * the day is over and nothing in it is still running. Triggers on the source tables delete the
 * days a write touches and bump the cache's epoch; a fill stores only when the epoch it read before
 * computing is unchanged, so a concurrent write never leaves a stale summary.
 */
export interface LocalDay {
  /** Local date, YYYY-MM-DD. */
  day: string;
  /** UTC instant of its local midnight (inclusive). */
  from: string;
  /** UTC instant of the next local midnight (exclusive). */
  to: string;
}

/** How a module keeps its day summaries (its own SQL, in its own folder). */
export interface DayStore<T> {
  /** The invalidation counter, read before computing. */
  epoch(): Promise<number>;
  /** Cached summaries of these days (those found). */
  read(timeZone: string, from: string, to: string): Promise<Map<string, T>>;
  /** The days cached in [from, to] (keys only: what the background warm-up still has to fill). */
  days(timeZone: string, from: string, to: string): Promise<Set<string>>;
  /** Stores the summaries, only if the epoch is still `epoch`. */
  write(timeZone: string, rows: readonly (readonly [string, T])[], epoch: number, now: string): Promise<void>;
}

/** The day-cache tables of migration 0017, one per module that publishes report facts. */
export type DayCacheTable = 'billing_report_days' | 'repair_orders_report_days' | 'timeclock_report_days';

/**
 * The DayStore over one module's cache table (`<table>` and `<table>_epoch`, same shape for every
 * module): the owning facts class names its table, so only it touches it.
 */
export function sqliteDayStore<T>(db: Db, table: DayCacheTable): DayStore<T> {
  const cache = sql.table(table);
  const epochTable = sql.table(`${table}_epoch`);
  return {
    epoch: async () => {
      const { rows } = await sql<{ n: number }>`SELECT n FROM ${epochTable}`.execute(db);
      return Number(rows[0]?.n ?? 0);
    },
    read: async (timeZone, from, to) => {
      const { rows } = await sql<{ day: string; data: string }>`
        SELECT day, data FROM ${cache}
        WHERE day >= ${from} AND day <= ${to} AND time_zone = ${timeZone}`.execute(db);
      return new Map(rows.map((row) => [row.day, JSON.parse(row.data) as T]));
    },
    days: async (timeZone, from, to) => {
      const { rows } = await sql<{ day: string }>`
        SELECT day FROM ${cache} WHERE day >= ${from} AND day <= ${to} AND time_zone = ${timeZone}`.execute(
        db,
      );
      return new Set(rows.map((row) => row.day));
    },
    write: async (timeZone, rows, epoch, now) => {
      await sql`
        INSERT OR REPLACE INTO ${cache} (day, time_zone, data, created_at)
        SELECT value ->> 0, ${timeZone}, value ->> 1, ${now} FROM json_each(${JSON.stringify(rows.map(([day, data]) => [day, JSON.stringify(data)]))})
        WHERE (SELECT n FROM ${epochTable}) = ${epoch}`.execute(db);
    },
  };
}

/** What a facts class's `reportDays` is asked: these local days, with the epoch read before. */
export interface DaySummaryRequest {
  timeZone: string;
  days: readonly LocalDay[];
  now: string;
  epoch: number;
  useCache?: boolean;
  stats?: DayStats;
}

/** How many day summaries were read from the cache and computed live (counted, never reset). */
export interface DayStats {
  cached: number;
  computed: number;
}

/** A day's summary computed live, and whether it may be kept once the day is over. */
export interface ComputedDay<T> {
  summary: T;
  cacheable: boolean;
}

/** At most this many days are computed in one live query (bound parameters, statement size). */
const CHUNK = 500;

/**
 * The summaries of `days` (sorted, contiguous): cached where present, else computed by `compute`
 * (which also says which of them may be kept), stored when over by `now`.
 */
export async function daySummaries<T>(input: {
  store: DayStore<T>;
  timeZone: string;
  days: readonly LocalDay[];
  now: string;
  /** Read before anything the computation depends on (see the module's trigger list). */
  epoch: number;
  /** Live summaries of these days (in order), and whether each may be cached once over. */
  compute: (days: readonly LocalDay[]) => Promise<ComputedDay<T>[]>;
  /** False: compute everything live (the reference the cache is tested against). */
  useCache?: boolean;
  stats?: DayStats;
}): Promise<T[]> {
  const { store, timeZone, days, now } = input;
  if (days.length === 0) return [];
  const useCache = input.useCache ?? true;
  const cached = useCache ? await store.read(timeZone, days[0]!.day, days.at(-1)!.day) : new Map<string, T>();
  const missing = days.filter((d) => !cached.has(d.day));
  const computed = new Map<string, T>();
  const keep: [string, T][] = [];
  for (let i = 0; i < missing.length; i += CHUNK) {
    const chunk = missing.slice(i, i + CHUNK);
    const results = await input.compute(chunk);
    chunk.forEach((d, j) => {
      const result = results[j]!;
      computed.set(d.day, result.summary);
      if (useCache && result.cacheable && d.to <= now) keep.push([d.day, result.summary]);
    });
  }
  if (keep.length > 0) await store.write(timeZone, keep, input.epoch, now);
  if (input.stats !== undefined) {
    input.stats.cached += days.length - missing.length;
    input.stats.computed += missing.length;
  }
  return days.map((d) => cached.get(d.day) ?? computed.get(d.day)!);
}

export const rangesOf = (days: readonly LocalDay[]): UtcRange[] =>
  days.map((d) => ({ from: d.from, to: d.to }));

/**
 * A module's report facts with a day cache: `reportDays` answers from the cache where kept and
 * asks `computeDays` for the others, with their ranges. `Extra` is what the computation needs
 * from other modules, passed in by the reports module (a facts file never calls another module).
 */
export abstract class DayCachedFacts<T, Extra = object> {
  /** The day cache (see above): the reports module reads its epoch before asking for days. */
  readonly dayStore: DayStore<T>;

  constructor(db: Db, table: DayCacheTable) {
    this.dayStore = sqliteDayStore(db, table);
  }

  /** Per local day, from the day cache where kept. `epoch` is `dayStore.epoch()` read before. */
  reportDays(input: DaySummaryRequest & Extra): Promise<T[]> {
    return daySummaries({
      ...input,
      store: this.dayStore,
      compute: (days) => this.computeDays(days, rangesOf(days), input),
    });
  }

  /** Live summaries of `days` (in order, `ranges[i]` is day i), and whether each may be kept. */
  protected abstract computeDays(
    days: readonly LocalDay[],
    ranges: UtcRange[],
    input: Extra,
  ): Promise<ComputedDay<T>[]>;
}
