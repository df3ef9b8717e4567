import { parseDollars, parseQuantity } from './form-values';

/**
 * Line items as the advisor types them: which fields each kind needs (the same rules as the
 * server's line-rules.ts, checked here only so a typo is named before the round trip), labels,
 * and which approval decisions a line can take.
 */
export type LineKind = 'labor' | 'part' | 'fee' | 'sublet';
export type ApprovalState = 'recommended' | 'approved' | 'declined' | 'deferred';
export type Decision = Exclude<ApprovalState, 'recommended'>;
export type ApprovalMethod = 'in_person' | 'phone' | 'link' | 'text' | 'email';

export const LINE_KINDS: readonly LineKind[] = ['labor', 'part', 'fee', 'sublet'];

export const LINE_KIND_LABELS: Record<LineKind, string> = {
  labor: 'Labor',
  part: 'Part',
  fee: 'Fee',
  sublet: 'Sublet',
};

export const APPROVAL_LABELS: Record<ApprovalState, string> = {
  recommended: 'Recommended',
  approved: 'Approved',
  declined: 'Declined',
  deferred: 'Deferred',
};

/** The methods an advisor records at the counter (link/text/email come from the customer's own device). */
export const COUNTER_METHODS: readonly ApprovalMethod[] = ['in_person', 'phone'];

export const METHOD_LABELS: Record<ApprovalMethod, string> = {
  in_person: 'in person',
  phone: 'by phone',
  link: 'by link',
  text: 'by text',
  email: 'by email',
};

/** What the add/edit line form holds: text as typed. */
export interface LineFormValues {
  kind: LineKind;
  description: string;
  quantity: string;
  /** Dollars as typed; blank on labor means the shop labor rate. */
  unitPrice: string;
  partNumber: string;
  taxable: boolean;
  /** A part from stock: the item's id ('' = a non-stock part, typed by hand). */
  inventoryItemId: string;
  /** What the picked stock item is, for the form: "BP-100 Brake pads · 6 on hand". */
  stockLabel: string;
  /** Dollars as typed, a non-stock part's unit cost; blank = cost missing (left out of gross profit). */
  unitCost: string;
}

export function emptyLineForm(kind: LineKind = 'labor'): LineFormValues {
  return {
    kind,
    description: '',
    quantity: '1',
    unitPrice: '',
    partNumber: '',
    taxable: true,
    inventoryItemId: '',
    stockLabel: '',
    unitCost: '',
  };
}

/** The body POST /api/jobs/{id}/lines takes (its optional fields left out when not typed). */
export interface LineBody {
  kind: LineKind;
  description: string;
  quantity: number;
  unitPriceCents?: number;
  /** A non-stock part's cost; a stock part's comes from the item. */
  unitCostCents?: number;
  inventoryItemId?: string;
  partNumber?: string;
  taxable: boolean;
}

export interface LocalFieldError {
  path: string;
  message: string;
}

export type LineFormResult = { ok: true; body: LineBody } | { ok: false; errors: LocalFieldError[] };

/** Checks a line form; the paths match the server's, so both kinds of error show in the same place. */
export function lineBodyFrom(values: LineFormValues): LineFormResult {
  const errors: LocalFieldError[] = [];
  const description = values.description.trim();
  if (description === '') errors.push({ path: 'description', message: 'is required' });
  const quantity = parseQuantity(values.quantity);
  if (quantity === null)
    errors.push({ path: 'quantity', message: 'must be a number above 0 with at most 3 decimals' });
  // A stock part is priced by the server when no price is typed (its sell price, else the matrix).
  const stockItem = values.kind === 'part' ? (values.inventoryItemId ?? '') : '';
  let unitPriceCents: number | undefined;
  if (values.unitPrice.trim() !== '') {
    const cents = parseDollars(values.unitPrice);
    if (cents === null) errors.push({ path: 'unitPriceCents', message: 'must be an amount like 45.50' });
    else unitPriceCents = cents;
  } else if (values.kind !== 'labor' && stockItem === '') {
    errors.push({ path: 'unitPriceCents', message: `is required for a ${values.kind} line` });
  }
  let unitCostCents: number | undefined;
  const costText = (values.unitCost ?? '').trim();
  if (values.kind === 'part' && stockItem === '' && costText !== '') {
    const cents = parseDollars(costText);
    if (cents === null) errors.push({ path: 'unitCostCents', message: 'must be an amount like 12.40' });
    else unitCostCents = cents;
  }
  const partNumber = values.partNumber.trim();
  if (values.kind === 'part' && stockItem === '' && partNumber === '')
    errors.push({ path: 'partNumber', message: 'is required for a part not from stock' });
  if (errors.length > 0 || quantity === null) return { ok: false, errors };
  return {
    ok: true,
    body: {
      kind: values.kind,
      description,
      quantity,
      ...(unitPriceCents === undefined ? {} : { unitPriceCents }),
      ...(unitCostCents === undefined ? {} : { unitCostCents }),
      ...(stockItem === '' ? {} : { inventoryItemId: stockItem }),
      ...(values.kind === 'part' && partNumber !== '' ? { partNumber } : {}),
      taxable: values.taxable,
    },
  };
}

/** The decisions a line can take now: any but the one it already has. */
export function decisionsFor(state: ApprovalState): Decision[] {
  return (['approved', 'declined', 'deferred'] as const).filter((d) => d !== state);
}

/** The button text for a decision. */
export const DECISION_ACTIONS: Record<Decision, string> = {
  approved: 'Approve',
  declined: 'Decline',
  deferred: 'Defer',
};

/** "Approved by Ann Example, by phone": how a decision was taken, for the line's badge. */
export function approvalNote(line: {
  approvalState: ApprovalState;
  approvalBy: string | null;
  approvalMethod: ApprovalMethod | null;
}): string {
  if (line.approvalState === 'recommended') return '';
  const who = line.approvalBy ? ` by ${line.approvalBy}` : '';
  const how = line.approvalMethod ? `, ${METHOD_LABELS[line.approvalMethod]}` : '';
  return `${APPROVAL_LABELS[line.approvalState]}${who}${how}`;
}

/** Quantity as shown: "1.5 h" for labor, "2" for parts. */
export function quantityLabel(kind: LineKind, quantity: number): string {
  return kind === 'labor' ? `${quantity} h` : String(quantity);
}
