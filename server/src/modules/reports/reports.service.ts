import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { BillingDay, BillingReportFacts } from '../billing/billing-report-facts.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { InventoryReportFacts } from '../inventory/inventory-report-facts.js';
import type {
  RepairOrdersDay,
  RepairOrdersReportFacts,
} from '../repair-orders/repair-orders-report-facts.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { TechnicianFact, TechniciansReportFacts } from '../technicians/technicians-report-facts.js';
import type { TimeclockDay, TimeclockReportFacts } from '../timeclock/timeclock-report-facts.js';
import { toAccountingCsv, toIif, type AccountingInput } from './accounting-export.js';
import { endOfDay } from './end-of-day.js';
import { buildMetrics, emptyKpiTally, sumTallies, type Tally } from './kpis.js';
import {
  bucketsOf,
  dayRange,
  localDayOf,
  localDaysOf,
  parseDay,
  parseRange,
  type Bucket,
} from './periods.js';
import type { DayStats, LocalDay } from '../../lib/report-days.js';
import type { UtcRange } from '../../lib/report-ranges.js';
import type {
  EndOfDayInput,
  EndOfDayReport,
  InventoryReport,
  KpiInput,
  KpiReport,
  RangeInput,
  TechniciansReport,
} from './reports.schemas.js';
import { HOUR_MS, emptyTally, payOf, type BucketTime, type TechTally } from '../timeclock/technician-time.js';

const KPI_NOTES = [
  'A repair order is closed in the period its invoice was issued in (shop time zone); void invoices are left out.',
  'Sales are as invoiced, after line and invoice discounts; credit notes written later are not subtracted.',
  'Percentages: 62.5 means 62.5 %. Hours are decimal hours.',
  "Billed hours of a job are split between the technicians who clocked on it, in proportion to each one's clocked time; a job nobody clocked goes to its assigned technician.",
  'Clocked and attendance hours count in the period their clock or shift started; a running clock or open shift counts up to now.',
  'Hourly technicians cost attendance hours × rate (clocked job hours when they recorded no shift); flat-rate technicians cost billed hours × rate.',
];

export const TECHNICIAN_FORMULAS: TechniciansReport['formulas'] = {
  billedHours:
    "labor hours invoiced on jobs, split by each technician's share of the time clocked on the job",
  clockedHours: 'job-clock time started in the period',
  availableHours: 'attendance: shift time clocked in during the period',
  efficiency: 'billed hours ÷ hours clocked on jobs',
  productivity: 'hours clocked on jobs ÷ hours available',
  proficiency: 'billed hours ÷ hours available',
  laborSales: 'labor sales (after discounts) split like the billed hours',
  pay: 'flat rate: billed hours × rate; hourly: attendance hours × rate',
};

const round2 = (value: number): number => Math.round(value * 100) / 100;
const percent = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 10;

export interface ReportFacts {
  billing: BillingReportFacts;
  repairOrders: RepairOrdersReportFacts;
  inventory: InventoryReportFacts;
  technicians: TechniciansReportFacts;
  timeclock: TimeclockReportFacts;
}

/**
 * The owner's reports. Reads only: every number comes from the facts classes other modules
 * publish (their `*-report-facts.ts`), grouped in SQL per bucket, and is put together here.
 */
