import type { Body, Ok } from '$lib/api/client';
import type { FieldError } from '$lib/api/problem';
import { centsToDollars, dollarsToCents, formatScaled, parseScaled } from './units';

export type CannedJob = Ok<'/api/canned-jobs', 'get'>['items'][number];
type CannedLine = CannedJob['lines'][number];
export type LineKind = CannedLine['kind'];
export type CannedLineInput = NonNullable<Body<'/api/canned-jobs', 'post'>['lines']>[number];

export const LINE_KINDS: readonly LineKind[] = ['labor', 'part', 'fee', 'sublet'];
export const LINE_KIND_LABELS: Record<LineKind, string> = {
  labor: 'Labor',
  part: 'Part',
  fee: 'Fee',
  sublet: 'Sublet',
};

/** One line of a canned job as typed: hours and dollars as text until saved. */
export interface CannedLineForm {
  kind: LineKind;
  description: string;
  quantity: string;
  /** Empty: labor at the shop rate (a price is required for the other kinds). */
  unitPrice: string;
  unitCost: string;
  partNumber: string;
  taxable: boolean;
}

export function newLineForm(kind: LineKind = 'labor'): CannedLineForm {
  return { kind, description: '', quantity: '1', unitPrice: '', unitCost: '', partNumber: '', taxable: true };
}

export function lineToForm(line: CannedLine): CannedLineForm {
  return {
    kind: line.kind,
    description: line.description,
    // Quantities are exact to 3 decimals on the server: 1.5 hours, 4.25 quarts.
    quantity: formatScaled(Math.round(line.quantity * 1000), 3, true),
    unitPrice: line.unitPriceCents === null ? '' : centsToDollars(line.unitPriceCents),
    unitCost:
      line.unitCostCents === null || line.unitCostCents === 0 ? '' : centsToDollars(line.unitCostCents),
    partNumber: line.partNumber ?? '',
    taxable: line.taxable,
  };
}

export type LinesResult = { ok: true; lines: CannedLineInput[] } | { ok: false; errors: FieldError[] };

/**
 * The lines in the server's units, or the fields that are not numbers (by the server's own paths,
 * `lines.2.quantity`), so they show beside the right input. The server judges the rest.
 */
export function formToLines(lines: readonly CannedLineForm[]): LinesResult {
  const errors: FieldError[] = [];
  const out = lines.map((line, i): CannedLineInput => {
    const quantityMilli = parseScaled(line.quantity, 3);
    if (quantityMilli === null || quantityMilli === 0)
      errors.push({ path: `lines.${i}.quantity`, message: 'enter hours or units above 0, like 1.5' });
    const price = line.unitPrice.trim() === '' ? null : dollarsToCents(line.unitPrice);
    if (price && !price.ok) errors.push({ path: `lines.${i}.unitPriceCents`, message: price.message });
    const cost = line.kind === 'part' && line.unitCost.trim() !== '' ? dollarsToCents(line.unitCost) : null;
    if (cost && !cost.ok) errors.push({ path: `lines.${i}.unitCostCents`, message: cost.message });
    const partNumber = line.partNumber.trim();
    return {
      kind: line.kind,
      description: line.description.trim(),
      quantity: (quantityMilli ?? 0) / 1000,
      taxable: line.taxable,
      ...(price?.ok ? { unitPriceCents: price.value } : {}),
      ...(cost?.ok ? { unitCostCents: cost.value } : {}),
      ...(line.kind === 'part' && partNumber !== '' ? { partNumber } : {}),
    };
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lines: out };
}
