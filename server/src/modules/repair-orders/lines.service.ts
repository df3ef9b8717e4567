import type { Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { LineItemsTable, ServiceJobsTable } from '../../db/tables/repair-orders.js';
import { newId } from '../../lib/ids.js';
import { staleVersionProblem, orNotFound } from '../../lib/versioning.js';
import type { Actor } from '../audit/audit.service.js';
import { findJobRow } from './jobs.repository.js';
import { checkLines, priceDraft, type LineDraft, type LineFieldsInput } from './line-rules.js';
import {
  deleteLine,
  findLine,
  insertLines,
  nextLineSortOrder,
  updateLineIfVersion,
} from './lines.repository.js';
import {
  ensureJobNotPaid,
  ensureWorkEditable,
  nowIso,
  partPricerOf,
  requireRepairOrderOfJob,
  type ModuleContext,
  type PartPrice,
} from './module-context.js';
import { milliToQuantity } from './quantity.js';
import { toLine } from './repair-orders.mappers.js';
import type { CreateLineInput, Line, UpdateLineInput } from './repair-orders.schemas.js';
import { lineAmountCents } from './totals.js';
import { inTransaction } from '../../db/after-commit.js';

type LineRow = Selectable<LineItemsTable>;
type JobRow = Selectable<ServiceJobsTable>;

/**
 * Writes checked drafts as new recommended lines at the end of a job, auditing each (a new line
 * changes what the customer is asked to pay). Runs in the caller's transaction.
 */
export async function insertLineDrafts(
  ctx: ModuleContext,
  tx: Db,
  actor: Actor,
  job: Pick<JobRow, 'id' | 'repair_order_id'>,
  drafts: readonly LineDraft[],
  partPrices: ReadonlyMap<string, PartPrice>,
  laborRateCents: number,
): Promise<string[]> {
  const at = nowIso(ctx.clock);
  let sortOrder = await nextLineSortOrder(tx, job.id);
  const prices = drafts.map((draft) =>
    priceDraft(
      draft,
      laborRateCents,
      draft.inventoryItemId === null ? undefined : partPrices.get(draft.inventoryItemId),
    ),
  );
  const rows = drafts.map((draft, i) => {
    const price = prices[i]!;
    return {
      id: newId(),
      job_id: job.id,
      kind: draft.kind,
      description: draft.description,
      quantity_milli: draft.quantityMilli,
      unit_price_cents: price.unitPriceCents,
      unit_cost_cents: price.unitCostCents,
      taxable: draft.taxable ? 1 : 0,
      inventory_item_id: draft.inventoryItemId,
      part_number: draft.partNumber,
      sort_order: sortOrder++,
      created_at: at,
      updated_at: at,
    };
  });
  await insertLines(tx, rows);
  for (const row of rows) {
    await ctx.audit.record(tx, actor, {
      action: 'line.added',
      entityType: 'line',
      entityId: row.id,
      data: {
        jobId: job.id,
        repairOrderId: job.repair_order_id,
        kind: row.kind,
        description: row.description,
        quantity: milliToQuantity(row.quantity_milli),
        unitPriceCents: row.unit_price_cents,
        amountCents: lineAmountCents(row.quantity_milli, row.unit_price_cents),
      },
    });
  }
  return rows.map((row) => row.id);
}

/** What a line goes back to when the customer must decide again. */
const RESET_APPROVAL = {
  approval_state: 'recommended',
  approval_method: null,
  approval_by: null,
  approval_recorded_by: null,
  approval_at: null,
  deferred_reason: null,
} as const;

/** The fields of a line that are money: a change is audited with before and after. */
const MONEY_FIELDS = ['quantity_milli', 'unit_price_cents', 'unit_cost_cents', 'taxable'] as const;

function mergedInput(row: LineRow, input: UpdateLineInput): LineFieldsInput {
  return {
    kind: row.kind,
    description: input.description ?? row.description,
    quantity: input.quantity ?? milliToQuantity(row.quantity_milli),
    unitPriceCents: input.unitPriceCents ?? row.unit_price_cents,
    unitCostCents: input.unitCostCents ?? row.unit_cost_cents,
    taxable: input.taxable ?? row.taxable === 1,
    inventoryItemId: input.inventoryItemId === undefined ? row.inventory_item_id : input.inventoryItemId,
    partNumber: input.partNumber === undefined ? row.part_number : input.partNumber,
  };
}

function changedFields(before: LineRow, after: Updateable<LineItemsTable>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(after)) {
    if (key === 'updated_at') continue;
    const previous = before[key as keyof LineRow];
    if (value !== previous) changes[key] = { from: previous, to: value };
  }
  return changes;
}

/** Line items on a job: labor, parts, fees, sublet, with their approval state. */
export class LinesService {
  constructor(private readonly ctx: ModuleContext) {}

