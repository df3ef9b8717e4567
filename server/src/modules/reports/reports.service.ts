import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { BillingReportFacts } from '../billing/billing-report-facts.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { InventoryReportFacts } from '../inventory/inventory-report-facts.js';
import type { RepairOrdersReportFacts } from '../repair-orders/repair-orders-report-facts.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { TechnicianFact, TechniciansReportFacts } from '../technicians/technicians-report-facts.js';
import type { TimeclockReportFacts } from '../timeclock/timeclock-report-facts.js';
import { toAccountingCsv, toIif, type AccountingInput } from './accounting-export.js';
import { endOfDay } from './end-of-day.js';
import { buildMetrics, emptyKpiTally, sumTallies, type Tally } from './kpis.js';
import { bucketsOf, dayRange, parseDay, parseRange, type Bucket } from './periods.js';
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
  ) {}

  async kpis(query: KpiInput): Promise<KpiReport> {
    const timeZone = await this.timeZone();
    const period = query.period ?? 'month';
    const days = parseRange(query.from, query.to);
    const buckets = bucketsOf(days.from, days.to, period, timeZone);
    const ranges = buckets.map(toRange);
    const W = buckets.length;
    const { billing, repairOrders } = this.facts;

    const tallies = buckets.map(() => emptyKpiTally());
    // The facts add one more row, range W, for the whole period (distinct counts over it).
    const total = emptyKpiTally();
    const target = (range: number): Tally => (range === W ? total : tallies[range]!);

    for (const fact of await billing.invoiceTotals(ranges)) {
      const t = target(fact.range);
      t.repairOrders = fact.repairOrders;
      t.vehicles = fact.vehicles;
      t.subtotalCents = fact.subtotalCents;
      t.discountCents = fact.discountCents;
      t.shopSuppliesCents = fact.shopSuppliesCents;
    }
    for (const fact of await billing.lineTotals(ranges)) {
      const t = tallies[fact.range]!;
      if (fact.kind === 'labor') {
        t.laborSalesCents += fact.netCents;
        t.billedMilli += fact.quantityMilli;
      } else if (fact.kind === 'part') {
        t.partsSalesCents += fact.netCents;
        t.partsCostCents += fact.costCents;
      } else if (fact.kind === 'fee') t.feeSalesCents += fact.netCents;
      else {
        t.subletSalesCents += fact.netCents;
        t.subletCostCents += fact.costCents;
      }
    }
    for (const fact of await repairOrders.approvals(ranges)) {
      const t = target(fact.range);
      t.approvedCents = fact.approvedCents;
      t.presentedCents = fact.approvedCents + fact.declinedCents + fact.deferredCents;
      t.jobsApproved = fact.jobsApproved;
      t.jobsPresented = fact.jobsPresented;
    }
    for (const fact of await repairOrders.cycleTimes(await billing.closedRepairOrders(ranges))) {
      tallies[fact.range]!.cycleMs += fact.cycleMs;
      tallies[fact.range]!.cycleCount += fact.count;
    }
    // Only flat-rate pay needs the billed hours split by technician.
    const { time, technicians } = await this.technicianTime(ranges, { split: 'when-flat-rate' });
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
    const whole = dayRange(days.from, days.to, timeZone);
    const { time, technicians } = await this.technicianTime([whole], { split: 'always' });
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
   * Technician time per range. The billed-hours split (labor per job, who clocked each job, the
   * assignees of the others) is the expensive part: with `when-flat-rate` it is skipped when no
   * technician is paid flat rate (hourly pay needs only clocked and attendance time).
   */
  private async technicianTime(
    ranges: readonly UtcRange[],
    options: { split: 'always' | 'when-flat-rate' },
  ): Promise<{ time: BucketTime[]; technicians: Map<string, TechnicianFact> }> {
    const { billing, repairOrders, timeclock } = this.facts;
    const technicians = new Map((await this.facts.technicians.all()).map((t) => [t.id, t]));
    const split =
      options.split === 'always' || [...technicians.values()].some((t) => t.payBasis === 'flat_rate');
    const laborByJob = split ? await billing.laborByJob(ranges) : [];
    const jobIds = [...new Set(laborByJob.map((l) => l.jobId))];
    const clockedOnJobs = await timeclock.clockedOnJobs(jobIds);
    const clocked = new Set(clockedOnJobs.map((e) => e.jobId));
    const assignees = await repairOrders.jobAssignees(jobIds.filter((id) => !clocked.has(id)));
    const time = technicianTime({
      buckets: ranges.length,
      clocked: await timeclock.clockedByRange(ranges),
      attendance: await timeclock.attendanceByRange(ranges),
      laborByJob,
      clockedOnJobs,
      assignees,
    });
    return { time, technicians };
  }

  private async timeZone(): Promise<string> {
    return (await this.settings.get()).timezone;
  }
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
