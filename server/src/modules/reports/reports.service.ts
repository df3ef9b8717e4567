import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { BillingDay, BillingReportFacts, JobLaborFact } from '../billing/billing-report-facts.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { InventoryReportFacts } from '../inventory/inventory-report-facts.js';
import type {
  RepairOrdersDay,
  RepairOrdersReportFacts,
} from '../repair-orders/repair-orders-report-facts.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { TechnicianFact, TechniciansReportFacts } from '../technicians/technicians-report-facts.js';
import type {
  JobTimeFact,
  RangeTimeFact,
  TimeclockDay,
  TimeclockReportFacts,
} from '../timeclock/timeclock-report-facts.js';
import { toAccountingCsv, toIif, type AccountingInput } from './accounting-export.js';
import { endOfDay } from './end-of-day.js';
import { buildMetrics, emptyKpiTally, sumTallies, type Tally } from './kpis.js';
import { bucketsOf, dayRange, localDaysOf, parseDay, parseRange, type Bucket } from './periods.js';
import type { LocalDay } from './report-days.js';
import type { UtcRange } from './report-ranges.js';
import type {
  EndOfDayInput,
  EndOfDayReport,
  InventoryReport,
  KpiInput,
  KpiReport,
  RangeInput,
  TechniciansReport,
} from './reports.schemas.js';
import { HOUR_MS, emptyTally, payOf, technicianTime, type BucketTime } from './technician-time.js';

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
    const facts = await this.dayFacts(timeZone, days, { approvals: true });
    const jobsPresented = buckets.map(() => new Set<string>());
    const jobsApproved = buckets.map(() => new Set<string>());
    days.forEach((_, d) => {
      const t = tallies[bucketOfDay[d]!]!;
      const bill = facts.billing[d]!;
      t.repairOrders += bill.repairOrders;
      t.subtotalCents += bill.subtotalCents;
      t.discountCents += bill.discountCents;
      t.shopSuppliesCents += bill.shopSuppliesCents;
      for (const [kind, , net, quantity, cost] of bill.lines) {
        if (kind === 'labor') {
          t.laborSalesCents += net;
          t.billedMilli += quantity;
        } else if (kind === 'part') {
          t.partsSalesCents += net;
          t.partsCostCents += cost;
        } else if (kind === 'fee') t.feeSalesCents += net;
        else {
          t.subletSalesCents += net;
          t.subletCostCents += cost;
        }
      }
      const ro = facts.repairOrders[d]!;
      t.approvedCents += ro.approvedCents;
      t.presentedCents += ro.approvedCents + ro.declinedCents + ro.deferredCents;
      for (const id of ro.jobsPresented) jobsPresented[bucketOfDay[d]!]!.add(id);
      for (const id of ro.jobsApproved) jobsApproved[bucketOfDay[d]!]!.add(id);
      t.cycleMs += ro.cycleMs;
      t.cycleCount += ro.cycleCount;
    });
    const allPresented = new Set<string>();
    const allApproved = new Set<string>();
    tallies.forEach((t, i) => {
      t.jobsPresented = jobsPresented[i]!.size;
      t.jobsApproved = jobsApproved[i]!.size;
      for (const id of jobsPresented[i]!) allPresented.add(id);
      for (const id of jobsApproved[i]!) allApproved.add(id);
    });
    total.jobsPresented = allPresented.size;
    total.jobsApproved = allApproved.size;
    for (const fact of await billing.vehicleCounts(ranges)) target(fact.range).vehicles = fact.vehicles;
    total.repairOrders = tallies.reduce((sum, t) => sum + t.repairOrders, 0);

    // Only flat-rate pay needs the billed hours split by technician.
    const technicians = await this.technicianList();
    const split = [...technicians.values()].some((t) => t.payBasis === 'flat_rate');
    const time = await this.technicianTime(facts, bucketOfDay, buckets.length, split);
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
    const facts = await this.dayFacts(timeZone, localDays, { approvals: false });
    const technicians = await this.technicianList();
    const time = await this.technicianTime(
      facts,
      localDays.map(() => 0),
      1,
      true,
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

  private async technicianList(): Promise<Map<string, TechnicianFact>> {
    return new Map((await this.facts.technicians.all()).map((t) => [t.id, t]));
  }

  /**
   * The day summaries of billing, repair orders (when `approvals`) and the time clock, cached or
   * live (see report-days.ts). Each cache's epoch is read first, before anything its summaries
   * depend on (the time clock's split depends on billing's jobs, cycle time on billing's closed ROs).
   */
  private async dayFacts(
    timeZone: string,
    days: readonly LocalDay[],
    options: { approvals: boolean },
  ): Promise<{ billing: BillingDay[]; repairOrders: RepairOrdersDay[]; timeclock: TimeclockDay[] }> {
    const { billing, repairOrders, timeclock } = this.facts;
    const now = this.clock.now().toISOString();
    const useCache = this.options.dayCache ?? true;
    const epochs = {
      billing: await billing.dayStore.epoch(),
      repairOrders: options.approvals ? await repairOrders.dayStore.epoch() : 0,
      timeclock: await timeclock.dayStore.epoch(),
    };
    const common = { timeZone, days, now, useCache };
    const billingDays = await billing.reportDays({ ...common, epoch: epochs.billing });
    const repairOrdersDays = options.approvals
      ? await repairOrders.reportDays({
          ...common,
          epoch: epochs.repairOrders,
          closedRepairOrders: (ranges) => billing.closedRepairOrders(ranges),
        })
      : [];
    const billedJobs = new Map(days.map((d, i) => [d.day, billingDays[i]!.labor.map(([jobId]) => jobId)]));
    const timeclockDays = await timeclock.reportDays({ ...common, epoch: epochs.timeclock, billedJobs });
    return { billing: billingDays, repairOrders: repairOrdersDays, timeclock: timeclockDays };
  }

  /**
   * Technician time per bucket from the day summaries, put in the same order the per-range facts
   * came in (technicians by id, jobs by id within a bucket), so the sums of the split (fractions)
   * add up in the same order as before. The billed-hours split (labor per job, who clocked each job,
   * the assignees of the others) is left out when `split` is false (hourly pay needs only clocked
   * and attendance time).
   */
  private async technicianTime(
    facts: { billing: BillingDay[]; timeclock: TimeclockDay[] },
    bucketOfDay: readonly number[],
    buckets: number,
    split: boolean,
  ): Promise<BucketTime[]> {
    const clocked = Array.from({ length: buckets }, () => new Map<string, number>());
    const attendance = Array.from({ length: buckets }, () => new Map<string, number>());
    const labor = Array.from({ length: buckets }, () => new Map<string, [number, number]>());
    const onJobs = new Map<string, [string, number][]>();
    bucketOfDay.forEach((b, d) => {
      const day = facts.timeclock[d]!;
      for (const [id, ms] of day.clocked) clocked[b]!.set(id, (clocked[b]!.get(id) ?? 0) + ms);
      for (const [id, ms] of day.attendance) attendance[b]!.set(id, (attendance[b]!.get(id) ?? 0) + ms);
      if (!split) return;
      for (const [jobId, quantity, net] of facts.billing[d]!.labor) {
        const found = labor[b]!.get(jobId);
        if (found === undefined) labor[b]!.set(jobId, [quantity, net]);
        else {
          found[0] += quantity;
          found[1] += net;
        }
      }
      const seen = new Set<string>();
      for (const [jobId, technicianId, ms] of day.jobs) {
        if (onJobs.has(jobId) && !seen.has(jobId)) continue; // the same job billed on two days
        seen.add(jobId);
        let list = onJobs.get(jobId);
        if (list === undefined) onJobs.set(jobId, (list = []));
        list.push([technicianId, ms]);
      }
    });
    const byId = <T>(entries: Iterable<[string, T]>): [string, T][] =>
      [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const rangeFacts = (maps: Map<string, number>[]): RangeTimeFact[] =>
      maps.flatMap((map, range) => byId(map).map(([technicianId, ms]) => ({ range, technicianId, ms })));
    const laborByJob: JobLaborFact[] = labor.flatMap((map, range) =>
      byId(map).map(([jobId, [quantityMilli, netCents]]) => ({ range, jobId, quantityMilli, netCents })),
    );
    const jobIds = [...new Set(laborByJob.map((l) => l.jobId))];
    const clockedOnJobs: JobTimeFact[] = [];
    for (const jobId of jobIds)
      for (const [technicianId, ms] of onJobs.get(jobId) ?? [])
        clockedOnJobs.push({ jobId, technicianId, ms });
    const clockedJobs = new Set(clockedOnJobs.map((e) => e.jobId));
    const assignees = await this.facts.repairOrders.jobAssignees(jobIds.filter((id) => !clockedJobs.has(id)));
    return technicianTime({
      buckets,
      clocked: rangeFacts(clocked),
      attendance: rangeFacts(attendance),
      laborByJob,
      clockedOnJobs,
      assignees,
    });
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
