import { withReportCacheTriggersSuspended } from './report-cache.js';
import { performance } from 'node:perf_hooks';
import type { Database } from '../../src/db/database.js';
import { addDays, DAY, isOpen, localDate, shopDay, type ShopDay } from './calendar.js';
import { SHOP_SETTINGS } from './catalog/shop.js';
import { SeedContext } from './context.js';
import { FIRST_NUMBER, ShopGenerator, type Plan } from './generator.js';
import { Random } from './random.js';
import { MoneyWriter } from './money.js';
import { hashStaffSecrets, techniciansFor, writeShopSetup } from './shop-setup.js';
import { Writer } from './writer.js';

export type SeedProfile = { kind: 'demo' } | { kind: 'years'; years: number };

export interface SeedOptions {
  profile: SeedProfile;
  /** PRNG seed: the same seed and `now` give the same shop. */
  seed: number;
  /** The moment the shop is seeded "as of": history before it, the board at it, bookings after it. */
  now: Date;
  /** Called now and then with the share done (0..1) and what is being done. */
  onProgress?: (fraction: number, label: string) => void;
}

export interface SeedResult {
  counts: Record<string, number>;
  elapsedMs: number;
  firstRepairOrder: number;
  lastRepairOrder: number;
  /** Repair orders on the board at `now`: open, or done and invoiced but not yet picked up. */
  openRepairOrders: number;
  historyStart: string;
  boardDay: string;
}

function planFor(profile: SeedProfile): Plan {
  if (profile.kind === 'demo') {
    return {
      calendarDays: 28,
      repairOrders: 300,
      shares: { newVehicle: 0.85, newCustomer: 0.88 },
      growth: false,
    };
  }
  return {
    calendarDays: Math.round(profile.years * 365.25),
    repairOrders: Math.round(profile.years * 5_000),
    shares: { newVehicle: 0.5, newCustomer: 0.8 },
    growth: true,
  };
}

/** The last open day whose doors opened at or before `now`. */
function boardDayFor(now: number, timeZone: string): ShopDay {
  let date = localDate(now, timeZone);
  for (;;) {
    const day = shopDay(date, timeZone);
    if (isOpen(day) && day.opens <= now) return day;
    date = addDays(date, -1);
  }
}

function openDaysBetween(first: string, last: string, timeZone: string): ShopDay[] {
  const days: ShopDay[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    const day = shopDay(date, timeZone);
    if (isOpen(day)) days.push(day);
  }
  return days;
}

/**
 * Fills an empty, migrated database with a whole shop, in one transaction: a half-seeded shop is
 * never left behind, and SQLite writes fastest that way.
 */
export async function seedShop(database: Database, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => undefined);
  const plan = planFor(options.profile);
  const now = options.now.getTime();
  const timeZone = SHOP_SETTINGS.timezone;
  const boardDay = boardDayFor(now, timeZone);
  const firstDate = addDays(boardDay.date, -(plan.calendarDays - 1));
  const days = openDaysBetween(firstDate, boardDay.date, timeZone);
  // The system went live a month before the history starts: staff, bays, settings exist from then.
  const systemStart = shopDay(firstDate, timeZone).midnight - 30 * DAY;
  const current = techniciansFor(systemStart, now).filter((t) => t.leftYearsAgo === undefined);
  const hashes = await hashStaffSecrets(current.length);

  const writer = new Writer(database.sqlite);
  const ctx = new SeedContext(new Random(options.seed), writer, now, timeZone);
  // Its own random stream: the money side does not change which cars come in or what they need.
  ctx.money = new MoneyWriter(ctx, new Random((options.seed ^ 0x6d6f6e) >>> 0));
  let generator: ShopGenerator | undefined;
  // A big page cache keeps the one large transaction from spilling index pages to the WAL again and again.
  const cacheSize = database.sqlite.pragma('cache_size', { simple: true }) as number;
  database.sqlite.pragma('cache_size = -262144');
  try {
    database.sqlite.transaction(() =>
      withReportCacheTriggersSuspended(database.sqlite, () => {
        generator = new ShopGenerator(ctx, plan, days, writeShopSetup(ctx, systemStart, hashes));
        const recent = generator.history((fraction) => progress(0.9 * fraction, 'history'));
        progress(0.9, 'board');
        generator.board(recent);
        progress(0.93, 'appointments');
        generator.bookings(openDaysBetween(boardDay.date, addDays(boardDay.date, 14), timeZone));
        progress(0.95, 'odometers');
        generator.finish(systemStart, {
          profile: options.profile,
          seed: options.seed,
          now: options.now.toISOString(),
        });
      }),
    )();
  } finally {
    database.sqlite.pragma(`cache_size = ${cacheSize}`);
  }
  progress(0.98, 'checkpoint');
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  progress(1, 'done');

  return {
    counts: Object.fromEntries(writer.counts),
    elapsedMs: performance.now() - started,
    firstRepairOrder: FIRST_NUMBER,
    lastRepairOrder: (generator?.nextNumber ?? FIRST_NUMBER) - 1,
    openRepairOrders: generator?.onTheBoard ?? 0,
    historyStart: firstDate,
    boardDay: boardDay.date,
  };
}
