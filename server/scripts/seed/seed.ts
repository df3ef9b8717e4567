import { performance } from 'node:perf_hooks';
import type { Database } from '../../src/db/database.js';
import {
  ResourceCalendar,
  writeMissedAppointment,
  writeUpcomingAppointments,
  type Booker,
} from './appointments.js';
import { addDays, DAY, HOUR, isOpen, localDate, MINUTE, shopDay, type ShopDay } from './calendar.js';
import { SHOP_SETTINGS } from './catalog/shop.js';
import { SeedContext } from './context.js';
import { CustomerFactory } from './customers.js';
import { finishHistoricVisit, finishRecentVisit } from './finish.js';
import { Arrivals, odometerAt, type ClienteleShares } from './history.js';
import type { VisitDraft } from './model.js';
import { Random } from './random.js';
import { hashStaffSecrets, techniciansFor, writeShopSetup } from './shop-setup.js';
import { writeLatestOdometers } from './clientele.js';
import { VehicleFactory } from './vehicles.js';
import { PriceBook, VisitPlanner } from './visits.js';
import { DaySchedule } from './work.js';
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
  openRepairOrders: number;
  historyStart: string;
  boardDay: string;
}

interface Plan {
  calendarDays: number;
  repairOrders: number;
  shares: ClienteleShares;
  /** Growth over the window: a ten-year-old shop was smaller when it started. */
  growth: boolean;
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

/** Open ROs on the board at `now`, about what a busy shop carries. */
const BOARD_TARGET = 25;
/** Open days before the board day whose visits may still be on the lot. */
const RECENT_DAYS = 6;
const FIRST_NUMBER = SHOP_SETTINGS.repairOrderStartNumber;

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

/** Relative business of each day: Saturdays half, a quiet Christmas week, growth over the years. */
function dayWeights(days: ShopDay[], growth: boolean): number[] {
  return days.map((day, i) => {
    const month = Number(day.date.slice(5, 7));
    const dayOfMonth = Number(day.date.slice(8, 10));
    let weight = day.weekday === 6 ? 0.45 : 1;
    if (growth) weight *= 0.7 + (0.6 * i) / Math.max(1, days.length - 1);
    if (month === 12 && dayOfMonth >= 20) weight *= 0.7;
    else if ([3, 4, 5, 10, 11].includes(month)) weight *= 1.1;
    else if ([7, 8].includes(month)) weight *= 0.92;
    return weight;
  });
}

/** Arrival times: most drop-offs in the first two hours, the rest spread over the day. */
function arrivals(ctx: SeedContext, day: ShopDay, count: number): number[] {
  const r = ctx.random;
  const span = day.closes - day.opens;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const offset = r.chance(0.62)
      ? r.int(0, Math.min(span, 110 * MINUTE))
      : r.int(0, Math.max(0, span - 45 * MINUTE));
    times.push(day.opens + offset);
  }
  return times.sort((a, b) => a - b);
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
  const systemStart = shopDay(firstDate, timeZone).midnight - 30 * DAY;
  const hashes = await hashStaffSecrets(
    techniciansFor(systemStart, now).filter((t) => t.leftYearsAgo === undefined).length,
  );

  const random = new Random(options.seed);
  const writer = new Writer(database.sqlite);
  const ctx = new SeedContext(random, writer, now, timeZone);
  let number = FIRST_NUMBER;
  let openCount = 0;

