import type { ApprovalMethod } from '../../src/db/tables/repair-orders.js';
import { HOUR, MINUTE, type ShopDay } from './calendar.js';
import type { SeedContext, TechnicianMember } from './context.js';
import type { JobDraft, VisitDraft } from './model.js';

/**
 * How the work on a visit went: who approved what and how, which technician did each job in
 * which bay, and when. One DaySchedule per shop day keeps each technician on one job at a time.
 */

const DEFERRED_REASONS = [
  'Customer will schedule it next month',
  'Budget: customer will call back after payday',
  'Customer wants to think about it',
  'Not authorized: customer could not be reached before pickup',
  'Customer is selling the car',
];

const INSPECTION_METHODS: readonly { weight: number; method: ApprovalMethod }[] = [
  { weight: 35, method: 'phone' },
  { weight: 22, method: 'text' },
  { weight: 30, method: 'link' },
  { weight: 8, method: 'in_person' },
  { weight: 5, method: 'email' },
];

/** Concerns are authorised at write-up; the inspection's findings are sold a little later. */
export function decideApproval(ctx: SeedContext, visit: VisitDraft, job: JobDraft, decidedBy: number): void {
  const r = ctx.random;
  if (job.source === 'concern') {
    job.approval = {
      state: 'approved',
      method: r.chance(0.8) ? 'in_person' : 'phone',
      at: visit.openedAt + r.int(2, 15) * MINUTE,
      deferredReason: null,
    };
    return;
  }
  const at = visit.openedAt + r.int(45, 240) * MINUTE;
  if (at > decidedBy) return; // still waiting for the customer
  const roll = r.next();
  const method = r.weighted(INSPECTION_METHODS).method;
  if (roll < 0.58) job.approval = { state: 'approved', method, at, deferredReason: null };
  else if (roll < 0.84) job.approval = { state: 'declined', method, at, deferredReason: null };
  else job.approval = { state: 'deferred', method, at, deferredReason: r.pick(DEFERRED_REASONS) };
}

/** Approved work only: declined and deferred jobs are never dispatched. */
export function isWorkable(job: JobDraft): boolean {
  return job.approval.state === 'approved';
}

export interface Slot {
  technician: TechnicianMember;
  technicianIndex: number;
  bayIndex: number;
  start: number;
  end: number;
}

/** The technicians of one day, each free from a given time; jobs go to the first free able tech. */
export class DaySchedule {
  readonly #freeAt = new Map<number, number>();
  readonly #onDuty: { technician: TechnicianMember; index: number }[];

  constructor(
    private readonly ctx: SeedContext,
    readonly day: ShopDay,
  ) {
    this.#onDuty = ctx.technicians
      .map((technician, index) => ({ technician, index }))
      .filter(({ technician }) => technician.from <= day.opens && day.opens < technician.until);
  }

  assign(job: JobDraft, notBefore: number): Slot | null {
    if (this.#onDuty.length === 0) return null;
    const able = this.#onDuty.filter(({ technician }) => technician.spec.skills.includes(job.spec.skill));
    const candidates = able.length > 0 ? able : this.#onDuty;
    let best = candidates[0]!;
    for (const candidate of candidates) {
      if (
        (this.#freeAt.get(candidate.index) ?? this.day.opens) <
        (this.#freeAt.get(best.index) ?? this.day.opens)
      )
        best = candidate;
    }
    const r = this.ctx.random;
    const start = Math.max(this.#freeAt.get(best.index) ?? this.day.opens, notBefore);
    const clocked = Math.max(0.2, (job.bookHours / best.technician.spec.efficiency) * r.real(0.75, 1.25));
    const end = start + Math.round(clocked * HOUR);
    this.#freeAt.set(best.index, end + r.int(5, 15) * MINUTE);
    return {
      technician: best.technician,
      technicianIndex: best.index,
      bayIndex: this.bayFor(job, best.technician),
      start,
      end,
    };
  }

  private bayFor(job: JobDraft, technician: TechnicianMember): number {
    if (job.spec.bay === 'alignment') return 4;
    if (job.spec.bay === 'tire-machine') return 5;
    return technician.homeBay;
  }
}

const QUARTER = 15 * MINUTE;
export const floorQuarter = (at: number) => at - (at % QUARTER);

/** Writes a slot onto the job as planned and as done. */
export function applySlot(job: JobDraft, slot: Slot): void {
  job.technicianIndex = slot.technicianIndex;
  job.bayIndex = slot.bayIndex;
  job.scheduledStart = floorQuarter(slot.start);
  job.estimatedEnd = job.scheduledStart + Math.round(job.bookHours * HOUR);
  job.actualStart = slot.start;
  job.actualEnd = slot.end;
}
