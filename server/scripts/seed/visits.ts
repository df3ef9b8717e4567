import type { StockCategory, StockItem } from './catalog/inventory.js';
import { JOBS, type JobSpec, type SpecialPart, type StockPart } from './catalog/jobs.js';
import { DAY } from './calendar.js';
import type { JobDraft, LineDraft, VehicleState } from './model.js';
import type { Random } from './random.js';

const YEAR = 365.25 * DAY;

export interface StockEntry {
  item: StockItem;
  id: string;
}

/** Prices move with time: the labour rate and part prices were lower years ago. */
export class PriceBook {
  readonly #stock = new Map<StockCategory, StockEntry[]>();

  constructor(
    private readonly now: number,
    private readonly currentLaborRateCents: number,
    stock: readonly StockEntry[],
  ) {
    for (const entry of stock) {
      const list = this.#stock.get(entry.item.category) ?? [];
      list.push(entry);
      this.#stock.set(entry.item.category, list);
    }
  }

  private yearsAgo(at: number): number {
    return Math.max(0, (this.now - at) / YEAR);
  }

  /** The posted rate then, to the nearest $5: about 3.5 % a year of labour-rate growth. */
  laborRate(at: number): number {
    const raw = this.currentLaborRateCents * Math.pow(0.965, Math.floor(this.yearsAgo(at)));
    return Math.round(raw / 500) * 500;
  }

  inflation(at: number): number {
    return Math.pow(0.97, this.yearsAgo(at));
  }

  stock(category: StockCategory): StockEntry[] {
    return this.#stock.get(category) ?? [];
  }
}

/** Shelf prices end in .95, the way a counter price list reads. */
function shelfPrice(cents: number): number {
  return Math.max(95, Math.ceil(cents / 100) * 100 - 5);
}

const hoursToMilli = (hours: number) => Math.round(hours * 10) * 100;

function isStock(part: StockPart | SpecialPart): part is StockPart {
  return 'stock' in part;
}

interface WeightedSpec {
  weight: number;
  spec: JobSpec;
}

function weightedSpecs(electric: boolean, source: 'concern' | 'inspection'): WeightedSpec[] {
  return JOBS.filter((spec) => !(electric && spec.iceOnly === true))
    .map((spec) => ({
      spec,
      weight: spec.weight * (source === 'concern' ? 1 - spec.recommended : spec.recommended),
    }))
    .filter((entry) => entry.weight > 0);
}