  async add(actor: Actor, jobId: string, input: CreateLineInput): Promise<Line> {
    const { row, job } = await inTransaction(this.ctx.db, async (tx) => {
      const job = await this.requireJob(tx, jobId);
      const { drafts, partPrices } = await checkLines(
        tx,
        partPricerOf(this.ctx),
        [input],
        (_i, field) => field,
      );
      const settings = await this.ctx.settings.get(tx);
      const [id] = await insertLineDrafts(
        this.ctx,
        tx,
        actor,
        job,
        drafts,
        partPrices,
        settings.laborRateCents,
      );
      return { row: (await findLine(tx, id!))!, job };
    });
    this.announce(job);
    return toLine(row);
  }

  async update(actor: Actor, id: string, input: UpdateLineInput): Promise<Line> {
    const { row, job, reset } = await inTransaction(this.ctx.db, async (tx) => {
      const current = orNotFound(await findLine(tx, id), 'line item', id);
      const job = await this.requireJob(tx, current.job_id);
      if (current.version !== input.version)
        throw staleVersionProblem('line item', current.version, toLine(current));
      const [draft] = (
        await checkLines(tx, partPricerOf(this.ctx), [mergedInput(current, input)], (_i, field) => field)
      ).drafts;
      const next: Updateable<LineItemsTable> = {
        description: draft!.description,
        quantity_milli: draft!.quantityMilli,
        unit_price_cents: draft!.unitPriceCents!,
        unit_cost_cents: draft!.unitCostCents!,
        taxable: draft!.taxable ? 1 : 0,
        inventory_item_id: draft!.inventoryItemId,
        part_number: draft!.partNumber,
      };
      const repriced =
        next.quantity_milli !== current.quantity_milli || next.unit_price_cents !== current.unit_price_cents;
      // The customer approved a price; a different price needs their approval again.
      const reset = repriced && current.approval_state === 'approved';
      const at = nowIso(this.ctx.clock);
      const changes = changedFields(current, next);
      const ok = await updateLineIfVersion(tx, id, input.version, {
        ...next,
        ...(reset ? RESET_APPROVAL : {}),
        updated_at: at,
      });
      if (!ok) throw staleVersionProblem('line item', current.version + 1);
      await this.auditUpdate(tx, actor, current, job, changes, next);
      if (reset) {
        await this.ctx.audit.record(tx, actor, {
          action: 'line.approval_reset',
          entityType: 'line',
          entityId: id,
          data: {
            jobId: job.id,
            repairOrderId: job.repair_order_id,
            from: 'approved',
            to: 'recommended',
            why: 'quantity or price changed after approval',
            approvedBy: current.approval_by,
          },
        });
      }
      return { row: (await findLine(tx, id))!, job, reset };
    });
    this.announce(job);
    if (reset) {
      this.ctx.events.emit('approvalRecorded', {
        repairOrderId: job.repair_order_id!,
        jobId: job.id,
        lineIds: [id],
        state: 'recommended',
        method: 'line_changed',
        at: row.updated_at,
      });
    }
    return toLine(row);
  }

  async remove(actor: Actor, id: string, version: number | undefined): Promise<void> {
    const job = await inTransaction(this.ctx.db, async (tx) => {
      const current = orNotFound(await findLine(tx, id), 'line item', id);
      const job = await this.requireJob(tx, current.job_id);
      if (version !== undefined && current.version !== version)
        throw staleVersionProblem('line item', current.version, toLine(current));
      await deleteLine(tx, id);
      await this.ctx.audit.record(tx, actor, {
        action: 'line.deleted',
        entityType: 'line',
        entityId: id,
        data: {
          jobId: job.id,
          repairOrderId: job.repair_order_id,
          kind: current.kind,
          description: current.description,
          quantity: milliToQuantity(current.quantity_milli),
          unitPriceCents: current.unit_price_cents,
          amountCents: lineAmountCents(current.quantity_milli, current.unit_price_cents),
          approvalState: current.approval_state,
        },
      });
      return job;
    });
    this.announce(job);
  }

  /** The job a line change touches, checked open for changes. */
  private async requireJob(tx: Db, jobId: string): Promise<JobRow> {
    const job = orNotFound(await findJobRow(tx, jobId), 'job', jobId);
    ensureWorkEditable(await requireRepairOrderOfJob(tx, job));
    ensureJobNotPaid(job);
    return job;
  }

  private async auditUpdate(
    tx: Db,
    actor: Actor,
    before: LineRow,
    job: JobRow,
    changes: Record<string, { from: unknown; to: unknown }>,
    next: Updateable<LineItemsTable>,
  ): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    const money = MONEY_FIELDS.some((field) => field in changes);
    await this.ctx.audit.record(tx, actor, {
      action: 'line.updated',
      entityType: 'line',
      entityId: before.id,
      data: {
        jobId: job.id,
        repairOrderId: job.repair_order_id,
        changes,
        ...(money
          ? {
              amountCents: {
                from: lineAmountCents(before.quantity_milli, before.unit_price_cents),
                to: lineAmountCents(next.quantity_milli as number, next.unit_price_cents as number),
              },
            }
          : {}),
      },
    });
  }

  private announce(job: JobRow): void {
    this.ctx.events.emit('jobChanged', {
      jobId: job.id,
      repairOrderId: job.repair_order_id!,
      at: nowIso(this.ctx.clock),
    });
  }
}
