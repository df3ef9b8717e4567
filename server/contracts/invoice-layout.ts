/**
 * The one table layout of the paper invoice, shared by the PDF (server) and the print page (ui):
 * every job's lines sit in the same five columns, so amounts line up down the whole page.
 * Pure and free of Node and DOM imports; `import type` only, so the ui bundle stays small.
 */

type LineKind = 'labor' | 'part' | 'fee' | 'sublet';
type ByKind = Record<LineKind, number>;

/**
 * What the layout reads of an invoice document (the API's InvoiceDocument has these fields and
 * more): written here, not imported, so the contract depends on nothing of the server's.
 */
export interface InvoiceDocumentLine {
  kind: LineKind;
  description: string;
  partNumber: string | null;
  quantity: number;
  unitPriceCents: number;
  amountCents: number;
  discountCents: number;
}

export interface InvoiceDocument {
  shop: { registrationNumbers: readonly { label: string; value: string }[] };
  invoice: {
    subtotals: ByKind;
    taxes: ByKind;
    discountCents: number;
    shopSuppliesCents: number;
    taxCents: number;
    totalCents: number;
    balanceCents: number;
    creditNotes: readonly { number: string | number; amountCents: number }[];
    payments: readonly { status: string; kind: string; method: string; amountCents: number }[];
  };
  jobs: readonly {
    title: string;
    technicianName: string | null;
    concern: string;
    cause: string;
    correction: string;
    lines: readonly InvoiceDocumentLine[];
  }[];
  declined: readonly { jobTitle: string; description: string; amountCents: number; state: string }[];
}

export type InvoiceColumnKey = 'description' | 'partNumber' | 'quantity' | 'unitPrice' | 'amount';

export interface InvoiceColumn {
  key: InvoiceColumnKey;
  header: string;
  /** Share of the table width; the shares add up to 1. */
  width: number;
  align: 'left' | 'right';
}

export const INVOICE_COLUMNS: readonly InvoiceColumn[] = [
  { key: 'description', header: 'Description', width: 0.44, align: 'left' },
  { key: 'partNumber', header: 'Part no.', width: 0.16, align: 'left' },
  { key: 'quantity', header: 'Qty / hrs', width: 0.1, align: 'right' },
  { key: 'unitPrice', header: 'Unit price', width: 0.15, align: 'right' },
  { key: 'amount', header: 'Amount', width: 0.15, align: 'right' },
];

export type InvoiceCells = Record<InvoiceColumnKey, string>;

/** One job as printed: its heading, its 3C and its lines in the shared columns. */
export interface InvoiceJobBlock {
  title: string;
  technician: string;
  /** Complaint, cause, correction: only those written. */
  story: { label: 'Concern' | 'Cause' | 'Correction'; text: string }[];
  rows: InvoiceCells[];
  subtotal: string;
}

export interface InvoiceTotalRow {
  label: string;
  amount: string;
  /** The grand total and the balance stand out. */
  strong: boolean;
}

const KIND_LABEL = { labor: 'Labor', part: 'Parts', fee: 'Fees', sublet: 'Sublet' } as const;
const KIND_ORDER = ['labor', 'part', 'fee', 'sublet'] as const;

export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

export function formatMiles(reading: number | null): string {
  return reading === null ? 'not recorded' : reading.toLocaleString('en-US');
}

function quantityText(line: InvoiceDocumentLine): string {
  const q = Number.isInteger(line.quantity)
    ? String(line.quantity)
    : line.quantity.toFixed(2).replace(/0$/, '');
  return line.kind === 'labor' ? `${q} h` : q;
}

function lineCells(line: InvoiceDocumentLine): InvoiceCells {
  const kind = line.kind === 'part' ? '' : `${KIND_LABEL[line.kind].replace(/s$/, '')}: `;
  return {
    description:
      kind +
      line.description +
      (line.discountCents > 0 ? ` (discount ${formatCents(line.discountCents)})` : ''),
    partNumber: line.partNumber ?? '',
    quantity: quantityText(line),
    unitPrice: formatCents(line.unitPriceCents),
    amount: formatCents(line.amountCents),
  };
}

export function invoiceJobBlocks(document: InvoiceDocument): InvoiceJobBlock[] {
  return document.jobs.map((job) => {
    const story = (
      [
        ['Concern', job.concern],
        ['Cause', job.cause],
        ['Correction', job.correction],
      ] as const
    )
      .filter(([, text]) => text.trim() !== '')
      .map(([label, text]) => ({ label, text: text.trim() }));
    // Labor first, then parts, then the rest: the order state laws itemise them in.
    const lines = [...job.lines].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
    return {
      title: job.title,
      technician: job.technicianName ?? 'not assigned',
      story,
      rows: lines.map(lineCells),
      subtotal: formatCents(lines.reduce((sum, l) => sum + l.amountCents, 0)),
    };
  });
}

/** Subtotals by kind (before discounts, as the invoice keeps them), discount, shop supplies, tax by kind, total, credits, payments, balance. */
export function invoiceTotalRows(document: InvoiceDocument): InvoiceTotalRow[] {
  const invoice = document.invoice;
  const rows: InvoiceTotalRow[] = [];
  const add = (label: string, cents: number, strong = false) =>
    rows.push({ label, amount: formatCents(cents), strong });
  for (const kind of KIND_ORDER)
    if (invoice.subtotals[kind] !== 0) add(`${KIND_LABEL[kind]}`, invoice.subtotals[kind]);
  if (invoice.discountCents > 0) add('Discount', -invoice.discountCents);
  if (invoice.shopSuppliesCents > 0) add('Shop supplies', invoice.shopSuppliesCents);
  for (const kind of KIND_ORDER)
    if (invoice.taxes[kind] !== 0) add(`Tax on ${KIND_LABEL[kind].toLowerCase()}`, invoice.taxes[kind]);
  if (invoice.taxCents === 0) add('Tax', 0);
  add('Total', invoice.totalCents, true);
  for (const note of invoice.creditNotes) add(`Credit note ${note.number}`, -note.amountCents);
  for (const payment of invoice.payments.filter((p) => p.status === 'recorded')) {
    const refund = payment.kind === 'refund';
    add(
      `${refund ? 'Refund' : 'Paid'} (${payment.method})`,
      refund ? payment.amountCents : -payment.amountCents,
    );
  }
  add('Balance due', invoice.balanceCents, true);
  return rows;
}

/** "Declined today: Rear brake pads ($310.00); ..." or null when nothing was declined. */
export function declinedText(document: InvoiceDocument): string | null {
  if (document.declined.length === 0) return null;
  return document.declined
    .map(
      (d) =>
        `${d.jobTitle}${d.description === d.jobTitle ? '' : ` - ${d.description}`} (${formatCents(d.amountCents)}${d.state === 'deferred' ? ', deferred' : ''})`,
    )
    .join('; ');
}

export function registrationText(document: InvoiceDocument): string {
  return document.shop.registrationNumbers.map((r) => `${r.label} ${r.value}`).join(' · ');
}