/** Turns a visit into jobs with their lines, from the job catalog. */
export class VisitPlanner {
  readonly #lists = {
    ice: { concern: weightedSpecs(false, 'concern'), inspection: weightedSpecs(false, 'inspection') },
    ev: { concern: weightedSpecs(true, 'concern'), inspection: weightedSpecs(true, 'inspection') },
  };

  constructor(
    private readonly random: Random,
    private readonly prices: PriceBook,
    private readonly cannedIds: ReadonlyMap<string, string>,
  ) {}

  plan(vehicle: VehicleState, at: number): JobDraft[] {
    const r = this.random;
    const lists = vehicle.electric ? this.#lists.ev : this.#lists.ice;
    const concernCount = r.chance(0.55) ? 1 : r.chance(0.72) ? 2 : 3;
    const inspectionCount = Math.min(4, r.poisson(1.62));
    const chosen = new Set<string>();
    const jobs: JobDraft[] = [];
    const add = (list: WeightedSpec[], count: number, source: JobDraft['source']) => {
      for (let i = 0, attempts = 0; i < count && attempts < count * 6; attempts++) {
        const { spec } = r.weighted(list);
        if (chosen.has(spec.key)) continue;
        chosen.add(spec.key);
        jobs.push(this.job(spec, source, at));
        i++;
      }
    };
    add(lists.concern, concernCount, 'concern');
    add(lists.inspection, inspectionCount, 'inspection');
    return jobs;
  }

  private job(spec: JobSpec, source: JobDraft['source'], at: number): JobDraft {
    const r = this.random;
    const finding = r.pick(spec.findings);
    const bookHours = Math.round(r.real(spec.hours[0], spec.hours[1]) * 10) / 10;
    const concern =
      source === 'concern'
        ? r.pick(spec.concerns)
        : `Found on inspection: ${finding.cause.charAt(0).toLowerCase()}${finding.cause.slice(1)}`;
    return {
      spec,
      title: spec.title,
      concern,
      cause: finding.cause,
      correction: finding.correction,
      source,
      bookHours,
      lines: this.lines(spec, bookHours, at),
      cannedJobId: spec.canned === undefined ? null : (this.cannedIds.get(spec.canned) ?? null),
      approval: { state: 'recommended', method: null, at: null, deferredReason: null },
      status: 'Pending',
      technicianIndex: null,
      bayIndex: null,
      scheduledStart: null,
      estimatedEnd: null,
      actualStart: null,
      actualEnd: null,
      blockedReason: null,
      statusChangedAt: null,
    };
  }

  private lines(spec: JobSpec, bookHours: number, at: number): LineDraft[] {
    const r = this.random;
    const inflation = this.prices.inflation(at);
    const lines: LineDraft[] = [
      {
        kind: 'labor',
        description: spec.key.endsWith('diag')
          ? `Diagnostic time: ${spec.title.toLowerCase()}`
          : `Labor: ${spec.title}`,
        quantityMilli: hoursToMilli(bookHours),
        unitPriceCents: this.prices.laborRate(at),
        unitCostCents: 0,
        taxable: false,
        inventoryItemId: null,
        partNumber: null,
        optional: false,
      },
    ];
    let firstPartUnits = 1;
    for (const part of spec.parts) {
      const line = isStock(part) ? this.stockLine(part, inflation) : this.specialLine(part, inflation);
      if (line === null) continue;
      if (lines.length === 1) firstPartUnits = line.quantityMilli / 1000;
      lines.push(line);
    }
    for (const fee of spec.fees ?? []) {
      if (fee.probability !== undefined && !r.chance(fee.probability)) continue;
      lines.push({
        kind: 'fee',
        description: fee.description,
        quantityMilli: (fee.perPartUnit === true ? firstPartUnits : 1) * 1000,
        unitPriceCents: fee.cents,
        unitCostCents: 0,
        taxable: fee.taxable ?? false,
        inventoryItemId: null,
        partNumber: null,
        optional: false,
      });
    }
    if (spec.sublet !== undefined) {
      const cost = Math.round(r.int(spec.sublet.cost[0], spec.sublet.cost[1]) * inflation);
      lines.push({
        kind: 'sublet',
        description: `${spec.sublet.description} (${r.pick(spec.sublet.vendor)})`,
        quantityMilli: 1000,
        unitPriceCents: shelfPrice(cost * spec.sublet.markup),
        unitCostCents: cost,
        taxable: false,
        inventoryItemId: null,
        partNumber: null,
        optional: false,
      });
    }
    return lines;
  }

  private stockLine(part: StockPart, inflation: number): LineDraft | null {
    const entries = this.prices.stock(part.stock);
    if (entries.length === 0) return null;
    if (part.probability !== undefined && !this.random.chance(part.probability)) return null;
    const { item, id } = this.random.pick(entries);
    return {
      kind: 'part',
      description: item.name,
      quantityMilli: this.random.int(part.quantity[0], part.quantity[1]) * 1000,
      unitPriceCents: shelfPrice(item.sellCents * inflation),
      unitCostCents: Math.round(item.costCents * inflation),
      taxable: true,
      inventoryItemId: id,
      partNumber: item.sku,
      optional: part.probability !== undefined,
    };
  }

  private specialLine(part: SpecialPart, inflation: number): LineDraft | null {
    const r = this.random;
    if (part.probability !== undefined && !r.chance(part.probability)) return null;
    const cost = Math.round(r.int(part.cost[0], part.cost[1]) * inflation);
    return {
      kind: 'part',
      description: part.name,
      quantityMilli: r.int(part.quantity[0], part.quantity[1]) * 1000,
      unitPriceCents: shelfPrice(cost * part.markup),
      unitCostCents: cost,
      taxable: true,
      inventoryItemId: null,
      partNumber: `${part.partPrefix}${r.int(10_000, 99_999)}`,
      optional: part.probability !== undefined,
    };
  }
}
