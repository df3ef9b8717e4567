import {
  ResourceCalendar,
  writeMissedAppointment,
  writeUpcomingAppointments,
  type Booker,
} from './appointments.js';
import { DAY, HOUR, MINUTE, type ShopDay } from './calendar.js';
import { SHOP_SETTINGS } from './catalog/shop.js';
import { writeLatestOdometers } from './clientele.js';
import type { SeedContext } from './context.js';
import { CustomerFactory } from './customers.js';
import { finishHistoricVisit, finishRecentVisit } from './finish.js';
import { Arrivals, odometerAt, type ClienteleShares } from './history.js';
import type { VisitDraft } from './model.js';
import type { ShopSetup } from './shop-setup.js';
import { VehicleFactory } from './vehicles.js';
import { PriceBook, VisitPlanner } from './visits.js';
import { DaySchedule } from './work.js';

/** Open ROs on the board at `now`, about what a busy shop carries. */
const BOARD_TARGET = 25;
/** Open days before the board day whose visits may still be on the lot. */
const RECENT_DAYS = 6;
export const FIRST_NUMBER = SHOP_SETTINGS.repairOrderStartNumber;

export interface Plan {
  calendarDays: number;
  repairOrders: number;
  shares: ClienteleShares;
  /** Growth over the window: a ten-year-old shop was smaller when it started. */
  growth: boolean;
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

/**
 * Walks the shop's days in order: who comes in, what they need, what is done, and where things
 * stand at `now`. Visits are numbered as they arrive, so RO numbers follow time without gaps.
 */
export class ShopGenerator {
  nextNumber = FIRST_NUMBER;
  onTheBoard = 0;
  readonly #planner: VisitPlanner;
  readonly #arrivals: Arrivals;
  readonly #calendar = new ResourceCalendar();