  // A big page cache keeps the one large transaction from spilling index pages to the WAL again and again.
  const cacheSize = database.sqlite.pragma('cache_size', { simple: true }) as number;
  database.sqlite.pragma('cache_size = -262144');
  database.sqlite.transaction(() => {
    const setup = writeShopSetup(ctx, systemStart, hashes);
    const planner = new VisitPlanner(
      random.fork(1),
      new PriceBook(now, SHOP_SETTINGS.laborRateCents, setup.stock),
      setup.cannedIds,
    );
    const arrivalsModel = new Arrivals(
      ctx,
      new CustomerFactory(random.fork(2), (at) => ctx.id(at)),
      new VehicleFactory(random.fork(3), (at) => ctx.id(at)),
      plan.shares,
    );
    const weights = dayWeights(days, plan.growth);
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const recentFrom = Math.max(0, days.length - RECENT_DAYS);
    const recent: VisitDraft[][] = [];

    days.forEach((day, dayIndex) => {
      const isBoardDay = dayIndex === days.length - 1;
      const mean = (plan.repairOrders * (weights[dayIndex] ?? 0)) / totalWeight;
      const times = arrivals(ctx, day, random.poisson(mean)).filter(
        (t) => !isBoardDay || t <= now - 5 * MINUTE,
      );
      const schedule = new DaySchedule(ctx, day);
      const visits: VisitDraft[] = [];
      for (const openedAt of times) {
        const viaAppointment = random.chance(0.35);
        const bookedAt = viaAppointment
          ? openedAt - random.int(1, 14) * DAY - random.int(0, 600) * MINUTE
          : openedAt;
        const vehicle = arrivalsModel.arrive(openedAt, bookedAt);
        const waiter = random.chance(0.16);
        const jobs = planner.plan(vehicle, openedAt);
        const startsAt = Math.max(day.opens, openedAt - (openedAt % (15 * MINUTE)));
        const concernHours = jobs.reduce((sum, j) => sum + (j.source === 'concern' ? j.bookHours : 0), 0);
        visits.push({
          number: number++,
          customer: arrivalsModel.customerOf(vehicle),
          vehicle,
          openedAt,
          dayIndex,
          waiter,
          odometer: odometerAt(vehicle, openedAt, random.real(0.97, 1.03)),
          advisorIndex: random.chance(0.1) ? -1 : random.int(0, ctx.advisors.length - 1),
          jobs,
          appointment: viaAppointment
            ? {
                bookedAt,
                startsAt,
                endsAt: startsAt + Math.max(HOUR, Math.ceil(concernHours * 2) * 30 * MINUTE),
              }
            : null,
        });
      }
      if (dayIndex >= recentFrom) recent.push(visits);
      else for (const visit of visits) finishHistoricVisit(ctx, visit, schedule);
      writeMissedAppointments(ctx, day, arrivalsModel, random.poisson(times.length * 0.07));
      if (dayIndex % 20 === 0) progress((0.9 * dayIndex) / days.length, 'history');
    });

    progress(0.9, 'board');
    const calendar = new ResourceCalendar();
    openCount = finishRecentDays(ctx, recent, days.slice(recentFrom), calendar);

    progress(0.93, 'appointments');
    const booker: Booker = {
      pickCustomer: (bookedAt) => {
        if (random.chance(0.1)) return { customer: arrivalsModel.newCustomer(bookedAt), vehicle: null };
        const vehicle = arrivalsModel.returning(now - 20 * DAY) ?? arrivalsModel.vehicles[0]!;
        return { customer: arrivalsModel.customerOf(vehicle), vehicle };
      },
    };
    const upcoming = openDaysBetween(boardDay.date, addDays(boardDay.date, 14), timeZone);
    writeUpcomingAppointments(ctx, upcoming, (plan.repairOrders / days.length) * 0.45, calendar, booker);

    progress(0.95, 'odometers');
    writeLatestOdometers(ctx, arrivalsModel.vehicles);
    const at = ctx.iso(now);
    writer.insert('counters', {
      name: 'repair_order',
      value: number - 1,
      created_at: ctx.iso(systemStart),
      updated_at: at,
    });
    writer.insert('audit_log', {
      id: ctx.id(now),
      at,
      actor_user_id: null,
      actor_label: 'seed',
      action: 'seed.generated',
      entity_type: 'database',
      entity_id: null,
      data: JSON.stringify({ profile: options.profile, seed: options.seed, now: options.now.toISOString() }),
      ip: null,
      created_at: at,
      updated_at: at,
    });
  })();
  database.sqlite.pragma(`cache_size = ${cacheSize}`);
  progress(0.98, 'checkpoint');
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  progress(1, 'done');

  return {
    counts: Object.fromEntries(writer.counts),
    elapsedMs: performance.now() - started,
    firstRepairOrder: FIRST_NUMBER,
    lastRepairOrder: number - 1,
    openRepairOrders: openCount,
    historyStart: firstDate,
    boardDay: boardDay.date,
  };
}

function writeMissedAppointments(ctx: SeedContext, day: ShopDay, arrivals: Arrivals, count: number): void {
  for (let i = 0; i < count; i++) {
    const vehicle = arrivals.returning(day.midnight - 20 * DAY);
    if (vehicle === null) return;
    writeMissedAppointment(ctx, day, arrivals.customerOf(vehicle), vehicle);
  }
}

/**
 * The last few days: visits still on the lot stay open (about BOARD_TARGET in all), the rest close.
 * Earlier days contribute the cars stuck on parts or approval; the board day its live work.
 */
function finishRecentDays(
  ctx: SeedContext,
  recent: VisitDraft[][],
  days: ShopDay[],
  calendar: ResourceCalendar,
): number {
  const r = ctx.random;
  const boardVisits = recent[recent.length - 1] ?? [];
  const earlier = recent.slice(0, -1).flat();
  const wanted = Math.min(earlier.length, Math.max(4, BOARD_TARGET - Math.round(boardVisits.length * 0.85)));
  const lastIndex = boardVisits[0]?.dayIndex ?? (earlier[earlier.length - 1]?.dayIndex ?? 0) + 1;
  const stuck = new Set<VisitDraft>();
  const candidates = earlier.map((visit) => ({ visit, weight: 1 / Math.max(1, lastIndex - visit.dayIndex) }));
  while (stuck.size < wanted && candidates.length > 0) {
    const choice = r.weighted(candidates);
    stuck.add(choice.visit);
    candidates.splice(candidates.indexOf(choice), 1);
  }
  let open = 0;
  recent.forEach((visits, i) => {
    const day = days[i]!;
    const schedule = new DaySchedule(ctx, day);
    const isBoardDay = i === recent.length - 1;
    for (const visit of visits) {
      if (finishRecentVisit(ctx, visit, schedule, stuck.has(visit), isBoardDay ? calendar : null)) open++;
    }
  });
  return open;
}
