import type { Db } from '../../db/database.js';
import type { LineKind } from '../../db/tables/repair-orders.js';
import { problems, type FieldError } from '../../lib/problem.js';
import type { PartPrice, PartPricer } from './module-context.js';
import { quantityToMilli } from './quantity.js';

/**
 * The rules every line obeys, whether typed on a job or kept in a canned job: what a part needs,
 * which kinds carry a price of their own, and exact quantities. Checked before anything is written.
 */
export interface LineFieldsInput {
  kind: LineKind;
  description: string;
  quantity: number;
  unitPriceCents?: number | undefined;
  unitCostCents?: number | undefined;
  taxable?: boolean | undefined;
  inventoryItemId?: string | null | undefined;
  partNumber?: string | null | undefined;
}

/** A checked line whose price may still be open (labor rate, a stock part's sell price). */
export interface LineDraft {
  kind: LineKind;
  description: string;
  quantityMilli: number;
  unitPriceCents: number | null;
  unitCostCents: number | null;
  taxable: boolean;
  inventoryItemId: string | null;
  partNumber: string | null;
}

function fieldErrorsOf(input: LineFieldsInput, path: (field: string) => string): FieldError[] {
  const errors: FieldError[] = [];
  if (input.description.trim() === '')
    errors.push({ path: path('description'), message: 'must not be blank' });
  if (quantityToMilli(input.quantity) === null)
    errors.push({ path: path('quantity'), message: 'must be greater than 0 with at most 3 decimals' });
  const hasItem = input.inventoryItemId != null;
  const hasPartNumber = input.partNumber != null;
  if (input.kind !== 'part') {
    if (hasItem) errors.push({ path: path('inventoryItemId'), message: 'is only for part lines' });
    if (hasPartNumber) errors.push({ path: path('partNumber'), message: 'is only for part lines' });
  } else if (!hasItem && !hasPartNumber) {
    errors.push({
      path: path('partNumber'),
      message: 'a part line needs an inventoryItemId (stock) or a partNumber (non-stock)',
    });
  }
  const priceFallback = input.kind === 'labor' || (input.kind === 'part' && hasItem);
  if (input.unitPriceCents === undefined && !priceFallback)
    errors.push({ path: path('unitPriceCents'), message: `is required for a ${describeKind(input)} line` });
  return errors;
}

function describeKind(input: LineFieldsInput): string {
  return input.kind === 'part' ? 'non-stock part' : input.kind;
}

/**
 * Checks lines and the stock items they name; throws one 400 naming every bad field.
 * `path(i, field)` names a field in the request (e.g. `lines.2.quantity`). The stock items are
 * known through the inventory module's pricer (an unknown item has no price), which also gives
 * the price a draft without one takes (`priceDraft`).
 */
export async function checkLines(
  db: Db,
  pricer: PartPricer,
  inputs: readonly LineFieldsInput[],
  path: (index: number, field: string) => string,
): Promise<{ drafts: LineDraft[]; partPrices: Map<string, PartPrice> }> {
  const errors = inputs.flatMap((input, i) => fieldErrorsOf(input, (field) => path(i, field)));
  const itemIds = [...new Set(inputs.map((l) => l.inventoryItemId).filter((id): id is string => id != null))];
  const partPrices = new Map<string, PartPrice>();
  for (const itemId of itemIds) {
    const price = await pricer(db, itemId);
    if (price !== undefined) partPrices.set(itemId, price);
  }
  inputs.forEach((input, i) => {
    if (input.inventoryItemId != null && !partPrices.has(input.inventoryItemId))
      errors.push({ path: path(i, 'inventoryItemId'), message: 'no inventory item has this id' });
  });
  if (errors.length > 0) throw problems.validation(errors);
  const drafts = inputs.map((input) => ({
    kind: input.kind,
    description: input.description.trim(),
    quantityMilli: quantityToMilli(input.quantity)!,
    unitPriceCents: input.unitPriceCents ?? null,
    unitCostCents: input.unitCostCents ?? null,
    taxable: input.taxable ?? true,
    inventoryItemId: input.inventoryItemId ?? null,
    partNumber: input.partNumber?.trim() ?? null,
  }));
  return { drafts, partPrices };
}

/**
 * The price and cost a draft takes now: its own, else the shop labor rate or, for a stock part,
 * what the inventory module prices it at (sell price, else the pricing matrix on its cost).
 */
export function priceDraft(
  draft: LineDraft,
  laborRateCents: number,
  partPrice: PartPrice | undefined,
): PartPrice {
  const fallbackPrice = draft.kind === 'labor' ? laborRateCents : (partPrice?.unitPriceCents ?? 0);
  return {
    unitPriceCents: draft.unitPriceCents ?? fallbackPrice,
    unitCostCents: draft.unitCostCents ?? partPrice?.unitCostCents ?? 0,
  };
}