export class ReportsService {
  /** Day summaries read from the caches and computed live, all modules together (see report-days.ts). */
  readonly dayStats: DayStats = { cached: 0, computed: 0 };

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly customers: CustomersService,
    private readonly facts: ReportFacts,
    /** `dayCache: false` computes every day live (the reference the day cache is tested against). */
    private readonly options: { dayCache?: boolean } = {},
  ) {}

  async kpis(query: KpiInput): Promise<KpiReport> {
    const timeZone = await this.timeZone();
    const period = query.period ?? 'month';
    const span = parseRange(query.from, query.to);
    const buckets = bucketsOf(span.from, span.to, period, timeZone);
    const ranges = buckets.map(toRange);
    const W = buckets.length;
    const { billing } = this.facts;

    const tallies = buckets.map(() => emptyKpiTally());
    // Distinct counts over the whole period (cars, jobs) are not additive: counted apart.
    const total = emptyKpiTally();
    const target = (range: number): Tally => (range === W ? total : tallies[range]!);

    // Per local day (cached summaries, or live), then added up per bucket.
    const days = localDaysOf(span.from, span.to, timeZone);
    const bucketOfDay = bucketIndexes(days, buckets);
    const facts = await this.dayFacts(timeZone, days, { billing: true, approvals: true });
    // Jobs decided on one day only are counted per day; the others are a union of ids.
    const jobsPresented = buckets.map(() => new Set<string>());
    const jobsApproved = buckets.map(() => new Set<string>());
    days.forEach((_, d) => {
      const t = tallies[bucketOfDay[d]!]!;
      const bill = facts.billing[d]!;
      t.repairOrders += bill.repairOrders;
      t.subtotalCents += bill.subtotalCents;
      t.discountCents += bill.discountCents;
      t.shopSuppliesCents += bill.shopSuppliesCents;
      for (const [kind, , net, quantity, cost, costMissingLines, costMissingNet] of bill.lines) {
        if (kind === 'labor') {
          t.laborSalesCents += net;
          t.billedMilli += quantity;
        } else if (kind === 'part') {
          t.partsSalesCents += net;
          t.partsCostCents += cost;
          t.partsCostMissingLines += costMissingLines;
          t.partsCostMissingSalesCents += costMissingNet;
        } else if (kind === 'fee') t.feeSalesCents += net;
        else {
          t.subletSalesCents += net;
          t.subletCostCents += cost;
        }
      }
      const ro = facts.repairOrders[d]!;
      t.approvedCents += ro.approvedCents;
      t.presentedCents += ro.approvedCents + ro.declinedCents + ro.deferredCents;
      t.jobsPresented += ro.jobsPresented;
      t.jobsApproved += ro.jobsApproved;
      for (const id of ro.multiDayJobsPresented) jobsPresented[bucketOfDay[d]!]!.add(id);
      for (const id of ro.multiDayJobsApproved) jobsApproved[bucketOfDay[d]!]!.add(id);
      t.cycleMs += ro.cycleMs;
      t.cycleCount += ro.cycleCount;
    });
    const allPresented = new Set<string>();
    const allApproved = new Set<string>();
    tallies.forEach((t, i) => {
      total.jobsPresented += t.jobsPresented;
      total.jobsApproved += t.jobsApproved;
      t.jobsPresented += jobsPresented[i]!.size;
      t.jobsApproved += jobsApproved[i]!.size;
      for (const id of jobsPresented[i]!) allPresented.add(id);
      for (const id of jobsApproved[i]!) allApproved.add(id);
    });
    total.jobsPresented += allPresented.size;
    total.jobsApproved += allApproved.size;
    for (const fact of await billing.vehicleCounts(ranges)) target(fact.range).vehicles = fact.vehicles;
    total.repairOrders = tallies.reduce((sum, t) => sum + t.repairOrders, 0);

    const technicians = await this.technicianList();
    const time = this.technicianTime(facts.timeclock, bucketOfDay, buckets.length);
    time.forEach((bucket, i) => {
      const t = tallies[i]!;
      for (const [technicianId, tally] of bucket.byTechnician) {
        t.clockedMs += tally.clockedMs;
        t.availableMs += tally.availableMs;
        t.technicianPayCents += payOf(technicians.get(technicianId), tally);
      }
    });

    // Totals: distinct counts came from the whole-range query; everything else adds up.
    const sums = sumTallies(tallies);
    const totals: Tally = {
      ...sums,
      repairOrders: total.repairOrders,
      vehicles: total.vehicles,
      jobsApproved: total.jobsApproved,
      jobsPresented: total.jobsPresented,
    };
    return {
      from: query.from,
      to: query.to,
      period,
      timeZone,
      generatedAt: this.clock.now().toISOString(),
      buckets,
      metrics: buildMetrics(tallies, totals),
      notes: KPI_NOTES,
    };
  }

  async technicians(query: RangeInput): Promise<TechniciansReport> {
    const timeZone = await this.timeZone();
    const days = parseRange(query.from, query.to);
    const localDays = localDaysOf(days.from, days.to, timeZone);
    const facts = await this.dayFacts(timeZone, localDays, { billing: false, approvals: false });
    const technicians = await this.technicianList();
    const time = this.technicianTime(
      facts.timeclock,
      localDays.map(() => 0),
      1,
    );
    const bucket = time[0]!;
    const rows = [...technicians.values()]
      .filter((t) => t.active || bucket.byTechnician.has(t.id))
      .map((technician) => {
        const tally = bucket.byTechnician.get(technician.id) ?? emptyTally();
        return {
          id: technician.id,
          name: technician.name,
          active: technician.active,
          payBasis: technician.payBasis,
          payRateCents: technician.payRateCents,
          ...numbersOf(tally, payOf(technician, tally)),
        };
      });
    const shop = emptyTally();
    let pay = 0;
    for (const [id, tally] of bucket.byTechnician) {
      shop.billedMilli += tally.billedMilli;
      shop.laborNetCents += tally.laborNetCents;
      shop.clockedMs += tally.clockedMs;
      shop.availableMs += tally.availableMs;
      pay += payOf(technicians.get(id), tally);
    }
    shop.billedMilli += bucket.unassigned.billedMilli;
    shop.laborNetCents += bucket.unassigned.laborNetCents;
    return {
      from: query.from,
      to: query.to,
      timeZone,
      generatedAt: this.clock.now().toISOString(),
      formulas: TECHNICIAN_FORMULAS,
      technicians: rows,
      unassigned: {
        billedHours: round2(bucket.unassigned.billedMilli / 1000),
        laborSalesCents: Math.round(bucket.unassigned.laborNetCents),
      },
      totals: numbersOf(shop, pay),
    };
  }

  async inventory(query: RangeInput): Promise<InventoryReport> {
    const timeZone = await this.timeZone();
    const days = parseRange(query.from, query.to);
    const whole = dayRange(days.from, days.to, timeZone);
    const now = this.clock.now().toISOString();
    const { inventory } = this.facts;
    const current = await inventory.valueNow();
    const start = await inventory.valueAt(whole.from);
    const end = await inventory.valueAt(whole.to < now ? whole.to : now);
    const issued = await inventory.issuedCostBetween(whole.from, whole.to);
    const dayCount = days.to - days.from + 1;
    const average = Math.round((start.valueCents + end.valueCents) / 2);
    const inPeriod = average === 0 ? null : issued.costCents / average;
    return {
      from: query.from,
      to: query.to,
      timeZone,
      generatedAt: now,
      valueNowCents: current.valueCents,
      itemsInStockNow: current.itemsInStock,
      valueAtStartCents: start.valueCents,
      valueAtEndCents: end.valueCents,
      averageValueCents: average,
      issuedCostCents: issued.costCents,
      days: dayCount,
      turns: inPeriod === null ? null : round2((inPeriod * 365) / dayCount),
      turnsInPeriod: inPeriod === null ? null : round2(inPeriod),
      formulas: {
        value: 'Σ quantity on hand × current unit cost (items with stock)',
        valueAt:
          "Σ quantity on hand at that moment (the ledger's quantity after the last movement before it) × current unit cost",
        issuedCost: 'Σ parts issued to jobs × unit cost − parts returned to stock',
        averageValue: '(value at start + value at end) ÷ 2',
        turns: 'issued cost ÷ average inventory value × 365 ÷ days in the period (annualized)',
      },
    };
  }

  async endOfDay(query: EndOfDayInput): Promise<EndOfDayReport> {
    const timeZone = await this.timeZone();
    const day = parseDay(query.date, 'query.date');
    const range = dayRange(day, day, timeZone);
    const { billing } = this.facts;
    return endOfDay({
      date: query.date,
      timeZone,
      startsAt: range.from,
      endsAt: range.to,
      generatedAt: this.clock.now().toISOString(),
      received: await billing.paymentsReceivedBetween(range),
      voided: await billing.paymentsVoidedBetween(range),
      invoices: await billing.invoicesIssuedBetween(range),
      openingFloatCents: query.openingFloatCents,
    });
  }

  async accountingIif(query: RangeInput): Promise<string> {
    return toIif(await this.accountingInput(query));
  }

  async accountingCsv(query: RangeInput): Promise<string> {
    return toAccountingCsv(await this.accountingInput(query));
  }

  private async accountingInput(query: RangeInput): Promise<AccountingInput> {
    const timeZone = await this.timeZone();
    const days = parseRange(query.from, query.to);
    const range = dayRange(days.from, days.to, timeZone);
    const { billing } = this.facts;
    const payments = await billing.paymentsReceivedBetween(range);
    const customerNames = new Map<string, string>();
    // Deposits not yet on an invoice have no issued parties to name the customer: ask customers.
    for (const id of new Set(payments.filter((p) => p.customerName === null).map((p) => p.customerId))) {
      const customer = await this.customers.find(this.db, id);
      if (customer !== undefined) customerNames.set(id, customer.name);
    }
    return {
      timeZone,
      invoices: await billing.invoicesIssuedBetween(range),
      payments,
      creditNotes: await billing.creditNotesBetween(range),
      customerNames,
    };
  }

  /**
   * Fills the day caches of the `days` closed local days before today (the shop's zone), the most
   * recent first, one day at a time with a turn of the event loop in between, so requests are
   * served while it runs. Days every cache already holds are skipped; `shouldStop` is asked before
   * each day. Resolves with how many days were computed.
   */
  async warmDayCache(options: {
    days: number;
    shouldStop?: () => boolean;
  }): Promise<{ filled: number; ms: number }> {
    const started = performance.now();
    const timeZone = await this.timeZone();
    const today = localDayOf(this.clock.now().getTime(), timeZone);
    const days = localDaysOf(today - options.days, today - 1, timeZone);
    if (days.length === 0) return { filled: 0, ms: 0 };
    const { billing, repairOrders, timeclock } = this.facts;
    const from = days[0]!.day;
    const to = days.at(-1)!.day;
    const kept = [
      await billing.dayStore.days(timeZone, from, to),
      await repairOrders.dayStore.days(timeZone, from, to),
      await timeclock.dayStore.days(timeZone, from, to),
    ];
    let filled = 0;
    for (const day of days.filter((d) => kept.some((set) => !set.has(d.day))).reverse()) {
      await new Promise((resolve) => setImmediate(resolve));
      if (options.shouldStop?.() === true) break;
      await this.dayFacts(timeZone, [day], { billing: true, approvals: true });
      filled++;
    }
    return { filled, ms: Math.round(performance.now() - started) };
  }

  private async technicianList(): Promise<Map<string, TechnicianFact>> {
    return new Map((await this.facts.technicians.all()).map((t) => [t.id, t]));
  }

  /**
   * The day summaries of billing (when `billing`), repair orders (when `approvals`) and the time
   * clock, cached or live (see report-days.ts). Each cache's epoch is read first, before anything
   * its summaries depend on (the time clock's billed-hours split on billing's labor per job and
   * repair orders' assignees, cycle time on billing's closed ROs).
   */
  private async dayFacts(
    timeZone: string,
    days: readonly LocalDay[],
    options: { billing: boolean; approvals: boolean },
  ): Promise<{ billing: BillingDay[]; repairOrders: RepairOrdersDay[]; timeclock: TimeclockDay[] }> {
    const { billing, repairOrders, timeclock } = this.facts;
    const now = this.clock.now().toISOString();
    const useCache = this.options.dayCache ?? true;
    const epochs = {
      billing: options.billing ? await billing.dayStore.epoch() : 0,
      repairOrders: options.approvals ? await repairOrders.dayStore.epoch() : 0,
      timeclock: await timeclock.dayStore.epoch(),
    };
    const common = { timeZone, days, now, useCache, stats: this.dayStats };
    const billingDays = options.billing ? await billing.reportDays({ ...common, epoch: epochs.billing }) : [];
    const repairOrdersDays = options.approvals
      ? await repairOrders.reportDays({
          ...common,
          epoch: epochs.repairOrders,
          closedRepairOrders: (ranges) => billing.closedRepairOrders(ranges),
        })
      : [];
    const timeclockDays = await timeclock.reportDays({
      ...common,
      epoch: epochs.timeclock,
      laborByJob: (ranges) => billing.laborByJob(ranges),
      jobAssignees: (jobIds) => repairOrders.jobAssignees(jobIds),
    });
    return { billing: billingDays, repairOrders: repairOrdersDays, timeclock: timeclockDays };
  }

  /**
   * Technician time per bucket: the day summaries of the time clock added up (clocked and
   * attendance ms per technician, and the billed-hours split each day keeps per technician). The
   * split's fractions add up per day, then per bucket (see README, Speed: equal to splitting per
   * bucket after the reports' rounding).
   */
  private technicianTime(
    timeclockDays: readonly TimeclockDay[],
    bucketOfDay: readonly number[],
    buckets: number,
  ): BucketTime[] {
    const time: BucketTime[] = Array.from({ length: buckets }, () => ({
      byTechnician: new Map(),
      unassigned: { billedMilli: 0, laborNetCents: 0 },
    }));
    const tally = (bucket: BucketTime, technicianId: string): TechTally => {
      let found = bucket.byTechnician.get(technicianId);
      if (found === undefined) bucket.byTechnician.set(technicianId, (found = emptyTally()));
      return found;
    };
    bucketOfDay.forEach((b, d) => {
      const day = timeclockDays[d]!;
      const bucket = time[b]!;
      for (const [id, ms] of day.clocked) tally(bucket, id).clockedMs += ms;
      for (const [id, ms] of day.attendance) tally(bucket, id).availableMs += ms;
      for (const [id, billedMilli, laborNetCents] of day.billed) {
        const t = tally(bucket, id);
        t.billedMilli += billedMilli;
        t.laborNetCents += laborNetCents;
      }
      bucket.unassigned.billedMilli += day.unassigned[0];
      bucket.unassigned.laborNetCents += day.unassigned[1];
    });
    return time;
  }

  private async timeZone(): Promise<string> {
    return (await this.settings.get()).timezone;
  }
}

/** The bucket of each day (days and buckets sorted, buckets covering the days). */
function bucketIndexes(days: readonly LocalDay[], buckets: readonly Bucket[]): number[] {
  let b = 0;
  return days.map((d) => {
    while (d.day > buckets[b]!.to) b++;
    return b;
  });
}

function toRange(bucket: Bucket): UtcRange {
  return { from: bucket.startsAt, to: bucket.endsAt };
}

function numbersOf(tally: ReturnType<typeof emptyTally>, payCents: number) {
  const billed = tally.billedMilli / 1000;
  const clocked = tally.clockedMs / HOUR_MS;
  const available = tally.availableMs / HOUR_MS;
  return {
    billedHours: round2(billed),
    clockedHours: round2(clocked),
    availableHours: round2(available),
    efficiency: percent(billed, clocked),
    productivity: percent(clocked, available),
    proficiency: percent(billed, available),
    laborSalesCents: Math.round(tally.laborNetCents),
    payCents: Math.round(payCents),
  };
}
