import type { Body, Ok } from '$lib/api/client';
import type { FieldError } from '$lib/api/problem';
import {
  basisPointsToPercent,
  centsToDollars,
  dollarsToCents,
  percentToBasisPoints,
} from '$lib/settings/units';
import { money } from '$lib/format';

export type PricingMatrix = Ok<'/api/inventory/pricing-matrix', 'get'>;
export type PricingTier = PricingMatrix['tiers'][number];
export type PricingMatrixBody = Body<'/api/inventory/pricing-matrix', 'put'>;

/** One row of the matrix editor, as typed. */
export interface TierForm {
  key: number;
  minCost: string;
  markupPercent: string;
}

let nextKey = 1;

export function tierForms(tiers: readonly PricingTier[]): TierForm[] {
  return sortTiers(tiers).map((t) => ({
    key: nextKey++,
    minCost: centsToDollars(t.minCostCents),
    markupPercent: basisPointsToPercent(t.markupBasisPoints),
  }));
}

export function blankTier(): TierForm {
  return { key: nextKey++, minCost: '', markupPercent: '' };
}

export function sortTiers<T extends PricingTier>(tiers: readonly T[]): T[] {
  return [...tiers].sort((a, b) => a.minCostCents - b.minCostCents);
}

/** The editor's rows → the matrix to save (server paths `tiers.<i>.…` for what cannot be read). */
export function matrixBody(
  rows: readonly TierForm[],
): { ok: true; body: PricingMatrixBody } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const tiers: PricingMatrixBody['tiers'] = [];
  rows.forEach((row, index) => {
    const min = dollarsToCents(row.minCost);
    const markup = percentToBasisPoints(row.markupPercent);
    if (!min.ok) errors.push({ path: `tiers.${index}.minCostCents`, message: min.message });
    if (!markup.ok) errors.push({ path: `tiers.${index}.markupBasisPoints`, message: markup.message });
    if (min.ok && markup.ok) tiers.push({ minCostCents: min.value, markupBasisPoints: markup.value });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, body: { tiers } };
}

/**
 * "$10.00 to $49.99", "$50.00 and up": the costs a tier covers (up to the next tier's minimum).
 * Formatting of the server's own numbers; no price is computed here.
 */
export function tierRange(tiers: readonly PricingTier[], index: number): string {
  const sorted = sortTiers(tiers);
  const tier = sorted[index];
  if (!tier) return '';
  const next = sorted[index + 1];
  return next
    ? `${money(tier.minCostCents)} to ${money(next.minCostCents - 1)}`
    : `${money(tier.minCostCents)} and up`;
}

/** "+45 %" for 4500 basis points. */
export function markupLabel(basisPoints: number): string {
  return `+${basisPointsToPercent(basisPoints)} %`;
}

export type PricingPreview = Ok<'/api/inventory/pricing-matrix/preview', 'get'>;

/** The most cents the preview accepts (the server's limit for a cost). */
const MAX_COST_CENTS = 100_000_000;

/** A cost typed in a field → cents to ask the preview about; null when it does not read as one. */
export function previewCost(text: string): number | null {
  if (text.trim() === '') return null;
  const cents = dollarsToCents(text);
  return cents.ok && cents.value <= MAX_COST_CENTS ? cents.value : null;
}

/** "$12.34 → $17.28 (tier from $10.00, +40 %)": the server's answer, in words. */
export function previewText(preview: PricingPreview): string {
  if (preview.sellPriceCents === null || preview.tier === null)
    return `No tier covers ${money(preview.costCents)}: the sell price stays as it is set.`;
  return `${money(preview.costCents)} → ${money(preview.sellPriceCents)} (tier from ${money(
    preview.tier.minCostCents,
  )}, ${markupLabel(preview.tier.markupBasisPoints)})`;
}

/**
 * The sell price to suggest on the new-item form: only while its sell field is empty, for the cost
 * the preview was asked about, and when a tier covers it.
 */
export function sellSuggestion(
  form: { cost: string; sell: string },
  preview: PricingPreview | null,
): number | null {
  if (preview === null || form.sell.trim() !== '') return null;
  if (previewCost(form.cost) !== preview.costCents) return null;
  return preview.sellPriceCents;
}