  constructor(
    private readonly ctx: SeedContext,
    private readonly plan: Plan,
    private readonly days: ShopDay[],
    setup: ShopSetup,
  ) {
    const random = ctx.random;
    this.#planner = new VisitPlanner(
      random.fork(1),
      new PriceBook(ctx.now, SHOP_SETTINGS.laborRateCents, setup.stock),
      setup.cannedIds,
    );
    this.#arrivals = new Arrivals(
      ctx,
      new CustomerFactory(random.fork(2), (at) => ctx.id(at)),
      new VehicleFactory(random.fork(3), (at) => ctx.id(at)),
      plan.shares,
    );
  }

  /** Every day up to the board day; the last few are kept back to settle at `now`. */
  history(progress: (fraction: number) => void): VisitDraft[][] {
    const money = this.ctx.money;
    const weights = dayWeights(this.days, this.plan.growth);
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const recentFrom = Math.max(0, this.days.length - RECENT_DAYS);
    const recent: VisitDraft[][] = [];
    this.days.forEach((day, dayIndex) => {
      const mean = (this.plan.repairOrders * (weights[dayIndex] ?? 0)) / totalWeight;
      const visits = this.arrivalTimes(day, this.ctx.random.poisson(mean)).map((openedAt) =>
        this.visit(day, dayIndex, openedAt),
      );
      money?.shifts(day);
      if (dayIndex >= recentFrom) recent.push(visits);
      else {
        const schedule = new DaySchedule(this.ctx, day);
        for (const visit of visits) finishHistoricVisit(this.ctx, visit, schedule);
      }
      this.missedAppointments(day, this.ctx.random.poisson(visits.length * 0.07));
      if (dayIndex % 20 === 0) progress(dayIndex / this.days.length);
    });
    return recent;
  }

  /** Arrival times: most drop-offs in the first two hours, the rest over the day; none after `now`. */
  private arrivalTimes(day: ShopDay, count: number): number[] {
    const r = this.ctx.random;
    const span = day.closes - day.opens;
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const offset = r.chance(0.62)
        ? r.int(0, Math.min(span, 110 * MINUTE))
        : r.int(0, Math.max(0, span - 45 * MINUTE));
      if (day.opens + offset <= this.ctx.now - 5 * MINUTE) times.push(day.opens + offset);
    }
    return times.sort((a, b) => a - b);
  }

  private visit(day: ShopDay, dayIndex: number, openedAt: number): VisitDraft {
    const r = this.ctx.random;
    // About half the cars come in on an appointment; the rest are walk-ins and tows.
    const viaAppointment = r.chance(0.5);
    const bookedAt = viaAppointment ? openedAt - r.int(1, 14) * DAY - r.int(0, 600) * MINUTE : openedAt;
    const vehicle = this.#arrivals.arrive(openedAt, bookedAt);
    const waiter = r.chance(0.16);
    const jobs = this.#planner.plan(vehicle, openedAt);
    const startsAt = Math.max(day.opens, openedAt - (openedAt % (15 * MINUTE)));
    const concernHours = jobs.reduce((sum, j) => sum + (j.source === 'concern' ? j.bookHours : 0), 0);
    return {
      number: this.nextNumber++,
      customer: this.#arrivals.customerOf(vehicle),
      vehicle,
      openedAt,
      dayIndex,
      waiter,
      odometer: odometerAt(vehicle, openedAt, r.real(0.97, 1.03)),
      advisorIndex: r.chance(0.1) ? -1 : r.int(0, this.ctx.advisors.length - 1),
      jobs,
      appointment: viaAppointment
        ? { bookedAt, startsAt, endsAt: startsAt + Math.max(HOUR, Math.ceil(concernHours * 2) * 30 * MINUTE) }
        : null,
    };
  }

  private missedAppointments(day: ShopDay, count: number): void {
    for (let i = 0; i < count; i++) {
      const vehicle = this.#arrivals.returning(day.midnight - 20 * DAY);
      if (vehicle === null) return;
      writeMissedAppointment(this.ctx, day, this.#arrivals.customerOf(vehicle), vehicle);
    }
  }

  /**
   * The last few days: visits still on the lot stay open (about BOARD_TARGET in all), the rest
   * close. Earlier days contribute the cars stuck on parts or approval; the board day its live work.
   */
  board(recent: VisitDraft[][]): void {
    const days = this.days.slice(this.days.length - recent.length);
    const stuck = this.stuckVisits(recent);
    recent.forEach((visits, i) => {
      const schedule = new DaySchedule(this.ctx, days[i]!);
      const calendar = i === recent.length - 1 ? this.#calendar : null;
      for (const visit of visits) {
        if (finishRecentVisit(this.ctx, visit, schedule, stuck.has(visit), calendar)) this.onTheBoard++;
      }
    });
  }

  /** Cars from the days before still waiting on something, the more recent the likelier. */
  private stuckVisits(recent: VisitDraft[][]): Set<VisitDraft> {
    const boardVisits = recent[recent.length - 1] ?? [];
    const earlier = recent.slice(0, -1).flat();
    const wanted = Math.min(
      earlier.length,
      Math.max(4, BOARD_TARGET - Math.round(boardVisits.length * 0.85)),
    );
    const lastIndex = boardVisits[0]?.dayIndex ?? (earlier[earlier.length - 1]?.dayIndex ?? 0) + 1;
    const stuck = new Set<VisitDraft>();
    const candidates = earlier.map((visit) => ({
      visit,
      weight: 1 / Math.max(1, lastIndex - visit.dayIndex),
    }));
    while (stuck.size < wanted && candidates.length > 0) {
      const choice = this.ctx.random.weighted(candidates);
      stuck.add(choice.visit);
      candidates.splice(candidates.indexOf(choice), 1);
    }
    return stuck;
  }

  /** Bookings from `now` on; one in ten is a first-time caller whose car is not on file yet. */
  bookings(upcoming: ShopDay[]): void {
    const r = this.ctx.random;
    const arrivals = this.#arrivals;
    const booker: Booker = {
      pickCustomer: (bookedAt) => {
        if (r.chance(0.1)) return { customer: arrivals.newCustomer(bookedAt), vehicle: null };
        const vehicle = arrivals.returning(this.ctx.now - 20 * DAY) ?? arrivals.vehicles[0]!;
        return { customer: arrivals.customerOf(vehicle), vehicle };
      },
    };
    const perDay = (this.plan.repairOrders / this.days.length) * 0.45;
    writeUpcomingAppointments(this.ctx, upcoming, perDay, this.#calendar, booker);
  }

  /** What only the end knows: each car's latest odometer, the RO counter, the audit entry. */
  finish(since: number, about: object): void {
    writeLatestOdometers(this.ctx, this.#arrivals.vehicles);
    const at = this.ctx.iso(this.ctx.now);
    const money = this.ctx.money;
    if (money !== null) {
      money.writeShelves();
      if (money.lastInvoiceNumber > 0)
        this.ctx.writer.insert('counters', {
          name: 'invoice',
          value: money.lastInvoiceNumber,
          created_at: this.ctx.iso(since),
          updated_at: at,
        });
    }
    this.ctx.writer.insert('counters', {
      name: 'repair_order',
      value: this.nextNumber - 1,
      created_at: this.ctx.iso(since),
      updated_at: at,
    });
    this.ctx.writer.insert('audit_log', {
      id: this.ctx.id(this.ctx.now),
      at,
      actor_user_id: null,
      actor_label: 'seed',
      action: 'seed.generated',
      entity_type: 'database',
      entity_id: null,
      data: JSON.stringify(about),
      ip: null,
      created_at: at,
      updated_at: at,
    });
  }
}
